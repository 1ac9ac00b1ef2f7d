import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { z } from 'zod';
import type { Store } from '../../../db/store';
import { MIGRATIONS } from '../../../db/migrations';
import { openDatabase } from '../../../db/connection';
import {
  backupBeforeImport,
  backupFolder,
  createAutoBackup,
  healthOf,
  listBackups,
  writeVerifiedBackup,
} from '../../../db/backups';
import { describeReason } from '../../../db/recovery';
import { openDeadlineState } from '../../common/domain/deadlines';
import { isUserError, UserError } from '../../common/domain/errors';
import { explainSystemError } from '../../common/domain/system-errors';
import { checkOutputFile } from '../files/output-path';
import { documentsFolder } from '../files/documents-folder';
import { parseFeedback, parseResultOpinion, SCALE_NAMES } from '../../common/domain/feedback';
import { RECORDED_FACTS, type RecordedFact } from '../../common/domain/session';
import { isIsoDate } from '../../common/domain/dates';
import { stripControlChars } from '../../common/domain/text';
import { codesFor } from '../../common/domain/result-classes';
import { replyLetterContexts, unitData } from '../../common/documents/data/letter-context';
import { reportContext } from '../../common/documents/data/report-context';
import { sampleContext } from '../../common/documents/data/samples';
import { checkWithSample } from '../documents/template/check-sample';
import { compileTemplate } from '../../common/documents/template/engine';
import { loadDocumentSettings, saveDocumentSettings } from '../documents/document-settings';
import { generateLetters, generateRectification, generateReport, renderTemplate } from '../documents/generate/documents';
import { letterFileName, safeFileName } from '../documents/generate/file-names';
import { copyTemplate, listTemplates, resetTemplate, resolveTemplate, saveUserTemplate } from '../documents/template/library';
import { ledgerWorkbook } from '../ledger/export-ledger';
import { importWorkbook } from '../ledger/import-ledger';
import { type ImportReport } from '../../common/ledger/import-report';
import { LEDGER_FIELDS, type LedgerField } from '../../common/ledger/columns';
import { readSpreadsheetBuffer } from '../ledger/read-table';
import { sessionStatistics } from '../stats/session-statistics';
import type {
  CheckResult,
  Contract,
  ImportJobStatus,
  JobStatus,
  OperationName,
  Output,
  ProposalDetail,
  ProposalRow,
} from '../../common/api/contract';
import { annotateDocx, checkDraft, factsFromStatistics, readDraft } from '../check';
import { writeFileAtomic } from '../files/atomic-write';

export interface ApiContext {
  store: Store;
  /** The database file, for backups and restores. */
  databaseFile: string;
  today: () => string;
  version: string;
  /**
   * The desktop shell remembers a moved database and restarts on it; where there is no shell
   * (the browser bridge) the copy is made and the clerk is told how to open it.
   */
  onDatabaseMoved?: (file: string) => void;
  /** Where a relative path the clerk types is saved: the user's documents folder. */
  documentsDir?: string;
}

type Handlers = { [N in OperationName]: (input: z.infer<Contract[N]['input']>) => Promise<Output<N>> | Output<N> };

interface Job {
  status: JobStatus;
  controller: AbortController;
}

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

/** The proposal field that gives each recorded fact when the clerk edits it. */
const EDITED_FACT: Record<
  RecordedFact,
  'categoryId' | 'resultCode' | 'replyDate' | 'published' | 'met' | 'closed' | 'feedback' | 'resultOpinion'
> = {
  category: 'categoryId',
  result: 'resultCode',
  replyDate: 'replyDate',
  published: 'published',
  met: 'met',
  closed: 'closed',
  feedback: 'feedback',
  resultOpinion: 'resultOpinion',
};

/** The operations of the contract, implemented over the records store. Plain Node, no Electron. */
export function createHandlers(ctx: ApiContext): Handlers {
  const operations = operationsOf(ctx);
  // Every operation first checks that the database file is still the one opened: after it is
  // deleted or replaced, nothing would be saved for real.
  return Object.fromEntries(
    Object.entries(operations).map(([name, run]) => [
      name,
      (input: unknown) => {
        ctx.store.checkFile();
        return (run as (input: unknown) => unknown)(input);
      },
    ]),
  ) as Handlers;
}

