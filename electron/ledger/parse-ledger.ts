import { fromPlausibleSerial, fromUtcDate, parseDateText, type IsoDate } from '../domain/dates';
import { FEEDBACK_VALUES, NO_OPINION, parseFeedback, SCALE_NAMES, type FeedbackScale } from '../domain/feedback';
import { parseProposalNumber } from '../domain/proposal-number';
import { parseResult, resultHint, type ResultClassCount, type ResultCode } from '../domain/result-classes';
import { splitList, stripControlChars } from '../domain/text';
import { parseYesNo } from '../domain/yes-no';
import {
  CANONICAL_HEADERS,
  describeField,
  fieldOfHeader,
  isCanonicalHeader,
  LEDGER_FIELDS,
  REQUIRED_FIELDS,
  type LedgerField,
} from './columns';
import type { CellValue, Sheet, TableRow, Workbook } from './read-table';
import { UserError } from '../domain/errors';

/** One ledger row, read and checked. */
export interface LedgerRecord {
  row: number;
  number: string;
  numberKey: string;
  numberSort: number | null;
  title: string;
  leadDeputies: string[];
  coDeputies: string[];
  delegation: string;
  category: string;
  /** The one lead unit (主办单位), or '' when none is given. */
  leadUnit: string;
  coUnits: string[];
  assignedDate: IsoDate | null;
  deadline: IsoDate | null;
  replyDate: IsoDate | null;
  resultCode: ResultCode | null;
  published: boolean;
  met: boolean;
  feedback: string | null;
  closed: boolean;
  isKey: boolean;
  leaderSupervised: boolean;
  leaderName: string;
  notes: string;
}

export interface ColumnMapping {
  /** 0 for column A. */
  index: number;
  /** Column letter as Excel shows it. */
  letter: string;
  header: string;
  field: LedgerField | null;
}

export interface LedgerIssue {
  row: number | null;
  column: string | null;
  message: string;
}

export interface LedgerContext {
  sessionName: string | null;
  resultLabels: Partial<Record<ResultCode, string>>;
  resultClassCount: ResultClassCount;
  /** The session's scale, or null when it has none yet (detected from the file). */
  feedbackScale: FeedbackScale | null;
  /** The session's categories; an empty list accepts any and creates them. */
  categories: readonly string[];
}

export interface ParseOptions {
  /** Sheet name or 0-based index; the first sheet by default. */
  sheet?: string | number;
  /** Column index → field, overriding the detected mapping (null ignores the column). */
  mapping?: Record<number, LedgerField | null>;
}

export interface ParsedLedger {
  sheetName: string;
  sheetNames: string[];
  headerRow: number;
  columns: ColumnMapping[];
  /** Fields with a column in the file: only these are written on update. */
  present: LedgerField[];
  records: LedgerRecord[];
  errors: LedgerIssue[];
  warnings: string[];
  feedbackScale: FeedbackScale | null;
  /** Categories in the order they first appear. */
  categories: string[];
}

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

export function formatIssue(issue: LedgerIssue): string {
  if (issue.row === null) return issue.message;
  return `第${issue.row}行${issue.column ? `「${issue.column}」` : ''}${issue.message}`;
}

/** Excel's limit for the text of one cell: a longer value cannot have come from a real ledger. */
const MAX_CELL_CHARS = 32_767;
/**
 * Tighter limits for cells parsed further: a 建议号 is a few characters, a list of names or units a
 * few hundred. (The domain parsers use regular expressions that take quadratic time on some long
 * inputs: 40,000 digits followed by "x1" take 1.4 s as a 建议号, a megabyte would take minutes.)
 */
const MAX_CHARS: Partial<Record<LedgerField, number>> = {
  number: 100,
  leadDeputies: 2_000,
  coDeputies: 2_000,
  leadUnits: 2_000,
  coUnits: 2_000,
};
/** No header is longer: longer text is not looked up (saves folding a megabyte cell 30 times). */
const MAX_HEADER_CHARS = 100;

/**
 * A cell's text: control characters out, outer whitespace trimmed. The same as cleanText, whose
 * trimming pattern takes quadratic time on long runs of inner whitespace; String#trim removes the
 * same characters (JavaScript's \s includes the ideographic space U+3000) in linear time.
 */
function cellText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return fromUtcDate(value) ?? '';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? '是' : '否';
  return stripControlChars(value).trim();
}

