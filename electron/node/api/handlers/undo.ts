import { UserError } from '../../../common/domain/errors';
import type { Handlers, HandlerContext } from './context';

/** Undoing the last import or deletion. */
export function undoHandlers({ store, undo, databaseFile, jobs }: HandlerContext) {
  return {
    'undo.status': () => undo.status(store),
    'undo.last': ({ backup }) => {
      if (jobs.running()) throw new UserError('还有批量生成或导入正在进行，请等它完成后再撤销。');
      return undo.undo(store, databaseFile, backup);
    },
  } satisfies Partial<Handlers>;
}
