import { fromPlausibleSerial, fromUtcDate, readDate, type IsoDate } from '../domain/dates';
import { UserError } from '../domain/errors';
import {
  FEEDBACK_VALUES,
  NO_OPINION,
  parseFeedback,
  parseResultOpinion,
  RESULT_OPINION_VALUES,
  SCALE_NAMES,
  type FeedbackScale,
} from '../domain/feedback';
import { parseProposalNumber } from '../domain/proposal-number';
import {
  describeScheme,
  labelsShowCForReference,
  readResult,
  resultHint,
  type ResultClassCount,
  type ResultCode,
  type ResultScheme,
} from '../domain/result-classes';
import { readSessionOrdinal, sameSession } from '../domain/session-ordinal';
import { splitList } from '../domain/text';
import { parseYesNo, yesNoHint, type YesNoField } from '../domain/yes-no';
import { CANONICAL_HEADERS, describeField, KEY_FIELDS, LEDGER_FIELDS, REQUIRED_FIELDS, type LedgerField } from './columns';
import { analyseHeader, cellText, choiceValue, columnLetter, HEADER_SCAN_ROWS, type ColumnMapping } from './header';
import type { CellValue, Sheet, TableRow, Workbook } from './table';

export { columnLetter, type ColumnMapping } from './header';

/** One ledger row, read and checked. */
export interface LedgerRecord {
  row: number;
  number: string;
  numberKey: string;
  numberSort: number | null;
  title: string;
  leadDeputies: string[];
  coDeputies: string[];
  proposerCount: number | null;
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
  resultOpinion: string | null;
  closed: boolean;
  isKey: boolean;
  leaderSupervised: boolean;
  leaderName: string;
  replyNumber: string;
  signer: string;
  contactPerson: string;
  contactPhone: string;
  content: string;
  replyText: string;
  notes: string;
  /** Fields the file has a column for whose cell is empty in this row. */
  blank: LedgerField[];
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
  /** The session's year: a date written without a year (3月27日) is read in it. */
  year?: number;
}

export interface ParseOptions {
  /** Sheet name or 0-based index; the first sheet by default. */
  sheet?: string | number;
  /** Column index → field, overriding the detected mapping (null ignores the column). */
  mapping?: Record<number, LedgerField | null>;
  /** Header text → field, as the CLI's --map gives it ("解决程度=办理结果"); null ignores the column. */
  headerMapping?: Record<string, LedgerField | null>;
  /**
   * The mapping a clerk chose before for a file with exactly these headers (see
   * ParsedLedger.signature), used when no mapping is given.
   */
  recall?: (signature: string) => Record<string, LedgerField | null> | null;
}

/** How the values of a column were read, for the preview: 「A.解决或基本解决」→ 解决采纳, 23 件. */
export interface ValueReading {
  field: LedgerField;
  header: string;
  value: string;
  meaning: string;
  count: number;
}

/** A field the statistics need that the file has no column for, and what that means. */
export interface MissingField {
  field: LedgerField;
  message: string;
}

export interface ParsedLedger {
  sheetName: string;
  sheetNames: string[];
  /** The first header row; headerRows lists all of them (two-row headers). */
  headerRow: number;
  headerRows: number[];
  columns: ColumnMapping[];
  /** Fields with a column in the file: only these are written on update. */
  present: LedgerField[];
  /** Present fields with at least one non-empty cell: what the file says something about. */
  provided: LedgerField[];
  records: LedgerRecord[];
  errors: LedgerIssue[];
  warnings: string[];
  missing: MissingField[];
  readings: ValueReading[];
  feedbackScale: FeedbackScale | null;
  /** Three when the file's labels show the three-class scheme (C for 留作参考). */
  fileClassCount: ResultClassCount | null;
  /** Categories in the order they first appear. */
  categories: string[];
  /** The headers as found, one string: files with the same signature get the same remembered mapping. */
  signature: string;
  /** True when a remembered mapping was applied. */
  recalled: boolean;
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
  title: 500,
  leadDeputies: 2_000,
  coDeputies: 2_000,
  leadUnits: 2_000,
  coUnits: 2_000,
  delegation: 100,
  category: 100,
  leader: 100,
  replyNumber: 100,
  signer: 50,
  contactPerson: 50,
  contactPhone: 50,
  proposerCount: 20,
  sessionLabel: 100,
  notes: 5_000,
};