function operationsOf(ctx: ApiContext): Handlers {
  const { store } = ctx;
  const jobs = new Map<string, Job>();
  const importJobs = new Map<string, ImportJobStatus>();
  let jobCounter = 0;
  const jobOf = (jobId: string): Job => {
    const job = jobs.get(jobId);
    if (!job) throw new UserError('找不到这项任务，它可能已经结束很久了。');
    return job;
  };

  const detail = (id: number): ProposalDetail => {
    return {
      proposal: store.proposals.ledgerRow(id),
      handlings: store.handling.handlings(id),
      consultations: store.handling.consultations(id),
      milestones: store.handling.milestones(id),
      events: store.events.forEntity('proposal', id),
    };
  };

  /** A path the clerk typed: a relative one is in the documents folder, never the program's own. */
  const userPath = (typed: string) => path.resolve(ctx.documentsDir ?? documentsFolder(), typed.trim());

  const batchOptions = ({
    sessionId,
    outDir,
    only,
    template,
    cohandling,
    zip,
    overwrite,
    createFolder,
  }: z.infer<Contract['documents.letters']['input']>) => {
    const folder = userPath(outDir);
    return {
      session: store.sessions.get(sessionId),
      outDir: folder,
      only,
      template,
      kind: cohandling ? ('cohandling-opinion' as const) : ('reply-letter' as const),
      zipFile: zip ? path.join(folder, cohandling ? '会办意见.zip' : '答复函.zip') : undefined,
      overwrite,
      createFolder,
      today: ctx.today(),
    };
  };

  const importFrom = async (
    input: z.infer<Contract['import.preview']['input']>,
    dryRun: boolean,
    onStage: (stage: string, step: number, steps: number) => Promise<void> = async () => undefined,
  ) => {
    const steps = dryRun ? 2 : 3;
    const bytes = Buffer.from(input.contentBase64, 'base64');
    await onStage(`读取文件「${input.fileName}」（${(bytes.length / 1024 / 1024).toFixed(1)} MB）`, 0, steps);
    const workbook = await readSpreadsheetBuffer(bytes, input.fileName);
    if (!dryRun) {
      await onStage('导入前备份数据库', 1, steps);
      await backupBeforeImport(store);
    }
    const rows = Math.max(0, ...workbook.sheets.map((sheet) => sheet.rows.length));
    await onStage(`${dryRun ? '检查' : '检查并写入'} ${rows.toLocaleString('en-US')} 行`, steps - 1, steps);
    const mapping = input.mapping ? Object.fromEntries(Object.entries(input.mapping).map(([k, v]) => [Number(k), v])) : undefined;
    const report = importWorkbook(store, workbook, {
      sessionName: input.sessionName,
      year: input.year,
      kind: input.kind,
      sheet: input.sheet,
      mapping: mapping && Object.keys(mapping).length > 0 ? mapping : undefined,
      clearBlanks: input.clearBlanks,
      dryRun,
      fileName: input.fileName,
      recall: (signature) => recallMapping(store, signature),
    });
    // The clerk's choice of columns is kept for the next file with the same headers.
    if (report.committed && mapping && Object.keys(mapping).length > 0) rememberMapping(store, report);
    return report;
  };

  return {
    'app.info': () => ({ version: ctx.version, database: ctx.databaseFile, today: ctx.today() }),

    'sessions.list': () => store.sessions.list().map((s) => ({ ...s, proposalCount: store.proposals.countBySession(s.id) })),

    'sessions.create': ({ name, year, kind, copyFrom }) => {
      const source = copyFrom ? store.sessions.get(copyFrom) : null;
      return store.transaction(() => {
        const created = store.sessions.create({
          name,
          year,
          settings: source ? { ...source, kind, feedbackScale: source.feedbackScale } : { kind },
          categories: source?.categories ?? [],
          resultLabels: source?.resultLabels,
        });
        store.events.append({
          entity: 'session',
          entityId: created.id,
          action: '新建会议',
          details: { copyFrom: source?.name ?? null },
        });
        return created;
      });
    },

    'sessions.update': ({ id, settings, categories, resultLabels, baselines }) =>
      store.transaction(() => {
        if (settings) store.sessions.updateSettings(id, settings);
        if (categories) store.sessions.setCategories(id, categories);
        if (resultLabels) store.sessions.setResultLabels(id, resultLabels);
        if (baselines) store.sessions.setBaselines(id, baselines);
        store.events.append({
          entity: 'session',
          entityId: id,
          action: '修改会议设置',
          details: { settings, categories, resultLabels, baselines },
        });
        return store.sessions.get(id);
      }),

    'proposals.list': ({ sessionId, today }) => {
      const session = store.sessions.get(sessionId);
      const day = today ?? ctx.today();
      return store.proposals.summaries(sessionId).map((p): ProposalRow => {
        const answered = p.replyDate !== null || p.resultCode !== null;
        const state = answered
          ? {
              status:
                p.replyDate && p.effectiveDeadline && p.replyDate > p.effectiveDeadline
                  ? ('late' as const)
                  : ('on-time' as const),
              daysLeft: null,
            }
          : openDeadlineState(p.effectiveDeadline, session.deadlines, day);
        return {
          id: p.id,
          number: p.number,
          numberSort: p.numberSort,
          title: p.title,
          deputies: p.deputies,
          delegation: p.delegation,
          category: p.category,
          leadUnit: p.leadUnit,
          coUnits: p.coUnits,
          assignedDate: p.assignedDate,
          deadline: p.effectiveDeadline,
          replyDate: p.replyDate,
          resultCode: p.resultCode,
          resultLabel: p.resultCode ? (session.resultLabels[p.resultCode] ?? p.resultCode) : '',
          feedback: p.feedback,
          published: p.published,
          closed: p.closed,
          isKey: p.isKey,
          leaderSupervised: p.leaderSupervised,
          deadlineStatus: state.status,
          daysLeft: state.daysLeft,
        };
      });
    },

    'proposals.get': ({ id }) => detail(id),

    'proposals.update': ({ id, version, fields }) =>
      store.transaction(() => {
        const before = store.proposals.get(id);
        const { category, ...rest } = fields;
        // Pasted text can carry control characters and broken surrogate halves, which SQLite
        // would store as replacement marks: they are dropped, as the importer drops them.
        const patch = Object.fromEntries(
          Object.entries(rest).map(([key, value]) => [key, typeof value === 'string' ? stripControlChars(value) : value]),
        ) as Parameters<Store['proposals']['update']>[1];
        if (category !== undefined) {
          const categories = store.sessions.categories(before.sessionId);
          const found = categories.find((c) => c.name === category);
          if (category && !found)
            throw new UserError(`类别「${category}」不在本届会议的类别中（现有：${categories.map((c) => c.name).join('、')}）。`);
          patch.categoryId = found?.id ?? null;
        }
        const session = store.sessions.get(before.sessionId);
        if (fields.feedback !== undefined) {
          // An empty choice is no feedback; a value must belong to the session's scale.
          const parsed = fields.feedback ? parseFeedback(fields.feedback) : null;
          if (parsed === undefined) throw new UserError(`代表评价「${fields.feedback}」无法识别。`);
          if (parsed?.scale && session.feedbackScale && parsed.scale !== session.feedbackScale) {
            throw new UserError(`代表评价「${parsed.value}」不属于本届会议使用的${SCALE_NAMES[session.feedbackScale]}。`);
          }
          patch.feedback = parsed?.value ?? null;
        }
        if (fields.resultCode && !codesFor(session.resultClassCount).includes(fields.resultCode)) {
          throw new UserError(`本届会议使用三类办理结果，没有「${fields.resultCode}」类。`);
        }
        for (const key of ['assignedDate', 'deadline', 'replyDate'] as const) {
          const value = fields[key];
          if (value && !isIsoDate(value)) throw new UserError(`日期「${value}」不存在，请检查。`);
        }
        const assigned = fields.assignedDate !== undefined ? fields.assignedDate : before.assignedDate;
        const replied = fields.replyDate !== undefined ? fields.replyDate : before.replyDate;
        if (assigned && replied && replied < assigned)
          throw new UserError(`答复日期（${replied}）早于交办日期（${assigned}），请检查。`);
        if (fields.resultOpinion !== undefined) {
          const opinion = fields.resultOpinion ? parseResultOpinion(fields.resultOpinion) : null;
          if (opinion === undefined) throw new UserError(`对办理结果的意见「${fields.resultOpinion}」无法识别。`);
          patch.resultOpinion = opinion;
        }
        store.proposals.update(id, patch, version);
        // A fact the clerk has entered is one the statistics may report from now on.
        // A fact the clerk has entered (a value that changed) is one the statistics may report.
        const after = store.proposals.get(id);
        store.sessions.markGiven(
          before.sessionId,
          RECORDED_FACTS.filter((fact) => before[EDITED_FACT[fact]] !== after[EDITED_FACT[fact]]),
        );
        store.events.append({ entity: 'proposal', entityId: id, action: '修改', details: { fields: Object.keys(fields) } });
        return detail(id);
      }),

    'handlings.update': ({ id, proposalId, ...patch }) =>
      store.transaction(() => {
        if (!store.handling.handlings(proposalId).some((h) => h.id === id)) throw new UserError('这条办理记录不属于该建议。');
        store.handling.updateHandling(id, patch);
        store.events.append({
          entity: 'proposal',
          entityId: proposalId,
          action: '修改办理记录',
          details: { handling: id, fields: Object.keys(patch) },
        });
        return detail(proposalId);
      }),
    'consultations.add': ({ proposalId, ...consultation }) =>
      store.transaction(() => {
        store.proposals.get(proposalId);
        store.handling.addConsultation({ proposalId, ...consultation });
        if (consultation.faceToFace) store.sessions.markGiven(store.proposals.get(proposalId).sessionId, ['met']);
        store.events.append({
          entity: 'proposal',
          entityId: proposalId,
          action: '记录面商',
          details: { form: consultation.form, date: consultation.date },
        });
        return detail(proposalId);
      }),
    'consultations.remove': ({ id, proposalId }) =>
      store.transaction(() => {
        if (!store.handling.consultations(proposalId).some((c) => c.id === id)) throw new UserError('这条面商记录不属于该建议。');
        store.handling.removeConsultation(id);
        store.events.append({ entity: 'proposal', entityId: proposalId, action: '删除面商记录', details: { consultation: id } });
        return detail(proposalId);
      }),
    'milestones.add': ({ proposalId, dueDate, description }) =>
      store.transaction(() => {
        store.proposals.get(proposalId);
        store.handling.addMilestone({ proposalId, dueDate, doneDate: null, description });
        store.events.append({ entity: 'proposal', entityId: proposalId, action: '添加跟踪事项', details: { description } });
        return detail(proposalId);
      }),
    'milestones.complete': ({ id, proposalId, doneDate }) =>
      store.transaction(() => {
        if (!store.handling.milestones(proposalId).some((m) => m.id === id)) throw new UserError('这条跟踪事项不属于该建议。');
        store.handling.completeMilestone(id, doneDate);
        store.events.append({
          entity: 'proposal',
          entityId: proposalId,
          action: '跟踪事项完成',
          details: { milestone: id, doneDate },
        });
        return detail(proposalId);
      }),

    'import.preview': (input) => importFrom(input, true),
    'import.commit': (input) => importFrom(input, false),

    'ledger.export': async ({ sessionId }) => {
      const session = store.sessions.get(sessionId);
      return {
        fileName: safeFileName(`台账-${session.name}`, '.xlsx'),
        contentBase64: b64(await ledgerWorkbook(store, session)),
      };
    },

    'stats.overview': ({ sessionId, today }) => sessionStatistics(store, store.sessions.get(sessionId), today ?? ctx.today()),

    'drafts.get': ({ sessionId }) => store.drafts.get(sessionId),
    'drafts.set': ({ sessionId, section, text, expected }) => {
      store.transaction(() => {
        const current = store.drafts.get(sessionId)[section] ?? '';
        if (expected !== undefined && current !== expected) {
          throw new UserError(
            '这一部分已在另一个窗口（或由他人）修改并保存过，为避免覆盖对方的文字，本次保存未生效。请先复制您的文字，刷新后再合并保存。',
          );
        }
        store.drafts.set(sessionId, section, text);
      });
      return store.drafts.get(sessionId);
    },

    'documents.letters': (input) => generateLetters(store, batchOptions(input)),

    'jobs.startLetters': (input) => {
      const options = batchOptions(input);
      const jobId = `letters-${++jobCounter}`;
      const job: Job = {
        status: { jobId, done: 0, total: 0, finished: false, result: null, error: null },
        controller: new AbortController(),
      };
      jobs.set(jobId, job);
      generateLetters(store, {
        ...options,
        signal: job.controller.signal,
        onProgress: (done, total) => Object.assign(job.status, { done, total }),
      })
        .then((result) => Object.assign(job.status, { finished: true, result }))
        .catch((error: unknown) =>
          Object.assign(job.status, {
            finished: true,
            error: isUserError(error)
              ? { message: error.message, details: [...error.details], code: error.code }
              : { message: `程序内部错误：${(error as Error).message}`, details: [] },
          }),
        );
      return { jobId };
    },
    'jobs.startImport': ({ dryRun, ...input }) => {
      const jobId = `import-${++jobCounter}`;
      const status: ImportJobStatus = {
        jobId,
        stage: '开始',
        step: 0,
        steps: dryRun ? 2 : 3,
        finished: false,
        result: null,
        error: null,
      };
      importJobs.set(jobId, status);
      // Each stage yields to the event loop first, so that a status request is answered with it.
      const onStage = async (stage: string, step: number, steps: number) => {
        Object.assign(status, { stage, step, steps });
        await new Promise((resolve) => setImmediate(resolve));
      };
      importFrom(input, dryRun, onStage)
        .then((result) => Object.assign(status, { finished: true, step: status.steps, stage: '完成', result }))
        .catch((error: unknown) => {
          const explained = isUserError(error) ? error : explainSystemError(error);
          Object.assign(status, {
            finished: true,
            error: explained
              ? { message: explained.message, details: [...explained.details] }
              : { message: `程序内部错误：${(error as Error).message}。数据没有改动。`, details: [] },
          });
        });
      return { jobId };
    },
    'jobs.importStatus': ({ jobId }) => {
      const status = importJobs.get(jobId);
      if (!status) throw new UserError('找不到这项导入任务，它可能已经结束很久了。');
      return { ...status };
    },
    'jobs.status': ({ jobId }) => ({ ...jobOf(jobId).status }),
    'jobs.cancel': ({ jobId }) => {
      const job = jobOf(jobId);
      job.controller.abort();
      return { ...job.status };
    },

    'documents.report': async ({ sessionId, out, overwrite, createFolder, template }) => {
      const { file } = await generateReport(store, {
        session: store.sessions.get(sessionId),
        out: userPath(out),
        overwrite,
        createFolder,
        template,
        today: ctx.today(),
      });
      return { file };
    },

    'documents.preview': async (input) => {
      const settings = loadDocumentSettings(store);
      if (input.kind === 'reply-letter') {
        const ledger = store.proposals.ledgerRow(input.proposalId);
        const session = store.sessions.get(ledger.sessionId);
        const units = new Map(store.units.list().map((u) => [u.name, u]));
        const unit = unitData(units.get(ledger.leadUnit) ?? null, ledger.leadUnit);
        const [first] = replyLetterContexts({ session, proposal: ledger, unit, leadUnit: unit, settings, today: ctx.today() });
        const template = resolveTemplate(store, input.template, 'reply-letter');
        const fileName = letterFileName(ledger.number, ledger.title);
        return { fileName, contentBase64: b64(await renderTemplate(template, first!.context, settings, fileName)) };
      }
      const session = store.sessions.get(input.sessionId);
      const template = resolveTemplate(store, input.template, 'annual-report', ['statistics-tables']);
      const context = reportContext(
        session,
        sessionStatistics(store, session, ctx.today()),
        store.drafts.get(session.id),
        ctx.today(),
      );
      const fileName = safeFileName(`办理情况报告-${session.name}`, '.docx');
      return { fileName, contentBase64: b64(await renderTemplate(template, context, settings, fileName)) };
    },

    'documents.rectification': async ({ opinionId, out, overwrite, createFolder, template }) => {
      const { file } = await generateRectification(store, {
        opinionName: store.reviews.get(opinionId).name,
        out: userPath(out),
        overwrite,
        createFolder,
        template,
        today: ctx.today(),
      });
      return { file };
    },
    'opinions.list': () => store.reviews.list(),
    'opinions.get': ({ id }) => store.reviews.get(id),
    'opinions.save': ({ id, name, title, sessionId, report, items }) =>
      store.transaction(() => {
        const opinionId = id ?? store.reviews.create({ name, title, sessionId });
        if (id) store.reviews.rename(id, { name, title, sessionId });
        store.reviews.setItems(opinionId, items);
        store.reviews.setReport(opinionId, report);
        store.events.append({
          entity: 'opinion',
          entityId: opinionId,
          action: id ? '修改整改清单' : '新建审议意见',
          details: { items: items.length },
        });
        return store.reviews.get(opinionId);
      }),
    'templates.preview': async ({ source }) => {
      const template = compileTemplate(source, '预览');
      const settings = loadDocumentSettings(store);
      return {
        fileName: '预览.docx',
        contentBase64: b64(await renderTemplate(template, sampleContext(template.meta.kind, settings), settings, '预览')),
      };
    },
    'templates.list': () => listTemplates(store),
    'templates.save': async ({ source, basedOn }) => {
      await saveUserTemplate(store, source, checkWithSample, basedOn ?? null);
      return listTemplates(store);
    },
    'templates.copy': ({ from, to }) => {
      copyTemplate(store, from, to);
      return listTemplates(store);
    },
    'templates.reset': ({ name }) => {
      resetTemplate(store, name);
      return listTemplates(store);
    },

    'settings.documents.get': () => loadDocumentSettings(store),
    'settings.documents.set': (settings) => saveDocumentSettings(store, settings),

    'units.list': () => store.units.list(),
    'units.update': ({ id, ...letterhead }) => {
      store.units.updateLetterhead(id, letterhead);
      return store.units.list();
    },

    'backup.create': async ({ file, createFolder }) => {
      const target = checkOutputFile(userPath(file), {
        kind: 'db',
        databaseFile: ctx.databaseFile,
        createFolder,
        addExtension: true,
      });
      await backupTo(store, target);
      return { file: target, bytes: fs.statSync(target).size };
    },

    'backup.restore': async ({ file }) => {
      verifyBackup(file);
      // Work on a copy: bring it to this version's schema first, so the live database is only
      // ever replaced by one the running program can use.
      const staging = path.join(path.dirname(ctx.databaseFile), `.恢复中-${Date.now()}.db`);
      try {
        const source = new Database(file, { readonly: true, fileMustExist: true });
        try {
          await source.backup(staging);
        } finally {
          source.close();
        }
        const { db: migrated } = await openDatabase(staging, { backupDir: false });
        try {
          const saved = (await createAutoBackup(store.db, ctx.databaseFile, '恢复前')).file;
          await migrated.backup(ctx.databaseFile);
          store.events.append({ entity: 'session', entityId: null, action: '从备份恢复', details: { file, saved } });
          return { restoredFrom: file, savedCurrentAs: saved };
        } finally {
          migrated.close();
        }
      } finally {
        for (const suffix of ['', '-wal', '-shm']) fs.rmSync(staging + suffix, { force: true });
      }
    },

    'backup.list': () => ({
      folder: backupFolder(ctx.databaseFile),
      problem: healthOf(ctx.databaseFile).problem,
      backups: listBackups(ctx.databaseFile).map((b) => ({
        file: b.file,
        reason: describeReason(b.reason),
        createdAt: localIso(b.createdAt),
        bytes: b.bytes,
      })),
    }),

    'check.draft': ({ fileName, contentBase64, sessionId }) =>
      checkDraftFile(store, fileName, Buffer.from(contentBase64, 'base64'), sessionId, ctx.today()),

    'check.report': async ({ sessionId }) => {
      const session = store.sessions.get(sessionId);
      const settings = loadDocumentSettings(store);
      const template = resolveTemplate(store, undefined, 'annual-report', ['statistics-tables']);
      const context = reportContext(
        session,
        sessionStatistics(store, session, ctx.today()),
        store.drafts.get(session.id),
        ctx.today(),
      );
      const bytes = await renderTemplate(template, context, settings, '办理情况报告');
      return checkDraftFile(store, '办理情况报告.docx', bytes, sessionId, ctx.today());
    },

    'check.annotate': async ({ fileName, contentBase64, sessionId, out, overwrite, createFolder }) => {
      const bytes = Buffer.from(contentBase64, 'base64');
      const result = checkDraftFile(store, fileName, bytes, sessionId, ctx.today());
      if (result.format !== 'docx') throw new UserError('只有 .docx 的报告稿可以另存带批注的副本。');
      const target = checkOutputFile(userPath(out), {
        kind: 'docx',
        databaseFile: ctx.databaseFile,
        overwrite,
        createFolder,
        addExtension: true,
      });
      await writeFileAtomic(target, annotateDocx(bytes, result.findings));
      return { file: target, comments: result.findings.length };
    },

    'database.move': async ({ file }) => {
      const target = userPath(file);
      if (!/\.db$/i.test(target)) throw new UserError(`新的数据库文件名应以 .db 结尾：「${file}」。`);
      if (target === path.resolve(ctx.databaseFile)) throw new UserError('新位置和现在的位置相同。');
      if (!fs.existsSync(path.dirname(target))) throw new UserError(`文件夹「${path.dirname(target)}」不存在。`);
      if (fs.existsSync(target)) throw new UserError(`「${target}」已经存在，请另选文件名，以免覆盖已有的文件。`);
      checkOutputFile(target, { kind: 'db', databaseFile: ctx.databaseFile });
      const running =
        [...jobs.values()].some((job) => !job.status.finished) || [...importJobs.values()].some((job) => !job.finished);
      if (running) throw new UserError('还有批量生成或导入正在进行，请等它完成后再移动数据库。');
      // Recorded before the copy, so that the copy holds it and the old file changes no more.
      store.events.append({
        entity: 'session',
        entityId: null,
        action: '移动数据库',
        details: { from: ctx.databaseFile, to: target },
      });
      await backupTo(store, target);
      ctx.onDatabaseMoved?.(target);
      return { file: target, bytes: fs.statSync(target).size, restartNeeded: ctx.onDatabaseMoved !== undefined };
    },
  };
}

