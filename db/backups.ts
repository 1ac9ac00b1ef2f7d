import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { UserError } from '../electron/common/domain/errors';
import { errorCode, fileProblem, systemCause, type SystemCause } from '../electron/common/domain/system-errors';
import { fileStamp } from '../electron/common/domain/timestamps';
import { removeLeftovers } from './leftovers';
import { ownershipOf } from './ownership';
import type { Db } from './types';

/**
 * Automatic backups of the database: always through SQLite's online backup API (a plain copy of
 * a live WAL database can miss committed pages), written under a temporary name, checked with
 * `PRAGMA integrity_check`, and only then renamed to a name that counts. A retention policy keeps
 * the folder from growing without bound.
 */

/** Why a backup was made; part of its file name, so a clerk can tell them apart in the folder. */
export type BackupReason = '启动' | '定时' | '导入前' | '删除前' | '升级前' | '恢复前' | '手动';

/** Reasons whose backups are rotated by the retention policy; the others are kept. */
const ROTATED: ReadonlySet<string> = new Set(['启动', '定时', '导入前', '删除前', '手动']);
/** The copies that undo an import or a deletion: the last few are kept whatever their day. */
const UNDO_POINTS: ReadonlySet<string> = new Set(['导入前', '删除前']);

export interface BackupInfo {
  file: string;
  reason: string;
  createdAt: Date;
  bytes: number;
}

export interface RetentionPolicy {
  /** How many of today's rotated backups to keep (newest first). */
  today: number;
  /** For each earlier day, the newest backup is kept, for this many days back. */
  days: number;
  /** The newest backups made before imports and deletions, kept whatever their day. */
  imports: number;
  /** Never more rotated backups than this in all. */
  total: number;
}

export const DEFAULT_RETENTION: RetentionPolicy = { today: 6, days: 30, imports: 5, total: 40 };

/** Where a database's automatic backups live: a folder beside it, named after it. */
export function backupFolder(databaseFile: string): string {
  const resolved = path.resolve(databaseFile);
  return path.join(path.dirname(resolved), `${baseName(resolved)}-自动备份`);
}

function baseName(file: string): string {
  return path.basename(file).replace(/\.[^.]*$/, '');
}

function dayKey(date: Date): string {
  return fileStamp(date).slice(0, 8);
}

const NAME = /^(.+)-(\d{8})-(\d{6})-([^-.]+?(?:-v\d+)?)(?:-(\d+))?\.db$/;

function parseName(file: string): { createdAt: Date; reason: string } | null {
  const match = NAME.exec(path.basename(file));
  if (!match) return null;
  const [, , day, time, reason] = match as unknown as [string, string, string, string, string];
  const createdAt = new Date(
    Number(day.slice(0, 4)),
    Number(day.slice(4, 6)) - 1,
    Number(day.slice(6, 8)),
    Number(time.slice(0, 2)),
    Number(time.slice(2, 4)),
    Number(time.slice(4, 6)),
  );
  return Number.isNaN(createdAt.getTime()) ? null : { createdAt, reason };
}

/**
 * Why the backup folder cannot hold backups, in words, when something other than a folder has
 * its name (a file the clerk made or copied there); null when it is a folder or not there yet.
 */
export function backupFolderProblem(databaseFile: string): string | null {
  const folder = backupFolder(databaseFile);
  let stat: fs.Stats | undefined;
  try {
    stat = fs.statSync(folder, { throwIfNoEntry: false });
  } catch (error) {
    return `无法使用备份文件夹「${folder}」：${fileProblem(error)}。`;
  }
  if (!stat || stat.isDirectory()) return null;
  return (
    `自动备份要放在文件夹「${folder}」里，但那个位置上是一个同名的文件，不是文件夹，所以现在无法备份。` +
    '请把这个文件改名或移到别处（程序不会删除它），下次备份时会自动建好文件夹。'
  );
}

/** The backup folder, made if it is not there yet; a file in its place is refused in words. */
export function ensureBackupFolder(databaseFile: string): string {
  const folder = backupFolder(databaseFile);
  const problem = backupFolderProblem(databaseFile);
  if (problem) throw new UserError(problem);
  try {
    fs.mkdirSync(folder, { recursive: true });
  } catch (error) {
    throw new UserError(`无法创建备份文件夹「${folder}」：${fileProblem(error)}。`);
  }
  return folder;
}

/**
 * The automatic backups of a database, newest first. Half-written ones never appear here, and
 * a backup folder that is not a folder holds none (`backupFolderProblem` says why).
 */
export function listBackups(databaseFile: string): BackupInfo[] {
  const folder = backupFolder(databaseFile);
  if (!fs.existsSync(folder) || backupFolderProblem(databaseFile)) return [];
  const base = baseName(path.resolve(databaseFile));
  const found: BackupInfo[] = [];
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch (error) {
    throw new UserError(`无法读取备份文件夹「${folder}」：${fileProblem(error)}。`);
  }
  for (const name of names) {
    if (!name.startsWith(`${base}-`) || !name.endsWith('.db')) continue;
    const parsed = parseName(name);
    if (!parsed || parsed.reason === '损坏') continue;
    const file = path.join(folder, name);
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    if (!stat?.isFile()) continue;
    found.push({ file, reason: parsed.reason, createdAt: parsed.createdAt, bytes: stat.size });
  }
  return found.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.file.localeCompare(a.file));
}

