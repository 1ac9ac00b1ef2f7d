import { parseFeedback, parseResultOpinion } from '../domain/feedback';
import { readResult, defaultResultLabels } from '../domain/result-classes';
import { parseYesNo, type YesNoField } from '../domain/yes-no';
import {
  CHOICE_FIELDS,
  isFeedbackGroup,
  matchHeader,
  normaliseHeader,
  PERSON_FIELDS,
  PERSON_NAME_WORDS,
  PERSON_UNIT_WORDS,
  withoutBracket,
  type LedgerField,
} from './columns';
import type { CellValue, TableRow } from './table';
import { fromUtcDate } from '../domain/dates';
import { stripControlChars } from '../domain/text';

/**
 * Finds the header of a ledger sheet and what each column holds. Real exports put title rows
 * above the header, split it over two or three rows with group cells merged over sub-columns
 * (领衔代表 over 单位 | 姓名; 代表测评情况 over 满意 | 基本满意 | 不满意, one tick column per rating),
 * and print the same header twice under different groups. Layouts: docs/ledger-layouts.md.
 */

export interface ColumnMapping {
  /** 0 for column A. */
  index: number;
  /** Column letter as Excel shows it. */
  letter: string;
  /** The header as the clerk sees it, group and sub-header joined: "代表测评情况 / 满意". */
  header: string;
  /** The header's parts from the top row down, merged copies removed. */
  parts: string[];
  field: LedgerField | null;
  /**
   * For a tick column (one column per value, ticked with √): the value a tick stands for, as
   * the header writes it ("满意", "A类", "是"). Null for an ordinary column.
   */
  choice: string | null;
  /** How the header named the field: exact canonical name, a synonym, or a weak synonym. */
  strength: 'canonical' | 'synonym' | 'weak' | 'group' | 'chosen' | null;
  /** Why the column is not imported, in a clerk's words (when field is null). */
  reason: string | null;
}

interface HeaderAnalysis {
  /** Positions (in the rows given) of the header's first and last rows. */
  first: number;
  last: number;
  /** Sheet row numbers of the header rows, as the clerk sees them. */
  rowNumbers: number[];
  columns: ColumnMapping[];
}

/** No header is longer: longer text is not looked up (saves folding a megabyte cell 30 times). */
const MAX_HEADER_CHARS = 100;
/** A group cell is short: a longer text above the header is a title. */
const MAX_GROUP_CHARS = 20;
export const HEADER_SCAN_ROWS = 30;

export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** A cell's text: control characters out, outer whitespace trimmed. */
export function cellText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return fromUtcDate(value) ?? '';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? '是' : '否';
  return stripControlChars(value).trim();
}

const headerText = (row: TableRow | undefined, index: number) => {
  const text = cellText(row?.cells[index]);
  return text.length > MAX_HEADER_CHARS ? '' : text;
};

function namedFields(row: TableRow): Set<LedgerField> {
  const fields = new Set<LedgerField>();
  row.cells.forEach((_, i) => {
    const match = matchHeader(headerText(row, i));
    if (match) fields.add(match.field);
  });
  return fields;
}

/** The row among the first ones that names the most fields, one of them 建议号 or 标题. */
function findAnchor(rows: readonly TableRow[]): number | null {
  let best: { position: number; score: number } | null = null;
  rows.slice(0, HEADER_SCAN_ROWS).forEach((row, position) => {
    const fields = namedFields(row);
    if (!fields.has('number') && !fields.has('title')) return;
    if (fields.size < 2) return;
    if (!best || fields.size > best.score) best = { position, score: fields.size };
  });
  return (best as { position: number } | null)?.position ?? null;
}

/** Columns of the anchor row that name 建议号 or 标题: a header row never has data in them. */
function keyColumns(anchor: TableRow): number[] {
  const keys: number[] = [];
  anchor.cells.forEach((_, i) => {
    const field = matchHeader(headerText(anchor, i))?.field;
    if (field === 'number' || field === 'title') keys.push(i);
  });
  return keys;
}

/** For each column, the first and last column of the run of equal texts it is in (merged cells repeat their text). */
function runsOf(row: TableRow, width: number): [number, number][] {
  const runs: [number, number][] = new Array(width);
  let start = 0;
  for (let i = 1; i <= width; i++) {
    if (i === width || cellText(row.cells[i]) !== cellText(row.cells[start])) {
      for (let j = start; j < i; j++) runs[j] = [start, i - 1];
      start = i;
    }
  }
  return runs;
}

