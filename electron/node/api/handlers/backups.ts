import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Store } from '../../../../db/store';
import { openDatabase } from '../../../../db/connection';
import {
  backupFolder,
  copyDatabase,
  createAutoBackup,
  healthOf,
  inspectDatabaseFile,
  listBackups,
  NOT_OURS,
  partialFile,
  writeVerifiedBackup,
} from '../../../../db/backups';
import { MIGRATIONS } from '../../../../db/migrations';
import { describeReason } from '../../../../db/recovery';
import { UserError } from '../../../common/domain/errors';
import { localTimestamp } from '../../../common/domain/timestamps';
import { checkOutputFile } from '../../files/output-path';
import { userPath, type Handlers, type HandlerContext } from './context';

/** Backups made and restored by hand, the list of all backups, and moving the database. */
export function backupHandlers(ctx: HandlerContext) {
  const { store, jobs } = ctx;
  return {
    'backup.create': async ({ file, createFolder }) => {
      const target = checkOutputFile(userPath(ctx, file), {
        kind: 'db',
        databaseFile: ctx.databaseFile,
        createFolder,
        addExtension: true,
      });
      await backupTo(store, target);
      return { file: target, bytes: fs.statSync(target).size };
    },

    'backup.restore': async ({ file }) => {
      checkBackupFile(file);
      // Work on a copy: bring it to this version's schema first, so the live database is only
      // ever replaced by one the running program can use. The copy is made in the backup folder
      // under a partial name, so that a restore killed half-way leaves nothing the next backup
      // does not sweep.
      const folder = backupFolder(ctx.databaseFile);
      fs.mkdirSync(folder, { recursive: true });
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
          const saved = (await createAutoBackup(store.db, ctx.databaseFile, '恢复前')).file;
          await copyDatabase(migrated, ctx.databaseFile);
          store.events.append({ entity: 'session', entityId: null, action: '从备份恢复', details: { file, saved } });
          return { restoredFrom: file, savedCurrentAs: saved };
        } finally {
          migrated.close();
        }
      } finally {
        for (const suffix of ['', '-wal', '-shm']) fs.rmSync(staging + suffix, { force: true });
      }
    },

    'backup.list': () => ({
      folder: backupFolder(ctx.databaseFile),
      problem: healthOf(ctx.databaseFile).problem,
      backups: listBackups(ctx.databaseFile).map((b) => ({
        file: b.file,
        reason: describeReason(b.reason),
        createdAt: localTimestamp(b.createdAt),
        bytes: b.bytes,
      })),
    }),

    'database.move': async ({ file }) => {
      const target = userPath(ctx, file);
      if (!/\.db$/i.test(target)) throw new UserError(`新的数据库文件名应以 .db 结尾：「${file}」。`);
      if (target === path.resolve(ctx.databaseFile)) throw new UserError('新位置和现在的位置相同。');
      if (!fs.existsSync(path.dirname(target))) throw new UserError(`文件夹「${path.dirname(target)}」不存在。`);
      if (fs.existsSync(target)) throw new UserError(`「${target}」已经存在，请另选文件名，以免覆盖已有的文件。`);
      checkOutputFile(target, { kind: 'db', databaseFile: ctx.databaseFile });
      if (jobs.running()) throw new UserError('还有批量生成或导入正在进行，请等它完成后再移动数据库。');
      // Recorded before the copy, so that the copy holds it and the old file changes no more.
      store.events.append({
        entity: 'session',
        entityId: null,
        action: '移动数据库',
        details: { from: ctx.databaseFile, to: target },
      });
      await backupTo(store, target);
      ctx.onDatabaseMoved?.(target);
      return { file: target, bytes: fs.statSync(target).size, restartNeeded: ctx.onDatabaseMoved !== undefined };
    },
  } satisfies Partial<Handlers>;
}

/** A copy made with SQLite's online backup API, checked before it counts. */
async function backupTo(store: Store, file: string): Promise<void> {
  if (fs.existsSync(file)) throw new UserError(`「${file}」已经存在，请另选文件名，以免覆盖已有的备份。`);
  if (!fs.existsSync(path.dirname(path.resolve(file)))) throw new UserError(`保存备份的文件夹「${path.dirname(file)}」不存在。`);
  await writeVerifiedBackup(store.db, file);
}

/** The file the clerk chose to restore: one of this program's databases, whole, not from a newer version. */
function checkBackupFile(file: string): void {
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
