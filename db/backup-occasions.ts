import { UserError } from '../electron/common/domain/errors';
import { createAutoBackup, type AutoBackupOptions, type BackupInfo } from './backups';
import type { Db } from './types';

// The occasions for a backup besides the start: every 20 minutes while something changes, and
// just before an import or a deletion (the copy that undoes it).

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
 * The backup made before an import or a deletion writes anything: it is what undoes them. If it
 * cannot be made, nothing runs: a change that cannot be undone is worse than one that waits for
 * disk space.
 */
export async function backupBefore(
  store: { db: Db },
  reason: '导入前' | '删除前',
  options: AutoBackupOptions = {},
): Promise<BackupInfo> {
  try {
    return await createAutoBackup(store.db, store.db.name, reason, options);
  } catch (error) {
    const doing = reason === '导入前' ? '导入' : '删除';
    const cause = error instanceof UserError ? error.message : `出现意外错误（${(error as Error).message}）`;
    throw new UserError(`${doing}前的自动备份没有成功，为安全起见没有${doing}：${cause}`);
  }
}