/**
 * For a row above the anchor: the columns it gives a group text to. A text over the 建议号 or 标题
 * column (a title merged across the sheet), or a long one, is a title, not a group.
 */
function groupCells(row: TableRow, anchor: TableRow, keys: number[]): Map<number, string> {
  const groups = new Map<number, string>();
  const runs = runsOf(row, row.cells.length);
  row.cells.forEach((_, i) => {
    const text = headerText(row, i);
    if (!text || text === headerText(anchor, i) || text.length > MAX_GROUP_CHARS) return;
    const [from, to] = runs[i]!;
    if (keys.some((k) => k >= from && k <= to)) return;
    groups.set(i, text);
  });
  return groups;
}

/**
 * A row below the anchor continues the header when its 建议号 and 标题 cells are empty or repeat
 * the anchor's, and every other text in it sits under a group: a cell of the anchor merged over
 * several columns, or a group written once at the start of empty cells (as CSV writes it). A
 * data row with an empty 建议号 and 标题 is not taken for a sub-header.
 */
function continuesHeader(row: TableRow, anchor: TableRow, keys: number[]): boolean {
  if (keys.length === 0) return false;
  for (const k of keys) {
    const text = cellText(row.cells[k]);
    if (text && text !== headerText(anchor, k)) return false;
  }
  const width = Math.max(row.cells.length, anchor.cells.length);
  const runs = runsOf(anchor, width);
  let subHeaders = 0;
  for (let i = 0; i < width; i++) {
    const text = headerText(row, i);
    if (!text) {
      if (cellText(row.cells[i])) return false; // a long text is data, not a header
      continue;
    }
    const above = headerText(anchor, i);
    if (text === above) continue;
    const [from, to] = runs[i]!;
    const mergedGroup = above !== '' && to > from;
    const csvGroupStart = above !== '' && i + 1 < width && headerText(anchor, i + 1) === '' && headerText(row, i + 1) !== '';
    const csvGroupRest = above === '' && i > 0 && headerText(row, i - 1) !== '';
    const underGroup = mergedGroup || csvGroupStart || csvGroupRest;
    if (!underGroup) return false;
    subHeaders += 1;
  }
  return subHeaders > 0;
}

/** Is `text` (a header) one of the values of a choice field? The value as written, or null. */
export function choiceValue(field: LedgerField, text: string): string | null {
  const bare = withoutBracket(normaliseHeader(text));
  if (!bare) return null;
  switch (field) {
    case 'feedback':
      return parseFeedback(text) ? text : null;
    case 'resultOpinion':
      return parseResultOpinion(text) ? text : null;
    case 'result': {
      const reading = readResult(bare, { labels: defaultResultLabels(4), count: 4 });
      return reading && reading.code !== null ? text : null;
    }
    case 'published':
    case 'met':
    case 'closed':
    case 'isKey':
      return parseYesNo(bare, field as YesNoField) === null || bare === '' ? null : text;
    default:
      return null;
  }
}

/** What a column names, from its parts (group … sub-header). */
function resolve(parts: string[]): Pick<ColumnMapping, 'field' | 'choice' | 'strength' | 'reason'> {
  const none = (reason: string | null = null) => ({ field: null, choice: null, strength: null, reason });
  if (parts.length === 0) return none();
  const sub = parts.at(-1)!;
  const subMatch = matchHeader(sub);
  if (parts.length === 1) {
    return subMatch ? { field: subMatch.field, choice: null, strength: subMatch.strength, reason: null } : none();
  }
  const group = parts.at(-2)!;
  const groupMatch = matchHeader(group);
  if (groupMatch && PERSON_FIELDS.includes(groupMatch.field)) {
    const word = normaliseHeader(sub);
    if (PERSON_NAME_WORDS.has(word)) return { field: groupMatch.field, choice: null, strength: 'group', reason: null };
    if (PERSON_UNIT_WORDS.has(word)) return none(`是「${group}」的工作单位或职务，台账不记录`);
  }
  const feedbackGroup = isFeedbackGroup(group);
  const choiceField =
    groupMatch && CHOICE_FIELDS.includes(groupMatch.field) && !feedbackGroup
      ? groupMatch.field
      : feedbackGroup
        ? 'feedback'
        : null;
  if (choiceField && choiceValue(choiceField, sub)) {
    return { field: choiceField, choice: sub, strength: 'group', reason: null };
  }
  if (feedbackGroup && subMatch) {
    // Under 意见反馈: 办理结果 is the deputy's opinion of the result, not the result class.
    if (subMatch.field === 'result') return { field: 'resultOpinion', choice: null, strength: 'group', reason: null };
    return { field: subMatch.field, choice: null, strength: 'group', reason: null };
  }
  const combined = matchHeader(group + sub);
  if (combined) return { field: combined.field, choice: null, strength: combined.strength, reason: null };
  if (subMatch) return { field: subMatch.field, choice: null, strength: subMatch.strength, reason: null };
  return none();
}