/** A cell's text as quoted in a message: long values cut short. */
function shown(text: string): string {
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

function headerField(text: string): LedgerField | null {
  return text.length > MAX_HEADER_CHARS ? null : fieldOfHeader(text);
}

function isBlankRow(row: TableRow): boolean {
  return row.cells.every((c) => cellText(c) === '');
}

function pickSheet(workbook: Workbook, sheet: string | number | undefined): Sheet {
  if (sheet === undefined) return workbook.sheets[0]!;
  const found =
    typeof sheet === 'number'
      ? workbook.sheets[sheet]
      : (workbook.sheets.find((s) => s.name === sheet) ?? (/^\d+$/.test(sheet) ? workbook.sheets[Number(sheet) - 1] : undefined));
  if (!found) {
    throw new UserError(`找不到工作表「${String(sheet)}」。文件中的工作表：${workbook.sheets.map((s) => s.name).join('、')}。`);
  }
  return found;
}

const HEADER_SCAN_ROWS = 30;

/** The header row: among the first rows, the one naming the most ledger fields. */
function findHeader(rows: readonly TableRow[]): { position: number; row: TableRow } | null {
  let best: { position: number; row: TableRow; score: number } | null = null;
  rows.slice(0, HEADER_SCAN_ROWS).forEach((row, position) => {
    const fields = new Set(row.cells.map((c) => headerField(cellText(c))).filter((f): f is LedgerField => f !== null));
    if (!fields.has('number') && !fields.has('title')) return;
    if (fields.size < 2) return;
    if (!best || fields.size > best.score) best = { position, row, score: fields.size };
  });
  return best;
}

function mapColumns(header: TableRow, overrides: ParseOptions['mapping'], warnings: string[]): ColumnMapping[] {
  const columns: ColumnMapping[] = header.cells.map((value, index) => ({
    index,
    letter: columnLetter(index),
    header: shown(cellText(value)),
    field: headerField(cellText(value)),
  }));
  if (overrides) {
    for (const [key, field] of Object.entries(overrides)) {
      const index = Number(key);
      const column = columns[index] ?? { index, letter: columnLetter(index), header: '', field: null };
      column.field = field;
      columns[index] = column;
    }
  }
  // One column per field: an exact canonical header wins, then the leftmost.
  for (const field of LEDGER_FIELDS) {
    const candidates = columns.filter((c) => c && c.field === field);
    if (candidates.length < 2) continue;
    const keep = candidates.find((c) => isCanonicalHeader(c.header, field)) ?? candidates[0]!;
    for (const c of candidates) {
      if (c === keep) continue;
      warnings.push(
        `${c.letter}列「${c.header}」与${keep.letter}列「${keep.header}」都是「${CANONICAL_HEADERS[field]}」，已按${keep.letter}列导入，忽略${c.letter}列。`,
      );
      c.field = null;
    }
  }
  for (const c of columns) {
    if (c && c.field === null && c.header && !(overrides && c.index in overrides)) {
      warnings.push(`${c.letter}列「${c.header}」不是台账的标准列，已忽略。`);
    }
  }
  return columns.filter(Boolean);
}

const TOTAL_ROW = /^(合计|总计|小计|共计)/;
/** The years parseDateText accepts in text, applied to date cells too. */
const MIN_DATE = '1900-01-01';
const MAX_DATE = '2200-12-31';

/**
 * Reads the ledger rows of one sheet. Every problem is collected (nothing stops at the first);
 * the caller imports nothing when `errors` is not empty.
 */
export function parseLedger(workbook: Workbook, context: LedgerContext, options: ParseOptions = {}): ParsedLedger {
  const sheet = pickSheet(workbook, options.sheet);
  const sheetNames = workbook.sheets.map((s) => s.name);
  const rows = sheet.rows.filter((r) => !isBlankRow(r));
  const fail = (message: string): never => {
    throw new UserError(message);
  };
  if (rows.length === 0) fail(`工作表「${sheet.name}」是空的，没有任何数据。`);
  const header = findHeader(rows);
  if (!header) {
    fail(
      `在工作表「${sheet.name}」的前 ${HEADER_SCAN_ROWS} 行中没有找到表头：表头行至少要有${describeField('number')}和${describeField('title')}这两列。`,
    );
  }
  const { position: headerPosition, row: headerRow } = header!;
  const warnings: string[] = [];
  const columns = mapColumns(headerRow, options.mapping, warnings);
  const present = LEDGER_FIELDS.filter((f) => columns.some((c) => c.field === f));
  const missing = REQUIRED_FIELDS.filter((f) => !present.includes(f));
  if (missing.length > 0) {
    fail(`第${headerRow.rowNumber}行的表头缺少必需的列：${missing.map(describeField).join('，')}。`);
  }
  const dataRows = rows.slice(headerPosition + 1);
  if (dataRows.length === 0) fail(`工作表「${sheet.name}」第${headerRow.rowNumber}行是表头，但表头下面没有数据行。`);

  const columnOf = new Map<LedgerField, ColumnMapping>();
  for (const c of columns) if (c.field) columnOf.set(c.field, c);
  const headerName = (field: LedgerField) => columnOf.get(field)?.header || CANONICAL_HEADERS[field];

  const errors: LedgerIssue[] = [];
  const records: LedgerRecord[] = [];
  const firstRowOfKey = new Map<string, number>();
  const scaleRows: { row: number; value: string; scale: FeedbackScale }[] = [];
  const categories: string[] = [];
  const dateCache = new Map<string, IsoDate | null>();

  for (const tableRow of dataRows) {
    const row = tableRow.rowNumber;
    const error = (field: LedgerField, message: string) => errors.push({ row, column: headerName(field), message });
    // Over-long cells are reported once and then read as empty.
    const tooLong = new Set<LedgerField>();
    for (const [field, column] of columnOf) {
      const value = tableRow.cells[column.index];
      const limit = MAX_CHARS[field] ?? MAX_CELL_CHARS;
      if (typeof value === 'string' && value.length > limit) {
        tooLong.add(field);
        error(field, `内容过长：${value.length} 个字符，最多 ${limit} 个（开头是：${shown(cellText(value))}）`);
      }
    }
    const raw = (field: LedgerField): CellValue => {
      const column = columnOf.get(field);
      return column && !tooLong.has(field) ? (tableRow.cells[column.index] ?? null) : null;
    };
    const text = (field: LedgerField) => cellText(raw(field));

    const numberText = text('number');
    if (TOTAL_ROW.test(numberText) && !text('title')) {
      warnings.push(`第${row}行是合计行，已跳过。`);
      continue;
    }
    const number = parseProposalNumber(numberText);
    if (!number && !tooLong.has('number')) error('number', '不能为空');
    const title = text('title');
    if (!title && !tooLong.has('title')) error('title', '不能为空');
    if (number) {
      const first = firstRowOfKey.get(number.key);
      if (first !== undefined) error('number', `与第${first}行重复：${shown(number.display)}`);
      else firstRowOfKey.set(number.key, row);
    }

    const date = (field: LedgerField): IsoDate | null => {
      const value = raw(field);
      if (value === null) return null;
      if (value instanceof Date) {
        // A date cell can hold any day from year -271821 to 275760; only the range a typed date
        // may have is taken (the rest is a slip of the keyboard, and breaks date arithmetic).
        const iso = fromUtcDate(value);
        if (iso && /^\d{4}-/.test(iso) && iso >= MIN_DATE && iso <= MAX_DATE) return iso;
        error(field, `无法识别：${iso ?? '无效的日期'}（日期应在 1900 年到 2200 年之间）`);
        return null;
      } else if (typeof value === 'number') {
        const iso = fromPlausibleSerial(value);
        if (iso) return iso;
      } else {
        const t = cellText(value);
        if (!t) return null;
        // Ledgers repeat the same few dates on every row; parsing one takes date-fns ~15 µs.
        let iso = dateCache.get(t);
        if (iso === undefined) {
          iso = parseDateText(t);
          dateCache.set(t, iso);
        }
        if (iso) return iso;
      }
      error(field, `无法识别：${shown(cellText(value))}`);
      return null;
    };
    const yesNo = (field: LedgerField): boolean => {
      const t = text(field);
      const value = parseYesNo(t);
      if (value === null) {
        error(field, `无法识别：${shown(t)}（应填“是”或“否”，也可用 √ 或留空）`);
        return false;
      }
      return value;
    };

    const assignedDate = date('assignedDate');
    const deadline = date('deadline');
    const replyDate = date('replyDate');
    if (assignedDate && replyDate && replyDate < assignedDate) {
      error('replyDate', `早于交办日期：答复 ${replyDate}，交办 ${assignedDate}`);
    }
    if (assignedDate && deadline && deadline < assignedDate) {
      error('deadline', `早于交办日期：期限 ${deadline}，交办 ${assignedDate}`);
    }

    let resultCode: ResultCode | null = null;
    const resultText = text('result');
    const parsedResult = parseResult(resultText, context.resultLabels, context.resultClassCount);
    if (parsedResult === undefined) {
      error('result', `无法识别：${shown(resultText)}（${resultHint(context.resultLabels, context.resultClassCount)}）`);
    } else {
      resultCode = parsedResult;
    }

    let feedback: string | null = null;
    const feedbackText = text('feedback');
    const parsedFeedback = parseFeedback(feedbackText);
    if (parsedFeedback === undefined) {
      error(
        'feedback',
        `无法识别：${shown(feedbackText)}（三级评价填 ${FEEDBACK_VALUES.three.join('、')}、${NO_OPINION}；五级评价填 ${FEEDBACK_VALUES.five.join('、')}）`,
      );
    } else if (parsedFeedback) {
      feedback = parsedFeedback.value;
      if (parsedFeedback.scale) scaleRows.push({ row, value: parsedFeedback.value, scale: parsedFeedback.scale });
    }

    const category = text('category');
    if (category && !categories.includes(category)) categories.push(category);
    if (category && context.categories.length > 0 && !context.categories.includes(category)) {
      error(
        'category',
        `「${shown(category)}」不是会议「${context.sessionName ?? ''}」的类别（现有类别：${context.categories.join('、')}）`,
      );
    }

    const leaderText = text('leader');
    const leaderFlag = parseYesNo(leaderText);

    const leadUnits = splitList(text('leadUnits'));
    if (leadUnits.length > 1) {
      error(
        'leadUnits',
        `只能填一个单位，现有 ${leadUnits.length} 个：${shown(leadUnits.join('、'))}（共同办理的其他单位请填在「会办单位」）`,
      );
    }
    const leadUnit = leadUnits[0] ?? '';
    const coUnits = splitList(text('coUnits')).filter((u) => u !== leadUnit);
    const leadDeputies = splitList(text('leadDeputies'));
    const coDeputies = splitList(text('coDeputies')).filter((d) => !leadDeputies.includes(d));

    records.push({
      row,
      number: number?.display ?? '',
      numberKey: number?.key ?? '',
      numberSort: number?.sort ?? null,
      title,
      leadDeputies,
      coDeputies,
      delegation: text('delegation'),
      category,
      leadUnit,
      coUnits,
      assignedDate,
      deadline,
      replyDate,
      resultCode,
      published: yesNo('published'),
      met: yesNo('met'),
      feedback,
      closed: yesNo('closed'),
      isKey: yesNo('isKey'),
      leaderSupervised: leaderFlag ?? true,
      leaderName: leaderFlag === null ? leaderText : '',
      notes: text('notes'),
    });
  }

  // One feedback scale per session: the session's own, or the one the file uses.
  let feedbackScale = context.feedbackScale;
  if (feedbackScale) {
    for (const s of scaleRows) {
      if (s.scale !== feedbackScale) {
        errors.push({
          row: s.row,
          column: headerName('feedback'),
          message: `「${s.value}」属于${SCALE_NAMES[s.scale]}，但会议「${context.sessionName ?? ''}」使用${SCALE_NAMES[feedbackScale]}`,
        });
      }
    }
  } else if (scaleRows.length > 0) {
    const threes = scaleRows.filter((s) => s.scale === 'three');
    const fives = scaleRows.filter((s) => s.scale === 'five');
    feedbackScale = threes.length >= fives.length ? 'three' : 'five';
    const majority = feedbackScale === 'three' ? threes : fives;
    const minority = feedbackScale === 'three' ? fives : threes;
    const example = majority[0]!;
    for (const s of minority) {
      errors.push({
        row: s.row,
        column: headerName('feedback'),
        message: `「${s.value}」属于${SCALE_NAMES[s.scale]}，而第${example.row}行「${example.value}」等 ${majority.length} 行属于${SCALE_NAMES[example.scale]}；同一届会议只能使用一种评价等级`,
      });
    }
  }

  errors.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  return {
    sheetName: sheet.name,
    sheetNames,
    headerRow: headerRow.rowNumber,
    columns,
    present,
    records,
    errors,
    warnings,
    feedbackScale,
    categories,
  };
}
