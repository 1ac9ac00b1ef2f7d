import { type BatchResult } from '../../../common/documents/batch';
import fs from 'node:fs';
import path from 'node:path';
import { zipSync } from 'fflate';
import type { LedgerProposal } from '../../../common/entities/proposal';
import type { Store } from '../../../../db/store';
import type { IsoDate } from '../../../common/domain/dates';
import { UserError } from '../../../common/domain/errors';
import { parseProposalNumber } from '../../../common/domain/proposal-number';
import type { Session } from '../../../common/domain/session';
import { termsOf } from '../../../common/domain/terms';
import { removeStaleTemps, writeFileAtomic } from '../../files/atomic-write';
import { checkOutputFile, checkOutputFolder } from '../../files/output-path';
import { sessionStatistics } from '../../stats/session-statistics';
import {
  cohandlingContext,
  replyLetterContexts,
  unitData,
  type LetterContext,
} from '../../../common/documents/data/letter-context';
import { rectificationContext } from '../../../common/documents/data/rectification-context';
import { reportContext } from '../../../common/documents/data/report-context';
import { loadDocumentSettings } from '../document-settings';
import { renderDocx } from '../render/docx-renderer';
import type { DocumentSettings } from '../../../common/documents/settings';
import type { CompiledTemplate } from '../../../common/documents/template/engine';
import { resolveTemplate } from '../template/library';
import { letterFileName } from './file-names';
import { POOL_THRESHOLD, runPool } from './letter-pool';

/** Fills a template and renders the .docx bytes. */
export async function renderTemplate(
  template: CompiledTemplate,
  context: object,
  settings: DocumentSettings,
  title: string,
): Promise<Buffer> {
  return renderDocx({ tree: template.render(context), meta: template.meta, settings, title });
}

/** The folder a document goes into, checked writable; temporaries of killed runs swept. */
async function readyFolder(dir: string): Promise<void> {
  try {
    await fs.promises.mkdir(dir, { recursive: true });
  } catch {
    throw new UserError(`无法创建输出文件夹「${dir}」：上级文件夹不存在、是只读的，或同名的文件已存在。`);
  }
  if (!(await fs.promises.stat(dir)).isDirectory()) throw new UserError(`「${dir}」不是文件夹。`);
  try {
    await fs.promises.access(dir, fs.constants.W_OK);
  } catch {
    throw new UserError(`输出文件夹「${dir}」是只读的，没有生成任何文件。请另选一个可以写入的文件夹。`);
  }
  removeStaleTemps(dir);
}

/** Where a single document may be written (see files/output-path.ts), before anything is rendered. */
function documentTarget(store: Store, out: string, options: { overwrite?: boolean; createFolder?: boolean }): string {
  return checkOutputFile(out, {
    kind: 'docx',
    databaseFile: store.db.name,
    overwrite: options.overwrite,
    createFolder: options.createFolder,
    addExtension: true,
  });
}

export interface LetterBatchOptions {
  session: Session;
  outDir: string;
  kind: 'reply-letter' | 'cohandling-opinion';
  /** Template name or .md file; the built-in of the kind when absent. */
  template?: string;
  /** Only these 建议号 (any form: 12, 0012, 第12号). */
  only?: string[];
  /** Also write all files into one .zip. */
  zipFile?: string;
  /**
   * Replace files of the same name already in the folder. Off by default: a clerk may have
   * edited last week's letters in Word, and regenerating must not silently undo that.
   */
  overwrite?: boolean;
  /** Create the folder when it does not exist (the UI asks first; the CLI's --out names it). */
  createFolder?: boolean;
  today: IsoDate;
  onProgress?: (done: number, total: number, file: string) => void;
  signal?: AbortSignal;
}

interface LetterJob {
  fileName: string;
  context: LetterContext;
  warning: string | null;
  /** For a letter without its body: who it is, for the batch's list. */
  incomplete: string | null;
}

function selectProposals(ledger: LedgerProposal[], only: string[] | undefined): { chosen: LedgerProposal[]; missing: string[] } {
  if (!only || only.length === 0) return { chosen: ledger, missing: [] };
  const wanted = new Map(only.map((n) => [parseProposalNumber(n)?.key ?? n, n]));
  const chosen = ledger.filter((p) => wanted.has(p.numberKey));
  const found = new Set(chosen.map((p) => p.numberKey));
  return { chosen, missing: [...wanted].filter(([key]) => !found.has(key)).map(([, n]) => n) };
}

