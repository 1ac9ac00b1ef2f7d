import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { UserError } from '../electron/common/domain/errors';
import { fileProblem } from '../electron/common/domain/system-errors';
import { fileStamp, spokenTime } from '../electron/common/domain/timestamps';
import { assertWritable } from './connection';
import {
  backupFolder,
  createAutoBackup,
  inspectDatabaseFile,
  listBackups,
  copyDatabase,
  ensureBackupFolder,
  NOT_OURS,
  sweepBackupFolder,
  type BackupInfo,
} from './backups';
import { openStore, type OpenedStore, type StoreOptions } from './store';

/**
 * What happens when the program starts: a quick integrity check of the database; if it is
 * damaged, the newest backup that passes a full check is offered; the damaged file is kept
 * aside, never deleted. When the database is sound, a start-up backup is made.
 */

export interface DamageReport {
  /** The file is damaged, or it is gone while backups of it exist. */
  kind: 'damaged' | 'missing';
  file: string;
  problem: string;
  /** The newest backup that passed its check, or null when there is none. */
  backup: BackupInfo | null;
  /** What to tell the clerk, in full. */
  message: string;
}

const REASON_WORDS: Record<string, string> = {
  启动: '程序启动时的自动备份',
  定时: '使用中的定时自动备份',
  导入前: '导入台账前的自动备份',
  删除前: '删除建议或会议前的自动备份',
  恢复前: '恢复备份前保存的数据库',
  手动: '手动备份',
};
export function describeReason(reason: string): string {
  return REASON_WORDS[reason] ?? (reason.startsWith('升级前') ? '程序升级前的自动备份' : `${reason}备份`);
}

/**
 * The newest automatic backup that passes a full integrity check and holds something: a backup
 * of an empty database (made new after the old one was lost) is never offered over older data.
 */
export function newestGoodBackup(databaseFile: string): BackupInfo | null {
  let emptyOne: BackupInfo | null = null;
  for (const backup of listBackups(databaseFile)) {
    const verdict = inspectDatabaseFile(backup.file);
    if (!verdict.ok) continue;
    if (!verdict.empty) return backup;
    emptyOne ??= backup;
  }
  return emptyOne;
}

/**
 * Checks the database before it is opened for use (a full integrity check: the backups made
 * later run one too, and must not be the first to find damage). Null when it is sound, or new.
 * A file that cannot be read for now (locked by another program) is refused, never reported as
 * damaged: replacing it would lose what the other program writes.
 */
export function checkDatabaseOnStart(databaseFile: string): DamageReport | null {
  if (!fs.existsSync(databaseFile)) {
    const backup = newestGoodBackup(databaseFile);
    if (!backup) return null;
    const problem = '找不到数据库文件（可能被移动、改名或删除）';
    return { kind: 'missing', file: databaseFile, problem, backup, message: missingMessage(databaseFile, backup) };
  }
  const verdict = inspectDatabaseFile(databaseFile);
  if (verdict.ok) return null;
  if (!verdict.damaged) {
    // A file of another program, or of a newer version, is not damage: openDatabase explains those.
    if (verdict.problem === NOT_OURS) return null;
    throw new UserError(
      `数据库「${databaseFile}」现在无法读取：${verdict.problem}。请关闭正在使用它的其他程序（例如另一个建议办理助手窗口或命令行）后再打开。数据库没有改动。`,
    );
  }
  const backup = newestGoodBackup(databaseFile);
  return {
    kind: 'damaged',
    file: databaseFile,
    problem: verdict.problem,
    backup,
    message: damageMessage(databaseFile, verdict.problem, backup),
  };
}

export function missingMessage(file: string, backup: BackupInfo): string {
  return (
    `找不到数据库文件「${file}」（可能被移动、改名或删除），但它的备份还在。最近一份完好的备份是 ${spokenTime(backup.createdAt)} 的${describeReason(backup.reason)}。` +
    `可以从这份备份恢复（此后的修改需要重新录入）；也可以新建一个空数据库从头开始，备份仍会保留在「${backupFolder(file)}」。`
  );
}

export function damageMessage(file: string, problem: string, backup: BackupInfo | null): string {
  const head = `数据库文件「${file}」已损坏：${problem}。`;
  if (!backup) {
    return `${head}没有找到可用的备份（备份文件夹：「${backupFolder(file)}」）。为保护数据，程序不会打开或改动这个文件。请把它复制一份交给技术人员分析，或者用“从备份恢复”选择您另外保存的备份文件。`;
  }
  return (
    `${head}最近一份完好的备份是 ${spokenTime(backup.createdAt)} 的${describeReason(backup.reason)}。` +
    `从它恢复后，数据库回到当时的状态：此后录入、导入或修改的内容将会丢失，需要重新录入。` +
    `已经生成的公文文件不受影响。损坏的文件不会删除，会移到「${backupFolder(file)}」文件夹里保留，以便分析。`
  );
}

