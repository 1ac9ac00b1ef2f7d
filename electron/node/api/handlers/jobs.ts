import type { BatchResult } from '../../../common/documents/batch';
import type { ImportJobStatus, JobStatus } from '../../../common/api/contract';
import type { ImportReport } from '../../../common/ledger/import-report';
import { UserError } from '../../../common/domain/errors';
import { errorMessage } from '../../../common/domain/user-message';

interface LetterJob {
  status: JobStatus;
  controller: AbortController;
}

export type OnStage = (stage: string, step: number, steps: number) => Promise<void>;

/**
 * The long operations running in this process (letter batches and imports), polled by the UI
 * for their progress. A job's failure is kept in the words every other failure is given.
 */
export class Jobs {
  private counter = 0;
  private readonly letters = new Map<string, LetterJob>();
  private readonly imports = new Map<string, ImportJobStatus>();

  startLetters(run: (signal: AbortSignal, onProgress: (done: number, total: number) => void) => Promise<BatchResult>): {
    jobId: string;
  } {
    const jobId = `letters-${++this.counter}`;
    const job: LetterJob = {
      status: { jobId, done: 0, total: 0, finished: false, result: null, error: null },
      controller: new AbortController(),
    };
    this.letters.set(jobId, job);
    run(job.controller.signal, (done, total) => Object.assign(job.status, { done, total }))
      .then((result) => Object.assign(job.status, { finished: true, result }))
      .catch((error: unknown) => Object.assign(job.status, { finished: true, error: errorMessage(error, '批量生成') }));
    return { jobId };
  }

  startImport(steps: number, run: (onStage: OnStage) => Promise<ImportReport>): { jobId: string } {
    const jobId = `import-${++this.counter}`;
    const status: ImportJobStatus = { jobId, stage: '开始', step: 0, steps, finished: false, result: null, error: null };
    this.imports.set(jobId, status);
    // Each stage yields to the event loop first, so that a status request is answered with it.
    const onStage: OnStage = async (stage, step, total) => {
      Object.assign(status, { stage, step, steps: total });
      await new Promise((resolve) => setImmediate(resolve));
    };
    run(onStage)
      .then((result) => Object.assign(status, { finished: true, step: status.steps, stage: '完成', result }))
      .catch((error: unknown) => {
        const { message, details } = errorMessage(error, '导入');
        Object.assign(status, { finished: true, error: { message, details } });
      });
    return { jobId };
  }

  letterStatus(jobId: string): JobStatus {
    return { ...this.letterJob(jobId).status };
  }

  cancel(jobId: string): JobStatus {
    const job = this.letterJob(jobId);
    job.controller.abort();
    return { ...job.status };
  }

  importStatus(jobId: string): ImportJobStatus {
    const status = this.imports.get(jobId);
    if (!status) throw new UserError('找不到这项导入任务，它可能已经结束很久了。');
    return { ...status };
  }

  /** Whether a batch or an import has not finished yet. */
  running(): boolean {
    return [...this.letters.values()].some((job) => !job.status.finished) || [...this.imports.values()].some((s) => !s.finished);
  }

  private letterJob(jobId: string): LetterJob {
    const job = this.letters.get(jobId);
    if (!job) throw new UserError('找不到这项任务，它可能已经结束很久了。');
    return job;
  }
}