/** Headers that are values of one field, side by side without a group: 满意 | 基本满意 | 不满意. */
function ungroupedTicks(columns: ColumnMapping[]): void {
  for (const field of ['feedback', 'result'] as const) {
    let run: ColumnMapping[] = [];
    const flush = () => {
      if (run.length >= 2) for (const c of run) Object.assign(c, { field, choice: c.parts.at(-1)!, strength: 'group' });
      run = [];
    };
    for (const column of columns) {
      const single = column.parts.length === 1 && column.field === null;
      if (single && choiceValue(field, column.parts[0]!)) run.push(column);
      else flush();
    }
    flush();
  }
}

/** Finds the header rows and maps every column; null when no row names 建议号 or 标题. */
export function analyseHeader(rows: readonly TableRow[]): HeaderAnalysis | null {
  const anchorAt = findAnchor(rows);
  if (anchorAt === null) return null;
  const anchor = rows[anchorAt]!;
  const keys = keyColumns(anchor);

  // Up to three header rows in all: group rows above, sub-header rows below.
  const above: { position: number; groups: Map<number, string> }[] = [];
  for (let p = anchorAt - 1; p >= 0 && p >= anchorAt - 2; p--) {
    const groups = groupCells(rows[p]!, anchor, keys);
    if (groups.size === 0) break;
    above.unshift({ position: p, groups });
  }
  const below: number[] = [];
  for (let p = anchorAt + 1; p < rows.length && above.length + below.length < 2; p++) {
    if (!continuesHeader(rows[p]!, anchor, keys)) break;
    below.push(p);
  }

  const width = Math.max(
    anchor.cells.length,
    ...below.map((p) => rows[p]!.cells.length),
    ...above.map((a) => Math.max(0, ...a.groups.keys()) + 1),
  );
  const layers: string[][] = [
    ...above.map((a) => Array.from({ length: width }, (_, i) => a.groups.get(i) ?? '')),
    Array.from({ length: width }, (_, i) => headerText(anchor, i)),
    ...below.map((p) => Array.from({ length: width }, (_, i) => headerText(rows[p], i))),
  ];
  // A group written once over several sub-columns (CSV, or an unmerged sheet): carry it right
  // over the sub-columns that follow, while they have a sub-header and no group of their own.
  // A group merged over its columns already stands over each of them and is never carried
  // further: only a group that is alone in its cell (its neighbour to the left differs) is.
  for (let l = 0; l < layers.length - 1; l++) {
    const layer = layers[l]!;
    const original = [...layer];
    const hasBelow = (i: number) => layers.slice(l + 1).some((lower) => lower[i] !== '');
    let carrying = false;
    for (let i = 1; i < width; i++) {
      const start = original[i - 1] !== '' && (i < 2 || original[i - 2] !== original[i - 1]) && original[i] === '';
      if (original[i] !== '') carrying = false;
      else if (start) carrying = true;
      if (carrying && hasBelow(i) && hasBelow(i - 1) && !(l === above.length && keys.includes(i))) layer[i] = layer[i - 1]!;
      else if (original[i] === '') carrying = false;
    }
  }

  const columns: ColumnMapping[] = [];
  for (let i = 0; i < width; i++) {
    const parts: string[] = [];
    for (const layer of layers) {
      const text = layer[i]!;
      if (text && parts.at(-1) !== text) parts.push(text);
    }
    if (parts.length === 0) continue;
    columns.push({ index: i, letter: columnLetter(i), header: parts.join(' / '), parts, ...resolve(parts) });
  }
  ungroupedTicks(columns);
  const positions = [...above.map((a) => a.position), anchorAt, ...below];
  return {
    first: positions[0]!,
    last: positions.at(-1)!,
    rowNumbers: positions.map((p) => rows[p]!.rowNumber),
    columns,
  };
}
