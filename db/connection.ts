import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { UserError } from '../electron/common/domain/errors';
import { systemCause } from '../electron/common/domain/system-errors';
import { fileStamp } from '../electron/common/domain/timestamps';
import { MIGRATIONS, type Migration } from './migrations';
import { createAutoBackup, writeVerifiedBackup } from './backups';
import { ownershipOf, type Ownership } from './ownership';
import { recordedMigrations, schemaVersion } from './schema-version';
import type { Db } from './types';

export interface OpenOptions {
  /**
   * Where the pre-migration backup goes: default, the database's automatic backup folder;
   * `false` for a working copy that needs none (a restore's staging file).
   */
  backupDir?: string | false;
  /** For tests: a different migration list. */
  migrations?: readonly Migration[];
  /** For tests and backups' names. */
  now?: () => Date;
}

export interface OpenResult {
  db: Db;
  /** Schema version before opening (0 for a new file). */
  fromVersion: number;
  toVersion: number;
  /** The copy made before migrating an existing file, if any. */
  backupPath: string | null;
}

function describe(file: string): string {
  return `「${file}」`;
}

/**
 * The version the migrations start from. It is the header's (user_version) when the schema is
 * that version's. When they disagree, the header is set right only if the schema is exactly one
 * version's and schema_migrations lists exactly that version's migrations: two records against
 * one, and a header is what a SQLite tool writes most easily. Trusting the header would run a
 * migration a second time ("table templates already exists"); refusing would keep the clerk from
 * data the program can read as it is. Anything else (a schema that is no version's, a list of
 * migrations that disagrees with it) is not the program's to mend: it is refused before anything
 * is written or backed up.
 */
function versionFromSchema(db: Db, file: string, header: number, migrations: readonly Migration[]): number {
  const actual = schemaVersion(db, migrations);
  if (actual === header) return header;
  const expected = migrations.filter((m) => actual !== null && m.version <= actual).map((m) => m.version);
  const listed = recordedMigrations(db);
  if (actual !== null && listed.length === expected.length && listed.every((v, i) => v === expected[i])) return actual;
  throw new UserError(
    `数据库${describe(file)}记录的数据库版本（${header}）和它实际的表结构不符，这个结构也不是任何一个版本的建议办理助手建立的（可能被其他工具改动过，或者文件不完整）。` +
      '为保护数据，本程序没有打开或改动它，也没有为它做备份。请把这个文件复制一份交给技术人员检查，或者用“从备份恢复”选一份较早的备份。',
  );
}

function readVersion(db: Db, file: string): number {
  let owner: Ownership;
  try {
    owner = ownershipOf(db);
  } catch (error) {
    const cause = systemCause(error);
    if (cause === 'not-a-database' || cause === 'corrupt') {
      throw new UserError(`${describe(file)}不是建议办理助手的数据库文件，或文件已损坏，无法打开。`);
    }
    throw error;
  }
  if (owner.kind === 'foreign') {
    throw new UserError(`${describe(file)}是其他程序的 SQLite 数据库，不是建议办理助手的数据库，已拒绝打开。`);
  }
  return owner.kind === 'new' ? 0 : owner.version;
}

/**
 * SQLite would quietly open a read-only file read-only and fail at the first save, and in WAL
 * mode it needs to create files beside the database: both are refused up front, in words.
 */
export function assertWritable(file: string, exists: boolean): void {
  const dir = path.dirname(path.resolve(file));
  if (exists) {
    try {
      fs.accessSync(file, fs.constants.W_OK);
    } catch {
      throw new UserError(
        `数据库文件${describe(file)}是只读的，本程序需要保存修改，因此没有打开它。请在文件属性中取消“只读”，或把它复制到可以写入的文件夹（例如“文档”）后再打开。文件本身没有改动。`,
      );
    }
  }
  if (!fs.existsSync(dir)) {
    throw new UserError(
      `数据库所在的文件夹「${dir}」不存在：如果数据库放在 U 盘或移动硬盘上，请插好后再打开；也可能是盘符变了或文件夹被改名。`,
    );
  }
  try {
    fs.accessSync(dir, fs.constants.W_OK);
  } catch {
    throw new UserError(
      `数据库所在的文件夹「${dir}」不允许写入（本程序要在数据库旁边写入日志和备份），因此没有打开。请把数据库放到可以写入的文件夹后再打开。`,
    );
  }
}