/**
 * `damaged` is true only when the file's content is bad (the check failed, SQLite calls it
 * corrupt or not a database); a file that is busy, locked or unreadable for now is not damaged
 * and must never be replaced by a backup.
 */
/** The problem said of a database that is whole but is another program's (or an empty file). */
export const NOT_OURS = '不是建议办理助手的数据库';

export type Verdict =
  | {
      ok: true;
      version: number;
      /** No session and no proposal: a database made new, which nobody would want back. */
      empty: boolean;
    }
  | { ok: false; problem: string; damaged: boolean };

/** What reading a database file ran into, in words, and whether it means the content is bad. */
const READ_PROBLEMS: Partial<Record<SystemCause, { problem: string; damaged: boolean }>> = {
  corrupt: { problem: '文件内容已损坏', damaged: true },
  'not-a-database': { problem: '文件头已损坏，或不是数据库文件', damaged: true },
  locked: { problem: '正被其他程序使用（被锁定）', damaged: false },
  'cannot-open': { problem: '无法打开文件（可能没有权限，或文件不存在）', damaged: false },
  io: { problem: '读取磁盘时出错', damaged: false },
  'read-only': { problem: '文件是只读的', damaged: false },
};

function describeSqliteError(error: unknown): { problem: string; damaged: boolean } {
  const cause = systemCause(error);
  return (cause && READ_PROBLEMS[cause]) ?? { problem: `读取时出错（${errorCode(error) || '未知错误'}）`, damaged: false };
}

/**
 * Checks a database file on a read-only connection: it opens, `integrity_check` (or the faster
 * `quick_check`) says ok, and it has this program's tables.
 */
export function inspectDatabaseFile(file: string, check: 'integrity_check' | 'quick_check' = 'integrity_check'): Verdict {
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    return { ok: false, ...describeSqliteError(error) };
  }
  try {
    const rows = db.pragma(check) as { [key: string]: string }[];
    const messages = rows.map((row) => Object.values(row)[0]);
    if (messages.length !== 1 || messages[0] !== 'ok') {
      return { ok: false, problem: `完整性检查发现 ${messages.length} 处问题`, damaged: true };
    }
    const owner = ownershipOf(db);
    if (owner.kind !== 'ours') return { ok: false, problem: NOT_OURS, damaged: false };
    const held = db.prepare('SELECT (SELECT count(*) FROM sessions) + (SELECT count(*) FROM proposals) AS n').get() as {
      n: number;
    };
    return { ok: true, version: owner.version, empty: held.n === 0 };
  } catch (error) {
    return { ok: false, ...describeSqliteError(error) };
  } finally {
    db.close();
  }
}

const COMPANIONS = ['-wal', '-shm', '-journal'];
function removeWithCompanions(file: string): void {
  for (const suffix of ['', ...COMPANIONS]) fs.rmSync(file + suffix, { force: true });
}

let partialCounter = 0;
const PARTIAL = /^\..+\.(\d+)\.\d+\.partial(?:-wal|-shm|-journal)?$/;

/**
 * Copies a database with SQLite's online backup API in one step: all pages at once, under one
 * read of the source. Copied in the API's default steps of 100 pages, a copy starts over each
 * time another connection writes, and a large database being edited is copied for minutes.
 */
export async function copyDatabase(source: Db, target: string): Promise<void> {
  await source.backup(target, { progress: () => ALL_PAGES });
}
const ALL_PAGES = 0x7fffffff;

/**
 * A name for a copy being made of `target`, beside it: hidden, carrying this process's id, so
 * that when the process is killed half-way the next backup sweeps it away.
 */
