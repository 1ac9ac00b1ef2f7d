import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { UserError } from '../../common/domain/errors';
import type { CellValue, Sheet, TableRow } from '../../common/ledger/table';

/**
 * Web systems often export their "Excel" as an HTML table saved under an .xls or .xlsx name
 * (a JSP or ASP page sending <table> with an Excel content type). This reads such a file with a
 * real HTML parser (parse5, the parser of jsdom), one sheet per table, merged cells (colspan,
 * rowspan) repeated in every cell they cover as Excel shows them, the caption as a title row.
 */

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

const isElement = (node: Node): node is Element => 'tagName' in node;

/** True when the bytes are an HTML page or fragment with a table in it. */
export function looksLikeHtml(buffer: Buffer): boolean {
  const head = buffer
    .subarray(0, 4096)
    .toString('latin1')
    .replace(/^\uFEFF|^\xEF\xBB\xBF/, '')
    .trimStart()
    .toLowerCase();
  if (!head.startsWith('<')) return false;
  return (
    /<html|<table|<!doctype html|<meta|<head|<body/.test(head) && !head.includes('urn:schemas-microsoft-com:office:spreadsheet')
  );
}

/** The page's text: its BOM or declared charset, else UTF-8 when valid, else GB18030. */
function decodeHtml(buffer: Buffer): string {
  if (buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) return buffer.subarray(3).toString('utf8');
  if ((buffer[0] === 0xff && buffer[1] === 0xfe) || (buffer[0] === 0xfe && buffer[1] === 0xff)) {
    return new TextDecoder(buffer[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(buffer.subarray(2));
  }
  const declared = /charset\s*=\s*["']?([\w-]+)/i.exec(buffer.subarray(0, 2048).toString('latin1'))?.[1]?.toLowerCase();
  if (declared && /^(gb2312|gbk|gb18030|x-gbk|cp936)$/.test(declared)) return new TextDecoder('gb18030').decode(buffer);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    return new TextDecoder('gb18030').decode(buffer);
  }
}

const BLOCK = new Set(['p', 'div', 'li', 'tr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** A cell's text as Excel shows it: <br> and paragraphs become line breaks, spaces collapse. */
function textOf(node: Node): string {
  const parts: string[] = [];
  const walk = (n: Node) => {
    if (n.nodeName === '#text') parts.push((n as DefaultTreeAdapterMap['textNode']).value.replace(/[ \t\r\n\f]+/g, ' '));
    else if (isElement(n)) {
      if (n.tagName === 'br') parts.push('\n');
      if (n.tagName === 'script' || n.tagName === 'style') return;
      const block = BLOCK.has(n.tagName);
      if (block) parts.push('\n');
      for (const child of n.childNodes) walk(child);
      if (block) parts.push('\n');
    }
  };
  walk(node);
  return parts
    .join('')
    .replace(/\u00a0/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .join('\n');
}

function span(element: Element, name: 'colspan' | 'rowspan', max: number): number {
  const value = Number(element.attrs.find((a) => a.name === name)?.value ?? '1');
  return Number.isInteger(value) && value >= 1 ? Math.min(value, max) : 1;
}

function* elements(node: Node, tag: string, stopAt?: string): Generator<Element> {
  if (!('childNodes' in node)) return;
  for (const child of node.childNodes) {
    if (!isElement(child)) continue;
    if (child.tagName === tag) yield child;
    else if (child.tagName !== stopAt) yield* elements(child, tag, stopAt);
  }
}

/** Columns and rows one HTML cell may cover: a spreadsheet row is at most 16,384 columns wide. */
const MAX_COLSPAN = 1000;
const MAX_ROWSPAN = 10_000;

function readTable(table: Element, maxCells: number, displayName: string): TableRow[] {
  const rows: TableRow[] = [];
  const caption = [...elements(table, 'caption', 'table')][0];
  if (caption) {
    const text = textOf(caption);
    if (text) rows.push({ rowNumber: 1, cells: [text] });
  }
  // Cells that a rowspan above carries down: row index → column → value.
  const carried = new Map<number, Map<number, CellValue>>();
  let index = 0;
  let total = 0;
  for (const tr of elements(table, 'tr', 'table')) {
    const cells: CellValue[] = [];
    const fromAbove = carried.get(index) ?? new Map<number, CellValue>();
    carried.delete(index);
    let col = 0;
    const skipCarried = () => {
      while (fromAbove.has(col)) {
        cells[col] = fromAbove.get(col)!;
        col += 1;
      }
    };
    for (const cell of tr.childNodes) {
      if (!isElement(cell) || (cell.tagName !== 'td' && cell.tagName !== 'th')) continue;
      const text = textOf(cell);
      const value: CellValue = text === '' ? null : text;
      const cols = span(cell, 'colspan', MAX_COLSPAN);
      const down = span(cell, 'rowspan', MAX_ROWSPAN);
      skipCarried();
      for (let c = 0; c < cols; c++) {
        cells[col] = value;
        for (let r = 1; r < down; r++) {
          const below = carried.get(index + r) ?? new Map<number, CellValue>();
          below.set(col, value);
          carried.set(index + r, below);
        }
        col += 1;
      }
    }
    for (const [c, value] of fromAbove) if (c >= col) cells[c] = value;
    index += 1;
    total += cells.length;
    if (total > maxCells) {
      throw new UserError(`无法读取${displayName}：网页表格太大（超过 ${maxCells / 10_000} 万个单元格），不像是一份台账。`);
    }
    for (let c = 0; c < cells.length; c++) if (cells[c] === undefined) cells[c] = null;
    if (cells.some((c) => c !== null)) rows.push({ rowNumber: index + (caption ? 1 : 0), cells });
  }
  return rows;
}

/** The sheets of an HTML export: one per table that holds rows. */
export function readHtmlTables(buffer: Buffer, displayName: string, maxCells: number): Sheet[] {
  const document = parse(decodeHtml(buffer));
  const sheets: Sheet[] = [];
  let n = 0;
  for (const table of elements(document, 'table')) {
    n += 1;
    const rows = readTable(table, maxCells, displayName);
    if (rows.length > 0) sheets.push({ name: `表格${n}`, rows });
  }
  if (sheets.length === 0) {
    throw new UserError(`无法读取${displayName}：它是网页（HTML）格式的文件，但里面没有表格。`);
  }
  return sheets;
}
