import path from 'node:path';
import type { ProposalFields } from '../../db/repos/proposals';
import { EMPTY_PROPOSAL } from '../../db/repos/proposals';
import type { Store } from '../../db/store';
import { UserError } from '../domain/errors';
import { defaultResultLabels } from '../domain/result-classes';
import type { Session, SessionSettings } from '../domain/session';
import { CANONICAL_HEADERS, type LedgerField } from './columns';
import { factsOfProposal, ledgerText, type LedgerFacts } from './ledger-values';
import {
  formatIssue,
  parseLedger,
  type ColumnMapping,
  type LedgerContext,
  type LedgerRecord,
  type ParseOptions,
} from './parse-ledger';
import { readSpreadsheet, type Workbook } from './read-table';

export interface ImportOptions extends ParseOptions {
  sessionName: string;
  /** Needed when the session does not exist yet (it is then created). */
  year?: number;
  kind?: SessionSettings['kind'];
  dryRun?: boolean;
  /** Shown in the event log. */
  fileName?: string;
  /** Told when the rows checked out and writing begins (the CLI's --verbose shows it). */
  onWrite?: (rows: number) => void;
}

export interface FieldChange {
  field: LedgerField;
  header: string;
  before: string;
  after: string;
}

export interface PlannedRow {
  row: number;
  number: string;
  title: string;
  action: 'insert' | 'update' | 'unchanged';
  changes: FieldChange[];
}

export interface ImportReport {
  sessionName: string;
  /** True when the session does not exist yet (a dry run) or was created by this import. */
  newSession: boolean;
  sheetName: string;
  sheetNames: string[];
  headerRow: number;
  columns: ColumnMapping[];
  warnings: string[];
  /** Every problem, formatted for the clerk: 第15行「答复日期」无法识别：2019-13-45. */
  errors: string[];
  counts: { insert: number; update: number; unchanged: number };
  rows: PlannedRow[];
  /** True only when the records were written (no errors and not a dry run). */
  committed: boolean;
}

function contextOf(session: Session | null, name: string): LedgerContext {
  return session
    ? {
        sessionName: session.name,
        resultLabels: session.resultLabels,
        resultClassCount: session.resultClassCount,
        feedbackScale: session.feedbackScale,
        categories: session.categories,
      }
    : { sessionName: name, resultLabels: defaultResultLabels(4), resultClassCount: 4, feedbackScale: null, categories: [] };
}

/** The proposal's facts after applying a ledger row: fields without a column stay as they were. */
function merge(existing: LedgerFacts | null, record: LedgerRecord, present: ReadonlySet<LedgerField>): LedgerFacts {
  const { row: _row, ...fromFile } = record;
  if (!existing) return fromFile; // a new proposal: absent columns read as empty
  const out: LedgerFacts = { ...existing };
  const apply = <K extends keyof LedgerFacts>(field: LedgerField, ...keys: K[]) => {
    if (present.has(field)) for (const key of keys) out[key] = fromFile[key];
  };
  apply('number', 'number', 'numberKey', 'numberSort');
  apply('title', 'title');
  apply('leadDeputies', 'leadDeputies');
  apply('coDeputies', 'coDeputies');
  apply('delegation', 'delegation');
  apply('category', 'category');
  apply('leadUnits', 'leadUnit');
  apply('coUnits', 'coUnits');
  apply('assignedDate', 'assignedDate');
  apply('deadline', 'deadline');
  apply('replyDate', 'replyDate');
  apply('result', 'resultCode');
  apply('published', 'published');
  apply('met', 'met');
  apply('feedback', 'feedback');
  apply('closed', 'closed');
  apply('isKey', 'isKey');
  apply('leader', 'leaderSupervised', 'leaderName');
  apply('notes', 'notes');
  return out;
}

/** The proposal columns a ledger row covers. */
function scalarFields(facts: LedgerFacts, categoryId: number | null): Omit<ProposalFields, keyof typeof UNCOVERED> {
  return {
    number: facts.number,
    numberKey: facts.numberKey,
    numberSort: facts.numberSort,
    title: facts.title,
    delegation: facts.delegation,
    categoryId,
    assignedDate: facts.assignedDate,
    deadline: facts.deadline,
    replyDate: facts.replyDate,
    resultCode: facts.resultCode,
    published: facts.published,
    met: facts.met,
    feedback: facts.feedback,
    closed: facts.closed,
    isKey: facts.isKey,
    leaderSupervised: facts.leaderSupervised,
    leaderName: facts.leaderName,
    notes: facts.notes,
  };
}

/** The columns whose names become links to deputies and units. */
const LINK_FIELDS = new Set<LedgerField>(['leadDeputies', 'coDeputies', 'leadUnits', 'coUnits']);

/** Proposal fields no ledger column covers: an import never touches them. */
const UNCOVERED = {
  content: '',
  extended: false,
  replyNumber: '',
  signer: '',
  contactPerson: '',
  contactPhone: '',
  replyText: '',
} satisfies Partial<ProposalFields>;

/**
 * Validates a workbook against a session and, when there is no error and it is not a dry run,
 * writes every row in one transaction. A file with any error writes nothing.
 */
