// The layout of every document kind as LibreOffice prints it, measured on its PDF (pdftotext
// -bbox, millimetres from the top of the page): the closing block (版记) on the bottom edge of
// the text block of the last page and never on a page of its own, no page that holds only a
// heading, no blank page, the issuer centred over the date, the 抄送 and 印发 lines where GB/T
// 9704 puts them, the feedback form on one page. Tables and letters that end at every height of
// their last page are included.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { replyShape } from '../electron/common/documents/data/letter-context';
import { sampleContext } from '../electron/common/documents/data/samples';
import { A4, DEFAULT_DOCUMENT_SETTINGS } from '../electron/common/documents/settings';
import type { TemplateKind } from '../electron/common/documents/template/front-matter';
import { renderTemplate } from '../electron/node/documents/generate/render-template';
import { resolveTemplate } from '../electron/node/documents/template/library';
import { demoStore, documentsOfEveryKind, type KindFiles } from './helpers/document-kinds';
import { toPdf } from './helpers/docx';
import { tempDir } from './helpers/fixtures';
import { isHeading, isPageNumber, pdfLayout, type PdfLine, type PdfPage } from './helpers/pdf-layout';

const MM = 56.7; // twips per millimetre
const S = DEFAULT_DOCUMENT_SETTINGS;
/** The bottom edge of the text block: portrait 262 mm, landscape 184 mm. */
const TEXT_BOTTOM = { portrait: (A4.height - S.page.bottom) / MM, landscape: (A4.width - S.page.right) / MM };
const TEXT_LEFT = { portrait: S.page.left / MM, landscape: S.page.top / MM };
const TEXT_RIGHT = { portrait: (A4.width - S.page.right) / MM, landscape: (A4.height - S.page.bottom) / MM };
/** One character of the closing block (4号, 14 pt) in millimetres. */
const CLOSING_CHAR = (S.sizes.closing * 10) / MM;

let dir: string;
let kinds: KindFiles;
const pdfs = new Map<string, PdfPage[]>();

/**
 * A document rendered from a built-in template's sample data, changed by `vary`. A reply text
 * changed is read again for its own 收悉 and thanks, as the batch reads it.
 */
async function sample(kind: TemplateKind, name: string, vary: (context: Record<string, unknown>) => void): Promise<string> {
  const context = sampleContext(kind) as Record<string, unknown>;
  const before = context.replyText;
  vary(context);
  if (typeof context.replyText === 'string' && context.replyText !== before)
    Object.assign(context, replyShape(context.replyText));
  const file = path.join(dir, `${name}.docx`);
  fs.writeFileSync(file, await renderTemplate(resolveTemplate(null, undefined, kind), context, S, name));
  return file;
}

/** 整改清单 rows: `rows` in all, the first `tall` of them two lines high. */
function rectificationRows(rows: number, tall: number) {
  return (context: Record<string, unknown>) => {
    const [base] = context.items as Record<string, unknown>[];
    context.items = Array.from({ length: rows }, (_, i) => ({
      ...base,
      first: i % 4 === 0,
      problem: `问题${i + 1}`,
      units: i < tall ? '区政府办公室' : '各单位',
      deadline: '持续推进',
    }));
  };
}

// Rows are 7.8 mm high, 13.3 mm when two lines: the table ends in steps of 5.5 mm or less.
const RECT_SERIES = Array.from({ length: 12 }, (_, i) => 8 + 2 * i).flatMap((rows) => [0, 1, 2].map((tall) => ({ rows, tall })));
const LETTER_FILL = [0, 8, 16, 19, 20, 21, 22, 23, 24, 25, 26];
const MANY_COPIES = Array.from({ length: 14 }, (_, i) => `区第${i + 1}委员会办公室`).join('，');

beforeAll(async () => {
  dir = tempDir('jianyi-layout-');
  const { store, demo } = await demoStore();
  kinds = await documentsOfEveryKind(store, demo, path.join(dir, 'demo'));
  const extra: string[] = [];
  for (const { rows, tall } of RECT_SERIES)
    extra.push(await sample('rectification', `整改-${rows}-${tall}`, rectificationRows(rows, tall)));
  for (const lines of LETTER_FILL)
    extra.push(await sample('reply-letter', `答复-${lines}行`, (c) => Object.assign(c, { replyText: '永'.repeat(28 * lines) })));
  extra.push(
    await sample('reply-letter', '答复-长', (c) =>
      Object.assign(c, {
        replyText: ['一', '二', '三', '四', '五', '六']
          .map((n) => `${n}、办理情况\n${'我们认真研究了您的建议，逐条落实。'.repeat(6)}`)
          .join('\n'),
        copyTo: MANY_COPIES,
      }),
    ),
  );
  const all = [...kinds.all.map((k) => k.file), ...extra];
  const converted = toPdf(all, path.join(dir, 'pdf'));
  all.forEach((file, i) => pdfs.set(file, pdfLayout(converted[i]!)));
}, 300_000);

