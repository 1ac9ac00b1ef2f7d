import { parentPort, workerData } from 'node:worker_threads';
import { isUserError } from '../../../common/domain/errors';
import { writeFileAtomic } from '../../files/atomic-write';
import { renderDocx } from '../render/docx-renderer';
import type { DocumentSettings } from '../../../common/documents/settings';
import { compileTemplate } from '../../../common/documents/template/engine';
import type { PoolJob, PoolReply, PoolSetup } from './letter-pool';

// One worker of a letter batch: fills the template, renders the .docx and writes it atomically.
const setup = workerData as PoolSetup;
const template = compileTemplate(setup.source, setup.origin);
const settings: DocumentSettings = setup.settings;

// render() catches every failure and answers with it, so the promise is never left rejected.
parentPort!.on('message', (job: PoolJob) => void render(job));

async function render(job: PoolJob): Promise<void> {
  let reply: PoolReply;
  try {
    const bytes = await renderDocx({ tree: template.render(job.context), meta: template.meta, settings, title: job.title });
    await writeFileAtomic(job.file, bytes);
    reply = { id: job.id, ok: true, bytes: setup.returnBytes ? bytes : null };
  } catch (error) {
    reply = {
      id: job.id,
      ok: false,
      message: isUserError(error) ? error.message : `生成「${job.title}」时出错：${(error as Error).message ?? String(error)}`,
      userError: isUserError(error),
    };
  }
  parentPort!.postMessage(reply);
}
