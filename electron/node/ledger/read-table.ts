import { type CellValue, type TableRow, type Sheet, type Workbook } from '../../common/ledger/table';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { parse as parseCsv } from 'csv-parse/sync';
import { UserError } from '../../common/domain/errors';
import { readInputFile } from '../files/input-file';
import { looksLikeHtml, readHtmlTables } from './read-html';
import { isOle, isZip, prepareXlsx } from './xlsx-guard';

/**
 * Reads a spreadsheet file (.xlsx or .csv) into plain rows of cell values. Knows nothing about
 * ledgers: that is parse-ledger's job.
 */

const MAX_FILE_BYTES = 100 * 1024 * 1024;

type ExcelValue = ExcelJS.CellValue;

/** Flattens what ExcelJS gives for a cell (rich text, formulas, links, errors) to one value. */
function cellValue(value: ExcelValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText)) return value.richText.map((part) => part.text).join('');
    if ('formula' in value || 'sharedFormula' in value) {
      const result = (value as { result?: unknown }).result;
      if (result === undefined || result === null) return null;
      if (typeof result === 'object' && result !== null && 'error' in result) return String((result as { error: string }).error);
      return cellValue(result as ExcelValue);
    }
    if ('hyperlink' in value && 'text' in value) {
      const text = (value as { text: unknown }).text;
      return typeof text === 'string' ? text : cellValue(text as ExcelValue);
    }
    if ('error' in value) return String(value.error);
  }
  return String(value);
}

/**
 * Cells kept for all rows together. A row is kept as an array up to its last non-empty cell, so a
 * stray value in column XFD makes the row 16,384 cells wide: 100,000 such rows would be 1.6 billion
 * cells. The 100,000-row ledger with every standard column is 1.9 million.
 */
const MAX_TABLE_CELLS = 20_000_000;

function tooWide(displayName: string, sheet: string, rowNumber: number, width: number): UserError {
  return new UserError(
    `无法读取${displayName}：工作表「${sheet}」的数据范围太大（到第${rowNumber}行为止已超过 ${MAX_TABLE_CELLS / 10_000} 万个单元格，该行有内容一直写到第 ${width} 列），不像是一份台账。请删除表格右侧或下方多余的内容后再导入。`,
  );
}

async function readXlsx(buffer: Buffer, displayName: string): Promise<Workbook> {
  const prepared = prepareXlsx(buffer, displayName);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(prepared as unknown as ArrayBuffer);
  } catch {
    throw new UserError(
      `无法读取${displayName}：它不是有效的 .xlsx 表格（可能已损坏，或是其他格式的文件改了扩展名）。请在 Excel 或 WPS 中打开并另存为 .xlsx 后再导入。`,
    );
  }
  const sheets: Sheet[] = [];
  let total = 0;
  for (const worksheet of workbook.worksheets) {
    const rows: TableRow[] = [];
    worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      // Only the cells that hold something: a row's array of values would be as long as its last
      // column, and a styled but empty cell far to the right is common.
      const found: [number, CellValue][] = [];
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        const value = cellValue(cell.value);
        if (value !== null && value !== '') found.push([col, value]);
      });
      if (found.length === 0) return;
      let width = 0;
      for (const [col] of found) width = Math.max(width, col);
      total += width;
      if (total > MAX_TABLE_CELLS) throw tooWide(displayName, worksheet.name, rowNumber, width);
      const cells: CellValue[] = new Array<CellValue>(width).fill(null);
      for (const [col, value] of found) cells[col - 1] = value;
      rows.push({ rowNumber, cells });
    });
    sheets.push({ name: worksheet.name, rows });
  }
  if (sheets.length === 0) throw new UserError(`${displayName}中没有任何工作表。`);
  return { format: 'xlsx', sheets };
}

function utf16Error(displayName: string): UserError {
  return new UserError(`${displayName}是 UTF-16 编码（Excel 的“Unicode 文本”），请另存为“CSV UTF-8”或 .xlsx 后再导入。`);
}

/** UTF-8 (with or without BOM) when the bytes are valid UTF-8, else GB18030 as Chinese Excel saves. */
function decodeCsv(buffer: Buffer, displayName = '该 CSV 文件'): { text: string; encoding: 'utf-8' | 'gb18030' } {
  if (buffer.length >= 2 && ((buffer[0] === 0xff && buffer[1] === 0xfe) || (buffer[0] === 0xfe && buffer[1] === 0xff))) {
    throw utf16Error(displayName);
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(buffer);
    return { text, encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(buffer), encoding: 'gb18030' };
  }
}

function detectDelimiter(text: string): string {
  const firstLines = text.split('\n', 5).join('\n');
  const counts = [',', '\t', ';'].map((d) => ({ d, n: firstLines.split(d).length - 1 }));
  counts.sort((a, b) => b.n - a.n);
  return counts[0]!.n > 0 ? counts[0]!.d : ',';
}

/**
 * Some web exports wrap every value in quotes without doubling the quotes inside it
 * ("关于"一网通办"的提案"); the CSV reader then keeps the outer quotes as text. A value that begins
 * and ends with a quote and has a single quote inside is such a value: the outer pair goes.
 */
