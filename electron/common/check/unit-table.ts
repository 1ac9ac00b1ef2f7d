import type { ResultCode } from '../domain/result-classes';
import { checkable, halfUp, precisionWords, printedFigure, shownQuotient, unitsText } from './arith';
import { report, type CheckContext } from './context';
import { RATE_WORDS, type UnitFact } from './facts';
import { nameLabel, type Vocabulary } from './labels';
import { foldText } from './names';
import { INTEGER, PERCENT, TOTAL_ROW, type Cell, type Row } from './table-rows';

/**
 * The per-unit table (表3 按主办单位统计): a header row naming the units' column and some of 主办,
 * 会办, the result classes, 按期答复率 and 满意率, then one row a unit. With session facts each
 * row's figures are the records' for the unit it names (matched by name as tolerantly as the
 * categories are), a 其他N个单位 row is the exact sum of the units the table does not list, and
 * a 合计 row the sum of all units (or of those the table covers). Without facts nothing is
 * compared: a unit's figures are in no other place of the draft.
 */

type Column = { kind: 'unit' | 'lead' | 'co' | 'onTime' | 'satisfied' } | { kind: 'result'; code: ResultCode };

export interface UnitTable {
  /** One column a cell of the header, null for one the checker does not read (序号, 备注…). */
  columns: (Column | null)[];
  /** Rate columns whose header says "（%）": their cells may print the figure without %. */
  percentHeader: boolean[];
  rows: Row[];
}

