import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { parse as parseCsv } from 'csv-parse/sync';
import { UserError } from '../domain/errors';

/**
 * Reads a spreadsheet file (.xlsx or .csv) into plain rows of cell values. Knows nothing about
 * ledgers: that is parse-ledger's job.
 */

export type CellValue = string | number | boolean | Date | null;

export interface TableRow {
  /** The row number the clerk sees in Excel or WPS (1-based). */
  rowNumber: number;
  /** Cell values by column, column A at index 0. */
  cells: CellValue[];
}

export interface Sheet {
  name: string;
  rows: TableRow[];
}

export interface Workbook {
  format: 'xlsx' | 'csv';
  /** For CSV: the text encoding it was read in. */
  encoding?: 'utf-8' | 'gb18030';
  sheets: Sheet[];
}

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

async function readXlsx(buffer: Buffer, displayName: string): Promise<Workbook> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw new UserError(
      `无法读取${displayName}：它不是有效的 .xlsx 表格（可能已损坏，或是其他格式的文件改了扩展名）。请在 Excel 或 WPS 中打开并另存为 .xlsx 后再导入。`,
    );
  }
  const sheets: Sheet[] = [];
  workbook.eachSheet((worksheet) => {
    const rows: TableRow[] = [];
    worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const values = row.values as ExcelValue[];
      const cells: CellValue[] = [];
      for (let col = 1; col < values.length; col++) cells[col - 1] = cellValue(values[col]);
      for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null;
      rows.push({ rowNumber, cells });
    });
    sheets.push({ name: worksheet.name, rows });
  });
  if (sheets.length === 0) throw new UserError(`${displayName}中没有任何工作表。`);
  return { format: 'xlsx', sheets };
}

/** UTF-8 (with or without BOM) when the bytes are valid UTF-8, else GB18030 as Chinese Excel saves. */
export function decodeCsv(buffer: Buffer): { text: string; encoding: 'utf-8' | 'gb18030' } {
  if (buffer.length >= 2 && ((buffer[0] === 0xff && buffer[1] === 0xfe) || (buffer[0] === 0xfe && buffer[1] === 0xff))) {
    throw new UserError('该 CSV 文件是 UTF-16 编码（Excel 的“Unicode 文本”），请另存为“CSV UTF-8”或 .xlsx 后再导入。');
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

function readCsv(buffer: Buffer, displayName: string, sheetName: string): Workbook {
  if (buffer.includes(0)) {
    throw new UserError(`无法读取${displayName}：它不是文本格式的 CSV 文件（含有二进制内容）。`);
  }
  const { text, encoding } = decodeCsv(buffer);
  let records: string[][];
  try {
    records = parseCsv(text, {
      delimiter: detectDelimiter(text),
      bom: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
    }) as string[][];
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new UserError(`无法读取${displayName}${line ? `第${line}行附近` : ''}：CSV 格式有误（引号不成对或分隔符混乱）。`);
  }
  const rows: TableRow[] = records
    .map((cells, index) => ({ rowNumber: index + 1, cells: cells.map((c) => (c === '' ? null : c)) }))
    .filter((row) => row.cells.some((c) => c !== null));
  return { format: 'csv', encoding, sheets: [{ name: sheetName, rows }] };
}

/** Reads a spreadsheet from bytes; `fileName` decides the format and appears in messages. */
export async function readSpreadsheetBuffer(buffer: Buffer, fileName: string): Promise<Workbook> {
  const displayName = `「${path.basename(fileName)}」`;
  const ext = path.extname(fileName).toLowerCase();
  if (buffer.length === 0) throw new UserError(`${displayName}是空文件，没有任何内容。`);
  if (buffer.length > MAX_FILE_BYTES) throw new UserError(`${displayName}超过 100 MB，不像是一份台账，请检查文件。`);
  switch (ext) {
    case '.xlsx':
    case '.xlsm':
      return readXlsx(buffer, displayName);
    case '.csv':
    case '.txt':
      return readCsv(buffer, displayName, path.basename(fileName, ext));
    case '.xls':
    case '.et':
      throw new UserError(
        `暂不支持旧版 Excel 97-2003 格式（${ext}）：请在 Excel 或 WPS 中把${displayName}另存为 .xlsx 后再导入。`,
      );
    default:
      throw new UserError(`不支持的文件类型「${ext || '无扩展名'}」：台账请使用 .xlsx 或 .csv 文件。`);
  }
}

export async function readSpreadsheet(file: string): Promise<Workbook> {
  let buffer: Buffer;
  try {
    buffer = await fs.promises.readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UserError(`找不到文件「${file}」。`);
    if (code === 'EACCES' || code === 'EPERM') throw new UserError(`没有权限读取文件「${file}」。`);
    if (code === 'EISDIR') throw new UserError(`「${file}」是文件夹，不是台账文件。`);
    if (code === 'EBUSY') throw new UserError(`文件「${file}」正被其他程序占用，请关闭后重试。`);
    throw new UserError(`无法读取文件「${file}」：${(error as Error).message}`);
  }
  return readSpreadsheetBuffer(buffer, file);
}