function unwrapQuotes(cell: string): string {
  if (cell.length < 3 || cell[0] !== '"' || cell.at(-1) !== '"') return cell;
  const inner = cell.slice(1, -1);
  return /(^|[^"])"([^"]|$)/.test(inner) ? inner : cell;
}

function readCsv(buffer: Buffer, displayName: string, sheetName: string): Workbook {
  if (isZip(buffer) || isOle(buffer)) {
    throw new UserError(
      `无法读取${displayName}：它不是文本格式的 CSV 文件，而是 Excel 表格（${isZip(buffer) ? '.xlsx' : '.xls'} 格式），只是扩展名为 .csv。请把扩展名改为 ${isZip(buffer) ? '.xlsx' : '.xls'}，或在 Excel 或 WPS 中另存为 .xlsx 后再导入。`,
    );
  }
  const { text, encoding } = decodeCsv(buffer, displayName);
  if (text.includes('\0')) {
    // UTF-16 without a byte-order mark: the zero bytes (high bytes of ASCII characters) all fall
    // on odd offsets (little-endian) or all on even ones (big-endian); in binary data, on both.
    const head = buffer.subarray(0, 4000);
    let odd = 0;
    let even = 0;
    for (let i = 0; i < head.length; i++) if (head[i] === 0) i % 2 ? odd++ : even++;
    if ((odd === 0) !== (even === 0) && odd + even >= head.length / 40) throw utf16Error(displayName);
    throw new UserError(`无法读取${displayName}：它不是文本格式的 CSV 文件（含有二进制内容）。`);
  }
  let records: string[][];
  let cellCount = 0;
  try {
    records = parseCsv(text, {
      delimiter: detectDelimiter(text),
      bom: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      on_record: (record: string[], { lines }: { lines: number }) => {
        cellCount += record.length;
        if (cellCount > MAX_TABLE_CELLS) {
          throw new UserError(
            `无法读取${displayName}：到第${lines}行为止已超过 ${MAX_TABLE_CELLS / 10_000} 万个单元格，不像是一份台账。请删除多余的行和列后再导入。`,
          );
        }
        return record;
      },
    }) as string[][];
  } catch (error) {
    if (error instanceof UserError) throw error;
    const line = (error as { lines?: number }).lines;
    throw new UserError(`无法读取${displayName}${line ? `第${line}行附近` : ''}：CSV 格式有误（引号不成对或分隔符混乱）。`);
  }
  const rows: TableRow[] = records
    .map((cells, index) => ({ rowNumber: index + 1, cells: cells.map((c) => (c === '' ? null : unwrapQuotes(c))) }))
    .filter((row) => row.cells.some((c) => c !== null));
  return { format: 'csv', encoding, sheets: [{ name: sheetName, rows }] };
}

/** The words every refusal of an Office 97-2003 workbook uses. */
function oldExcelError(displayName: string, ext: string): UserError {
  return new UserError(`暂不支持旧版 Excel 97-2003 格式（${ext}）：请在 Excel 或 WPS 中把${displayName}另存为 .xlsx 后再导入。`);
}

/** Text that a CSV reader can take: decodes, has no binary bytes and a delimiter on its first line. */
function looksLikeCsv(buffer: Buffer): boolean {
  const head = buffer.subarray(0, 4096);
  if (head.some((b) => b < 0x09 || (b > 0x0d && b < 0x20))) return false;
  try {
    const firstLine = decodeCsv(head).text.split('\n', 1)[0] ?? '';
    return /[,\t;]/.test(firstLine);
  } catch {
    return false;
  }
}

/**
 * Reads a spreadsheet from bytes; `fileName` names the format and appears in messages. What a
 * file is, is read from its bytes: systems export HTML tables and CSV text under .xls and .xlsx
 * names, and clerks rename files.
 */
export async function readSpreadsheetBuffer(buffer: Buffer, fileName: string): Promise<Workbook> {
  const displayName = `「${path.basename(fileName)}」`;
  const ext = path.extname(fileName).toLowerCase();
  if (buffer.length === 0) throw new UserError(`${displayName}是空文件，没有任何内容。`);
  if (buffer.length > MAX_FILE_BYTES) throw new UserError(`${displayName}超过 100 MB，不像是一份台账，请检查文件。`);
  const html = () => ({ format: 'html' as const, sheets: readHtmlTables(buffer, displayName, MAX_TABLE_CELLS) });
  switch (ext) {
    case '.xlsx':
    case '.xlsm':
      if (!isZip(buffer) && looksLikeHtml(buffer)) return html();
      return readXlsx(buffer, displayName);
    case '.csv':
    case '.txt':
      return readCsv(buffer, displayName, path.basename(fileName, ext));
    case '.htm':
    case '.html':
      return html();
    case '.xls':
    case '.et':
      // An .xlsx saved under the old extension reads as what it is; so do the HTML tables and
      // the CSV text that web systems send with an Excel name.
      if (isZip(buffer)) return readXlsx(buffer, displayName);
      if (isOle(buffer)) throw oldExcelError(displayName, ext);
      if (looksLikeHtml(buffer)) return html();
      if (looksLikeCsv(buffer)) return readCsv(buffer, displayName, path.basename(fileName, ext));
      throw oldExcelError(displayName, ext);
    default:
      throw new UserError(`无法读取${displayName}：不支持的文件类型「${ext || '无扩展名'}」，台账请使用 .xlsx 或 .csv 文件。`);
  }
}

/** What a ledger named by its path may be: checked with stat before any of it is read. */
export const LEDGER_FILE = { what: '台账', maxBytes: MAX_FILE_BYTES };

export async function readSpreadsheet(file: string): Promise<Workbook> {
  return readSpreadsheetBuffer(await readInputFile(file, LEDGER_FILE), file);
}
