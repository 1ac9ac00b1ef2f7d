import { strFromU8, unzipSync } from 'fflate';
import type { DraftParagraph, RunPiece } from './model';

/**
 * Reads the text of a .docx the way a reader sees it: paragraphs in document order (body, table
 * cells, text boxes), runs joined (Word splits "35." and "9%" into two runs), tracked changes as
 * if accepted (w:ins kept, w:del and w:moveFrom dropped), fields by their displayed result (field
 * codes skipped), tabs as tab characters (as Word saves a .txt) and breaks as line ends, soft hyphens and zero-width characters
 * dropped. A plain tokenizer over the XML, no DOM: it also records where every text character
 * is in word/document.xml, which annotate.ts needs to put a comment around a figure.
 */

/** A w:t element of a run: the characters of the paragraph it gives and where they are. */
export interface TextSegment {
  /** Offset in the paragraph's text of the segment's first character. */
  at: number;
  /** The characters it gives (after decoding and dropping invisible ones). */
  length: number;
  /** Offsets in the XML of the w:t start tag, of its content and of the content's end. */
  tagStart: number;
  contentStart: number;
  contentEnd: number;
}

export interface ScannedRun {
  ordinal: number;
  /** Offsets of `<w:r` and just after `</w:r>`. */
  start: number;
  end: number;
  /** The run's start tag and its w:rPr element as written (for splitting it in two). */
  openTag: string;
  rPr: string;
  segments: TextSegment[];
}

export interface ScannedParagraph extends DraftParagraph {
  element: number;
  runsXml: ScannedRun[];
  /** For a text-box paragraph: XML offset of the run that holds the text box in its host paragraph. */
  host?: number;
}

const TAG =
  /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[[\s\S]*?\]\]>|<(\/?)([A-Za-z_][\w.:-]*)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>/g;

/** Elements whose content a reader of the accepted document does not see. */
const SKIPPED = new Set([
  'w:del',
  'w:moveFrom',
  'w:instrText',
  'w:delText',
  'w:delInstrText',
  'mc:Fallback',
  'w:pPrChange',
  'w:rPrChange',
]);
/** Characters that carry no visible text. */
const INVISIBLE = /[\u00ad\u200b\u200c\u200d\u2060\ufeff]/;

