import fs from 'node:fs';
import path from 'node:path';
import { zipSync } from 'fflate';
import type { Store } from '../../../../db/store';
import { type BatchResult } from '../../../common/documents/batch';
import type { LedgerProposal } from '../../../common/entities/proposal';
import type { IsoDate } from '../../../common/domain/dates';
import { UserError } from '../../../common/domain/errors';
import { parseProposalNumber } from '../../../common/domain/proposal-number';
import type { Session } from '../../../common/domain/session';
import {
  cohandlingContext,
  feedbackFormContext,
  replyLetterContexts,
  unitData,
  type LetterContext,
} from '../../../common/documents/data/letter-context';
import type { DocumentSettings } from '../../../common/documents/settings';
import { writeFileAtomic } from '../../files/atomic-write';
import { checkOutputFile, checkOutputFolder } from '../../files/output-path';
import { loadDocumentSettings } from '../document-settings';
import { resolveTemplate } from '../template/library';
import { letterFileName, numberWidth } from './file-names';
import { POOL_THRESHOLD, runPool } from './letter-pool';
import { renderTemplate } from './render-template';
import { readyFolder } from './target';

export interface LetterBatchOptions {
  session: Session;
  outDir: string;
  kind: 'reply-letter' | 'cohandling-opinion' | 'feedback-form';
  /** With reply letters: a feedback form (征询意见表) beside each proposal's letter. */
  feedbackForms?: boolean;
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
  /** 0: the batch's template; 1: the feedback form written beside a reply letter. */
  template: 0 | 1;
  fileName: string;
  context: LetterContext;
  /**
   * The document's author in its properties (docProps): the unit that writes it, by its full
   * name. A letter's signature names it anyway; the feedback form has no signature to name it.
   */
  creator: string;
  warning: string | null;
  /** For a letter without its body: who it is, for the batch's list. */
  incomplete: string | null;
}

/** The end of a feedback form's file name (before .docx): "0012-关于…的建议-征询意见表.docx". */
const FORM_SUFFIX = '-征询意见表';

/** Whether a file of a letter batch is a feedback form (written beside its letter), not a letter. */
export function isFeedbackFormFile(file: string): boolean {
  return new RegExp(`${FORM_SUFFIX}(（\\d+）)?\\.docx$`).test(file);
}

/** What a reply letter still lacks, in the clerk's words; empty when it can go out as generated. */
export function letterLacks(proposal: Pick<LedgerProposal, 'replyText' | 'replyNumber' | 'resultCode'>): string[] {
  return [!proposal.replyText && '答复正文', !proposal.replyNumber && '文号', !proposal.resultCode && '办理结果'].filter(
    (v): v is string => Boolean(v),
  );
}

/** The proposals a batch covers: all of the session, or those whose numbers were given. */
export function selectProposals(
  ledger: LedgerProposal[],
  only: string[] | undefined,
): { chosen: LedgerProposal[]; missing: string[] } {
  if (!only || only.length === 0) return { chosen: ledger, missing: [] };
  const wanted = new Map(only.map((n) => [parseProposalNumber(n)?.key ?? n, n]));
  const chosen = ledger.filter((p) => wanted.has(p.numberKey));
  const found = new Set(chosen.map((p) => p.numberKey));
  return { chosen, missing: [...wanted].filter(([key]) => !found.has(key)).map(([, n]) => n) };
}

