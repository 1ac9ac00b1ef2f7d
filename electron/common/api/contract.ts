import { z } from 'zod';
import type { LedgerProposal } from '../entities/proposal';
import type { Consultation, Handling, Milestone } from '../entities/handling';
import type { EventRecord } from '../entities/event';
import type { Unit } from '../entities/unit';
import type { ReviewOpinion } from '../entities/review';
import type { Session } from '../domain/session';
import type { UserErrorCode } from '../domain/errors';
import { deadlineRulesSchema, RATE_KEYS } from '../domain/session';
import type { ImportReport } from '../ledger/import-report';
import type { SessionStatistics } from '../stats/statistics';
import type { BatchResult } from '../documents/batch';
import type { TemplateEntry } from '../documents/template/entry';
import { documentSettingsSchema } from '../documents/settings';
import type { DeadlineStatus } from '../domain/deadlines';
import { LEDGER_FIELDS } from '../ledger/columns';
import { OPERATION_NAME_LIST } from './operation-names';
import type { Finding } from '../check/model';

/**
 * The one API between the UI and the main process: every operation has a name and zod schemas
 * for its input and output. The Electron shell serves it over IPC, the HTTP bridge over
 * loopback for browser tests; both go through dispatch(), which parses the input and returns
 * errors as values with a Chinese message. The renderer imports only this file's types.
 */

const id = z.number().int().positive();
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期应为 YYYY-MM-DD');
const resultCode = z.enum(['A', 'B', 'C', 'D']);
const text = (max: number) => z.string().max(max);
/**
 * A template chosen in the UI is a name from the template library, never a path: the library
 * would otherwise read a .md file from anywhere on disk (the CLI's --template FILE does that on
 * purpose; the renderer must not).
 */
const templateName = text(200).refine((name) => !/[/\\\0]/.test(name) && !/\.md$/i.test(name), {
  message: '模板应按名称选择，不能是文件路径',
});

/**
 * The input of an operation that takes none: nothing, or an empty object. Strict, so that a
 * payload with fields (a mistake, or an attack) is refused rather than silently ignored.
 */
const noInput = z.strictObject({});

/** A value the main process produces: typed for the renderer, not re-checked at run time. */
const produced = <T>() => z.custom<T>(() => true);

export interface ProposalRow {
  id: number;
  number: string;
  numberSort: number | null;
  title: string;
  deputies: string;
  delegation: string;
  category: string;
  leadUnit: string;
  coUnits: string;
  assignedDate: string | null;
  deadline: string | null;
  replyDate: string | null;
  resultCode: string | null;
  resultLabel: string;
  feedback: string | null;
  published: boolean;
  closed: boolean;
  isKey: boolean;
  leaderSupervised: boolean;
  deadlineStatus: DeadlineStatus;
  daysLeft: number | null;
}

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

export interface ProposalDetail {
  proposal: LedgerProposal;
  handlings: Handling[];
  consultations: Consultation[];
  milestones: Milestone[];
  events: EventRecord[];
}

const proposalPatch = z
  .object({
    title: text(500).min(1, '标题不能为空'),
    delegation: text(100),
    content: text(50_000),
    assignedDate: isoDate.nullable(),
    deadline: isoDate.nullable(),
    extended: z.boolean(),
    replyDate: isoDate.nullable(),
    replyNumber: text(100),
    signer: text(50),
    contactPerson: text(50),
    contactPhone: text(50),
    resultCode: resultCode.nullable(),
    replyText: text(200_000),
    published: z.boolean(),
    met: z.boolean(),
    closed: z.boolean(),
    isKey: z.boolean(),
    leaderSupervised: z.boolean(),
    leaderName: text(100),
    feedback: text(20).nullable(),
    resultOpinion: text(20).nullable(),
    proposerCount: z.number().int().min(1).max(10_000).nullable(),
    notes: text(5_000),
    category: text(100),
  })
  .partial();

const fileUpload = z.object({
  fileName: text(260).min(1),
  /** The file's bytes, base64. */
  contentBase64: z.string().max(150_000_000),
});