const mappingSchema = z.object({ columns: z.record(z.string(), z.enum(LEDGER_FIELDS).nullable()) });
const mappingKey = (signature: string) => `import.mapping.${createHash('sha256').update(signature).digest('hex').slice(0, 32)}`;

/** The mapping chosen last time for a file with these headers (header text → field), or null. */
function recallMapping(store: Store, signature: string): Record<string, LedgerField | null> | null {
  const saved = store.settings.get(mappingKey(signature), mappingSchema, { columns: {} });
  return Object.keys(saved.columns).length > 0 ? saved.columns : null;
}

function rememberMapping(store: Store, report: ImportReport): void {
  const columns: Record<string, LedgerField | null> = {};
  for (const c of report.columns) if (c.header) columns[c.header] = c.field;
  store.settings.set(mappingKey(report.signature), mappingSchema, { columns });
}

/** Reads a draft and checks it, against a session's records when one is named. */
function checkDraftFile(store: Store, fileName: string, bytes: Buffer, sessionId: number | null, today: string): CheckResult {
  const draft = readDraft({ name: fileName, bytes });
  const session = sessionId === null ? null : store.sessions.get(sessionId);
  const facts = session ? factsFromStatistics(sessionStatistics(store, session, today), session) : null;
  const findings = checkDraft(
    draft.paragraphs,
    facts,
    session ? { decimals: session.decimals as 0 | 1 | 2 | 3, rounding: session.rounding } : {},
  );
  return {
    format: draft.format,
    against: session?.name ?? null,
    paragraphs: draft.paragraphs.map((p) => ({ text: p.text, where: p.where })),
    findings,
  };
}