export function partialFile(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${++partialCounter}.partial`);
}

/** Removes what backups and restores killed half-way left in a folder (their process is gone). */
function removeStalePartials(folder: string): string[] {
  return removeLeftovers(folder, PARTIAL);
}

/** At start: what killed backups and restores of this database left behind, removed. */
export function sweepBackupFolder(databaseFile: string): string[] {
  return removeStalePartials(backupFolder(databaseFile));
}

/**
 * Copies `db` to `target` with the online backup API and checks the copy. The copy appears
 * under `target` only when it is complete and sound; otherwise nothing is left behind. The copy
 * is switched to a rollback journal, so that reading it later leaves no -wal or -shm beside it.
 */
export async function writeVerifiedBackup(db: Db, target: string): Promise<void> {
  const partial = partialFile(target);
  removeWithCompanions(partial);
  try {
    await copyDatabase(db, partial);
    const copy = new Database(partial, { fileMustExist: true });
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    const verdict = inspectDatabaseFile(partial);
    if (!verdict.ok) throw new UserError(`备份「${target}」写好后检查未通过：${verdict.problem}。备份没有保存。`);
    const handle = fs.openSync(partial, 'r+');
    try {
      fs.fsyncSync(handle);
    } finally {
      fs.closeSync(handle);
    }
    fs.renameSync(partial, target);
  } catch (error) {
    if (error instanceof UserError) throw error;
    const code = String((error as NodeJS.ErrnoException).code ?? '');
    if (code === 'ENOSPC' || code === 'EDQUOT' || code === 'SQLITE_FULL' || code === 'SQLITE_IOERR_WRITE') {
      throw new UserError(`磁盘空间不足，无法写入备份「${target}」。数据库本身没有改动。`);
    }
    if (
      code === 'EACCES' ||
      code === 'EPERM' ||
      code === 'EROFS' ||
      code === 'ENOENT' ||
      code === 'ENOTDIR' ||
      code.startsWith('SQLITE_CANTOPEN') ||
      code.startsWith('SQLITE_READONLY')
    ) {
      throw new UserError(`无法写入备份「${target}」：文件夹不存在或不允许写入。数据库本身没有改动。`);
    }
    throw new UserError(`无法写入备份「${target}」：${fileProblem(error)}。数据库本身没有改动。`);
  } finally {
    removeWithCompanions(partial);
  }
}

export interface AutoBackupOptions {
  now?: () => Date;
  retention?: RetentionPolicy;
}

/** Makes one automatic backup into the database's backup folder, then applies the retention policy. */
export async function createAutoBackup(
  db: Db,
  databaseFile: string,
  reason: BackupReason | `升级前-v${number}`,
  options: AutoBackupOptions = {},
): Promise<BackupInfo> {
  const now = (options.now ?? (() => new Date()))();
  let folder: string;
  try {
    folder = ensureBackupFolder(databaseFile);
  } catch (error) {
    health.set(path.resolve(databaseFile), { problem: (error as Error).message, lastOk: healthOf(databaseFile).lastOk });
    throw error;
  }
  removeStalePartials(folder);
  const base = baseName(path.resolve(databaseFile));
  let target = path.join(folder, `${base}-${fileStamp(now)}-${reason}.db`);
  // Two backups in the same second (two imports at once) must not share a name.
  for (let n = 2; fs.existsSync(target) || reserved.has(target); n++) {
    target = path.join(folder, `${base}-${fileStamp(now)}-${reason}-${n}.db`);
  }
  reserved.add(target);
  try {
    await writeVerifiedBackup(db, target);
  } catch (error) {
    health.set(path.resolve(databaseFile), {
      problem: error instanceof Error ? error.message : String(error),
      lastOk: healthOf(databaseFile).lastOk,
    });
    throw error;
  } finally {
    reserved.delete(target);
  }
  health.set(path.resolve(databaseFile), { problem: null, lastOk: now });
  const bytes = fs.statSync(target).size;
  pruneBackups(databaseFile, now, options.retention ?? DEFAULT_RETENTION, target);
  return { file: target, reason, createdAt: now, bytes };
}

const reserved = new Set<string>();

/** How the automatic backups of a database have gone in this process: a failing one must be shown. */
export interface BackupHealth {
  /** The last automatic backup failed, and why; null when it worked (or none was tried). */
  problem: string | null;
  lastOk: Date | null;
}
const health = new Map<string, BackupHealth>();
export function healthOf(databaseFile: string): BackupHealth {
  return health.get(path.resolve(databaseFile)) ?? { problem: null, lastOk: null };
}

/**
 * Which rotated backups the policy keeps; the rest are deleted (with any -wal/-shm beside them).
 * Returns the deleted files. Backups dated after `now` (the computer's clock was wrong, or has
 * been corrected) are neither counted nor deleted, and neither is `justWritten`.
 */
export function pruneBackups(
  databaseFile: string,
  now: Date,
  policy: RetentionPolicy = DEFAULT_RETENTION,
  justWritten?: string,
): string[] {
  const rotated = listBackups(databaseFile).filter((b) => ROTATED.has(b.reason) && b.createdAt.getTime() <= now.getTime());
  const keep = new Set<string>();
  const today = dayKey(now);
  const oldest = new Date(now.getFullYear(), now.getMonth(), now.getDate() - policy.days);
  const seenDays = new Set<string>();
  let todays = 0;
  let imports = 0;
  for (const backup of rotated) {
    const day = dayKey(backup.createdAt);
    if (UNDO_POINTS.has(backup.reason) && imports < policy.imports) {
      imports++;
      keep.add(backup.file);
      continue;
    }
    if (day === today) {
      if (todays < policy.today) keep.add(backup.file);
      todays++;
    } else if (!seenDays.has(day) && backup.createdAt >= oldest) {
      seenDays.add(day);
      keep.add(backup.file);
    }
  }
  const keepFinal = new Set(
    rotated
      .filter((b) => keep.has(b.file))
      .slice(0, policy.total)
      .map((b) => b.file),
  );
  const removed: string[] = [];
  for (const backup of rotated) {
    if (keepFinal.has(backup.file) || backup.file === justWritten) continue;
    removeWithCompanions(backup.file);
    removed.push(backup.file);
  }
  return removed;
}