/**
 * Puts a damaged database aside (with its -wal and -shm files) in the backup folder and writes
 * the chosen backup in its place. Returns where the damaged file was kept.
 */
export async function recoverFromBackup(databaseFile: string, backupFile: string, now: Date = new Date()): Promise<string> {
  const verdict = inspectDatabaseFile(backupFile);
  if (!verdict.ok) throw new UserError(`备份「${backupFile}」不能使用：${verdict.problem}。数据库没有改动。`);
  const folder = ensureBackupFolder(databaseFile);
  const base = path.basename(databaseFile).replace(/\.[^.]*$/, '');
  let aside = path.join(folder, `${base}-${fileStamp(now)}-损坏.db`);
  for (let n = 2; fs.existsSync(aside); n++) aside = path.join(folder, `${base}-${fileStamp(now)}-损坏-${n}.db`);
  const moved: string[] = [];
  const putBack = () => {
    for (const suffix of moved) {
      try {
        fs.renameSync(aside + suffix, databaseFile + suffix);
      } catch {
        // Leave it where it is: it is still there, under the aside name.
      }
    }
  };
  try {
    for (const suffix of ['', '-wal', '-shm', '-journal']) {
      if (!fs.existsSync(databaseFile + suffix)) continue;
      fs.renameSync(databaseFile + suffix, aside + suffix);
      moved.push(suffix);
    }
  } catch (error) {
    putBack();
    throw new UserError(
      `无法把损坏的数据库移到「${folder}」（${fileProblem(error)}），没有恢复。请关闭其他可能打开它的程序后重试。`,
    );
  }
  const source = new Database(backupFile, { readonly: true, fileMustExist: true });
  try {
    await copyDatabase(source, databaseFile);
  } catch (error) {
    // Put the damaged file back rather than leave nothing at all.
    for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(databaseFile + suffix, { force: true });
    putBack();
    throw new UserError(`从备份恢复失败（${fileProblem(error)}），数据库保持原样。`);
  } finally {
    source.close();
  }
  return aside;
}

export interface StartOptions extends StoreOptions {
  /**
   * Asked when the database is damaged; resolves true to restore `report.backup`. Declining (or
   * no backup) stops the start with a UserError carrying the report's message.
   */
  onDamaged: (report: DamageReport) => Promise<boolean>;
  /** Make the start-up backup (default true). */
  startupBackup?: boolean;
}

export interface StartResult {
  store: OpenedStore;
  /** Set when a damaged database was replaced by a backup. */
  recovered: { from: string; damagedKeptAs: string | null } | null;
  /** Why the start-up backup could not be made, if it could not (the program still starts). */
  backupProblem: string | null;
}

/** Opens the database the way the app does at start: check, recover if asked, back up, open. */
export async function openForUse(databaseFile: string, options: StartOptions): Promise<StartResult> {
  let recovered: StartResult['recovered'] = null;
  // A read-only file fails its check too, but it is not damaged: say what it is.
  assertWritable(databaseFile, fs.existsSync(databaseFile));
  const report = checkDatabaseOnStart(databaseFile);
  if (report?.kind === 'missing' && report.backup) {
    // Declining starts a new, empty database; the backups stay where they are.
    if (await options.onDamaged(report)) {
      const source = new Database(report.backup.file, { readonly: true, fileMustExist: true });
      try {
        await copyDatabase(source, databaseFile);
      } finally {
        source.close();
      }
      recovered = { from: report.backup.file, damagedKeptAs: null };
    }
  } else if (report) {
    const accepted = report.backup ? await options.onDamaged(report) : (await options.onDamaged(report), false);
    if (!accepted || !report.backup) throw new UserError(report.message);
    const damagedKeptAs = await recoverFromBackup(databaseFile, report.backup.file, options.now?.());
    recovered = { from: report.backup.file, damagedKeptAs };
  }
  const existed = fs.existsSync(databaseFile);
  sweepBackupFolder(databaseFile);
  const store = await openStore(databaseFile, options);
  let backupProblem: string | null = null;
  // A database with nothing in it is not backed up at start: its backup would become the newest
  // and be offered, one day, in place of a real one.
  const holds = (
    store.db.prepare('SELECT (SELECT count(*) FROM sessions) + (SELECT count(*) FROM proposals) AS n').get() as { n: number }
  ).n;
  if (existed && holds > 0 && options.startupBackup !== false && !store.opened.backupPath) {
    try {
      await createAutoBackup(store.db, databaseFile, '启动', { now: options.now });
    } catch (error) {
      backupProblem = (error as Error).message;
    }
  }
  return { store, recovered, backupProblem };
}
