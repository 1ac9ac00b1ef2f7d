import path from 'node:path';
import type { z } from 'zod';
import type { Store } from '../../../../db/store';
import type { Contract, OperationName, Output, ProposalDetail } from '../../../common/api/contract';
import { documentsFolder } from '../../files/documents-folder';
import type { Jobs } from './jobs';
import type { UndoLog } from '../../undo/undo-log';

export interface ApiContext {
  store: Store;
  /** The database file, for backups and restores. */
  databaseFile: string;
  today: () => string;
  version: string;
  /**
   * The desktop shell remembers a moved database and restarts on it; where there is no shell
   * (the browser bridge) the copy is made and the clerk is told how to open it.
   */
  onDatabaseMoved?: (file: string) => void;
  /** Where a relative path the clerk types is saved: the user's documents folder. */
  documentsDir?: string;
}

export type Input<N extends OperationName> = z.infer<Contract[N]['input']>;

export type Handlers = { [N in OperationName]: (input: Input<N>) => Promise<Output<N>> | Output<N> };

/** What each domain's handlers are given: the context, and the jobs running in this process. */
export interface HandlerContext extends ApiContext {
  jobs: Jobs;
  /** The last import or deletion, undoable while nothing else has been saved. */
  undo: UndoLog;
}

export const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

/** A path the clerk typed: a relative one is in the documents folder, never the program's own. */
export function userPath(ctx: ApiContext, typed: string): string {
  return path.resolve(ctx.documentsDir ?? documentsFolder(), typed.trim());
}

/** A proposal as the editor shows it: its ledger row, handling records and history. */
export function proposalDetail(store: Store, id: number): ProposalDetail {
  return {
    proposal: store.proposals.ledgerRow(id),
    handlings: store.handling.handlings(id),
    consultations: store.handling.consultations(id),
    milestones: store.handling.milestones(id),
    events: store.events.forEntity('proposal', id),
  };
}
