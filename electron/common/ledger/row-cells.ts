import { FIELD_MAX_CHARS } from '../domain/proposal-fields';
import { CANONICAL_HEADERS, type LedgerField } from './columns';
import { cellText, type ColumnMapping } from './header';
import type { LedgerIssue } from './parsed-ledger';
import type { CellValue, TableRow } from './table';

/**
 * The text of each field in one row: its column's cell, or the choice of the ticked column in its
 * group of tick columns (满意 | 基本满意 | 不满意, ticked with √); cells too long to be real cut off.
 */

/** Excel's limit for the text of one cell: a longer value cannot have come from a real ledger. */
const MAX_CELL_CHARS = 32_767;
/**
 * Tighter limits for cells parsed further: the fields' own (the editor's too), and a few hundred
 * characters for a list of names or units. (The domain parsers use regular expressions that take
 * quadratic time on some long inputs: 40,000 digits followed by "x1" take 1.4 s as a 建议号, a
 * megabyte would take minutes.)
 */
const MAX_CHARS: Partial<Record<LedgerField, number>> = {
  number: FIELD_MAX_CHARS.number,
  title: FIELD_MAX_CHARS.title,
  leadDeputies: 2_000,
  coDeputies: 2_000,
  leadUnits: 2_000,
  coUnits: 2_000,
  delegation: FIELD_MAX_CHARS.delegation,
  category: FIELD_MAX_CHARS.category,
  leader: FIELD_MAX_CHARS.leaderName,
  replyNumber: FIELD_MAX_CHARS.replyNumber,
  signer: FIELD_MAX_CHARS.signer,
  contactPerson: FIELD_MAX_CHARS.contactPerson,
  contactPhone: FIELD_MAX_CHARS.contactPhone,
  proposerCount: 20,
  sessionLabel: 100,
  notes: FIELD_MAX_CHARS.notes,
};

/** 合计 / 总计 / 小计 / 共计, alone or with a count, or 共N件: a totals row, never a proposal. */
const TOTAL_CELL = /^(合计|总计|小计|共计)[:：]?\s*(\d+\s*[件条项个]?)?$|^共\s*\d+\s*[件条项个]$/;
/** A tick in a tick column. */
const TICK = /^(√|✓|✔|☑|☒|●|■|◆|★|是|1|Y|YES|TRUE|V|对|有)$/i;
/** An explicit "not this one" in a tick column. */
const NOT_TICKED = /^(否|0|×|✗|✘|N|NO|FALSE|无|-|—|\/)$/i;

/** A cell's text as quoted in a message: long values cut short. */
export function shown(text: string): string {
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

/** The columns each field is read from, once the mapping is settled. */
export interface FieldColumns {
  /** The field's one ordinary column (the first, when several are mapped). */
  plain: Map<LedgerField, ColumnMapping>;
  /** The field's tick columns, one per value. */
  ticks: Map<LedgerField, ColumnMapping[]>;
  /** 届次 and 会次, in one column or two, read together. */
  labels: ColumnMapping[];
  /** The name a message gives the field: its header as the file writes it. */
  headerName: (field: LedgerField) => string;
}

export function fieldColumns(columns: readonly ColumnMapping[]): FieldColumns {
  const plain = new Map<LedgerField, ColumnMapping>();
  const ticks = new Map<LedgerField, ColumnMapping[]>();
  const labels = columns.filter((c) => c.field === 'sessionLabel');
  for (const c of columns) {
    if (!c.field) continue;
    if (c.choice === null) {
      if (!plain.has(c.field)) plain.set(c.field, c);
    } else ticks.set(c.field, [...(ticks.get(c.field) ?? []), c]);
  }
  const headerName = (field: LedgerField) => {
    const column = plain.get(field);
    if (column) return column.header;
    const group = ticks.get(field);
    return group ? (group[0]!.parts.length > 1 ? group[0]!.parts.at(-2)! : CANONICAL_HEADERS[field]) : CANONICAL_HEADERS[field];
  };
  return { plain, ticks, labels, headerName };
}

/** Why a row is no proposal, as the warning says it (a totals row, a header repeated on each printed page), or null. */
export function skippedRow(tableRow: TableRow, columns: FieldColumns): string | null {
  const row = tableRow.rowNumber;
  const leading = tableRow.cells.slice(0, 3).map((c) => cellText(c));
  if (leading.some((t) => TOTAL_CELL.test(t.replace(/\s+/g, '')))) return `第${row}行是合计行，已跳过。`;
  const number = columns.plain.get('number');
  const title = columns.plain.get('title');
  if (
    number &&
    title &&
    cellText(tableRow.cells[number.index]) === number.parts.at(-1) &&
    cellText(tableRow.cells[title.index]) === title.parts.at(-1)
  ) {
    return `第${row}行是重复的表头（打印时每页重复的表头），已跳过。`;
  }
  return null;
}

/** One row's cells by field. */
interface RowCells {
  /** The field's text ('' when empty, not in the file, or too long). */
  text: (field: LedgerField) => string;
  /** The field's cell as the file holds it (a date cell is a Date), or null. */
  raw: (field: LedgerField) => CellValue;
  /** Fields whose cell was refused as too long. */
  tooLong: ReadonlySet<LedgerField>;
  /** Fields the file has a column for whose cell is empty in this row. */
  blank: LedgerField[];
  /** Fields with a value in this row. */
  filled: LedgerField[];
}

/** Reads one row's cells by field; a cell too long, an unreadable tick or two ticks in a group is an error. */
export function readCells(tableRow: TableRow, columns: FieldColumns, errors: LedgerIssue[]): RowCells {
  const row = tableRow.rowNumber;
  const error = (field: LedgerField, message: string) => errors.push({ row, column: columns.headerName(field), message });
  const texts = new Map<LedgerField, string>();
  const raws = new Map<LedgerField, CellValue>();
  const tooLong = new Set<LedgerField>();
  for (const [field, column] of columns.plain) {
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
  for (const [field, ticks] of columns.ticks) {
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
  const filled: LedgerField[] = [];
  for (const field of texts.keys()) {
    if (text(field) === '' && !tooLong.has(field)) blank.push(field);
    else if (text(field) !== '') filled.push(field);
  }
  return { text, raw: (field) => raws.get(field) ?? null, tooLong, blank, filled };
}
