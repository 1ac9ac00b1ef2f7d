import { type FieldChange, type KeptValue, type PlannedRow, type ImportReport } from '../../common/ledger/import-report';
import path from 'node:path';
import type { ProposalFields } from '../../common/entities/proposal';
import { EMPTY_PROPOSAL } from '../../common/entities/proposal';
import type { Store } from '../../../db/store';
import { UserError } from '../../common/domain/errors';
import { defaultResultLabels, type ResultClassCount } from '../../common/domain/result-classes';
import { RECORDED_FACTS, SESSION_YEARS, type Session, type SessionSettings } from '../../common/domain/session';
import { headerFor, type LedgerField } from '../../common/ledger/columns';
import { FACTS_OF_FIELD, factsOfProposal, ledgerText, type LedgerFacts } from '../../common/ledger/ledger-values';
import {
  formatIssue,
  parseLedger,
  type LedgerContext,
  type LedgerRecord,
  type ParseOptions,
  type ParsedLedger,
} from '../../common/ledger/parse-ledger';
import { readSpreadsheet } from './read-table';
import { type Workbook } from '../../common/ledger/table';

export interface ImportOptions extends ParseOptions {
  sessionName: string;
  /** Needed when the session does not exist yet (it is then created). */
  year?: number;
  kind?: SessionSettings['kind'];
  dryRun?: boolean;
  /**
   * Let an empty cell clear a value already in the database. Off by default: a newer ledger
   * from a unit often has blanks where the clerk has since entered the reply date or result.
   */
  clearBlanks?: boolean;
  /** Shown in the event log. */
  fileName?: string;
  /** Told when the rows checked out and writing begins (the CLI's --verbose shows it). */
  onWrite?: (rows: number) => void;
}

function contextOf(
  session: Session | null,
  name: string,
  year: number | undefined,
  kind: SessionSettings['kind'] | undefined,
  count: ResultClassCount = 4,
): LedgerContext {
  return session
    ? {
        kind: session.kind,
        sessionName: session.name,
        resultLabels: session.resultLabels,
        resultClassCount: session.resultClassCount,
        feedbackScale: session.feedbackScale,
        categories: session.categories,
        year: session.year,
      }
    : {
        kind: kind ?? 'npc',
        sessionName: name,
        resultLabels: defaultResultLabels(count),
        resultClassCount: count,
        feedbackScale: null,
        categories: [],
        year,
      };
}

/**
 * The proposal's facts after applying a ledger row: fields without a column stay as they were,
 * and so do fields whose cell is empty, unless clearing was asked for.
 */
function merge(
  existing: LedgerFacts | null,
  record: LedgerRecord,
  present: readonly LedgerField[],
  clearBlanks: boolean,
): LedgerFacts {
  const { row: _row, blank: _blank, ...fromFile } = record;
  if (!existing) return fromFile; // a new proposal: absent columns read as empty
  const out: Record<string, unknown> = { ...existing };
  const blank = new Set(record.blank);
  for (const field of present) {
    if (blank.has(field) && !clearBlanks) continue;
    for (const key of FACTS_OF_FIELD[field]) out[key] = fromFile[key];
  }
  return out as LedgerFacts;
}

/** The proposal columns that hold a ledger fact directly (names and the category are looked up). */
type DirectKey = Exclude<keyof LedgerFacts, 'leadDeputies' | 'coDeputies' | 'leadUnit' | 'coUnits' | 'category'>;

function directFields(facts: LedgerFacts, keys: readonly (keyof LedgerFacts)[]): Partial<ProposalFields> {
  const out: Partial<Record<DirectKey, unknown>> = {};
  for (const key of keys) {
    if (key === 'leadDeputies' || key === 'coDeputies' || key === 'leadUnit' || key === 'coUnits' || key === 'category') continue;
    out[key] = facts[key];
  }
  return out as Partial<ProposalFields>;
}

/** The columns whose names become links to deputies and units. */
const LINK_FIELDS = new Set<LedgerField>(['leadDeputies', 'coDeputies', 'leadUnits', 'coUnits']);
const ALL_KEYS = Object.values(FACTS_OF_FIELD).flat();

