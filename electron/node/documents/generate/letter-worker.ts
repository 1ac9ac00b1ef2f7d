import { parentPort, workerData } from 'node:worker_threads';
import { isUserError } from '../../../common/domain/errors';
import { writeFileAtomic } from '../../files/atomic-write';
import { renderDocx } from '../render/docx-renderer';
import type { DocumentSettings } from '../../../common/documents/settings';
import { compileTemplate, type CompiledTemplate } from '../../../common/documents/template/engine';
import type { PoolJob, PoolReply, PoolSetup } from './letter-pool';

// One worker of a letter batch: fills the template, renders the .docx and writes it atomically.
const setup = workerData as PoolSetup;
const templates = setup.templates.map((t) => compileTemplate(t.source, t.origin));
// The render service's jobs bring their own template: compiled once per text.
const compiled = new Map<string, CompiledTemplate>();
function templateOf(job: PoolJob): CompiledTemplate {
  if (!job.own) return templates[job.template]!;
  const key = `${job.own.origin}\u0000${job.own.source}`;
  let template = compiled.get(key);
  if (!template) {
    if (compiled.size > 20) compiled.clear();
    template = compileTemplate(job.own.source, job.own.origin);
    compiled.set(key, template);
  }
  return template;
}

// render() catches every failure and answers with it, so the promise is never left rejected.
parentPort!.on('message', (job: PoolJob) => void render(job));

async function render(job: PoolJob): Promise<void> {
  let reply: PoolReply;
  try {
    const template = templateOf(job);
    const settings: DocumentSettings = job.own?.settings ?? setup.settings;
    const bytes = await renderDocx({
      tree: template.render(job.context),
      meta: template.meta,
      settings,
      title: job.title,
      ...(job.creator ? { creator: job.creator } : {}),
    });
    if (job.file) await writeFileAtomic(job.file, bytes);
    reply = { id: job.id, ok: true, bytes: setup.returnBytes || !job.file ? bytes : null };
  } catch (error) {
    reply = {
      id: job.id,
      ok: false,
      message: isUserError(error) ? error.message : `生成「${job.title}」时出错：${(error as Error).message ?? String(error)}`,
      userError: isUserError(error),
      details: isUserError(error) ? [...error.details] : [],
    };
  }
  parentPort!.postMessage(reply);
}