const layoutOf = (file: string) => pdfs.get(file)!;
const named = (name: string) => layoutOf(path.join(dir, `${name}.docx`));
const body = (page: PdfPage) => page.lines.filter((l) => !isPageNumber(l));
const landscapeOf = (page: PdfPage) => (page.width > page.height ? 'landscape' : 'portrait');

/** The closing block of a page: from the 抄送 or 印发 line to the end of the page. */
function closingOf(page: PdfPage): PdfLine[] {
  const lines = body(page);
  const start = lines.findIndex((l) => l.text.startsWith('抄送：') || /印发$/.test(l.text));
  return start < 0 ? [] : lines.slice(start);
}

/** What every document must satisfy, whatever its kind. */
function checkPages(pages: PdfPage[], label: string, closes: boolean): void {
  expect(pages.length, label).toBeGreaterThan(0);
  pages.forEach((page, i) => {
    const lines = body(page);
    const closing = closingOf(page);
    const where = `${label}, page ${i + 1}`;
    expect(lines.length, `${where} is blank`).toBeGreaterThan(0);
    expect(lines.length > closing.length, `${where} holds only the closing block`).toBe(true);
    expect(lines.every(isHeading), `${where} holds only headings`).toBe(false);
    if (closing.length) expect(i, `${where}: the closing block is on the last page`).toBe(pages.length - 1);
  });
  const last = pages.at(-1)!;
  const closing = closingOf(last);
  expect(closing.length > 0, `${label}: closing block on the last page`).toBe(closes);
  if (closes) {
    // Its last line stands on the bottom edge of the text block, and nothing runs under it.
    const bottom = TEXT_BOTTOM[landscapeOf(last)];
    expect(closing.at(-1)!.bottom, label).toBeGreaterThan(bottom - 2.5);
    expect(closing.at(-1)!.bottom, label).toBeLessThan(bottom + 1);
    const above = body(last).slice(0, body(last).length - closing.length);
    expect(above.at(-1)!.bottom, `${label}: the text ends above the closing block`).toBeLessThan(closing[0]!.top - 1);
  }
}

/** The issuer centred over the date (GB/T 9704 7.3.5.1). */
function checkSignature(pages: PdfPage[], label: string): void {
  const lines = pages.flatMap(body);
  const date = lines.findLastIndex((l) => /^\d{4}年\d{1,2}月\d{1,2}日$/.test(l.text));
  expect(date, `${label}: a dated signature`).toBeGreaterThan(0);
  const centre = (l: PdfLine) => (l.left + l.right) / 2;
  expect(Math.abs(centre(lines[date - 1]!) - centre(lines[date]!)), `${label}: issuer centred over the date`).toBeLessThan(1);
  // Sealed: the date ends four characters (3号, 5.6 mm each) from the right. The stand-in font's
  // digits are wider than the half-width digits of 仿宋, so allow half a character short of it.
  const inset = (TEXT_RIGHT.portrait - lines[date]!.right) / (320 / MM);
  expect(inset, `${label}: the date's distance from the right, in characters`).toBeGreaterThan(3.5);
  expect(inset, `${label}: the date's distance from the right, in characters`).toBeLessThan(4.5);
}

describe('reply letters and co-handling opinions (letter format)', () => {
  it('put 抄送 on the bottom edge of the last page, centre the issuer over the date', () => {
    for (const file of kinds.letters) {
      checkPages(layoutOf(file), path.basename(file), true);
      checkSignature(layoutOf(file), path.basename(file));
    }
    for (const file of kinds.opinions) {
      checkPages(layoutOf(file), path.basename(file), false);
      checkSignature(layoutOf(file), path.basename(file));
    }
  });

  it('keep the closing block with the text whatever height the text ends at', () => {
    let pages = 0;
    const ends: number[] = [];
    for (const lines of LETTER_FILL) {
      const layout = named(`答复-${lines}行`);
      checkPages(layout, `${lines} lines`, true);
      checkSignature(layout, `${lines} lines`);
      // One more line of text never takes fewer pages; 22 lines fill a page.
      expect(layout.length).toBeGreaterThanOrEqual(pages);
      pages = layout.length;
      const last = body(layout.at(-1)!);
      ends.push(last[last.length - closingOf(layout.at(-1)!).length - 1]!.bottom);
    }
    expect(named('答复-0行')).toHaveLength(1);
    expect(named('答复-24行')).toHaveLength(2);
    expect(named('答复-26行')).toHaveLength(3);
    // The series ends the text at heights from the top to the foot of the last page.
    expect(Math.min(...ends)).toBeLessThan(120);
    expect(Math.max(...ends)).toBeGreaterThan(TEXT_BOTTOM.portrait - 15);
  });

  it('hang the wrapped lines of a long 抄送 under the first unit, all of it on the bottom edge', () => {
    const layout = named('答复-长');
    checkPages(layout, 'long letter', true);
    const closing = closingOf(layout.at(-1)!);
    expect(closing.length).toBeGreaterThanOrEqual(5);
    expect(closing[0]!.left).toBeCloseTo(TEXT_LEFT.portrait + CLOSING_CHAR, 0);
    for (const line of closing.slice(1)) expect(line.left).toBeCloseTo(TEXT_LEFT.portrait + 4 * CLOSING_CHAR, 0);
    expect(closing.map((l) => l.text).join('')).toBe(`抄送：${MANY_COPIES}。`);
  });
});

