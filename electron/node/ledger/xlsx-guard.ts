import { UserError } from '../../common/domain/errors';
import { unescapeXml } from '../../common/domain/xml';
import { checkZip, printableName, rebuildZip, truncatedError, type ZipEntry, type ZipLimits } from './zip-guard';

/**
 * Everything done to an .xlsx file before exceljs sees it. exceljs inflates every part wholly in
 * memory and expands some ranges cell by cell while loading, so a small hostile file could make
 * it run out of memory or never finish. Here the file is recognised (other formats under an .xlsx
 * name get a message saying what they are), checked as a zip (zip-guard), and the parts that
 * exceljs would expand but a ledger never needs are taken out.
 */

const MB = 1024 * 1024;

interface XlsxLimits extends ZipLimits {
  /** Merged ranges (exceljs checks each new one against all before it: quadratic). */
  maxMerges: number;
  /** Cells covered by merged ranges (exceljs creates every one of them). */
  maxMergedCells: number;
}

export const XLSX_LIMITS: XlsxLimits = {
  // Measured: a 100,000-row ledger with every standard column written by exceljs (as Excel and
  // WPS write it: shared strings) is 7.9 MB on disk and 82 MB (78 MiB) inflated, 69 MB of it the
  // sheet. Real sessions have a few hundred to a few thousand proposals, so 160 MiB is twice that
  // extreme ledger and still far below what exceljs can hold: it keeps each part as a string and
  // then builds objects for every cell (the 82 MB file takes about 1 GB of memory to read).
  maxUncompressedBytes: 160 * MB,
  // A workbook has about 10 parts plus 2 or 3 per sheet; 10,000 allows thousands of sheets.
  maxEntries: 10_000,
  // A ledger merges a title row, or a unit cell over the rows it handles: hundreds, not tens of
  // thousands. 10,000 ranges take exceljs about half a second; 1,000,000 merged cells about one.
  maxMerges: 10_000,
  maxMergedCells: 1_000_000,
};

const OLE_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ZIP_SIGNATURES = [
  Buffer.from('PK\x03\x04', 'latin1'),
  Buffer.from('PK\x05\x06', 'latin1'),
  Buffer.from('PK\x07\x08', 'latin1'),
];

const utf16 = (text: string) => Buffer.from(text, 'utf16le');

export function isZip(buffer: Buffer): boolean {
  return ZIP_SIGNATURES.some((sig) => buffer.subarray(0, 4).equals(sig));
}

export function isOle(buffer: Buffer): boolean {
  return buffer.subarray(0, 8).equals(OLE_SIGNATURE);
}

const RESAVE = '请在 Excel 或 WPS 中打开并另存为 .xlsx 后再导入。';

/** What an OLE compound file (the Office 97-2003 container) under an .xlsx name is. */
function oleError(buffer: Buffer, displayName: string): UserError {
  // Stream names are stored in UTF-16 in the container's directory.
  if (buffer.includes(utf16('EncryptedPackage')) || buffer.includes(utf16('EncryptionInfo'))) {
    return new UserError(
      `无法读取${displayName}：文件设置了打开密码（已加密），本软件无法读取加密的表格。请在 Excel 或 WPS 中用密码打开，取消文件密码（“文件→信息→保护工作簿”或“文件→文档加密”）后另存为 .xlsx 再导入。`,
    );
  }
  if (buffer.includes(utf16('Workbook')) || buffer.includes(utf16('Book'))) {
    return new UserError(
      `无法读取${displayName}：它不是有效的 .xlsx 文件，而是旧版 Excel 97-2003 格式（.xls）的表格，只是扩展名为 .xlsx。${RESAVE}`,
    );
  }
  if (buffer.includes(utf16('WordDocument'))) {
    return new UserError(`无法读取${displayName}：它不是有效的 .xlsx 文件，而是旧版 Word 文档（.doc），只是扩展名为 .xlsx。`);
  }
  return new UserError(
    `无法读取${displayName}：它不是有效的 .xlsx 文件，而是 Office 97-2003 格式的其他文件，只是扩展名为 .xlsx。${RESAVE}`,
  );
}

/** A file that is not a zip: say what it looks like. */
function notZipError(buffer: Buffer, displayName: string): UserError {
  const head = buffer.subarray(0, 4096);
  const text = head
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart()
    .toLowerCase();
  const binary = head.some((b) => b < 0x09 || (b > 0x0d && b < 0x20));
  if (head.toString('latin1', 0, 5) === '%PDF-') {
    return new UserError(
      `无法读取${displayName}：它不是有效的 .xlsx 表格，而是 PDF 文件，只是扩展名为 .xlsx。请使用原始的 Excel 或 WPS 表格文件导入。`,
    );
  }
  if (!binary && text.startsWith('<')) {
    const kind = text.includes('urn:schemas-microsoft-com:office:spreadsheet')
      ? 'Excel 2003 XML 格式的表格'
      : /<html|<table|<!doctype html/.test(text)
        ? '网页（HTML）格式的表格（一些业务系统导出的“Excel”就是这样）'
        : 'XML 格式的文本';
    return new UserError(`无法读取${displayName}：它不是有效的 .xlsx 表格，而是${kind}，只是扩展名为 .xlsx。${RESAVE}`);
  }
  if (!binary) {
    return new UserError(
      `无法读取${displayName}：它不是有效的 .xlsx 表格，而是文本文件。如果它是 CSV 表格，请把扩展名改为 .csv 后再导入；否则${RESAVE}`,
    );
  }
  return new UserError(`无法读取${displayName}：它不是有效的 .xlsx 表格（可能已损坏，或是其他格式的文件改了扩展名）。${RESAVE}`);
}

