import type { z } from 'zod';
import type { UserErrorCode } from '../../domain/errors';
import { OPERATION_NAME_LIST } from '../operation-names';
import type { Operation } from './shared';
import { sessionOperations } from './sessions';
import { proposalOperations } from './proposals';
import { importOperations } from './imports';
import { documentOperations } from './documents';
import { templateOperations } from './templates';
import { checkOperations } from './check';
import { backupOperations } from './backups';
import { settingsOperations } from './settings';
import { undoOperations } from './undo';

/**
 * The one API between the UI and the main process: every operation has a name and zod schemas
 * for its input and output, one file per domain beside this one (as electron/node/api/handlers
 * implements them). The Electron shell serves it over IPC, the HTTP bridge over loopback for
 * browser tests; both go through dispatch(), which parses the input and returns errors as values
 * with a Chinese message. The renderer imports only this folder's types.
 */

export type { ProposalRow, ProposalDetail } from './proposals';
export type { JobStatus, ImportJobStatus } from './jobs';
export type { CheckResult } from './check';
export type { BackupEntry } from './backups';
export type { UndoStatus } from './undo';

export const contract = {
  ...sessionOperations,
  ...proposalOperations,
  ...importOperations,
  ...documentOperations,
  ...templateOperations,
  ...settingsOperations,
  ...backupOperations,
  ...checkOperations,
  ...undoOperations,
} as const satisfies Record<OperationNameList[number], Operation>;

type OperationNameList = typeof OPERATION_NAME_LIST;
// Every name listed is an operation and every operation is listed (checked both ways).
type Missing = Exclude<keyof typeof contract, OperationNameList[number]>;
const everyOperationListed: Missing extends never ? true : Missing = true;
void everyOperationListed;

export type Contract = typeof contract;
export type OperationName = keyof Contract;
export type Input<N extends OperationName> = z.input<Contract[N]['input']>;
export type Output<N extends OperationName> = z.infer<Contract[N]['output']>;

export type Result<T> =
  { ok: true; value: T } | { ok: false; error: { message: string; details: string[]; code?: UserErrorCode | null } };

export const OPERATION_NAMES: readonly OperationName[] = OPERATION_NAME_LIST;
