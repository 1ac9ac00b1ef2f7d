import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { UserError } from '../../../common/domain/errors';
import type { DocumentSettings } from '../../../common/documents/settings';

/**
 * Renders documents on worker threads, one worker per core (at most four): building a .docx is
 * CPU work, so a batch of hundreds of letters finishes in a fraction of the time. Each worker
 * writes its files atomically, so a cancelled or failed batch leaves only complete files behind.
 *
 * Every document is rendered here, a single report too: a template is the clerk's own text, and
 * one with loops nested eight deep can ask for gigabytes and minutes. A worker has a memory
 * ceiling and each document a time limit; past either the worker is stopped and the clerk is
 * told, while the program's main process (and the window) stays responsive throughout.
 */

export interface RenderLimits {
  /** How long one document may take. */
  timeoutMs: number;
  /** The heap of one worker. */
  memoryMb: number;
}

export const RENDER_LIMITS: RenderLimits = { timeoutMs: 120_000, memoryMb: 1536 };

export interface PoolSetup {
  /** The templates of the batch (a letter's, and a feedback form's beside it); jobs name theirs by index. */
  templates: { source: string; origin: string }[];
  settings: DocumentSettings;
  returnBytes: boolean;
}

export interface PoolJob {
  id: number;
  template: number;
  /** Written atomically by the worker; null to have only the bytes back. */
  file: string | null;
  title: string;
  /** The document's author when its signature names none. */
  creator?: string;
  context: object;
  /** A job of the render service (render-template.ts) brings its own template and settings. */
  own?: { source: string; origin: string; settings: DocumentSettings };
}

export type PoolReply =
  | { id: number; ok: true; bytes: Uint8Array | null }
  | { id: number; ok: false; message: string; userError: boolean; details?: string[] };

/** Batches smaller than this are rendered in-process: starting workers would cost more. */
export const POOL_THRESHOLD = 40;

/** The worker's entry: the TypeScript source through tsx (development, tests), else the bundle's. */
export function workerEntry(): URL {
  const here = import.meta.url;
  return here.endsWith('.ts') ? new URL('./letter-worker.dev.mjs', here) : new URL('./letter-worker.mjs', here);
}

export function poolSize(jobs: number): number {
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return Math.max(1, Math.min(4, cores, Math.ceil(jobs / 10)));
}

export interface PoolRun {
  setup: PoolSetup;
  limits?: RenderLimits;
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
export function runPool({ setup, jobs, signal, onDone, limits = RENDER_LIMITS }: PoolRun): Promise<boolean> {
  const url = workerEntry();
  const workers = Array.from(
    { length: poolSize(jobs.length) },
    () => new Worker(url, { workerData: setup, resourceLimits: { maxOldGenerationSizeMb: limits.memoryMb } }),
  );
  const timers = new Map<Worker, NodeJS.Timeout>();
  const origin = (job: PoolJob) => setup.templates[job.template]?.origin ?? '';
  let next = 0;
  let running = 0;
  let settled = false;
  let failure: Error | null = null;
  return new Promise<boolean>((resolve, reject) => {
    const finish = (error: Error | null, completed: boolean) => {
      if (settled) return;
      settled = true;
      for (const timer of timers.values()) clearTimeout(timer);
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
      timers.set(
        worker,
        setTimeout(
          () =>
            finish(
              new UserError(
                `用模板「${origin(job)}」生成「${job.title}」超过 ${limits.timeoutMs / 1000} 秒还没有完成，已停止。` +
                  '模板里可能有多层嵌套的循环（如 {{#each}} 里又套 {{#each}}），请检查模板后再试。',
              ),
              false,
            ),
          limits.timeoutMs,
        ),
      );
      worker.postMessage(job);
    };
    for (const worker of workers) {
      worker.on('message', (reply: PoolReply) => {
        clearTimeout(timers.get(worker));
        running -= 1;
        if (reply.ok) onDone(jobs[reply.id]!, reply.bytes);
        else failure ??= reply.userError ? new UserError(reply.message, reply.details ?? []) : new Error(reply.message);
        feed(worker);
      });
      // A worker that dies (not a failed job) cannot finish its write anyway.
      worker.on('error', (error: Error & { code?: string }) =>
        finish(
          error.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? new UserError(
                `用模板「${origin(jobs[0]!)}」生成的内容太多（超过 ${limits.memoryMb} MB 内存），已停止。` +
                  '模板里可能有多层嵌套的循环，请检查模板后再试。',
              )
            : error,
          false,
        ),
      );
      worker.on('exit', (code) => {
        if (code !== 0 && !settled)
          finish(new Error(`生成公文的后台线程意外退出（代码 ${code}）；已写出的文件都是完整的，请重试`), false);
      });
      feed(worker);
    }
  });
}