/** Office documents of other kinds, recognised by the part at their root. */
function notWorkbookError(entries: readonly ZipEntry[], displayName: string): UserError {
  const names = new Set(entries.map((e) => e.name.replace(/^\//, '')));
  const kind = names.has('word/document.xml')
    ? 'Word 文档（.docx）'
    : names.has('ppt/presentation.xml')
      ? 'PowerPoint 演示文稿（.pptx）'
      : names.has('mimetype') || names.has('content.xml')
        ? 'OpenDocument 格式的文件（.ods 等）'
        : '压缩文件（.zip）或其他格式的文件';
  return new UserError(`无法读取${displayName}：它不是有效的 .xlsx 表格，而是${kind}，里面没有 Excel 工作簿。${RESAVE}`);
}

const WORKSHEET = /xl\/worksheets\/sheet(\d+)[.]xml/; // the pattern exceljs loads worksheets by
const WORKBOOK = 'xl/workbook.xml';
const WORKBOOK_RELS = 'xl/_rels/workbook.xml.rels';
const bare = (name: string) => (name[0] === '/' ? name.slice(1) : name);

const SPACE = new Set([0x20, 0x09, 0x0a, 0x0d]);
const isNameEnd = (b: number | undefined) => b === undefined || SPACE.has(b) || b === 0x2f || b === 0x3e;

/** Index of the '>' closing the tag that starts at `from`, skipping quoted attribute values; -1 if none. */
function endOfTag(xml: Buffer, from: number): number {
  let quote = 0;
  for (let i = from + 1; i < xml.length; i++) {
    const b = xml[i]!;
    if (quote) {
      if (b === quote) quote = 0;
    } else if (b === 0x22 || b === 0x27) quote = b;
    else if (b === 0x3e) return i;
  }
  return -1;
}

/** Start offsets of every `<name` tag (exactly that name, without a namespace prefix). */
function tagStarts(xml: Buffer, name: string): number[] {
  const needle = Buffer.from(`<${name}`, 'latin1');
  const starts: number[] = [];
  for (let at = xml.indexOf(needle); at >= 0; at = xml.indexOf(needle, at + needle.length)) {
    if (isNameEnd(xml[at + needle.length])) starts.push(at);
  }
  return starts;
}

class MalformedXml extends Error {}

/** [start, end) ranges of every `name` element, start tag to end tag. */
function elementRanges(xml: Buffer, name: string): [number, number][] {
  const ranges: [number, number][] = [];
  const close = Buffer.from(`</${name}`, 'latin1');
  let after = 0;
  for (const start of tagStarts(xml, name)) {
    if (start < after) continue; // nested inside one already taken out
    const end = endOfTag(xml, start);
    if (end < 0) throw new MalformedXml();
    if (xml[end - 1] === 0x2f) {
      after = end + 1;
    } else {
      let at = xml.indexOf(close, end);
      while (at >= 0 && !isNameEnd(xml[at + close.length])) at = xml.indexOf(close, at + close.length);
      if (at < 0) throw new MalformedXml();
      const closeEnd = xml.indexOf(0x3e, at);
      if (closeEnd < 0) throw new MalformedXml();
      after = closeEnd + 1;
    }
    ranges.push([start, after]);
  }
  return ranges;
}

/** The XML without the named elements, or null when it has none of them. */
function withoutElements(xml: Buffer, names: readonly string[]): Buffer | null {
  const ranges = names.flatMap((name) => elementRanges(xml, name)).sort((a, b) => a[0] - b[0]);
  if (ranges.length === 0) return null;
  const kept: Buffer[] = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (start > at) kept.push(xml.subarray(at, start));
    at = Math.max(at, end);
  }
  kept.push(xml.subarray(at));
  return Buffer.concat(kept);
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** Cells a merged range like "A1:C3" covers, as exceljs would read it (1 for what it cannot parse). */
function mergeArea(ref: string): number {
  const m = /^\s*\$?([A-Za-z]{1,3})\$?(\d+)\s*(?::\s*\$?([A-Za-z]{1,3})\$?(\d+))?\s*$/.exec(ref);
  if (!m || !m[3]) return 1;
  const rows = Math.abs(Number(m[4]) - Number(m[2])) + 1;
  const cols = Math.abs(columnNumber(m[3]) - columnNumber(m[1]!)) + 1;
  return rows * cols;
}

const ATTRIBUTE_REF = /\sref\s*=\s*(?:"([^"]*)"|'([^']*)')/;

function mergedRanges(xml: Buffer): { count: number; cells: number } {
  let count = 0;
  let cells = 0;
  for (const start of tagStarts(xml, 'mergeCell')) {
    const end = endOfTag(xml, start);
    if (end < 0) throw new MalformedXml();
    const tag = xml.toString('latin1', start, end);
    const ref = ATTRIBUTE_REF.exec(tag);
    count += 1;
    cells += ref ? mergeArea(ref[1] ?? ref[2] ?? '') : 1;
  }
  return { count, cells };
}

/** Worksheet part → the sheet name the clerk sees, from workbook.xml and its relationships. */
function sheetNames(workbook: Buffer | undefined, rels: Buffer | undefined): Map<string, string> {
  const names = new Map<string, string>();
  if (!workbook || !rels) return names;
  const targets = new Map<string, string>();
  for (const m of rels.toString('utf8').matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\sId="([^"]*)"/.exec(m[0])?.[1];
    const target = /\sTarget="([^"]*)"/.exec(m[0])?.[1];
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  for (const m of workbook.toString('utf8').matchAll(/<sheet\b[^>]*>/g)) {
    const name = /\sname="([^"]*)"/.exec(m[0])?.[1];
    const id = /\sr:id="([^"]*)"/.exec(m[0])?.[1];
    const target = id ? targets.get(id) : undefined;
    if (name && target) names.set(target, unescapeXml(name));
  }
  return names;
}

