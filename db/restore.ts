import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { UserError } from '../electron/common/domain/errors';
import { copyDatabase, createAutoBackup, ensureBackupFolder, inspectDatabaseFile, NOT_OURS, partialFile } from './backups';
import { openDatabase } from './connection';
import { MIGRATIONS } from './migrations';
import type { Store } from './store';

/** The file the clerk chose to restore: one of this program's databases, whole, not from a newer version. */
export function checkBackupFile(file: string): void {
  if (!fs.existsSync(file)) throw new UserError(`找不到备份文件「${file}」，或它不是数据库文件。`);
  const verdict = inspectDatabaseFile(file);
  if (!verdict.ok) {
    if (verdict.damaged) throw new UserError(`备份文件「${file}」已损坏（${verdict.problem}），不能使用。请另选一份备份。`);
    if (verdict.problem === NOT_OURS) throw new UserError(`「${file}」不是建议办理助手的备份文件。`);
    throw new UserError(`备份文件「${file}」现在无法读取：${verdict.problem}。`);
  }
  if (verdict.version > MIGRATIONS.at(-1)!.version) {
    throw new UserError(
      `备份「${file}」由更新版本的建议办理助手创建（数据库版本 ${verdict.version}），本程序不能使用，请升级后再恢复。`,
    );
  }
}

/**
 * Replaces the open database's content with a backup's, after saving the current state as a
 * backup of its own (so a restore is itself undoable). `action` is what the event log records.
 */
export async function restoreFromBackup(
  store: Pick<Store, 'db' | 'events'>,
  databaseFile: string,
  file: string,
  action = '从备份恢复',
): Promise<{ restoredFrom: string; savedCurrentAs: string }> {
  checkBackupFile(file);
  // Work on a copy: bring it to this version's schema first, so the live database is only ever
  // replaced by one the running program can use. The copy is made in the backup folder under a
  // partial name, so that a restore killed half-way leaves nothing the next backup does not sweep.
  const folder = ensureBackupFolder(databaseFile);
  const staging = partialFile(path.join(folder, '恢复中.db'));
  try {
    const source = new Database(file, { readonly: true, fileMustExist: true });
    try {
      await copyDatabase(source, staging);
    } finally {
      source.close();
    }
    const { db: migrated } = await openDatabase(staging, { backupDir: false });
    try {
      const saved = (await createAutoBackup(store.db, databaseFile, '恢复前')).file;
      await copyDatabase(migrated, databaseFile);
      store.events.append({ entity: 'session', entityId: null, action, details: { file, saved } });
      return { restoredFrom: file, savedCurrentAs: saved };
    } finally {
      migrated.close();
    }
  } finally {
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(staging + suffix, { force: true });
  }
}