const ENTITY = /&(?:#x([0-9a-fA-F]+)|#(\d+)|(lt|gt|amp|quot|apos));/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** XML character data decoded, one entry per character with the XML offset it starts at. */
export function decodeXmlText(raw: string, base: number): { chars: string[]; offsets: number[] } {
  const chars: string[] = [];
  const offsets: number[] = [];
  let last = 0;
  const push = (text: string, at: number) => {
    for (let i = 0; i < text.length; i++) {
      if (INVISIBLE.test(text[i]!)) continue;
      chars.push(text[i]!);
      offsets.push(at + i);
    }
  };
  for (const m of raw.matchAll(ENTITY)) {
    push(raw.slice(last, m.index), base + last);
    const code = m[1] ? parseInt(m[1], 16) : m[2] ? Number(m[2]) : null;
    const ch = code !== null ? String.fromCodePoint(code) : NAMED[m[3]!]!;
    // One entity gives one character (an astral one gives two units at the same offset).
    for (const unit of ch) {
      for (let i = 0; i < unit.length; i++) {
        if (INVISIBLE.test(unit)) continue;
        chars.push(unit[i]!);
        offsets.push(base + m.index);
      }
    }
    last = m.index + m[0].length;
  }
  push(raw.slice(last), base + last);
  return { chars, offsets };
}

interface OpenParagraph {
  element: number;
  text: string;
  where: DraftParagraph['where'];
  cell?: DraftParagraph['cell'];
  runs: ScannedRun[];
  host?: number;
  /** Inside content a reader does not see (a text box's fallback copy): not reported. */
  skipped: boolean;
}

interface TableState {
  index: number;
  row: number;
  cell: number;
}

function attr(attrs: string, name: string): string | null {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(attrs);
  return m ? (m[1] ?? m[2] ?? '') : null;
}

function isHidden(rPr: string): boolean {
  const m = /<w:vanish(\s[^>]*)?\/?>/.exec(rPr);
  if (!m) return false;
  const val = attr(m[1] ?? '', 'w:val');
  return val === null || !/^(0|false|off)$/.test(val);
}

/** The paragraphs of word/document.xml with their text and the XML position of every character. */
export function scanDocumentXml(xml: string): ScannedParagraph[] {
  const done: ScannedParagraph[] = [];
  const stack: string[] = [];
  const paragraphs: OpenParagraph[] = [];
  const runs: (ScannedRun & { hidden: boolean; rPrStart: number })[] = [];
  const tables: TableState[] = [];
  let skip = 0;
  let textbox = 0;
  const hosts: number[] = [];
  let elementCount = 0;
  let runCount = 0;
  let tableCount = 0;
  let textAt = -1; // content start of an open w:t being read
  let textTagStart = -1;

  const finish = (p: OpenParagraph) =>
    p.skipped ||
    done.push({
      element: p.element,
      text: p.text,
      where: p.where,
      ...(p.cell ? { cell: p.cell } : {}),
      ...(p.host !== undefined ? { host: p.host } : {}),
      runsXml: p.runs,
      docx: { element: p.element, runs: piecesOf(p.runs) },
    });

  for (const m of xml.matchAll(TAG)) {
    const name = m[2];
    if (!name) continue; // comment, declaration, CDATA
    const closing = m[1] === '/';
    const selfClosing = m[4] === '/';
    const tagStart = m.index;
    const tagEnd = m.index + m[0].length;
    const parent = stack[stack.length - 1];
    const run = runs[runs.length - 1];
    const paragraph = paragraphs[paragraphs.length - 1];

    if (closing) {
      // Tolerate stray end tags: pop up to the matching start tag, if there is one.
      const at = stack.lastIndexOf(name);
      if (at < 0) continue;
      for (let i = stack.length - 1; i >= at; i--) {
        const open = stack.pop()!;
        if (SKIPPED.has(open)) skip--;
        else if (open === 'w:txbxContent') {
          textbox--;
          hosts.pop();
        } else if (open === 'w:tbl') tables.pop();
        else if (open === 'w:p') {
          const p = paragraphs.pop();
          if (p) finish(p);
        } else if (open === 'w:r') {
          const r = runs.pop();
          if (r) {
            r.end = tagEnd;
            if (r.segments.length && paragraphs.length) paragraphs[paragraphs.length - 1]!.runs.push(r);
          }
        } else if (open === 'w:rPr' && run && stack[stack.length - 1] === 'w:r') {
          run.rPr = xml.slice(run.rPrStart, tagEnd);
          run.hidden = isHidden(run.rPr);
        } else if (open === 'w:t' && textAt >= 0 && run && paragraph && !run.hidden) {
          const { chars } = decodeXmlText(xml.slice(textAt, tagStart), textAt);
          run.segments.push({
            at: paragraph.text.length,
            length: chars.length,
            tagStart: textTagStart,
            contentStart: textAt,
            contentEnd: tagStart,
          });
          paragraph.text += chars.join('');
          textAt = -1;
        }
      }
      continue;
    }

    if (name === 'w:p') {
      const table = tables[tables.length - 1];
      const p: OpenParagraph = {
        element: elementCount++,
        text: '',
        where: textbox > 0 ? 'textbox' : table ? 'table' : 'body',
        ...(table && textbox === 0 ? { cell: { table: table.index, row: table.row, cell: table.cell } } : {}),
        runs: [],
        ...(textbox > 0 && hosts[0]! >= 0 ? { host: hosts[0]! } : {}),
        skipped: skip > 0,
      };
      if (selfClosing) finish(p);
      else {
        paragraphs.push(p);
        stack.push(name);
      }
      continue;
    }
    if (name === 'w:r') {
      const ordinal = runCount++;
      if (selfClosing) continue;
      runs.push({ ordinal, start: tagStart, end: tagEnd, openTag: m[0], rPr: '', rPrStart: tagEnd, segments: [], hidden: false });
      stack.push(name);
      continue;
    }
    if (selfClosing) {
      if (skip === 0 && parent === 'w:r' && run && paragraph && !run.hidden) {
        if (name === 'w:tab' || name === 'w:ptab') paragraph.text += '\t';
        else if (name === 'w:br' || name === 'w:cr') paragraph.text += '\n';
        else if (name === 'w:noBreakHyphen') paragraph.text += '-';
      }
      continue;
    }
    stack.push(name);
    if (SKIPPED.has(name)) skip++;
    else if (name === 'w:txbxContent') {
      textbox++;
      hosts.push(run?.start ?? -1);
    } else if (name === 'w:tbl') tables.push({ index: tableCount++, row: -1, cell: -1 });
    else if (name === 'w:tr' && tables.length) {
      const t = tables[tables.length - 1]!;
      t.row++;
      t.cell = -1;
    } else if (name === 'w:tc' && tables.length) tables[tables.length - 1]!.cell++;
    else if (name === 'w:rPr' && parent === 'w:r' && run) run.rPrStart = tagStart;
    else if (name === 'w:t' && parent === 'w:r' && skip === 0) {
      textAt = tagEnd;
      textTagStart = tagStart;
    }
  }
  while (paragraphs.length) finish(paragraphs.pop()!);
  return done.sort((a, b) => a.element - b.element);
}

function piecesOf(runs: ScannedRun[]): RunPiece[] {
  const pieces: RunPiece[] = [];
  for (const run of runs) {
    for (const s of run.segments) {
      if (s.length === 0) continue;
      const last = pieces[pieces.length - 1];
      if (last && last.run === run.ordinal && last.end === s.at) last.end = s.at + s.length;
      else pieces.push({ start: s.at, end: s.at + s.length, run: run.ordinal });
    }
  }
  return pieces;
}

/** The parts of a .docx a reader needs, inflated; a file that is not one gets a message for the clerk. */
function docxParts(bytes: Uint8Array, wanted: (name: string) => boolean): Record<string, string> {
  const MAX = 200 * 1024 * 1024;
  let declared = 0;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (file) => {
        if (!wanted(file.name)) return false;
        declared += file.originalSize;
        if (declared > MAX) throw new Error('too large');
        return true;
      },
    });
  } catch {
    throw new DocxReadError('它不是有效的 Word 文档（.docx），或者文件已损坏');
  }
  return Object.fromEntries(Object.entries(files).map(([name, data]) => [name, strFromU8(data)]));
}

