import type Database from 'better-sqlite3';

/**
 * Whose database a file is: the one rule behind opening, recovery, restoring a backup and
 * choosing which backup is good. Reads only the header's user_version and the table names.
 */
export type Ownership =
  | { kind: 'new' } // no table at all: a file SQLite has just made
  | { kind: 'ours'; version: number } // the header's version, which may be wrong (see schema-version.ts)
  | { kind: 'foreign' }; // tables, but not this program's

const OUR_TABLES = ['schema_migrations', 'proposals', 'sessions'];

/** May throw SQLite's error for a file that is not a database or is damaged. */
export function ownershipOf(db: Database.Database): Ownership {
  const version = db.pragma('user_version', { simple: true }) as number;
  const names = new Set(
    (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name),
  );
  if (version === 0 && names.size === 0) return { kind: 'new' };
  // The tables say whose file it is. A header of 0 (or -1) over this program's tables is this
  // program's file with a header some tool wrote: openDatabase reads its version from the schema.
  if (!OUR_TABLES.every((name) => names.has(name))) return { kind: 'foreign' };
  return { kind: 'ours', version };
}
