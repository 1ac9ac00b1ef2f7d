import { OPERATION_NAMES } from '../../../common/api/contract';
import { backupHandlers } from './backups';
import { checkHandlers } from './check';
import type { ApiContext, Handlers, HandlerContext } from './context';
import { documentHandlers } from './documents';
import { importHandlers } from './imports';
import { Jobs } from './jobs';
import { proposalHandlers } from './proposals';
import { sessionHandlers } from './sessions';
import { settingsHandlers } from './settings';
import { templateHandlers } from './templates';
import { undoHandlers } from './undo';
import { UndoLog } from '../../undo/undo-log';

export type { ApiContext, Handlers } from './context';

/** Each domain registers its own operations (one file each in this folder). */
const DOMAINS = [
  settingsHandlers,
  sessionHandlers,
  proposalHandlers,
  importHandlers,
  documentHandlers,
  templateHandlers,
  checkHandlers,
  backupHandlers,
  undoHandlers,
] as const;

/** The operations of the contract, implemented over the records store. Plain Node, no Electron. */
export function createHandlers(ctx: ApiContext): Handlers {
  const context: HandlerContext = { ...ctx, jobs: new Jobs(), undo: new UndoLog() };
  const operations: Partial<Record<string, (input: never) => unknown>> = {};
  for (const domain of DOMAINS) {
    for (const [name, run] of Object.entries(domain(context))) {
      if (operations[name]) throw new Error(`operation ${name} is registered twice`);
      operations[name] = run as (input: never) => unknown;
    }
  }
  const missing = OPERATION_NAMES.filter((name) => !operations[name]);
  if (missing.length) throw new Error(`operations without a handler: ${missing.join(', ')}`);
  // Every operation first checks that the database file is still the one opened: after it is
  // deleted or replaced, nothing would be saved for real.
  return Object.fromEntries(
    Object.entries(operations).map(([name, run]) => [
      name,
      (input: never) => {
        ctx.store.checkFile();
        return run!(input);
      },
    ]),
  ) as unknown as Handlers;
}
