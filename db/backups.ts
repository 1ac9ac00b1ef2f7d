import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { UserError } from '../electron/domain/errors';
import type { Db } from './connection';

/**
 * Automatic backups of the database: always through SQLite's online backup API (a plain copy of
 * a live WAL database can miss committed pages), written under a temporary name, checked with
 * `PRAGMA integrity_check`, and only then renamed to a name that counts. A retention policy keeps
 * the folder from growing without bound.
 */

/** Why a backup was made; part of its file name, so a clerk can tell them apart in the folder. */
export type BackupReason = '启动' | '定时' | '导入前' | '升级前' | '恢复前' | '手动';

/** Reasons whose backups are rotated by the retention policy; the others are kept. */
const ROTATED: ReadonlySet<string> = new Set(['启动', '定时', '导入前', '手动']);

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
  /** Never more rotated backups than this in all. */
  total: number;
}

export const DEFAULT_RETENTION: RetentionPolicy = { today: 6, days: 30, total: 40 };

/** Where a database's automatic backups live: a folder beside it, named after it. */
export function backupFolder(databaseFile: string): string {
  const resolved = path.resolve(databaseFile);
  return path.join(path.dirname(resolved), `${baseName(resolved)}-自动备份`);
}

function baseName(file: string): string {
  return path.basename(file).replace(/\.[^.]*$/, '');
}