/** The files a batch would write, one job per letter. */
function letterJobs(
  store: Store,
  options: LetterBatchOptions,
  settings: DocumentSettings,
  proposals: LedgerProposal[],
): { jobs: LetterJob[]; skipped: string[] } {
  const jobs: LetterJob[] = [];
  const skipped: string[] = [];
  const units = new Map(store.units.list().map((u) => [u.name, u]));
  for (const proposal of proposals) {
    const lead = unitData(units.get(proposal.leadUnit) ?? null, proposal.leadUnit);
    const input = { session: options.session, proposal, leadUnit: lead, settings, today: options.today };
    if (options.kind === 'reply-letter') {
      if (!proposal.leadUnit) {
        skipped.push(`${proposal.number}（没有主办单位）`);
        continue;
      }
      for (const { suffix, context } of replyLetterContexts({ ...input, unit: lead })) {
        const missing = [
          !proposal.replyText && '答复正文',
          !proposal.replyNumber && '文号',
          !proposal.resultCode && '办理结果',
        ].filter(Boolean);
        jobs.push({
          fileName: letterFileName(proposal.number, proposal.title, suffix),
          context,
          warning: missing.length ? `${proposal.number}：缺少${missing.join('、')}` : null,
          incomplete: context.complete
            ? null
            : `${proposal.number}（${proposal.leadUnit}${suffix ? `，致${suffix.slice(1)}` : ''}）`,
        });
      }
    } else {
      const handlings = store.handling.handlings(proposal.id).filter((h) => h.role === 'co');
      if (handlings.length === 0) continue;
      for (const handling of handlings) {
        const unit = unitData(units.get(handling.unit) ?? null, handling.unit);
        const context = cohandlingContext({ ...input, unit }, handling);
        jobs.push({
          fileName: letterFileName(proposal.number, proposal.title, `-会办意见-${handling.unit}`),
          context,
          warning: handling.opinionText ? null : `${proposal.number}（${handling.unit}）：缺少会办意见正文`,
          incomplete: context.complete ? null : `${proposal.number}（${handling.unit}）`,
        });
      }
    }
  }
  return { jobs, skipped };
}

/**
 * Reply letters (or co-handling opinions) for a session or a selection, one .docx each, written
 * atomically; optionally all of them in one .zip. Cancelling stops after the file being written.
 */
