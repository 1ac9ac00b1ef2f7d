import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { UserError } from '../../../common/domain/errors';
import type { DocumentSettings } from '../../../common/documents/settings';

/**
 * Renders and writes many documents on worker threads, one worker per core (at most four):
 * building a .docx is CPU work, so a batch of hundreds of letters finishes in a fraction of the
 * time. Each worker writes its files atomically, so a cancelled or failed batch leaves only
 * complete files behind.
 */

export interface PoolSetup {
  source: string;
  origin: string;
  settings: DocumentSettings;
  returnBytes: boolean;
}

export interface PoolJob {
  id: number;
  file: string;
  title: string;
  context: object;
}

export type PoolReply =
  { id: number; ok: true; bytes: Uint8Array | null } | { id: number; ok: false; message: string; userError: boolean };

/** Batches smaller than this are rendered in-process: starting workers would cost more. */
export const POOL_THRESHOLD = 40;

/** The worker's entry: the TypeScript source through tsx (development, tests), else the bundle's. */
function workerEntry(): URL {
  const here = import.meta.url;
  return here.endsWith('.ts') ? new URL('./letter-worker.dev.mjs', here) : new URL('./letter-worker.mjs', here);
}

export function poolSize(jobs: number): number {
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return Math.max(1, Math.min(4, cores, Math.ceil(jobs / 10)));
}

export interface PoolRun {
  setup: PoolSetup;
  jobs: PoolJob[];
  signal?: AbortSignal;
  /** Called as each job completes, in completion order. */
  onDone: (job: PoolJob, bytes: Uint8Array | null) => void;
}

/**
 * Runs every job; resolves false when cancelled. The first failure stops the batch and rejects,
 * but only after the files being written have been finished: a worker is never stopped half-way
 * through a write, so no temporary file is left behind.
 */
export function runPool({ setup, jobs, signal, onDone }: PoolRun): Promise<boolean> {
  const url = workerEntry();
  const workers = Array.from({ length: poolSize(jobs.length) }, () => new Worker(url, { workerData: setup }));
  let next = 0;
  let running = 0;
  let settled = false;
  let failure: Error | null = null;
  return new Promise<boolean>((resolve, reject) => {
    const finish = (error: Error | null, completed: boolean) => {
      if (settled) return;
      settled = true;
      for (const worker of workers) void worker.terminate();
      if (error) reject(error);
      else resolve(completed);
    };
    const feed = (worker: Worker) => {
      const stopping = failure !== null || signal?.aborted === true;
      if (stopping || next >= jobs.length) {
        if (running === 0) finish(failure, !stopping);
        return;
      }
      const job = jobs[next++]!;
      running += 1;
      worker.postMessage(job);
    };
    for (const worker of workers) {
      worker.on('message', (reply: PoolReply) => {
        running -= 1;
        if (reply.ok) onDone(jobs[reply.id]!, reply.bytes);
        else failure ??= reply.userError ? new UserError(reply.message) : new Error(reply.message);
        feed(worker);
      });
      // A worker that dies (not a failed job) cannot finish its write anyway.
      worker.on('error', (error) => finish(error, false));
      worker.on('exit', (code) => {
        if (code !== 0 && !settled)
          finish(new Error(`生成公文的后台线程意外退出（代码 ${code}）；已写出的文件都是完整的，请重试`), false);
      });
      feed(worker);
    }
  });
}
