import type { UserErrorCode } from '../../domain/errors';
import type { ImportReport } from '../../ledger/import-report';
import type { BatchResult } from '../../documents/batch';

/**
 * What the UI sees of a long task running in the main process (electron/node/api/handlers/jobs.ts
 * keeps them). The operations that start and poll them are with their domain: imports, documents.
 */

/** A long batch running in the main process, polled by the UI for its progress. */
export interface JobStatus {
  jobId: string;
  done: number;
  total: number;
  finished: boolean;
  result: BatchResult | null;
  error: { message: string; details: string[]; code?: UserErrorCode | null } | null;
}

/** An import running as a job: which step of how many, in words, and its report at the end. */
export interface ImportJobStatus {
  jobId: string;
  /** What is happening now, e.g. 「检查 5,000 行」. */
  stage: string;
  step: number;
  steps: number;
  finished: boolean;
  result: ImportReport | null;
  error: { message: string; details: string[] } | null;
}