/**
 * Returns the bytes to give exceljs: the file itself, or a copy without the parts of worksheets
 * and of the workbook that exceljs would expand cell by cell. Throws a UserError naming the file
 * for anything that is not a readable, reasonably sized .xlsx.
 */
export function prepareXlsx(buffer: Buffer, displayName: string, limits: XlsxLimits = XLSX_LIMITS): Buffer {
  if (isOle(buffer)) throw oleError(buffer, displayName);
  if (!isZip(buffer)) throw notZipError(buffer, displayName);
  if (buffer.length < 22) throw truncatedError(displayName);

  const keep = (name: string) => WORKSHEET.test(name) || bare(name) === WORKBOOK || bare(name) === WORKBOOK_RELS;
  const { entries, kept } = checkZip(buffer, displayName, limits, keep);
  const workbookEntry = entries.find((e) => bare(e.name) === WORKBOOK);
  if (!workbookEntry) throw notWorkbookError(entries, displayName);

  const workbookXml = kept.get(workbookEntry.name);
  const relsEntry = entries.find((e) => bare(e.name) === WORKBOOK_RELS);
  const names = sheetNames(workbookXml, relsEntry ? kept.get(relsEntry.name) : undefined);
  const replace = new Map<string, Buffer>();
  let merges = 0;
  let mergedCells = 0;
  for (const [name, xml] of kept) {
    const sheet = names.get(bare(name));
    const where = sheet ? `工作表「${sheet}」` : `组成部分「${printableName(name)}」`;
    try {
      if (bare(name) === WORKBOOK) {
        // Defined names (print areas, named ranges): exceljs lists every cell of each range.
        const cleaned = withoutElements(xml, ['definedNames']);
        if (cleaned) replace.set(name, cleaned);
      } else if (WORKSHEET.test(name)) {
        const merged = mergedRanges(xml);
        merges += merged.count;
        mergedCells += merged.cells;
        if (merges > limits.maxMerges || mergedCells > limits.maxMergedCells) {
          throw new UserError(
            `无法读取${displayName}：${where}的合并单元格太多或太大（合并区域已超过 ${limits.maxMerges} 处或共 ${limits.maxMergedCells} 个单元格，例如整列、整张表的合并）。请在 Excel 或 WPS 中取消不必要的合并后再导入。`,
          );
        }
        // Column widths, data validation (drop-down lists), conditional formats and extensions
        // carry nothing a ledger reads; exceljs would expand the first three cell by cell
        // (a whole-column drop-down list alone is a million cells).
        const cleaned = withoutElements(xml, ['cols', 'dataValidations', 'conditionalFormatting', 'extLst']);
        if (cleaned) replace.set(name, cleaned);
      }
    } catch (error) {
      if (error instanceof MalformedXml) {
        throw new UserError(
          `无法读取${displayName}：文件已损坏（${where}的内容不完整）。请在 Excel 或 WPS 中打开它（可能会提示修复），另存为 .xlsx 后再导入。`,
        );
      }
      throw error;
    }
  }
  kept.clear();
  return replace.size > 0 ? rebuildZip(buffer, entries, replace) : buffer;
}