const importInput = fileUpload.extend({
  sessionName: text(100).min(1, '请填写会议名称'),
  year: z.number().int().min(1949).max(2200).optional(),
  kind: z.enum(['npc', 'cppcc']).optional(),
  sheet: z.union([z.string(), z.number().int().min(0)]).optional(),
  mapping: z.record(z.string().regex(/^\d+$/), z.enum(LEDGER_FIELDS).nullable()).optional(),
  /** Let empty cells clear values already saved (off: a blank never erases the clerk's work). */
  clearBlanks: z.boolean().optional(),
});

/** A batch of reply letters or co-handling opinions: run at once, or as a job with progress. */
const letterBatch = z.object({
  sessionId: id,
  outDir: text(1000).min(1, '请选择保存的文件夹'),
  only: z.array(text(20)).max(100_000).optional(),
  template: templateName.optional(),
  cohandling: z.boolean().optional(),
  zip: z.boolean().optional(),
  overwrite: z.boolean().optional(),
  /** The clerk confirmed creating a folder that does not exist. */
  createFolder: z.boolean().optional(),
});

/**
 * Where one document goes: a path typed or chosen (a relative one is in the clerk's documents
 * folder), and what the clerk confirmed: replacing the file there, creating its folder.
 */
const documentOut = {
  out: text(1000).min(1, '请填写保存的文件'),
  overwrite: z.boolean().optional(),
  createFolder: z.boolean().optional(),
};

const sessionSettingsPatch = z
  .object({
    kind: z.enum(['npc', 'cppcc']),
    issuingBody: text(100),
    resultClassCount: z.union([z.literal(3), z.literal(4)]),
    feedbackScale: z.enum(['three', 'five']).nullable(),
    resolutionNumerator: z.enum(['A', 'AB', 'ABC']),
    satisfiedNumerator: z.enum(['top', 'top2']),
    resultShareBase: z.enum(['all', 'answered']),
    decimals: z.number().int().min(0).max(3),
    rounding: z.enum(['half-up', 'largest-remainder']),
    deadlines: deadlineRulesSchema,
  })
  .partial();

/** A report draft to check, and against which session's records (none: its own figures only). */
const draftCheck = fileUpload.extend({ sessionId: id.nullable() });

/** What the 核对 screen shows: the draft's paragraphs and what is wrong in them. */
export interface CheckResult {
  format: 'docx' | 'txt' | 'md';
  /** The session checked against, or null for the draft's own figures only. */
  against: string | null;
  paragraphs: { text: string; where: 'body' | 'table' | 'textbox' }[];
  findings: Finding[];
}

