import type { Store } from '../../../db/store';
import { changeCounter } from '../../../db/backup-occasions';
import { restoreFromBackup } from '../../../db/restore';
import { UserError } from '../../common/domain/errors';
import { localTimestamp } from '../../common/domain/timestamps';
import type { UndoStatus } from '../../common/api/contract';
import type { Db } from '../../../db/types';

/**
 * The last change that can be undone (an import, a deletion), undone by restoring the backup
 * taken just before it. That is exact only while nothing else has been written since: then the
 * backup holds everything but the change. Once anything else is saved (here or by another
 * program on the same file) undoing would also throw that away, so it is refused with a reason
 * and the backup stays in the list for a restore by hand.
 */
export interface UndoPoint {
  /** What the clerk did, as the undo button names it: "删除 3 件建议", "导入「台账.xlsx」". */
  action: string;
  backup: string;
  at: Date;
  changes: number;
  dataVersion: number;
}

/** Changes committed by other connections to the same file (PRAGMA data_version). */
function dataVersion(db: Db): number {
  return db.pragma('data_version', { simple: true }) as number;
}

export class UndoLog {
  private last: UndoPoint | null = null;

  /** Call right after the change (and its event) is committed. */
  record(store: Pick<Store, 'db'>, action: string, backup: string): void {
    this.last = { action, backup, at: new Date(), changes: changeCounter(store.db), dataVersion: dataVersion(store.db) };
  }

  status(store: Pick<Store, 'db'>): UndoStatus | null {
    const point = this.last;
    if (!point) return null;
    const untouched = changeCounter(store.db) === point.changes && dataVersion(store.db) === point.dataVersion;
    return {
      action: point.action,
      backup: point.backup,
      at: localTimestamp(point.at),
      blocked: untouched
        ? null
        : `「${point.action}」之后又有了其他修改，撤销会把这些修改一起丢掉，所以不能直接撤销。` +
          `如确实需要，可以在“设置 → 备份”里恢复那次之前的备份「${point.backup}」（之后的修改需要重新录入）。`,
    };
  }

  async undo(
    store: Pick<Store, 'db' | 'events'>,
    databaseFile: string,
    expectedBackup: string,
  ): Promise<{ undone: string; savedCurrentAs: string }> {
    const status = this.status(store);
    if (!status) throw new UserError('没有可以撤销的导入或删除。');
    if (status.backup !== expectedBackup) {
      throw new UserError(`要撤销的已不是最近一次的操作（最近一次是「${status.action}」），没有撤销。请刷新后再看。`);
    }
    if (status.blocked) throw new UserError(status.blocked);
    const { savedCurrentAs } = await restoreFromBackup(store, databaseFile, status.backup, `撤销：${status.action}`);
    this.last = null;
    return { undone: status.action, savedCurrentAs };
  }
}