export function importWorkbook(store: Store, workbook: Workbook, options: ImportOptions): ImportReport {
  const sessionName = options.sessionName.trim();
  if (!sessionName) throw new UserError('请指定会议名称。');
  const session = store.sessions.findByName(sessionName);
  if (!session && options.year === undefined) {
    throw new UserError(`会议「${sessionName}」还不存在；要新建这个会议，请同时指定年份（--year，例如 --year 2024）。`);
  }
  if (!session && (!Number.isInteger(options.year) || options.year! < 1949 || options.year! > 2200)) {
    throw new UserError(`年份「${String(options.year)}」无效，请填写四位年份，例如 2024。`);
  }
  const context = contextOf(session, sessionName);
  const parsed = parseLedger(workbook, context, options);
  const present = new Set(parsed.present);
  const resultLabels = context.resultLabels;

  const existing = new Map((session ? store.proposals.ledger(session.id) : []).map((p) => [p.numberKey, p]));
  const plans: { record: LedgerRecord; facts: LedgerFacts; id: number | null; plan: PlannedRow }[] = [];
  for (const record of parsed.records) {
    const current = existing.get(record.numberKey) ?? null;
    const before = current ? factsOfProposal(current) : null;
    const facts = merge(before, record, present);
    const changes: FieldChange[] = [];
    if (before) {
      for (const field of parsed.present) {
        const a = ledgerText(field, before, resultLabels);
        const b = ledgerText(field, facts, resultLabels);
        if (a !== b) changes.push({ field, header: CANONICAL_HEADERS[field], before: a, after: b });
      }
    }
    plans.push({
      record,
      facts,
      id: current?.id ?? null,
      plan: {
        row: record.row,
        number: record.number,
        title: record.title,
        action: !current ? 'insert' : changes.length > 0 ? 'update' : 'unchanged',
        changes,
      },
    });
  }
  const counts = { insert: 0, update: 0, unchanged: 0 };
  for (const p of plans) counts[p.plan.action] += 1;

  const report: ImportReport = {
    sessionName,
    newSession: !session,
    sheetName: parsed.sheetName,
    sheetNames: parsed.sheetNames,
    headerRow: parsed.headerRow,
    columns: parsed.columns,
    warnings: parsed.warnings,
    errors: parsed.errors.map(formatIssue),
    counts,
    rows: plans.map((p) => p.plan),
    committed: false,
  };
  if (report.errors.length > 0 || options.dryRun) return report;

  options.onWrite?.(counts.insert + counts.update);
  store.transaction(() => {
    const target =
      session ??
      store.sessions.create({
        name: sessionName,
        year: options.year!,
        settings: { kind: options.kind ?? 'npc', feedbackScale: parsed.feedbackScale },
      });
    if (!target.feedbackScale && parsed.feedbackScale)
      store.sessions.updateSettings(target.id, { feedbackScale: parsed.feedbackScale });
    if (target.categories.length === 0) store.sessions.addCategories(target.id, parsed.categories);
    const categoryIds = new Map(store.sessions.categories(target.id).map((c) => [c.name, c.id]));
    const unitIds = store.units.ensure(plans.flatMap((p) => [p.facts.leadUnit, ...p.facts.coUnits].filter(Boolean)));

    for (const { facts, id, plan } of plans) {
      if (plan.action === 'unchanged') continue;
      const deputyIds = store.deputies.ensure([...facts.leadDeputies, ...facts.coDeputies], facts.delegation);
      const fields = scalarFields(facts, facts.category ? (categoryIds.get(facts.category) ?? null) : null);
      let proposalId: number;
      if (id === null) {
        proposalId = store.proposals.insert(target.id, { ...EMPTY_PROPOSAL, ...UNCOVERED, ...fields });
      } else {
        proposalId = id;
        store.proposals.update(id, fields);
      }
      // Links are looked up by name: an update that changes no name column leaves them as they are.
      if (id === null || plan.changes.some((c) => LINK_FIELDS.has(c.field))) {
        store.proposals.setPeopleAndUnits(proposalId, {
          leadDeputies: facts.leadDeputies.map((n) => deputyIds.get(n)!),
          coDeputies: facts.coDeputies.map((n) => deputyIds.get(n)!),
          leadUnit: facts.leadUnit ? unitIds.get(facts.leadUnit)! : null,
          coUnits: facts.coUnits.map((n) => unitIds.get(n)!),
        });
      }
      store.events.append({
        entity: 'proposal',
        entityId: proposalId,
        action: plan.action === 'insert' ? '导入新增' : '导入更新',
        details: { file: options.fileName ?? null, row: plan.row, changes: plan.changes },
      });
    }
    store.events.append({
      entity: 'import',
      entityId: target.id,
      action: '导入台账',
      details: { file: options.fileName ?? null, sheet: parsed.sheetName, ...counts },
    });
  });
  report.committed = true;
  report.newSession = !session;
  return report;
}

/** Reads a .xlsx or .csv ledger file and imports it (see importWorkbook). */
export async function importLedgerFile(
  store: Store,
  file: string,
  options: Omit<ImportOptions, 'fileName'>,
): Promise<ImportReport> {
  const workbook = await readSpreadsheet(file);
  return importWorkbook(store, workbook, { ...options, fileName: path.basename(file) });
}