interface Plan {
  record: LedgerRecord;
  facts: LedgerFacts;
  id: number | null;
  plan: PlannedRow;
}

interface Planned {
  session: Session | null;
  parsed: ParsedLedger;
  plans: Plan[];
  report: ImportReport;
}

/** Reads the session as it is now, checks the file against it and works out every change. */
function planImport(store: Store, workbook: Workbook, options: ImportOptions, sessionName: string): Planned {
  const session = store.sessions.findByName(sessionName);
  if (!session && options.year === undefined) {
    throw new UserError(
      `会议「${sessionName}」还不存在（可能刚被删除或改了名）。要新建这个会议，请同时给出它的年份（命令行用 --year，例如 --year 2024）。`,
    );
  }
  if (!session && (!Number.isInteger(options.year) || options.year! < SESSION_YEARS.min || options.year! > SESSION_YEARS.max)) {
    throw new UserError(
      `年份「${String(options.year)}」无效：应为 ${SESSION_YEARS.min} 到 ${SESSION_YEARS.max} 之间的整数，例如 2024。`,
    );
  }
  let context = contextOf(session, sessionName, options.year, options.kind);
  let parsed = parseLedger(workbook, context, options);
  if (!session && parsed.fileClassCount === 3) {
    // A new session takes the three-class scheme its ledger shows (A/B/C with C for 留作参考).
    context = contextOf(null, sessionName, options.year, options.kind, 3);
    parsed = parseLedger(workbook, context, options);
  }
  const clearBlanks = options.clearBlanks === true;
  const kind = options.kind ?? session?.kind ?? 'npc';
  const resultLabels = context.resultLabels;

  const existing = new Map((session ? store.proposals.ledger(session.id) : []).map((p) => [p.numberKey, p]));
  const plans: Plan[] = [];
  let cleared = 0;
  let kept = 0;
  for (const record of parsed.records) {
    const current = existing.get(record.numberKey) ?? null;
    const before = current ? factsOfProposal(current) : null;
    const facts = merge(before, record, parsed.present, clearBlanks);
    const changes: FieldChange[] = [];
    const keptValues: KeptValue[] = [];
    if (before) {
      const blank = new Set(record.blank);
      for (const field of parsed.present) {
        if (field === 'sessionLabel') continue;
        const a = ledgerText(field, before, resultLabels);
        const b = ledgerText(field, facts, resultLabels);
        if (a !== b) changes.push({ field, header: headerFor(field, kind), before: a, after: b, cleared: blank.has(field) });
        else if (blank.has(field) && !clearBlanks) {
          const emptied = ledgerText(field, merge(before, record, [field], true), resultLabels);
          if (emptied !== a) keptValues.push({ field, header: headerFor(field, kind), value: a });
        }
      }
    }
    cleared += changes.filter((c) => c.cleared).length;
    kept += keptValues.length;
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
        kept: keptValues,
      },
    });
  }
  const counts = { insert: 0, update: 0, unchanged: 0 };
  for (const p of plans) counts[p.plan.action] += 1;
  if (kept > 0) {
    parsed.warnings.push(
      `台账中有 ${kept} 处空白单元格对应的内容在数据库里已经填写，导入时保留原有内容、不会清空（如确要用空白清空，请勾选“用台账中的空白清空已有内容”，命令行加 --clear-blanks）。`,
    );
  }
  const report: ImportReport = {
    sessionName,
    newSession: !session,
    sheetName: parsed.sheetName,
    sheetNames: parsed.sheetNames,
    headerRow: parsed.headerRow,
    headerRows: parsed.headerRows,
    columns: parsed.columns,
    warnings: parsed.warnings,
    missing: parsed.missing,
    readings: parsed.readings,
    errors: parsed.errors.map(formatIssue),
    counts,
    cleared,
    kept,
    clearBlanks,
    rows: plans.map((p) => p.plan),
    signature: parsed.signature,
    recalled: parsed.recalled,
    committed: false,
  };
  return { session, parsed, plans, report };
}