const pad = (n: number) => String(n).padStart(2, '0');
function stamp(date: Date): string {
  return `${date.getFullYear()}${pad(date.getMonth() + 1)}${pad(date.getDate())}-${pad(date.getHours())}${pad(date.getMinutes())}${pad(date.getSeconds())}`;
}
function dayKey(date: Date): string {
  return stamp(date).slice(0, 8);
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

/** The automatic backups of a database, newest first. Half-written ones never appear here. */
export function listBackups(databaseFile: string): BackupInfo[] {
  const folder = backupFolder(databaseFile);
  if (!fs.existsSync(folder)) return [];
  const base = baseName(path.resolve(databaseFile));
  const found: BackupInfo[] = [];
  for (const name of fs.readdirSync(folder)) {
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

export type Verdict = { ok: true; version: number } | { ok: false; problem: string };

/**
 * Checks a database file on a read-only connection: it opens, `integrity_check` (or the faster
 * `quick_check`) says ok, and it has this program's tables.
 */
export function inspectDatabaseFile(file: string, check: 'integrity_check' | 'quick_check' = 'integrity_check'): Verdict {
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    return { ok: false, problem: `无法打开（${(error as Error).message}）` };
  }
  try {
    const rows = db.pragma(check) as { [key: string]: string }[];
    const messages = rows.map((row) => Object.values(row)[0]);
    if (messages.length !== 1 || messages[0] !== 'ok') {
      return { ok: false, problem: `完整性检查未通过（${messages.slice(0, 3).join('；')}${messages.length > 3 ? '……' : ''}）` };
    }
    const version = db.pragma('user_version', { simple: true }) as number;
    const tables = db
      .prepare(
        "SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name IN ('schema_migrations', 'proposals', 'sessions')",
      )
      .get() as { n: number };
    if (version === 0 || tables.n < 3) return { ok: false, problem: '不是建议办理助手的数据库' };
    return { ok: true, version };
  } catch (error) {
    return { ok: false, problem: `读取时出错（${(error as Error).message}）` };
  } finally {
    db.close();
  }
}

/**
 * Copies `db` to `target` with the online backup API and checks the copy. The copy appears
 * under `target` only when it is complete and sound; otherwise nothing is left behind.
 */
export async function writeVerifiedBackup(db: Db, target: string): Promise<void> {
  const partial = path.join(path.dirname(target), `.${path.basename(target)}.partial`);
  fs.rmSync(partial, { force: true });
  try {
    await db.backup(partial);
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
    fs.rmSync(partial, { force: true });
    if (error instanceof UserError) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (code === 'ENOSPC' || code === 'SQLITE_FULL' || code === 'SQLITE_IOERR_WRITE') {
      throw new UserError(`磁盘空间不足，无法写入备份「${target}」。数据库本身没有改动。`);
    }
    if (
      code === 'EACCES' ||
      code === 'EPERM' ||
      code === 'EROFS' ||
      code.startsWith('SQLITE_CANTOPEN') ||
      code.startsWith('SQLITE_READONLY')
    ) {
      throw new UserError(`没有权限写入备份「${target}」，请检查该文件夹是否只读。数据库本身没有改动。`);
    }
    throw new UserError(`无法写入备份「${target}」：${(error as Error).message}。数据库本身没有改动。`);
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
  const folder = backupFolder(databaseFile);
  try {
    fs.mkdirSync(folder, { recursive: true });
  } catch (error) {
    throw new UserError(`无法创建备份文件夹「${folder}」：${(error as Error).message}。`);
  }
  const base = baseName(path.resolve(databaseFile));
  let target = path.join(folder, `${base}-${stamp(now)}-${reason}.db`);
  for (let n = 2; fs.existsSync(target); n++) target = path.join(folder, `${base}-${stamp(now)}-${reason}-${n}.db`);
  await writeVerifiedBackup(db, target);
  pruneBackups(databaseFile, now, options.retention ?? DEFAULT_RETENTION);
  return { file: target, reason, createdAt: now, bytes: fs.statSync(target).size };
}

/** Which rotated backups the policy keeps; the rest are deleted. Returns the deleted files. */
export function pruneBackups(databaseFile: string, now: Date, policy: RetentionPolicy = DEFAULT_RETENTION): string[] {
  const rotated = listBackups(databaseFile).filter((b) => ROTATED.has(b.reason));
  const keep = new Set<string>();
  const today = dayKey(now);
  const oldest = new Date(now.getFullYear(), now.getMonth(), now.getDate() - policy.days);
  const seenDays = new Set<string>();
  let todays = 0;
  for (const backup of rotated) {
    const day = dayKey(backup.createdAt);
    if (day >= today) {
      if (todays < policy.today) keep.add(backup.file);
      todays++;
    } else if (!seenDays.has(day) && backup.createdAt >= oldest) {
      seenDays.add(day);
      keep.add(backup.file);
    }
  }
  const kept = rotated.filter((b) => keep.has(b.file)).slice(0, policy.total);
  const keepFinal = new Set(kept.map((b) => b.file));
  const removed: string[] = [];
  for (const backup of rotated) {
    if (keepFinal.has(backup.file)) continue;
    fs.rmSync(backup.file, { force: true });
    removed.push(backup.file);
  }
  return removed;
}

/** A backup is worth making only when something changed since the last one. */
export function changeCounter(db: Db): number {
  return (db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
}

export interface BackupSchedule {
  /** Runs one round now (for tests and before quitting); resolves with the backup made, if any. */
  runOnce(): Promise<BackupInfo | null>;
  stop(): void;
}

/**
 * Backs up every `intervalMs` while the program is in use, but only when the database changed
 * since the previous backup. Failures are reported through `onError` and never stop the program.
 */
export function scheduleBackups(
  db: Db,
  databaseFile: string,
  options: AutoBackupOptions & { intervalMs?: number; onError?: (error: unknown) => void } = {},
): BackupSchedule {
  let lastCount = changeCounter(db);
  let running: Promise<BackupInfo | null> | null = null;
  const runOnce = (): Promise<BackupInfo | null> => {
    if (running) return running;
    const current = db.open ? changeCounter(db) : lastCount;
    if (current === lastCount) return Promise.resolve(null);
    running = createAutoBackup(db, databaseFile, '定时', options)
      .then((info) => {
        lastCount = current;
        return info;
      })
      .catch((error: unknown) => {
        options.onError?.(error);
        return null;
      })
      .finally(() => {
        running = null;
      });
    return running;
  };
  const timer = setInterval(() => void runOnce(), options.intervalMs ?? 20 * 60 * 1000);
  timer.unref?.();
  return { runOnce, stop: () => clearInterval(timer) };
}

/**
 * The backup made before an import writes anything. If it cannot be made, the import does not
 * run: an import that cannot be undone is worse than one that waits for disk space.
 */
export async function backupBeforeImport(store: { db: Db }, options: AutoBackupOptions = {}): Promise<BackupInfo> {
  try {
    return await createAutoBackup(store.db, store.db.name, '导入前', options);
  } catch (error) {
    const reason = error instanceof UserError ? error.message : (error as Error).message;
    throw new UserError(`导入前的自动备份没有成功，为安全起见没有导入：${reason}`);
  }
}
