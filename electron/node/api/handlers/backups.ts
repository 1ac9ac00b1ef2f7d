import fs from 'node:fs';
import path from 'node:path';
import type { Store } from '../../../../db/store';
import { backupFolder, backupFolderProblem, healthOf, listBackups, writeVerifiedBackup } from '../../../../db/backups';
import { restoreFromBackup } from '../../../../db/restore';
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

    'backup.restore': ({ file }) => restoreFromBackup(store, ctx.databaseFile, file),

    'backup.list': () => ({
      folder: backupFolder(ctx.databaseFile),
      problem: backupFolderProblem(ctx.databaseFile) ?? healthOf(ctx.databaseFile).problem,
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
