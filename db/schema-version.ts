import Database from 'better-sqlite3';
import type { Migration } from './migrations';
import type { Db } from './types';

/**
 * Which version a database's schema really is, read from the schema itself rather than from the
 * header's user_version. Each migration sets user_version in the same transaction as its tables,
 * so the two can only disagree when something outside the program wrote one of them (a SQLite
 * tool, a file pieced together from parts). Migrating by a header that is too low would run a
 * migration a second time ("table templates already exists").
 */

/** One line per table (its columns), index (its columns) and trigger of this program's schema. */
type Shape = Map<string, string>;

function shapeOf(db: Db): Shape {
  const shape: Shape = new Map();
  const objects = db
    .prepare(
      "SELECT type, name, tbl_name AS tableName FROM sqlite_master WHERE type IN ('table', 'index', 'trigger') AND name NOT LIKE 'sqlite_%' AND name <> 'schema_migrations'",
    )
    .all() as { type: string; name: string; tableName: string }[];
  for (const { type, name, tableName } of objects) {
    let detail = `on ${tableName}`;
    if (type === 'table') {
      const columns = db.prepare('SELECT name, type, "notnull", dflt_value, pk FROM pragma_table_info(?)').all(name);
      detail = JSON.stringify(columns);
    } else if (type === 'index') {
      const columns = db.prepare('SELECT name FROM pragma_index_info(?) ORDER BY seqno').all(name);
      detail += JSON.stringify(columns);
    }
    shape.set(`${type} ${name}`, detail);
  }
  return shape;
}

/** The shape after each migration, built once per list in a database in memory. */
const references = new WeakMap<readonly Migration[], { version: number; shape: Shape }[]>();

function referenceShapes(migrations: readonly Migration[]): { version: number; shape: Shape }[] {
  let shapes = references.get(migrations);
  if (shapes) return shapes;
  shapes = [];
  const scratch = new Database(':memory:');
  try {
    for (const migration of migrations) {
      scratch.exec(migration.sql);
      shapes.push({ version: migration.version, shape: shapeOf(scratch) });
    }
  } finally {
    scratch.close();
  }
  references.set(migrations, shapes);
  return shapes;
}

/**
 * The version whose schema this database has exactly, or null when it is none of them (a table
 * missing, a column changed). Tables, indexes and triggers that no version of this program makes
 * are left out of the comparison: an index someone added with a SQLite tool does not change
 * which version the rest is.
 */
export function schemaVersion(db: Db, migrations: readonly Migration[]): number | null {
  const references = referenceShapes(migrations);
  const known = new Set(references.flatMap((r) => [...r.shape.keys()]));
  const actual = [...shapeOf(db)].filter(([key]) => known.has(key));
  const match = references.find(
    ({ shape }) => shape.size === actual.length && actual.every(([key, detail]) => shape.get(key) === detail),
  );
  return match?.version ?? null;
}

/** The versions schema_migrations lists, in order ([] when the table is not there). */
export function recordedMigrations(db: Db): number[] {
  const table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get();
  if (!table) return [];
  return (db.prepare('SELECT version FROM schema_migrations ORDER BY version').all() as { version: number }[]).map(
    (row) => row.version,
  );
}