/** The files a batch would write, one job per letter. */
function letterJobs(
  store: Store,
  options: Pick<LetterBatchOptions, 'session' | 'kind' | 'today' | 'feedbackForms'>,
  settings: DocumentSettings,
  proposals: LedgerProposal[],
): { jobs: LetterJob[]; skipped: string[] } {
  const jobs: LetterJob[] = [];
  const skipped: string[] = [];
  // Over the whole session, so a letter made alone is named as it is in the full batch.
  const width = numberWidth(store.proposals.numbers(options.session.id));
  const units = new Map(store.units.list().map((u) => [u.name, u]));
  for (const proposal of proposals) {
    const lead = unitData(units.get(proposal.leadUnit) ?? null, proposal.leadUnit);
    const input = { session: options.session, proposal, leadUnit: lead, settings, today: options.today };
    if (options.kind !== 'cohandling-opinion' && !proposal.leadUnit) {
      skipped.push(`${proposal.number}（没有主办单位）`);
      continue;
    }
    // The form goes with the reply, one per proposal, to whoever the letter is addressed to.
    const form = (template: 0 | 1): LetterJob => ({
      template,
      fileName: letterFileName(proposal.number, proposal.title, FORM_SUFFIX, width),
      context: feedbackFormContext({ ...input, unit: lead }),
      creator: lead.fullName,
      warning: null,
      incomplete: null,
    });
    if (options.kind === 'feedback-form') {
      jobs.push(form(0));
    } else if (options.kind === 'reply-letter') {
      for (const { suffix, context } of replyLetterContexts({ ...input, unit: lead })) {
        const missing = letterLacks(proposal);
        jobs.push({
          template: 0,
          fileName: letterFileName(proposal.number, proposal.title, suffix, width),
          context,
          creator: lead.fullName,
          warning: missing.length ? `${proposal.number}：缺少${missing.join('、')}` : null,
          incomplete: context.complete
            ? null
            : `${proposal.number}（${proposal.leadUnit}${suffix ? `，致${suffix.slice(1)}` : ''}）`,
        });
      }
      if (options.feedbackForms) jobs.push(form(1));
    } else {
      const handlings = store.handling.handlings(proposal.id).filter((h) => h.role === 'co');
      if (handlings.length === 0) continue;
      for (const handling of handlings) {
        const unit = unitData(units.get(handling.unit) ?? null, handling.unit);
        const context = cohandlingContext({ ...input, unit }, handling);
        jobs.push({
          template: 0,
          fileName: letterFileName(proposal.number, proposal.title, `-会办意见-${handling.unit}`, width),
          context,
          creator: unit.fullName,
          warning: handling.opinionText ? null : `${proposal.number}（${handling.unit}）：缺少会办意见正文`,
          incomplete: context.complete ? null : `${proposal.number}（${handling.unit}）`,
        });
      }
    }
  }
  return { jobs, skipped };
}

/** What each letter of these proposals would be filled with, as the batch would fill it. */
export function letterContexts(
  store: Store,
  options: Pick<LetterBatchOptions, 'session' | 'kind' | 'today'>,
  proposals: LedgerProposal[],
): { fileName: string; context: object }[] {
  return letterJobs(store, options, loadDocumentSettings(store), proposals).jobs.map(({ fileName, context }) => ({
    fileName,
    context,
  }));
}

/**
 * The first reply letter of one proposal, rendered as the batch would write it: the same
 * context, template and file name, so that the preview shows what generation writes.
 */
export async function previewReplyLetter(
  store: Store,
  proposalId: number,
  options: { template?: string; today: IsoDate },
): Promise<{ fileName: string; bytes: Buffer }> {
  const proposal = store.proposals.ledgerRow(proposalId);
  const session = store.sessions.get(proposal.sessionId);
  const settings = loadDocumentSettings(store);
  const template = resolveTemplate(store, options.template, 'reply-letter');
  const { jobs } = letterJobs(store, { session, kind: 'reply-letter', today: options.today }, settings, [proposal]);
  const [first] = jobs;
  if (!first) throw new UserError(`建议 ${proposal.number} 还没有主办单位，不能生成答复函。请先在建议里填写主办单位。`);
  const bytes = await renderTemplate(template, first.context, settings, first.fileName.replace(/\.docx$/, ''), first.creator);
  return { fileName: first.fileName, bytes };
}

/**
 * Reply letters (or co-handling opinions) for a session or a selection, one .docx each, written
 * atomically; optionally all of them in one .zip. Cancelling stops after the file being written.
 */
export async function generateLetters(store: Store, options: LetterBatchOptions): Promise<BatchResult> {
  const settings = loadDocumentSettings(store);
  const templates = [resolveTemplate(store, options.template, options.kind)];
  if (options.feedbackForms && options.kind === 'reply-letter')
    templates.push(resolveTemplate(store, undefined, 'feedback-form'));
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
      setup: {
        templates: templates.map((t) => ({ source: t.source, origin: t.origin })),
        settings,
        returnBytes: Boolean(options.zipFile),
      },
      jobs: jobs.map((job, id) => ({
        id,
        template: job.template,
        file: targets[id]!,
        title: title(job),
        creator: job.creator,
        context: job.context,
      })),
      signal: options.signal,
      onDone: (job, bytes) => complete(job.id, targets[job.id]!, bytes),
    });
    result.cancelled = !finished;
  } else {
    for (const [i, job] of jobs.entries()) {
      if (options.signal?.aborted) {
        result.cancelled = true;
        break;
      }
      const bytes = await renderTemplate(templates[job.template]!, job.context, settings, title(job), job.creator);
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