/** Writes a checked plan. Runs inside the import's write transaction. */
function writePlan(store: Store, planned: Planned, options: ImportOptions, sessionName: string): void {
  const { session, parsed, plans, report } = planned;
  options.onWrite?.(report.counts.insert + report.counts.update);
  const target =
    session ??
    store.sessions.create({
      name: sessionName,
      year: options.year!,
      settings: {
        kind: options.kind ?? 'npc',
        feedbackScale: parsed.feedbackScale,
        resultClassCount: parsed.fileClassCount ?? 4,
      },
    });
  if (!target.feedbackScale && parsed.feedbackScale)
    store.sessions.updateSettings(target.id, { feedbackScale: parsed.feedbackScale });
  if (target.categories.length === 0) store.sessions.addCategories(target.id, parsed.categories);
  // What the file gives, the statistics may report. What a session's first ledger lacks is
  // "台账未提供" until a later ledger or an edit gives it; later ledgers that lack it change nothing.
  // Each fact is the ledger field of its name (checked by `satisfies`).
  const given = RECORDED_FACTS.filter((fact) => parsed.provided.includes(fact satisfies LedgerField));
  store.sessions.markGiven(target.id, given);
  if (!session || store.proposals.countBySession(target.id) === 0) {
    store.sessions.markMissing(
      target.id,
      RECORDED_FACTS.filter((fact) => !given.includes(fact)),
    );
  }
  const categoryIds = new Map(store.sessions.categories(target.id).map((c) => [c.name, c.id]));
  const unitIds = store.units.ensure(plans.flatMap((p) => [p.facts.leadUnit, ...p.facts.coUnits].filter(Boolean)));

  for (const { facts, id, plan } of plans) {
    if (plan.action === 'unchanged') continue;
    const deputyIds = store.deputies.ensure([...facts.leadDeputies, ...facts.coDeputies], facts.delegation);
    const categoryId = facts.category ? (categoryIds.get(facts.category) ?? null) : null;
    let proposalId: number;
    if (id === null) {
      proposalId = store.proposals.insert(target.id, {
        ...EMPTY_PROPOSAL,
        ...(directFields(facts, ALL_KEYS) as ProposalFields),
        categoryId,
      });
    } else {
      // Only what changed is written: a value the clerk saved meanwhile in a field the file
      // does not change is never put back to what it was when the file was read.
      proposalId = id;
      const changed = plan.changes.map((c) => c.field);
      const patch = directFields(
        facts,
        changed.flatMap((f) => FACTS_OF_FIELD[f]),
      );
      if (changed.includes('category')) patch.categoryId = categoryId;
      store.proposals.update(id, patch);
    }
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
      details: { file: options.fileName ?? null, row: plan.row, changes: plan.changes, kept: plan.kept },
    });
  }
  store.events.append({
    entity: 'import',
    entityId: target.id,
    action: '导入台账',
    details: {
      file: options.fileName ?? null,
      sheet: parsed.sheetName,
      ...report.counts,
      cleared: report.cleared,
      kept: report.kept,
      clearBlanks: report.clearBlanks,
    },
  });
}

/**
 * Validates a workbook against a session and, when there is no error and it is not a dry run,
 * writes every row in one transaction. A file with any error writes nothing. The session's rows
 * are read inside the same write transaction they are written in, so an edit saved while the
 * file was being read is never reverted.
 */
export function importWorkbook(store: Store, workbook: Workbook, options: ImportOptions): ImportReport {
  const sessionName = options.sessionName.trim();
  if (!sessionName) throw new UserError('请指定会议名称。');
  if (options.dryRun) return planImport(store, workbook, options, sessionName).report;
  return store.transaction(() => {
    const planned = planImport(store, workbook, options, sessionName);
    if (planned.report.errors.length > 0) return planned.report;
    writePlan(store, planned, options, sessionName);
    planned.report.committed = true;
    return planned.report;
  });
}

/** Reads a ledger file (.xlsx, .csv, or an HTML table saved as .xls) and imports it (see importWorkbook). */
export async function importLedgerFile(
  store: Store,
  file: string,
  options: Omit<ImportOptions, 'fileName'>,
): Promise<ImportReport> {
  const workbook = await readSpreadsheet(file);
  return importWorkbook(store, workbook, { ...options, fileName: path.basename(file) });
}