export class DocxReadError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'DocxReadError';
  }
}

/** Where the main document part is: from _rels/.rels, else the usual name. */
export function mainPartName(rels: string | undefined): string {
  for (const m of (rels ?? '').matchAll(/<Relationship\b([^>]*)\/?>/g)) {
    const type = attr(m[1]!, 'Type') ?? '';
    const target = attr(m[1]!, 'Target');
    if (target && /\/officeDocument$/.test(type)) return target.replace(/^\//, '');
  }
  return 'word/document.xml';
}

/** The paragraphs of a .docx file (see the module comment). */
function readDocx(bytes: Uint8Array): ScannedParagraph[] {
  const rels = docxParts(bytes, (name) => name === '_rels/.rels')['_rels/.rels'];
  const main = mainPartName(rels);
  const xml = docxParts(bytes, (name) => name === main)[main];
  if (xml === undefined) throw new DocxReadError('文件里没有 Word 正文部分（word/document.xml）');
  return scanDocumentXml(xml);
}

/** The paragraphs as the checker takes them (without the XML positions). */
export function docxParagraphs(bytes: Uint8Array): DraftParagraph[] {
  return readDocx(bytes).map(({ text, where, cell, docx }) => ({
    text,
    where,
    ...(cell ? { cell } : {}),
    ...(docx ? { docx } : {}),
  }));
}