describe('the feedback form (征询意见表)', () => {
  it('is one portrait page per proposal, its table whole, with no closing block', () => {
    expect(kinds.forms).toHaveLength(4);
    for (const file of kinds.forms) {
      const label = path.basename(file);
      const layout = layoutOf(file);
      expect(layout, `${label}: one page`).toHaveLength(1);
      checkPages(layout, label, false);
      expect(landscapeOf(layout[0]!), label).toBe('portrait');
      const text = body(layout[0]!).map((l) => l.text);
      // The title on top, the rows through to the signature, and the note under the table.
      expect(text.slice(0, 2).join(''), label).toBe('区七届人大三次会议代表建议办理情况征询意见表');
      for (const row of ['是否见面沟通', '对办理态度的评价', '对办理结果的评价', '意见和建议', '代表签名'])
        expect(
          text.some((t) => t.includes(row)),
          `${label}: ${row}`,
        ).toBe(true);
      const note = text.findIndex((t) => t.startsWith('请在对应的'));
      expect(note, `${label}: the note under the signature row`).toBeGreaterThan(text.findIndex((t) => t.includes('代表签名')));
      expect(text.slice(note).join(''), `${label}: the note last, whole`).toMatch(/寄回青川区.*。$/);
    }
  });
});

describe('the report and the statistics tables', () => {
  it('have no blank page, no page of headings alone, and end on their tables', () => {
    for (const file of [kinds.report, kinds.tables]) checkPages(layoutOf(file), path.basename(file), false);
    checkSignature(layoutOf(kinds.report), 'report');
    const report = layoutOf(kinds.report);
    expect(landscapeOf(report[0]!)).toBe('portrait');
    expect(landscapeOf(report.at(-1)!)).toBe('landscape');
    expect(layoutOf(kinds.tables).every((p) => landscapeOf(p) === 'landscape')).toBe(true);
  });
});

describe('the rectification report and its 整改清单', () => {
  it('puts the 版记 on the bottom edge of the table’s last page, 印发 one character inside each edge', () => {
    const layout = layoutOf(kinds.rectification);
    checkPages(layout, 'rectification', true);
    checkSignature(layout, 'rectification');
    const printed = closingOf(layout.at(-1)!).at(-1)!;
    expect(printed.text).toMatch(/^青川区人民政府办公室\d{4}年\d{1,2}月\d{1,2}日印发$/);
    expect(printed.left).toBeCloseTo(TEXT_LEFT.landscape + CLOSING_CHAR, 0);
    expect(printed.right).toBeCloseTo(TEXT_RIGHT.landscape - CLOSING_CHAR, 0);
  });

  it('keeps the 版记 on the table’s last page for a table ending at every height of the page', () => {
    const ends: number[] = [];
    let moved = 0;
    for (const { rows, tall } of RECT_SERIES) {
      const label = `${rows} rows, ${tall} tall`;
      const layout = named(`整改-${rows}-${tall}`);
      checkPages(layout, label, true);
      const last = layout.at(-1)!;
      const rowsOnLast = body(last).filter((l) => /问题\d+/.test(l.text));
      expect(rowsOnLast.length, `${label}: table rows on the 版记's page`).toBeGreaterThan(0);
      expect(rowsOnLast.at(-1)!.text, label).toContain(`问题${rows}`);
      ends.push(rowsOnLast.at(-1)!.bottom);
      // Rows moved over with the 版记: the page before ends higher than a full page would.
      if (layout.length > 1 && landscapeOf(layout.at(-2)!) === 'landscape') {
        const before = body(layout.at(-2)!).at(-1)!.bottom;
        if (before < TEXT_BOTTOM.landscape - 9 && rowsOnLast.length <= 2) moved++;
      }
    }
    // The series ends the table everywhere from the top of the last page to just above the 版记,
    // in steps smaller than the 版记 is high, and some of them had to carry rows over.
    const sorted = [...new Set(ends.map((e) => Math.round(e)))].sort((a, b) => a - b);
    expect(sorted[0]!).toBeLessThan(60);
    expect(sorted.at(-1)!).toBeGreaterThan(TEXT_BOTTOM.landscape - 20);
    for (let i = 1; i < sorted.length; i++) expect(sorted[i]! - sorted[i - 1]!).toBeLessThan(10);
    expect(moved).toBeGreaterThan(0);
  });
});