const UNIT_HEADER = /^(?:主办|承办|办理|责任|牵头)?(?:单位|部门)(?:名称)?$/;
const LEAD_HEADER = /^(?:主办|牵头)(?:件数|件|数|数量|建议|提案|建议数|提案数|件次)?$/;
const CO_HEADER = /^(?:会办|协办|分办)(?:件数|件|数|数量|建议|提案|建议数|提案数|件次)?$/;
const HEADER_UNIT = /\((?:单位:?)?(?:件|个|%)\)$/;
const ON_TIME_WORDS = new Set(RATE_WORDS.onTime);
const SATISFIED_WORDS = new Set([...RATE_WORDS.satisfied, '委员满意率', '满意度测评']);
const OTHERS = /^其[他它](?:(\d+)个)?(?:单位|部门)?$/;
const QUOTES = /[“”"'‘’「」『』《》〈〉]/g;

const LEADING_UNIT = /^(?:主办|承办|牵头)/;
const COUNT_HEADER = /^(?:件数|数量|建议件数|提案件数|建议数|提案数)$/;

const headerKey = (text: string) => foldText(text).replace(/\s+/g, '').replace(HEADER_UNIT, '');

function columnOf(text: string, vocabulary: Vocabulary): Column | null {
  const key = headerKey(text);
  if (!key) return null;
  if (UNIT_HEADER.test(key)) return { kind: 'unit' };
  if (LEAD_HEADER.test(key)) return { kind: 'lead' };
  if (CO_HEADER.test(key)) return { kind: 'co' };
  if (ON_TIME_WORDS.has(key)) return { kind: 'onTime' };
  if (SATISFIED_WORDS.has(key)) return { kind: 'satisfied' };
  const label = nameLabel(key, vocabulary);
  return label?.dim === 'result' && label.code ? { kind: 'result', code: label.code } : null;
}

/** A header row: a column of unit names and at least one of 主办, 会办 and the two rates. */
function headerOf(row: Row, vocabulary: Vocabulary): Pick<UnitTable, 'columns' | 'percentHeader'> | null {
  const columns = row.cells.map((c) => columnOf(c.text, vocabulary));
  // "主办单位 | 件数": the count of a unit that leads is its lead items.
  const unitAt = columns.findIndex((c) => c?.kind === 'unit');
  if (unitAt >= 0 && LEADING_UNIT.test(headerKey(row.cells[unitAt]!.text)) && !columns.some((c) => c?.kind === 'lead')) {
    const count = row.cells.findIndex((c, i) => !columns[i] && COUNT_HEADER.test(headerKey(c.text)));
    if (count >= 0) columns[count] = { kind: 'lead' };
  }
  const kinds = columns.map((c) => c?.kind);
  if (kinds.filter((k) => k === 'unit').length !== 1) return null;
  if (!kinds.some((k) => k === 'lead' || k === 'co' || k === 'onTime' || k === 'satisfied')) return null;
  return { columns, percentHeader: row.cells.map((c) => /%/.test(c.text)) };
}

/** The per-unit tables among a draft's table rows (a title row or two may come before the header). */
export function unitTables(rows: readonly Row[], vocabulary: Vocabulary): Map<string, UnitTable> {
  const byTable = new Map<string, Row[]>();
  for (const row of rows) {
    if (!byTable.has(row.table)) byTable.set(row.table, []);
    byTable.get(row.table)!.push(row);
  }
  const out = new Map<string, UnitTable>();
  for (const [table, list] of byTable) {
    for (let i = 0; i < Math.min(3, list.length); i++) {
      const header = headerOf(list[i]!, vocabulary);
      if (!header) continue;
      out.set(table, { ...header, rows: list.slice(i + 1) });
      break;
    }
  }
  return out;
}

/** Whether a table's percentages are rates (its shares are then no distribution). */
export function hasRateColumn(table: UnitTable): boolean {
  return table.columns.some((c) => c?.kind === 'onTime' || c?.kind === 'satisfied');
}

const unitKey = (name: string) => foldText(name).replace(/\s+/g, '').replace(QUOTES, '');

/** The unit a row names: the same name, else the one unit whose name ends with it (区交通委 for 交通委) or it ends with. */
function matchUnit(name: string, units: readonly UnitFact[], keys: readonly string[]): UnitFact | null {
  const key = unitKey(name);
  if (key.length < 2) return null;
  const exact = keys.indexOf(key);
  if (exact >= 0) return units[exact]!;
  const near = keys.flatMap((k, i) => (k.length >= 2 && (k.endsWith(key) || key.endsWith(k)) ? [i] : []));
  return near.length === 1 ? units[near[0]!]! : null;
}

/** Several units summed, as the report's combineUnits sums them. */
function combined(units: readonly UnitFact[], name: string): UnitFact {
  const results = new Map<ResultCode, number>();
  const sum: UnitFact = { name, leadCount: 0, coCount: 0, results: [], onTime: 0, feedbackReturned: 0, satisfied: 0 };
  for (const u of units) {
    sum.leadCount += u.leadCount;
    sum.coCount += u.coCount;
    sum.onTime += u.onTime;
    sum.feedbackReturned += u.feedbackReturned;
    sum.satisfied += u.satisfied;
    for (const r of u.results) results.set(r.code, (results.get(r.code) ?? 0) + r.count);
  }
  sum.results = [...results].map(([code, count]) => ({ code, count }));
  return sum;
}

const COUNT_WORDS = { lead: '主办', co: '会办' } as const;

interface RowCheck {
  ctx: CheckContext;
  table: UnitTable;
  row: Row;
  /** How a message names the row's units: 区交通委, 表中未列出的5个单位, 各单位合计. */
  who: string;
  /** The figures the row may have; the first is the one a finding gives. */
  options: readonly UnitFact[];
}

function cellPrinted(ctx: CheckContext, cell: Cell): string {
  return ctx.paragraphs[cell.paragraph]!.text.slice(cell.start, cell.end);
}

function checkCount(check: RowCheck, cell: Cell, column: Column): void {
  const { ctx, row, who, options } = check;
  const m = INTEGER.exec(cell.text);
  if (!m) return;
  const value = Number(m[1]!.replace(/,/g, ''));
  let what: string;
  let of: (u: UnitFact) => number;
  if (column.kind === 'result') {
    const code = column.code;
    const label = ctx.facts!.results.find((r) => r.code === code)?.label ?? code;
    what = `办理结果为“${label}”的`;
    of = (u) => u.results.find((r) => r.code === code)?.count ?? 0;
  } else {
    const kind = column.kind as keyof typeof COUNT_WORDS;
    what = COUNT_WORDS[kind];
    of = (u) => (kind === 'lead' ? u.leadCount : u.coCount);
  }
  if (options.some((u) => of(u) === value)) return;
  const expected = of(options[0]!);
  report(ctx, {
    severity: 'error',
    kind: 'count',
    paragraph: cell.paragraph,
    quote: quoteOf(row),
    printed: cellPrinted(ctx, cell),
    expected: String(expected),
    message: `台账记录${who}${what} ${expected} 件，表中写作 ${value} 件`,
    start: cell.start,
    end: cell.end,
  });
}

function checkRate(check: RowCheck, cell: Cell, kind: 'onTime' | 'satisfied', bare: boolean): void {
  const { ctx, row, who, options } = check;
  const m = PERCENT.exec(cell.text) ?? (bare ? /^(\d+(?:\.\d+)?)$/.exec(cell.text) : null);
  if (!m) return;
  const figure = printedFigure(m[1]!);
  if (!checkable(figure)) return;
  const parts = (u: UnitFact): [number, number] =>
    kind === 'onTime' ? [u.onTime, u.leadCount] : [u.satisfied, u.feedbackReturned];
  const fits = (u: UnitFact) => {
    const [numerator, denominator] = parts(u);
    return denominator > 0 && halfUp(numerator, denominator, figure.decimals) === figure.units;
  };
  const [numerator, denominator] = parts(options[0]!);
  // No lead item (no feedback): the report prints —; a figure there has nothing to be checked against.
  if (denominator === 0 || options.some(fits)) return;
  const shown = unitsText(halfUp(numerator, denominator, figure.decimals), figure.decimals);
  const basis =
    kind === 'onTime' ? `按期答复 ${numerator} 件 / 主办 ${denominator} 件` : `满意 ${numerator} 件 / 已反馈 ${denominator} 件`;
  const printed = cellPrinted(ctx, cell);
  report(ctx, {
    severity: 'error',
    kind: 'rate',
    paragraph: cell.paragraph,
    quote: quoteOf(row),
    printed,
    expected: `${shown}%`,
    message: `${who}${kind === 'onTime' ? '按期答复率' : '满意率'}：台账记录${basis} = ${shownQuotient(numerator, denominator, figure.decimals)} %，${precisionWords(figure.decimals) || '取整'}应为 ${shown}%，表中写作 ${printed}`,
    start: cell.start,
    end: cell.end,
  });
}

const quoteOf = (row: Row) => row.cells.map((c) => c.text).join(' | ');

function checkRow(check: RowCheck): void {
  const facts = check.ctx.facts!;
  check.table.columns.forEach((column, i) => {
    const cell = check.row.cells[i];
    if (!column || !cell || !cell.text || cell.paragraph < 0) return;
    if (column.kind === 'lead' || column.kind === 'co') checkCount(check, cell, column);
    else if (column.kind === 'result') {
      if (facts.results.length > 0) checkCount(check, cell, column);
    } else if (column.kind === 'onTime') {
      if (facts.counts.onTime !== undefined) checkRate(check, cell, 'onTime', check.table.percentHeader[i]!);
    } else if (column.kind === 'satisfied') {
      if (facts.counts.feedbackReturned !== undefined) checkRate(check, cell, 'satisfied', check.table.percentHeader[i]!);
    }
  });
}

function checkTable(ctx: CheckContext, table: UnitTable, units: readonly UnitFact[]): void {
  const nameAt = table.columns.findIndex((c) => c?.kind === 'unit');
  const keys = units.map((u) => unitKey(u.name));
  const named: { row: Row; unit: UnitFact }[] = [];
  const others: { row: Row; cell: Cell; stated: number | null }[] = [];
  const totals: Row[] = [];
  for (const row of table.rows) {
    const cell = row.cells[nameAt];
    const name = cell?.text.replace(/\s+/g, '') ?? '';
    if (!cell || !name) continue;
    const other = OTHERS.exec(name);
    if (TOTAL_ROW.test(name)) totals.push(row);
    else if (other) others.push({ row, cell, stated: other[1] === undefined ? null : Number(other[1]) });
    else {
      const unit = matchUnit(name, units, keys);
      if (unit) named.push({ row, unit });
    }
  }
  for (const { row, unit } of named) checkRow({ ctx, table, row, who: unit.name, options: [unit] });
  const listed = new Set(named.map((n) => n.unit));
  const unlisted = units.filter((u) => !listed.has(u));
  const leading = unlisted.filter((u) => u.leadCount > 0);
  let covered = [...listed];
  for (const { row, cell, stated } of others) {
    // The report's 其他 row sums the units with lead items; a hand-made one may sum every other
    // unit. The count it states says which; a wrong count, the set its figures fit.
    const sets = unlisted.length === leading.length ? [leading] : [leading, unlisted];
    const wrongIn = (set: UnitFact[]) => {
      const scratch = { ...ctx, findings: [] };
      checkRow({ ctx: scratch, table, row, who: '', options: [combined(set, '')] });
      return scratch.findings.length;
    };
    const rest =
      sets.find((set) => set.length === stated) ?? sets.reduce((best, set) => (wrongIn(set) < wrongIn(best) ? set : best));
    covered = [...listed, ...rest];
    if (stated !== null && stated !== rest.length && cell.paragraph >= 0) {
      const digits = /\d+/.exec(cell.text)!;
      report(ctx, {
        severity: 'error',
        kind: 'count',
        paragraph: cell.paragraph,
        quote: quoteOf(row),
        printed: `${stated}个`,
        expected: `${rest.length}个`,
        message: `台账记录中表内未列出的${rest === leading ? '主办' : ''}单位有 ${rest.length} 个，表中写作“其他${stated}个单位”`,
        start: cell.start + digits.index,
        end: cell.start + digits.index + digits[0].length,
      });
    }
    const who = `表中未列出的${rest.length}个单位`;
    checkRow({ ctx, table, row, who, options: [combined(rest, who)] });
  }
  for (const row of totals)
    checkRow({ ctx, table, row, who: '各单位合计', options: [combined(units, '合计'), combined(covered, '合计')] });
}

/** The per-unit tables against the records: only with session facts that give the units. */
export function checkUnitTables(ctx: CheckContext, tables: Iterable<UnitTable>): void {
  const units = ctx.facts?.units;
  if (!units || units.length === 0) return;
  for (const table of tables) checkTable(ctx, table, units);
}