/**
 * Opens (or creates) a database: WAL, foreign keys, pending migrations each in a transaction.
 * A database written by a newer version is refused and left untouched; an existing older one is
 * first copied with SQLite's online backup API.
 */
export async function openDatabase(file: string, options: OpenOptions = {}): Promise<OpenResult> {
  const migrations = options.migrations ?? MIGRATIONS;
  const latest = migrations.at(-1)?.version ?? 0;
  const exists = fs.existsSync(file);
  if (!exists) {
    const dir = path.dirname(path.resolve(file));
    if (!fs.existsSync(dir)) throw new UserError(`数据库所在的文件夹不存在：「${dir}」。`);
  }
  assertWritable(file, exists);
  // The header's version and the schema's, read on a read-only connection first, so that a
  // refused file is never written to (no WAL switch, no migration, no backup).
  let header = 0;
  let actual = 0;
  if (exists) {
    let probe: Db;
    try {
      probe = new Database(file, { readonly: true, fileMustExist: true });
    } catch (error) {
      throw new UserError(`无法打开数据库${describe(file)}：${(error as Error).message}`);
    }
    try {
      header = readVersion(probe, file);
      if (header > latest) {
        throw new UserError(
          `数据库${describe(file)}由更新版本的建议办理助手创建（数据库版本 ${header}，本程序只支持到版本 ${latest}）。为保护数据，本程序不会打开它，请升级建议办理助手后再打开。`,
        );
      }
      actual = ownershipOf(probe).kind === 'new' ? 0 : versionFromSchema(probe, file, header, migrations);
    } finally {
      probe.close();
    }
  }
  let db: Db;
  try {
    db = new Database(file, { fileMustExist: false });
  } catch (error) {
    throw new UserError(`无法打开数据库${describe(file)}：${(error as Error).message}`);
  }
  try {
    if (readVersion(db, file) !== header) {
      throw new UserError(`数据库${describe(file)}的版本在打开时发生了变化，请关闭其他程序后重试。`);
    }
    // A header the schema contradicts is set right first (see versionFromSchema): one number in
    // the file's header, nothing else.
    if (actual !== header) db.pragma(`user_version = ${actual}`);
    const fromVersion = actual;
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');

    let backupPath: string | null = null;
    const pending = migrations.filter((m) => m.version > fromVersion);
    if (pending.length > 0 && fromVersion > 0 && options.backupDir !== false) {
      // A migration rewrites tables: keep a checked copy of the old file first. If the copy
      // cannot be made, nothing is migrated.
      if (options.backupDir === undefined) {
        backupPath = (await createAutoBackup(db, file, `升级前-v${fromVersion}`, { now: options.now })).file;
      } else {
        fs.mkdirSync(options.backupDir, { recursive: true });
        const base = path.basename(file).replace(/\.[^.]*$/, '');
        backupPath = path.join(
          options.backupDir,
          `${base}-${fileStamp((options.now ?? (() => new Date()))())}-升级前-v${fromVersion}.db`,
        );
        await writeVerifiedBackup(db, backupPath);
      }
    }
    // All pending migrations in one transaction: a failed upgrade leaves the file exactly as it
    // was, so its pre-upgrade copy is the same file again and is not kept (trying again would
    // otherwise leave one more permanent copy each time).
    try {
      db.transaction(() => {
        db.exec(
          'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
        );
        for (const migration of pending) {
          db.exec(migration.sql);
          db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
            migration.version,
            migration.name,
            new Date().toISOString(),
          );
          db.pragma(`user_version = ${migration.version}`);
        }
      })();
    } catch (error) {
      if (backupPath) fs.rmSync(backupPath, { force: true });
      throw error;
    }
    return { db, fromVersion, toVersion: Math.max(fromVersion, latest), backupPath };
  } catch (error) {
    db.close();
    throw error;
  }
}
