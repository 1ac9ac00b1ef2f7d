import { Worker } from 'node:worker_threads';
import { UserError } from '../../../common/domain/errors';
import type { DocumentSettings } from '../../../common/documents/settings';
import type { CompiledTemplate } from '../../../common/documents/template/engine';
import { RENDER_LIMITS, workerEntry, type PoolJob, type PoolReply, type RenderLimits } from './letter-pool';

/**
 * Fills a template and renders the .docx bytes. `title` names the document when it prints no
 * title; `creator` is the issuing unit when its signature names none (the statistics tables).
 *
 * The work is done on one worker thread kept for the purpose (started on first use): a template
 * is the clerk's own text, and one with deeply nested loops can ask for minutes and gigabytes.
 * Past the time limit or the memory ceiling the worker is stopped and the clerk told why; the
 * process, and with it the window, never freezes.
 */
export async function renderTemplate(
  template: CompiledTemplate,
  context: object,
  settings: DocumentSettings,
  title: string,
  creator?: string,
  limits: RenderLimits = RENDER_LIMITS,
): Promise<Buffer> {
  const job = {
    template: 0,
    file: null,
    title,
    context,
    ...(creator ? { creator } : {}),
    own: { source: template.source, origin: template.origin, settings },
  };
  return Buffer.from(await service(limits).render(job, limits.timeoutMs));
}

interface Pending {
  resolve: (bytes: Uint8Array) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

class RenderService {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  private stopped = false;

  constructor(
    readonly memoryMb: number,
    private readonly onStop: () => void,
  ) {
    this.worker = new Worker(workerEntry(), {
      workerData: { templates: [], settings: null, returnBytes: true },
      resourceLimits: { maxOldGenerationSizeMb: memoryMb },
    });
    this.worker.unref(); // an idle worker never keeps the command line from exiting
    this.worker.on('message', (reply: PoolReply) => {
      const pending = this.pending.get(reply.id);
      if (!pending) return;
      this.settle(reply.id);
      if (reply.ok) pending.resolve(reply.bytes!);
      else pending.reject(reply.userError ? new UserError(reply.message, reply.details ?? []) : new Error(reply.message));
    });
    this.worker.on('error', (error: Error & { code?: string }) =>
      this.stop(
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? new UserError(`生成的内容太多（超过 ${memoryMb} MB 内存），已停止。模板里可能有多层嵌套的循环，请检查模板后再试。`)
          : error,
      ),
    );
    this.worker.on('exit', (code) => this.stop(new Error(`生成公文的后台线程意外退出（代码 ${code}），请重试`)));
  }

  render(job: Omit<PoolJob, 'id'>, timeoutMs: number): Promise<Uint8Array> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.stop(
          new UserError(
            `用模板「${job.own?.origin ?? ''}」生成「${job.title}」超过 ${timeoutMs / 1000} 秒还没有完成，已停止。` +
              '模板里可能有多层嵌套的循环（如 {{#each}} 里又套 {{#each}}），请检查模板后再试。',
          ),
        );
      }, timeoutMs);
      this.pending.set(id, { resolve, reject, timer });
      this.worker.ref();
      this.worker.postMessage({ ...job, id });
    });
  }

  private settle(id: number): void {
    clearTimeout(this.pending.get(id)?.timer);
    this.pending.delete(id);
    if (this.pending.size === 0) this.worker.unref();
  }

  /** Ends the worker and every document it was making; the next one starts a new worker. */
  private stop(error: Error): void {
    if (this.stopped) return;
    this.stopped = true;
    this.onStop();
    for (const [id, pending] of [...this.pending]) {
      this.settle(id);
      pending.reject(error);
    }
    void this.worker.terminate();
  }
}

let current: RenderService | null = null;

function service(limits: RenderLimits): RenderService {
  if (!current || current.memoryMb !== limits.memoryMb) {
    const created: RenderService = new RenderService(limits.memoryMb, () => {
      if (current === created) current = null;
    });
    current = created;
  }
  return current;
}