export const contract = {
  'app.info': {
    input: noInput,
    output: produced<{ version: string; database: string; today: string }>(),
  },
  'sessions.list': {
    input: noInput,
    output: produced<(Session & { proposalCount: number })[]>(),
  },
  'sessions.create': {
    input: z.object({
      name: text(100).min(1, '请填写会议名称'),
      year: z.number().int().min(1949).max(2200),
      kind: z.enum(['npc', 'cppcc']).default('npc'),
      /** Copy the settings, categories, labels and rules of this session. */
      copyFrom: id.optional(),
    }),
    output: produced<Session>(),
  },
  'sessions.update': {
    input: z.object({
      id,
      settings: sessionSettingsPatch.optional(),
      categories: z.array(text(100).min(1)).max(100).optional(),
      resultLabels: z.record(resultCode, text(40)).optional(),
      baselines: z.partialRecord(z.enum(RATE_KEYS), z.string().max(10).nullable()).optional(),
    }),
    output: produced<Session>(),
  },
  'proposals.list': {
    input: z.object({ sessionId: id, today: isoDate.optional() }),
    output: produced<ProposalRow[]>(),
  },
  'proposals.get': {
    input: z.object({ id }),
    output: produced<ProposalDetail>(),
  },
  'proposals.update': {
    input: z.object({ id, version: z.number().int().positive(), fields: proposalPatch }),
    output: produced<ProposalDetail>(),
  },
  'handlings.update': {
    input: z.object({
      id,
      proposalId: id,
      assignedDate: isoDate.nullable().optional(),
      dueDate: isoDate.nullable().optional(),
      opinionDate: isoDate.nullable().optional(),
      opinionText: text(100_000).optional(),
    }),
    output: produced<ProposalDetail>(),
  },
  'consultations.add': {
    input: z.object({
      proposalId: id,
      stage: z.enum(['', 'before', 'during', 'after']).default(''),
      form: text(50).min(1, '请填写面商形式，如 走访、座谈、电话'),
      faceToFace: z.boolean(),
      date: isoDate.nullable(),
      people: text(500),
      notes: text(5000),
    }),
    output: produced<ProposalDetail>(),
  },
  'consultations.remove': { input: z.object({ id, proposalId: id }), output: produced<ProposalDetail>() },
  'milestones.add': {
    input: z.object({ proposalId: id, dueDate: isoDate.nullable(), description: text(2000).min(1, '请填写跟踪事项') }),
    output: produced<ProposalDetail>(),
  },
  'milestones.complete': {
    input: z.object({ id, proposalId: id, doneDate: isoDate.nullable() }),
    output: produced<ProposalDetail>(),
  },
  'import.preview': { input: importInput, output: produced<ImportReport>() },
  'import.commit': { input: importInput, output: produced<ImportReport>() },
  /** The same as import.preview (dryRun) or import.commit, as a job whose stage can be watched. */
  'jobs.startImport': { input: importInput.extend({ dryRun: z.boolean() }), output: produced<{ jobId: string }>() },
  'jobs.importStatus': { input: z.object({ jobId: text(100) }), output: produced<ImportJobStatus>() },
  'ledger.export': {
    input: z.object({ sessionId: id }),
    output: produced<{ fileName: string; contentBase64: string }>(),
  },
  'stats.overview': {
    input: z.object({ sessionId: id, today: isoDate.optional() }),
    output: produced<SessionStatistics>(),
  },
  'drafts.get': {
    input: z.object({ sessionId: id }),
    output: produced<Record<string, string>>(),
  },
  'drafts.set': {
    input: z.object({
      sessionId: id,
      section: z.enum(['achievements', 'practices', 'problems', 'nextSteps']),
      text: text(100_000),
      /** The text as the editor loaded it: a save over someone else's later save is refused. */
      expected: text(100_000).optional(),
    }),
    output: produced<Record<string, string>>(),
  },
  'documents.letters': {
    input: letterBatch,
    output: produced<BatchResult>(),
  },
  'jobs.startLetters': {
    input: letterBatch,
    output: produced<{ jobId: string }>(),
  },
  'jobs.status': { input: z.object({ jobId: text(100) }), output: produced<JobStatus>() },
  'jobs.cancel': { input: z.object({ jobId: text(100) }), output: produced<JobStatus>() },
  'documents.report': {
    input: z.object({ sessionId: id, ...documentOut, template: templateName.optional() }),
    output: produced<{ file: string }>(),
  },
  'documents.preview': {
    input: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('reply-letter'), proposalId: id, template: templateName.optional() }),
      z.object({ kind: z.literal('annual-report'), sessionId: id, template: templateName.optional() }),
    ]),
    output: produced<{ fileName: string; contentBase64: string }>(),
  },
  'documents.rectification': {
    input: z.object({ opinionId: id, ...documentOut, template: templateName.optional() }),
    output: produced<{ file: string }>(),
  },
  'opinions.list': {
    input: noInput,
    output: produced<{ id: number; name: string; title: string; sessionId: number | null }[]>(),
  },
  'opinions.get': { input: z.object({ id }), output: produced<ReviewOpinion>() },
  'opinions.save': {
    input: z.object({
      id: id.optional(),
      name: text(200).min(1, '请填写审议意见的名称'),
      title: text(500),
      sessionId: id.nullable(),
      report: z.object({ addressee: text(100), docNumber: text(100), date: isoDate.nullable(), text: text(200_000) }),
      items: z
        .array(
          z.object({
            aspect: text(500).min(1, '每一行都要填写“主要方面”'),
            problem: text(5000),
            suggestion: text(5000),
            measures: text(10_000),
            units: text(500),
            deadline: text(100),
          }),
        )
        .max(500),
    }),
    output: produced<ReviewOpinion>(),
  },
  'templates.preview': {
    input: z.object({ source: text(500_000) }),
    output: produced<{ fileName: string; contentBase64: string }>(),
  },
  'templates.list': { input: noInput, output: produced<TemplateEntry[]>() },
  'templates.save': {
    input: z.object({ source: text(500_000), basedOn: text(200).nullable().optional() }),
    output: produced<TemplateEntry[]>(),
  },
  'templates.copy': {
    input: z.object({ from: text(200).min(1), to: text(60).min(1, '请填写新模板的名称') }),
    output: produced<TemplateEntry[]>(),
  },
  'templates.reset': { input: z.object({ name: text(200).min(1) }), output: produced<TemplateEntry[]>() },
  'settings.documents.get': { input: noInput, output: produced<z.infer<typeof documentSettingsSchema>>() },
  'settings.documents.set': { input: documentSettingsSchema, output: produced<z.infer<typeof documentSettingsSchema>>() },
  'units.list': { input: noInput, output: produced<Unit[]>() },
  'units.update': {
    input: z.object({
      id,
      fullName: text(100).optional(),
      docPrefix: text(40).optional(),
      contactPerson: text(50).optional(),
      contactPhone: text(50).optional(),
      copyTo: text(500).optional(),
    }),
    output: produced<Unit[]>(),
  },
  'backup.create': {
    input: z.object({ file: text(1000).min(1), createFolder: z.boolean().optional() }),
    output: produced<{ file: string; bytes: number }>(),
  },
  'backup.restore': {
    input: z.object({ file: text(1000).min(1) }),
    output: produced<{ restoredFrom: string; savedCurrentAs: string }>(),
  },
  'backup.list': { input: noInput, output: produced<{ folder: string; problem: string | null; backups: BackupEntry[] }>() },
  'database.move': {
    input: z.object({ file: text(1000).min(1) }),
    output: produced<{ file: string; bytes: number; restartNeeded: boolean }>(),
  },
  'check.draft': { input: draftCheck, output: produced<CheckResult>() },
  /** The report this program generates for a session, checked as a draft would be (it comes out clean). */
  'check.report': { input: z.object({ sessionId: id }), output: produced<CheckResult>() },
  /** A copy of a .docx draft with a Word comment at each finding; the original is not touched. */
  'check.annotate': { input: draftCheck.extend(documentOut), output: produced<{ file: string; comments: number }>() },
} as const satisfies Record<OperationNameList[number], { input: z.ZodType; output: z.ZodType }>;

type OperationNameList = typeof OPERATION_NAME_LIST;
// Every name listed is an operation and every operation is listed (checked both ways).
type Missing = Exclude<keyof typeof contract, OperationNameList[number]>;
const everyOperationListed: Missing extends never ? true : Missing = true;
void everyOperationListed;

export type Contract = typeof contract;
export type OperationName = keyof Contract;
export type Input<N extends OperationName> = z.input<Contract[N]['input']>;
export type Output<N extends OperationName> = z.infer<Contract[N]['output']>;

/** One automatic backup, as the settings screen lists it. */
export interface BackupEntry {
  file: string;
  /** Why it was made, in words (启动时、导入前……). */
  reason: string;
  /** Local time, ISO 8601. */
  createdAt: string;
  bytes: number;
}

export type Result<T> =
  { ok: true; value: T } | { ok: false; error: { message: string; details: string[]; code?: UserErrorCode | null } };

export const OPERATION_NAMES: readonly OperationName[] = OPERATION_NAME_LIST;