function localIso(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

/** A copy made with SQLite's online backup API, checked before it counts. */
async function backupTo(store: Store, file: string): Promise<void> {
  if (fs.existsSync(file)) throw new UserError(`「${file}」已经存在，请另选文件名，以免覆盖已有的备份。`);
  if (!fs.existsSync(path.dirname(path.resolve(file)))) throw new UserError(`保存备份的文件夹「${path.dirname(file)}」不存在。`);
  await writeVerifiedBackup(store.db, file);
}

function verifyBackup(file: string): void {
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch {
    throw new UserError(`找不到备份文件「${file}」，或它不是数据库文件。`);
  }
  try {
    const ok = db.pragma('integrity_check', { simple: true });
    if (ok !== 'ok') throw new UserError(`备份文件「${file}」已损坏（完整性检查未通过），不能使用。`);
    const version = db.pragma('user_version', { simple: true }) as number;
    const ours = db
      .prepare(
        "SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name IN ('schema_migrations', 'proposals', 'sessions')",
      )
      .get() as { n: number };
    if (version === 0 || ours.n < 3) throw new UserError(`「${file}」不是建议办理助手的备份文件。`);
    if (version > MIGRATIONS.at(-1)!.version) {
      throw new UserError(
        `备份「${file}」由更新版本的建议办理助手创建（数据库版本 ${version}），本程序不能使用，请升级后再恢复。`,
      );
    }
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError(`「${file}」不是建议办理助手的备份文件。`);
  } finally {
    db.close();
  }
}