export async function generateLetters(store: Store, options: LetterBatchOptions): Promise<BatchResult> {
  const settings = loadDocumentSettings(store);
  const template = resolveTemplate(store, options.template, options.kind);
  const { chosen, missing } = selectProposals(store.proposals.ledger(options.session.id), options.only);
  if (missing.length) throw new UserError(`会议「${options.session.name}」中没有这些建议号：${missing.join('、')}。`);
  const { jobs, skipped } = letterJobs(store, options, settings, chosen);
  // Two letters must never share a name (one would replace the other, in the folder and the zip).
  const used = new Map<string, number>();
  for (const job of jobs) {
    const n = (used.get(job.fileName) ?? 0) + 1;
    used.set(job.fileName, n);
    if (n > 1) job.fileName = job.fileName.replace(/\.docx$/, `（${n}）.docx`);
  }
  const outDir = checkOutputFolder(options.outDir, { databaseFile: store.db.name, createFolder: options.createFolder });
  // The zip's and the letters' names are checked like any output; "already there" is said below,
  // for all of them at once.
  if (options.zipFile)
    checkOutputFile(options.zipFile, { kind: 'zip', databaseFile: store.db.name, overwrite: true, createFolder: true });
  await readyFolder(outDir);
  if (options.overwrite) {
    for (const job of jobs) {
      const target = path.join(outDir, job.fileName);
      if (fs.existsSync(target)) checkOutputFile(target, { kind: 'docx', databaseFile: store.db.name, overwrite: true });
    }
  } else {
    const existing = jobs.map((j) => j.fileName).filter((name) => fs.existsSync(path.join(outDir, name)));
    if (options.zipFile && fs.existsSync(options.zipFile)) existing.push(path.basename(options.zipFile));
    if (existing.length) {
      throw new UserError(
        `文件夹「${outDir}」里已有 ${existing.length} 个同名文件（如「${existing[0]}」），没有生成任何文件。要用新生成的替换它们，请选择“覆盖已有文件”；或者换一个文件夹。`,
        [],
        'exists',
      );
    }
  }
  const result: BatchResult = { files: [], skipped, warnings: [], incomplete: [], zipFile: null, cancelled: false };
  const written: (Uint8Array | null)[] = new Array(jobs.length).fill(null);
  const done: boolean[] = new Array(jobs.length).fill(false);
  let count = 0;
  const complete = (index: number, file: string, bytes: Uint8Array | null) => {
    done[index] = true;
    written[index] = bytes;
    options.onProgress?.(++count, jobs.length, file);
  };
  const targets = jobs.map((job) => path.join(outDir, job.fileName));
  const title = (job: LetterJob) => job.fileName.replace(/\.docx$/, '');
  if (jobs.length >= POOL_THRESHOLD) {
    const finished = await runPool({
      setup: { source: template.source, origin: template.origin, settings, returnBytes: Boolean(options.zipFile) },
      jobs: jobs.map((job, id) => ({ id, file: targets[id]!, title: title(job), context: job.context })),
      signal: options.signal,
      onDone: (job, bytes) => complete(job.id, job.file, bytes),
    });
    result.cancelled = !finished;
  } else {
    for (const [i, job] of jobs.entries()) {
      if (options.signal?.aborted) {
        result.cancelled = true;
        break;
      }
      const bytes = await renderTemplate(template, job.context, settings, title(job));
      await writeFileAtomic(targets[i]!, bytes);
      complete(i, targets[i]!, bytes);
    }
  }
  jobs.forEach((job, i) => {
    if (!done[i]) return;
    result.files.push(targets[i]!);
    if (job.warning) result.warnings.push(job.warning);
    if (job.incomplete) result.incomplete.push(job.incomplete);
  });
  if (options.zipFile && !result.cancelled) {
    const entries = Object.fromEntries(jobs.map((job, i) => [job.fileName, written[i]!]));
    await writeFileAtomic(options.zipFile, zipSync(entries, { level: 0 }));
    result.zipFile = options.zipFile;
  }
  return result;
}

export interface ReportOptions {
  session: Session;
  out: string;
  template?: string;
  today: IsoDate;
  /** Replace a document already there (only a Word document). Off: an edited report is never lost. */
  overwrite?: boolean;
  /** Create the folder when it does not exist. */
  createFolder?: boolean;
}

/** The annual handling report: figures from the statistics engine, narrative from the drafts. */
export async function generateReport(
  store: Store,
  options: ReportOptions,
): Promise<{ file: string; context: ReturnType<typeof reportContext> }> {
  const settings = loadDocumentSettings(store);
  const template = resolveTemplate(store, options.template, 'annual-report', ['statistics-tables']);
  const stats = sessionStatistics(store, options.session, options.today);
  const context = reportContext(options.session, stats, store.drafts.get(options.session.id), options.today);
  const out = documentTarget(store, options.out, options);
  await readyFolder(path.dirname(out));
  const bytes = await renderTemplate(
    template,
    context,
    settings,
    `${options.session.name}${termsOf(options.session.kind).itemTerm}办理情况报告`,
  );
  await writeFileAtomic(out, bytes);
  return { file: out, context };
}

export interface RectificationOptions {
  opinionName: string;
  out: string;
  template?: string;
  today: IsoDate;
  overwrite?: boolean;
  createFolder?: boolean;
}

/** The report answering a review opinion with its 整改清单 attached. */
export async function generateRectification(store: Store, options: RectificationOptions): Promise<{ file: string }> {
  const settings = loadDocumentSettings(store);
  const template = resolveTemplate(store, options.template, 'rectification');
  const opinion = store.reviews.getByName(options.opinionName);
  if (opinion.items.length === 0) throw new UserError(`审议意见「${opinion.name}」还没有整改事项，整改清单是空的。`);
  const session = opinion.sessionId !== null ? store.sessions.get(opinion.sessionId) : null;
  const context = rectificationContext(opinion, session?.issuingBody ?? '', options.today);
  const out = documentTarget(store, options.out, options);
  await readyFolder(path.dirname(out));
  const bytes = await renderTemplate(template, context, settings, context.title);
  await writeFileAtomic(out, bytes);
  return { file: out };
}