/** A cell's text as quoted in a message: long values cut short. */
function shown(text: string): string {
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

function pickSheet(workbook: Workbook, sheet: string | number | undefined): Sheet {
  if (sheet === undefined) return workbook.sheets[0]!;
  const found =
    typeof sheet === 'number'
      ? workbook.sheets[sheet]
      : (workbook.sheets.find((s) => s.name === sheet || s.name.trim() === sheet.trim()) ??
        (/^\d+$/.test(sheet) ? workbook.sheets[Number(sheet) - 1] : undefined));
  if (!found) {
    throw new UserError(`找不到工作表「${String(sheet)}」。文件中的工作表：${workbook.sheets.map((s) => s.name).join('、')}。`);
  }
  return found;
}

/** 合计 / 总计 / 小计 / 共计, alone or with a count, or 共N件: a totals row, never a proposal. */
const TOTAL_CELL = /^(合计|总计|小计|共计)[:：]?\s*(\d+\s*[件条项个]?)?$|^共\s*\d+\s*[件条项个]$/;
/** A tick in a tick column. */
const TICK = /^(√|✓|✔|☑|☒|●|■|◆|★|是|1|Y|YES|TRUE|V|对|有)$/i;
/** An explicit "not this one" in a tick column. */
const NOT_TICKED = /^(否|0|×|✗|✘|N|NO|FALSE|无|-|—|\/)$/i;
/** The years parseDateText accepts in text, applied to date cells too. */
const MIN_DATE = '1900-01-01';
const MAX_DATE = '2200-12-31';
/** 住建局(2): a unit with its count of items, as by-unit reports print it. */
const UNIT_WITH_COUNT = /^(.+?)[(（]\d+[)）]$/;

const RANK: Record<NonNullable<ColumnMapping['strength']>, number> = {
  chosen: 3,
  canonical: 2,
  group: 2,
  synonym: 1,
  weak: 0,
};

function applyOverrides(columns: ColumnMapping[], options: ParseOptions): void {
  const byIndex = new Map(columns.map((c) => [c.index, c]));
  const set = (column: ColumnMapping, field: LedgerField | null) => {
    column.field = field;
    column.strength = field ? 'chosen' : null;
    column.choice = field ? choiceValue(field, column.parts.at(-1) ?? '') : null;
    column.reason = field ? null : '已选择不导入';
  };
  if (options.headerMapping) {
    for (const [name, field] of Object.entries(options.headerMapping)) {
      const wanted = name.trim();
      const matches = columns.filter(
        (c) => c.header === wanted || c.parts.join('/') === wanted.replace(/\s*\/\s*/g, '/') || c.parts.at(-1) === wanted,
      );
      if (matches.length === 0) {
        throw new UserError(
          `对应关系里的列「${wanted}」在表头中找不到。表头中的列：${columns.map((c) => `「${c.header}」`).join('、')}。`,
        );
      }
      for (const column of matches) set(column, field);
    }
  }
  for (const [key, field] of Object.entries(options.mapping ?? {})) {
    const index = Number(key);
    let column = byIndex.get(index);
    if (!column) {
      column = {
        index,
        letter: columnLetter(index),
        header: '',
        parts: [],
        field: null,
        choice: null,
        strength: null,
        reason: null,
      };
      columns.push(column);
      byIndex.set(index, column);
    }
    set(column, field);
  }
  columns.sort((a, b) => a.index - b.index);
}

/**
 * One column per field, or one group of tick columns: a stronger name wins over a weaker one; two
 * 办理结果 columns are told apart by their values; columns with the same content count once. What
 * cannot be decided is an error: the clerk chooses in the mapping.
 */
function settleDuplicates(
  columns: ColumnMapping[],
  dataRows: readonly TableRow[],
  headerRow: number,
  errors: LedgerIssue[],
  warnings: string[],
): void {
  const textAt = (row: TableRow, c: ColumnMapping) => cellText(row.cells[c.index]);
  const drop = (c: ColumnMapping, keep: ColumnMapping, why: string) => {
    warnings.push(`${c.letter}列「${c.header}」${why}，以${keep.letter}列「${keep.header}」为准，${c.letter}列不导入。`);
    Object.assign(c, { field: null, choice: null, strength: null, reason: `与${keep.letter}列重复` });
  };
  for (const field of LEDGER_FIELDS) {
    // 届次 and 会次 in two columns are read together.
    if (field === 'sessionLabel') continue;
    const plain = columns.filter((c) => c.field === field && c.choice === null);
    const ticks = columns.filter((c) => c.field === field && c.choice !== null);
    if (plain.length > 0 && ticks.length > 0) {
      errors.push({
        row: headerRow,
        column: '表头',
        message: `中「${CANONICAL_HEADERS[field]}」既有${plain.map((c) => `${c.letter}列「${c.header}」`).join('、')}，又有勾选列（${ticks.map((c) => c.letter).join('、')}列），无法判断以哪个为准。请在列的对应关系里把其中一个改为“不导入”。`,
      });
      continue;
    }
    if (plain.length < 2) continue;
    const top = Math.max(...plain.map((c) => RANK[c.strength ?? 'weak']));
    for (const c of plain)
      if (RANK[c.strength ?? 'weak'] < top)
        drop(
          c,
          plain.find((k) => RANK[k.strength ?? 'weak'] === top)!,
          '是较弱的写法',
        );
    let left = plain.filter((c) => c.field === field);
    if (left.length > 1 && field === 'result' && !columns.some((c) => c.field === 'resultOpinion')) {
      // Hongkou-style exports print 办理结果 twice: once the class, once the deputy's opinion of it.
      const opinionColumn = left.find((c) => {
        const values = dataRows.map((r) => textAt(r, c)).filter(Boolean);
        return values.length > 0 && values.every((v) => parseResultOpinion(v) || parseFeedback(v));
      });
      if (opinionColumn) {
        opinionColumn.field = 'resultOpinion';
        warnings.push(
          `${opinionColumn.letter}列「${opinionColumn.header}」填的是同意、理解等意见，不是办理结果的类别，按「${CANONICAL_HEADERS.resultOpinion}」导入。`,
        );
        left = left.filter((c) => c !== opinionColumn);
      }
    }
    if (left.length > 1) {
      const [keep, ...rest] = left;
      const same = dataRows.every((r) => rest.every((c) => textAt(r, c) === textAt(r, keep!)));
      if (same) for (const c of rest) drop(c, keep!, '的内容与之完全相同');
      else {
        errors.push({
          row: headerRow,
          column: '表头',
          message: `中有 ${left.length} 列都是「${CANONICAL_HEADERS[field]}」（${left.map((c) => `${c.letter}列「${c.header}」`).join('、')}），内容不同，无法判断以哪一列为准。请在列的对应关系里把不用的列改为“不导入”（命令行用 --map "列名=不导入"）。`,
        });
      }
    }
  }
}

const MISSING_WORDS: Partial<Record<LedgerField, string>> = {
  result: '导入后所有建议都会算作尚未答复，办理结果的分布和解决率不会统计',
  feedback: '代表评价和满意率不会统计（概览里显示“台账未提供”）',
  category: '按类别的统计不会出现，也不会把建议算作“未分类”',
  leadUnits: '按承办单位的统计和答复函都需要主办单位',
};

/**
 * Reads the ledger rows of one sheet. Every problem is collected (nothing stops at the first);
 * the caller imports nothing when `errors` is not empty.
 */
export function parseLedger(workbook: Workbook, context: LedgerContext, options: ParseOptions = {}): ParsedLedger {
  const sheet = pickSheet(workbook, options.sheet);
  const sheetNames = workbook.sheets.map((s) => s.name);
  const rows = sheet.rows.filter((r) => r.cells.some((c) => cellText(c) !== ''));
  const fail = (message: string): never => {
    throw new UserError(message);
  };
  if (rows.length === 0) fail(`工作表「${sheet.name}」是空的，没有任何数据。`);
  const header = analyseHeader(rows);
  if (!header) {
    fail(
      `在工作表「${sheet.name}」的前 ${HEADER_SCAN_ROWS} 行中没有找到表头：表头行至少要有${describeField('number')}和${describeField('title')}这两列。`,
    );
  }
  const { columns } = header!;
  const headerRow = header!.rowNumbers[0]!;
  const dataRows = rows.slice(header!.last + 1);
  const errors: LedgerIssue[] = [];
  const warnings: string[] = [];
  const signature = columns.map((c) => `${c.letter}:${c.header}`).join('|');
  let recalled = false;
  if (!options.mapping && !options.headerMapping && options.recall) {
    const remembered = options.recall(signature);
    if (remembered) {
      recalled = true;
      options = { ...options, headerMapping: remembered };
    }
  }
  applyOverrides(columns, options);
  settleDuplicates(columns, dataRows, headerRow, errors, warnings);

  const present = LEDGER_FIELDS.filter((f) => columns.some((c) => c.field === f));
  const missingRequired = REQUIRED_FIELDS.filter((f) => !present.includes(f));
  if (missingRequired.length > 0) {
    const rowsText =
      header!.rowNumbers.length > 1 ? `第${header!.rowNumbers[0]}行至第${header!.rowNumbers.at(-1)}行` : `第${headerRow}行`;
    fail(`${rowsText}的表头缺少必需的列：${missingRequired.map(describeField).join('，')}。`);
  }
  if (dataRows.length === 0) fail(`工作表「${sheet.name}」第${header!.rowNumbers.at(-1)}行是表头，但表头下面没有数据行。`);
  for (const c of columns) {
    if (c.field === null && c.header && c.reason === null) c.reason = '台账里没有对应的内容';
  }

  const plainOf = new Map<LedgerField, ColumnMapping>();
  const ticksOf = new Map<LedgerField, ColumnMapping[]>();
  const labelColumns = columns.filter((c) => c.field === 'sessionLabel');
  for (const c of columns) {
    if (!c.field) continue;
    if (c.choice === null) {
      if (!plainOf.has(c.field)) plainOf.set(c.field, c);
    } else ticksOf.set(c.field, [...(ticksOf.get(c.field) ?? []), c]);
  }
  const headerName = (field: LedgerField) => {
    const plain = plainOf.get(field);
    if (plain) return plain.header;
    const ticks = ticksOf.get(field);
    return ticks ? (ticks[0]!.parts.length > 1 ? ticks[0]!.parts.at(-2)! : CANONICAL_HEADERS[field]) : CANONICAL_HEADERS[field];
  };

  // The file's own result scheme: "C.…留作参考" means its bare C is 留作参考 too.
  const resultValues = new Set<string>();
  const resultColumn = plainOf.get('result');
  if (resultColumn) for (const r of dataRows) resultValues.add(cellText(r.cells[resultColumn.index]));
  for (const c of ticksOf.get('result') ?? []) resultValues.add(c.choice!);
  const cMeansReference = labelsShowCForReference(resultValues);
  const scheme: ResultScheme = { labels: context.resultLabels, count: context.resultClassCount, cMeansReference };

  const records: LedgerRecord[] = [];
  const firstRowOfKey = new Map<string, number>();
  const scaleRows: { row: number; value: string; scale: FeedbackScale }[] = [];
  const categories: string[] = [];
  const dateCache = new Map<string, ReturnType<typeof readDate>>();
  const readingCounts = new Map<string, ValueReading>();
  const provided = new Set<LedgerField>();
  const assumedYears: string[] = [];
  let bareLetters = 0;
  const sessionOrdinal = context.sessionName ? readSessionOrdinal(context.sessionName) : null;
  const otherSessions = new Map<string, number[]>();
  let unreadableLabel: string | null = null;

  const noteReading = (field: LedgerField, value: string, meaning: string) => {
    const key = `${field}\u0000${value}`;
    const entry = readingCounts.get(key);
    if (entry) entry.count += 1;
    else readingCounts.set(key, { field, header: headerName(field), value, meaning, count: 1 });
  };

  for (const tableRow of dataRows) {
    const row = tableRow.rowNumber;
    const leading = tableRow.cells.slice(0, 3).map((c) => cellText(c));
    if (leading.some((t) => TOTAL_CELL.test(t.replace(/\s+/g, '')))) {
      warnings.push(`第${row}行是合计行，已跳过。`);
      continue;
    }
    const number0 = plainOf.get('number');
    const title0 = plainOf.get('title');
    if (
      number0 &&
      title0 &&
      cellText(tableRow.cells[number0.index]) === number0.parts.at(-1) &&
      cellText(tableRow.cells[title0.index]) === title0.parts.at(-1)
    ) {
      warnings.push(`第${row}行是重复的表头（打印时每页重复的表头），已跳过。`);
      continue;
    }
    const error = (field: LedgerField, message: string) => errors.push({ row, column: headerName(field), message });

    // The text of each field in this row: its column's cell, or the choice of the ticked column.
    const texts = new Map<LedgerField, string>();
    const raws = new Map<LedgerField, CellValue>();
    const tooLong = new Set<LedgerField>();
    for (const [field, column] of plainOf) {
      const value = tableRow.cells[column.index] ?? null;
      const limit = MAX_CHARS[field] ?? MAX_CELL_CHARS;
      if (typeof value === 'string' && value.length > limit) {
        tooLong.add(field);
        error(field, `内容过长：${value.length} 个字符，最多 ${limit} 个（开头是：${shown(cellText(value))}）`);
        continue;
      }
      raws.set(field, value);
      texts.set(field, cellText(value));
    }
    for (const [field, ticks] of ticksOf) {
      const ticked: ColumnMapping[] = [];
      for (const c of ticks) {
        const t = cellText(tableRow.cells[c.index]).replace(/\s+/g, '');
        if (!t || NOT_TICKED.test(t)) continue;
        if (TICK.test(t)) ticked.push(c);
        else errors.push({ row, column: c.header, message: `无法识别：${shown(t)}（勾选列应打 √ 或留空）` });
      }
      if (ticked.length > 1) {
        error(field, `同时勾选了${ticked.map((c) => `「${c.choice}」`).join('和')}，只能选一项`);
        texts.set(field, '');
      } else texts.set(field, ticked[0]?.choice ?? '');
    }
    const text = (field: LedgerField) => texts.get(field) ?? '';
    const blank: LedgerField[] = [];
    for (const field of texts.keys()) {
      if (text(field) === '' && !tooLong.has(field)) blank.push(field);
      else if (text(field) !== '') provided.add(field);
    }

    const number = parseProposalNumber(text('number'));
    if (!number && !tooLong.has('number')) error('number', '不能为空');
    const title = text('title');
    if (!title && !tooLong.has('title')) error('title', '不能为空');
    if (number) {
      const first = firstRowOfKey.get(number.key);
      if (first !== undefined) error('number', `与第${first}行重复：${shown(number.display)}`);
      else firstRowOfKey.set(number.key, row);
    }

    const date = (field: LedgerField): IsoDate | null => {
      const value = raws.get(field) ?? null;
      if (value === null) return null;
      if (value instanceof Date) {
        // A date cell can hold any day from year -271821 to 275760; only the range a typed date
        // may have is taken (the rest is a slip of the keyboard, and breaks date arithmetic).
        const iso = fromUtcDate(value);
        if (iso && /^\d{4}-/.test(iso) && iso >= MIN_DATE && iso <= MAX_DATE) return iso;
        error(field, `无法识别：${iso ?? '无效的日期'}（日期应在 1900 年到 2200 年之间）`);
        return null;
      }
      if (typeof value === 'number') {
        const iso = fromPlausibleSerial(value);
        if (iso) return iso;
      } else {
        const t = cellText(value);
        if (!t) return null;
        // Ledgers repeat the same few dates on every row; parsing one takes date-fns ~15 µs.
        let read = dateCache.get(t);
        if (read === undefined) {
          read = readDate(t, context.year);
          dateCache.set(t, read);
        }
        if (read) {
          if (read.yearAssumed && assumedYears.length < 1_000)
            assumedYears.push(`第${row}行「${headerName(field)}」${t} → ${read.date}`);
          return read.date;
        }
      }
      error(field, `无法识别：${shown(cellText(value))}`);
      return null;
    };
    const yesNo = (field: YesNoField & LedgerField): boolean => {
      const t = text(field);
      const value = parseYesNo(t, field);
      if (value === null) {
        error(field, `无法识别：${shown(t)}（${yesNoHint(field)}）`);
        return false;
      }
      if (t && parseYesNo(t) === null) noteReading(field, t, value ? '是' : '否');
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
    const reading = readResult(resultText, scheme);
    if (reading === undefined) {
      error('result', `无法识别：${shown(resultText)}（${resultHint(context.resultLabels, context.resultClassCount)}）`);
    } else if (reading) {
      resultCode = reading.code;
      if (reading.by === 'letter') bareLetters += 1;
      const meaning = reading.code ? (scheme.labels[reading.code] ?? reading.code) : '尚未答复';
      noteReading('result', resultText, meaning);
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
      if (parsedFeedback.value !== feedbackText) noteReading('feedback', feedbackText, parsedFeedback.value);
      if (parsedFeedback.scale) scaleRows.push({ row, value: parsedFeedback.value, scale: parsedFeedback.scale });
    }

    const opinionText = text('resultOpinion');
    const resultOpinion = parseResultOpinion(opinionText);
    if (resultOpinion === undefined) {
      error('resultOpinion', `无法识别：${shown(opinionText)}（可填 ${RESULT_OPINION_VALUES.join('、')} 或 ${NO_OPINION}）`);
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
    const leaderFlag = parseYesNo(leaderText, 'leader');

    const unitName = (name: string) => {
      const counted = UNIT_WITH_COUNT.exec(name);
      if (!counted) return name;
      noteReading('leadUnits', name, counted[1]!);
      return counted[1]!;
    };
    const leadUnits = splitList(text('leadUnits')).map(unitName);
    if (leadUnits.length > 1) {
      error(
        'leadUnits',
        `只能填一个单位，现有 ${leadUnits.length} 个：${shown(leadUnits.join('、'))}（共同办理的其他单位请填在「会办单位」）`,
      );
    }
    const leadUnit = leadUnits[0] ?? '';
    const coUnits = splitList(text('coUnits'))
      .map(unitName)
      .filter((u) => u !== leadUnit);
    const leadDeputies = splitList(text('leadDeputies'));
    const coDeputies = splitList(text('coDeputies')).filter((d) => !leadDeputies.includes(d));

    let proposerCount: number | null = null;
    const countText = text('proposerCount');
    if (countText) {
      const n = Number(countText.normalize('NFKC').replace(/人$/, ''));
      if (Number.isInteger(n) && n >= 1 && n <= 10_000) proposerCount = n;
      else error('proposerCount', `无法识别：${shown(countText)}（应为 1 到 10000 之间的整数）`);
    }

    const label = labelColumns.map((c) => cellText(tableRow.cells[c.index])).join('');
    if (label && sessionOrdinal) {
      const ordinal = readSessionOrdinal(label);
      if (ordinal.term === null && ordinal.meeting === null) unreadableLabel ??= label;
      else if (!sameSession(ordinal, sessionOrdinal)) otherSessions.set(label, [...(otherSessions.get(label) ?? []), row]);
    }

    records.push({
      row,
      number: number?.display ?? '',
      numberKey: number?.key ?? '',
      numberSort: number?.sort ?? null,
      title,
      leadDeputies,
      coDeputies,
      proposerCount,
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
      resultOpinion: resultOpinion ?? null,
      closed: yesNo('closed'),
      isKey: yesNo('isKey'),
      leaderSupervised: leaderFlag ?? true,
      leaderName: leaderFlag === null ? leaderText : '',
      replyNumber: text('replyNumber'),
      signer: text('signer'),
      contactPerson: text('contactPerson'),
      contactPhone: text('contactPhone'),
      content: text('content'),
      replyText: text('replyText'),
      notes: text('notes'),
      blank,
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

  for (const [label, at] of otherSessions) {
    errors.push({
      row: at[0]!,
      column: headerName('sessionLabel'),
      message: `是「${shown(label)}」，与会议「${context.sessionName}」的届次不符（共 ${at.length} 行，第${at.slice(0, 5).join('、')}${at.length > 5 ? '…' : ''}行）：这些建议可能属于另一届会议，请检查是否选错了会议或文件`,
    });
  }
  if (unreadableLabel)
    warnings.push(`「${headerName('sessionLabel')}」列的「${shown(unreadableLabel)}」看不出是第几届第几次会议，没有核对。`);
  if (bareLetters > 0) {
    warnings.push(
      `「${headerName('result')}」有 ${bareLetters} 行只写了字母，按${cMeansReference ? '文件里的写法（C 为留作参考）' : `本届会议的${context.resultClassCount === 3 ? '三' : '四'}类办理结果`}读取：${describeScheme({ ...scheme, count: cMeansReference ? 3 : scheme.count })}。`,
    );
  }
  if (assumedYears.length > 0) {
    warnings.push(
      `有 ${assumedYears.length} 个日期没有写年份，按会议的年份（${context.year}年）读取，例如${assumedYears.slice(0, 3).join('；')}。`,
    );
  }
  const missing: MissingField[] = KEY_FIELDS.filter((f) => !present.includes(f)).map((field) => ({
    field,
    message: `这份台账里没有找到「${CANONICAL_HEADERS[field]}」列：${MISSING_WORDS[field]}。`,
  }));
  for (const field of present) {
    if (!provided.has(field) && (KEY_FIELDS.includes(field) || ['published', 'met', 'closed', 'replyDate'].includes(field))) {
      warnings.push(
        `「${headerName(field)}」列全部为空：${field === 'result' ? '所有建议都会算作尚未答复' : '这一项在统计中显示为“台账未提供”'}。`,
      );
    }
  }

  errors.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  const readings = [...readingCounts.values()].filter((r) => r.field === 'result' || r.value !== r.meaning);
  return {
    sheetName: sheet.name,
    sheetNames,
    headerRow,
    headerRows: header!.rowNumbers,
    columns,
    present,
    provided: LEDGER_FIELDS.filter((f) => provided.has(f)),
    records,
    errors,
    warnings,
    missing,
    readings,
    feedbackScale,
    fileClassCount: cMeansReference ? 3 : null,
    categories,
    signature,
    recalled,
  };
}
