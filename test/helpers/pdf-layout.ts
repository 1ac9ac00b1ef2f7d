import { execFileSync } from 'node:child_process';

/**
 * Where the text of a PDF stands, in millimetres from the top left of each page, read with
 * poppler's `pdftotext -bbox`: each page's lines (words on the same baseline, left to right).
 * With LibreOffice's PDF of a .docx this measures the layout a clerk prints.
 */

const MM_PER_POINT = 25.4 / 72;

export interface PdfLine {
  top: number;
  bottom: number;
  left: number;
  right: number;
  text: string;
}

export interface PdfPage {
  width: number;
  height: number;
  lines: PdfLine[];
}

function unescape(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

export function pdfLayout(pdf: string): PdfPage[] {
  const html = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const pages: PdfPage[] = [];
  for (const page of html.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)) {
    const words = [
      ...page[3]!.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([\s\S]*?)<\/word>/g),
    ].map((m) => ({
      left: Number(m[1]) * MM_PER_POINT,
      top: Number(m[2]) * MM_PER_POINT,
      right: Number(m[3]) * MM_PER_POINT,
      bottom: Number(m[4]) * MM_PER_POINT,
      text: unescape(m[5]!),
    }));
    const groups: { top: number; words: typeof words }[] = [];
    for (const word of words.sort((a, b) => a.top - b.top)) {
      // Words of one line share their top within a millimetre (CJK and Latin glyph boxes differ a little).
      const group = groups.find((g) => Math.abs(g.top - word.top) < 1);
      if (group) group.words.push(word);
      else groups.push({ top: word.top, words: [word] });
    }
    const lines: PdfLine[] = groups.map(({ words: ws }) => ({
      top: Math.min(...ws.map((w) => w.top)),
      bottom: Math.max(...ws.map((w) => w.bottom)),
      left: Math.min(...ws.map((w) => w.left)),
      right: Math.max(...ws.map((w) => w.right)),
      text: ws
        .sort((a, b) => a.left - b.left)
        .map((w) => w.text)
        .join(''),
    }));
    pages.push({ width: Number(page[1]) * MM_PER_POINT, height: Number(page[2]) * MM_PER_POINT, lines });
  }
  return pages;
}

/** A page number line: — 3 —. */
export const isPageNumber = (line: PdfLine) => /^—\d+—$/.test(line.text);

/** A heading line of a report or a letter: 一、…  （一）… */
export const isHeading = (line: PdfLine) =>
  /^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)/.test(line.text) && line.text.length < 30;
