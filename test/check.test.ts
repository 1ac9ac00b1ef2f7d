import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {
  DeletedTextRun,
  Document,
  InsertedTextRun,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  Textbox,
  TextRun,
  WidthType,
} from 'docx';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { annotateDocx, checkDraft, readDraft, type DraftFacts, type Finding } from '../electron/node/check/index';
import { convertWithSoffice, expectValidOoxml, hasSoffice } from './helpers/docx';
import { categoryCounts, fourClassResults, rateFact } from './helpers/draft-facts';
import { tempDir } from './helpers/fixtures';

// The three published drafts (copied from the shared seeds so that CI does not need them).
const SEEDS = path.join(import.meta.dirname, 'fixtures', 'seeds');
const SEED_000 = path.join(SEEDS, '000_e8a6c5c903531d33.txt');
const SEED_001 = path.join(SEEDS, '001_182f98c6bb5e3834.txt');
const SEED_002 = path.join(SEEDS, '002_b536d8adaeaf974b.txt');

const lines = (file: string) =>
  fs
    .readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .map((l) => l.replace(/\s+$/, ''))
    .filter((l) => l.trim());

/** Seed 001's session as domain.md gives it: 67 items, five categories, results with two decimals. */
const FACTS_001: DraftFacts = {
  sessionName: '区十六届人大六次会议',
  total: 67,
  answered: 67,
  categories: categoryCounts({ 经济发展: 11, 城区建设与管理: 24, 社会事业: 8, 民生保障: 8, 公共安全与交通: 16 }),
  ...fourClassResults({ A: 62, B: 0, C: 1, D: 4 }),
  feedback: [],
  counts: { total: 67, answered: 67, unanswered: 0, published: 67 },
  rates: [
    rateFact('answered', '答复率', ['答复率', '办复率'], [67, 67], '已答复 67 件 / 全部 67 件'),
    rateFact('published', '公开率', ['公开率', '主动公开率'], [67, 67], '已公开 67 件 / 全部 67 件', {
      previous: '94.87',
      source: 'baseline',
    }),
    rateFact(
      'resolution',
      '解决采纳率',
      ['解决采纳率', '解决率', '采纳率'],
      [62, 67],
      '办理结果为“解决采纳”的 62 件 / 全部 67 件',
      { previous: '85.89', source: 'baseline' },
    ),
  ],
};

/** Seed 000's session: 114 items, A 84 / B 13 / C 6 / D 11, 解决率 = A + B, 公开 99, one decimal. */
const FACTS_000: DraftFacts = {
  sessionName: '区六届人大四次会议',
  total: 114,
  answered: 114,
  categories: [],
  ...fourClassResults({ A: 84, B: 13, C: 6, D: 11 }),
  feedback: [],
  counts: { total: 114, answered: 114, unanswered: 0, published: 99 },
  rates: [
    rateFact('published', '公开率', ['公开率', '主动公开率'], [99, 114], '已公开 99 件 / 全部 114 件', {
      previous: '57.6',
      source: 'baseline',
    }),
    rateFact(
      'resolution',
      '解决率',
      ['解决率', '办理解决率'],
      [97, 114],
      '办理结果为“解决采纳”和“正在解决”的 97 件 / 全部 114 件',
      { previous: '75', source: 'baseline' },
    ),
    rateFact('adopted', '解决采纳率', ['解决采纳率', '采纳率'], [84, 114], ''),
  ],
};

const THE_SLIP = '24 / 67 = 35.82 %，按四舍五入或最大余数法保留一位小数都应为 35.8%，稿中写作 35.9%';

/** What a finding says, without where it is (paragraph numbers differ between formats). */
const gist = (f: Finding) => ({
  severity: f.severity,
  kind: f.kind,
  printed: f.printed,
  expected: f.expected,
  message: f.message,
});

// ---- .docx drafts written the way Word writes them -------------------------------------------

const tracked = { author: '审核人', date: '2024-11-01T09:00:00Z' };
let revision = 1;

/** A paragraph's runs as Word leaves them: figures split ("35." + "9%", "114" + " 件"), bold here and there. */
function wordRuns(text: string): TextRun[] {
  const cuts = new Set<number>([0, text.length]);
  for (const m of text.matchAll(/\d+\.(?=\d+\s?%)/g)) cuts.add(m.index + m[0].length);
  for (const m of text.matchAll(/\d(?=\s?件)/g)) cuts.add(m.index + 1);
  for (const m of text.matchAll(/[，,；;]/g)) cuts.add(m.index);
  const points = [...cuts].sort((a, b) => a - b);
  return points.slice(1).map((end, i) => new TextRun({ text: text.slice(points[i], end), bold: i % 7 === 3 }));
}

interface DocxPlan {
  /** Paragraph (index into the lines) put into a one-cell table. */
  table?: number;
  /** Paragraph put into a text box. */
  textbox?: number;
  /** A tracked replacement inside one paragraph: [paragraph, deleted, inserted]; the draft reads the inserted text. */
  change?: [number, string, string];
}

function paragraphOf(text: string, plan: DocxPlan, index: number): Paragraph {
  const change = plan.change;
  if (change && change[0] === index) {
    const at = text.indexOf(change[2]);
    if (at < 0) throw new Error(`no "${change[2]}" in paragraph ${index}`);
    return new Paragraph({
      children: [
        ...wordRuns(text.slice(0, at)),
        new DeletedTextRun({ text: change[1], id: revision++, ...tracked }),
        new InsertedTextRun({ text: change[2], id: revision++, ...tracked }),
        ...wordRuns(text.slice(at + change[2].length)),
      ],
    });
  }
  return new Paragraph({ children: wordRuns(text) });
}

async function seedDocx(texts: string[], plan: DocxPlan): Promise<Buffer> {
  const children = texts.map((text, i) => {
    const paragraph = paragraphOf(text, plan, i);
    if (i === plan.table) {
      return new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        rows: [new TableRow({ children: [new TableCell({ children: [paragraph] })] })],
      });
    }
    if (i === plan.textbox) return new Textbox({ style: { width: '400pt', height: '200pt' }, children: [paragraph] });
    return paragraph;
  });
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}

/** The texts of the PDF's note annotations (/Subtype /Text … /Contents <FEFF…>). */
function pdfNotes(pdf: string): string[] {
  const raw = fs.readFileSync(pdf).toString('latin1');
  const notes: string[] = [];
  for (const m of raw.matchAll(/\/Contents\s*<FEFF([0-9A-Fa-f]*)>/g)) {
    const bytes = Buffer.from(m[1]!, 'hex');
    let text = '';
    for (let i = 0; i + 1 < bytes.length; i += 2) text += String.fromCharCode(bytes.readUInt16BE(i));
    notes.push(text);
  }
  return notes;
}

describe('the published seed drafts', () => {
  it('seed 001 without session facts: exactly the one slip (35.9 for 24 of 67)', () => {
    const findings = checkDraft(readDraft(SEED_001).paragraphs, null);
    expect(findings.map(gist)).toEqual([
      { severity: 'error', kind: 'share', printed: '35.9%', expected: '35.8%', message: THE_SLIP },
    ]);
    expect(findings[0]!.quote).toBe('涉及城区建设与管理方面有24件,占总数的35.9%');
    const paragraph = readDraft(SEED_001).paragraphs[findings[0]!.paragraph]!;
    expect(paragraph.text.slice(findings[0]!.start, findings[0]!.end)).toBe('35.9%');
  });

  it('seed 001 with the session facts: the same one error and no false alarm', () => {
    const draft = readDraft(SEED_001).paragraphs;
    expect(checkDraft(draft, FACTS_001).map(gist)).toEqual([
      { severity: 'error', kind: 'share', printed: '35.9%', expected: '35.8%', message: THE_SLIP },
    ]);
    expect(checkDraft(draft, FACTS_001, { decimals: 2, rounding: 'half-up' }).map(gist)).toEqual([
      { severity: 'error', kind: 'share', printed: '35.9%', expected: '35.8%', message: THE_SLIP },
    ]);
  });

  it('seed 001 is really checked: a changed figure anywhere in 基本情况 is caught', () => {
    const text = fs.readFileSync(SEED_001, 'utf8');
    const variants: [string, string, DraftFacts | null][] = [
      ['提高6.65个百分点', '提高6.66个百分点', null],
      ['提高6.65个百分点', '提高6.66个百分点', FACTS_001],
      ['(94.87%)', '(94.86%)', FACTS_001],
      ['有11件', '有12件', FACTS_001],
      ['计划解决的1件', '计划解决的2件', FACTS_001],
      ['占总数的5.97%', '占总数的5.98%', null],
      ['主动公开67件', '主动公开66件', null],
      ['较2020年(85.89%)提高', '较2020年(85.89%)下降', null],
    ];
    for (const [from, to, facts] of variants) {
      expect(text.includes(from), from).toBe(true);
      const draft = readDraft({ name: 'seed.txt', bytes: Buffer.from(text.replace(from, to)) });
      const found = checkDraft(draft.paragraphs, facts).filter((f) => f.message !== THE_SLIP);
      expect(found.length, `${from} → ${to}`).toBeGreaterThan(0);
      expect(found.every((f) => f.severity === 'error')).toBe(true);
    }
  });

  it('seed 000 (114 items, one decimal, 解决率 85.1 vs 75, 公开 86.8 vs 57.6): no error, with and without facts', () => {
    const draft = readDraft(SEED_000).paragraphs;
    expect(checkDraft(draft, null)).toEqual([]);
    expect(checkDraft(draft, FACTS_000, { decimals: 1, rounding: 'half-up' })).toEqual([]);
    // …and it is checked: last year's 解决率 and the share of 留作参考.
    const text = fs.readFileSync(SEED_000, 'utf8');
    const wrongPrevious = readDraft({ name: 'a.txt', bytes: Buffer.from(text.replace('75%提高 10.1', '75%提高 10.2')) });
    expect(checkDraft(wrongPrevious.paragraphs, null).map((f) => f.message)).toEqual([
      '85.1% − 75% = 10.1 个百分点，稿中写作 10.2个百分点',
    ]);
    const wrongShare = readDraft({ name: 'a.txt', bytes: Buffer.from(text.replace('11 件，占 9.6%', '11 件，占 9.7%')) });
    expect(checkDraft(wrongShare.paragraphs, FACTS_000).map(gist)).toEqual([
      {
        severity: 'error',
        kind: 'share',
        printed: '9.7%',
        expected: '9.6%',
        message: '11 / 114 = 9.65 %，按四舍五入或最大余数法保留一位小数都应为 9.6%，稿中写作 9.7%',
      },
    ]);
    const wrongBaseline = readDraft({
      name: 'a.txt',
      bytes: Buffer.from(text.replace('比去年的 57.6%提升 29.2', '比去年的 57.5%提升 29.3')),
    });
    expect(checkDraft(wrongBaseline.paragraphs, FACTS_000).map((f) => f.message)).toEqual([
      '上年公开率（录入的上年基数）为 57.6%，稿中写作 57.5%',
    ]);
  });

  it('seed 002 (a rectification report with its 整改清单 table): no finding', () => {
    expect(checkDraft(readDraft(SEED_002).paragraphs, null)).toEqual([]);
  });
});

describe('the seeds as .docx', () => {
  const PLANS: [string, DocxPlan][] = [
    [SEED_000, { table: 4, textbox: 19, change: [4, '99.9%', '73.7%'] }],
    [SEED_001, { table: 5, textbox: 6, change: [4, '16.5%', '16.4%'] }],
    [SEED_002, { table: 5, textbox: 7 }],
  ];

  it('reads runs, a table cell, a text box and tracked changes as the .txt reads', async () => {
    for (const [seed, plan] of PLANS) {
      const texts = lines(seed);
      const bytes = await seedDocx(texts, plan);
      const draft = readDraft({ name: 'draft.docx', bytes });
      expect(draft.format).toBe('docx');
      expect(draft.paragraphs.map((p) => p.text).filter((t) => t.trim())).toEqual(texts);
      if (plan.table !== undefined) expect(draft.paragraphs.find((p) => p.text === texts[plan.table!])?.where).toBe('table');
      if (plan.textbox !== undefined)
        expect(draft.paragraphs.find((p) => p.text === texts[plan.textbox!])?.where).toBe('textbox');
      expect(checkDraft(draft.paragraphs, null).map(gist)).toEqual(checkDraft(readDraft(seed).paragraphs, null).map(gist));
    }
  });

  it('seed 001 as .docx: the one error, with the figure split over two runs', async () => {
    const bytes = await seedDocx(lines(SEED_001), PLANS[1]![1]);
    const draft = readDraft({ name: 'draft.docx', bytes });
    const [finding, ...rest] = checkDraft(draft.paragraphs, FACTS_001);
    expect(rest).toEqual([]);
    expect(finding!.message).toBe(THE_SLIP);
    const runs = draft.paragraphs[finding!.paragraph]!.docx!.runs.filter((r) => r.start < finding!.end && r.end > finding!.start);
    expect(runs.length).toBe(2);
  });

  it('a tracked change that corrects the slip (w:del 35.9% + w:ins 35.8%) reads as accepted: no error', async () => {
    const texts = lines(SEED_001).map((t) => t.replace('占总数的35.9%', '占总数的35.8%'));
    const bytes = await seedDocx(texts, { change: [4, '35.9%', '35.8%'] });
    const xml = strFromU8(unzipSync(new Uint8Array(bytes))['word/document.xml']!);
    expect(xml).toMatch(/<w:del\b[\s\S]*?<w:delText[^>]*>35\.9%<\/w:delText>/);
    const paragraphs = readDraft({ name: 'd.docx', bytes }).paragraphs;
    expect(checkDraft(paragraphs, FACTS_001, { rounding: 'half-up' })).toEqual([]);
    // Without the session's method: every share is right, but the five add up to 99.9 (a warning only).
    expect(checkDraft(paragraphs, FACTS_001).map((f) => [f.severity, f.kind, f.printed])).toEqual([['warning', 'sum', '23.9%']]);
  });

  it('the .txt converted by LibreOffice gives the same findings', () => {
    if (!hasSoffice()) {
      console.log('跳过：本机没有 LibreOffice（soffice），无法检查 LibreOffice 转换的 .docx。');
      return;
    }
    const dir = tempDir('jianyi-check-lo-');
    const files = [SEED_000, SEED_001, SEED_002].map((seed) => {
      const copy = path.join(dir, path.basename(seed));
      fs.copyFileSync(seed, copy);
      return copy;
    });
    convertWithSoffice(files, dir, 'docx');
    for (const file of files) {
      const converted = readDraft(file.replace(/\.txt$/, '.docx'));
      expect(converted.paragraphs.map((p) => p.text).filter((t) => t.trim())).toEqual(lines(file).map((t) => t));
      expect(checkDraft(converted.paragraphs, null).map(gist)).toEqual(checkDraft(readDraft(file).paragraphs, null).map(gist));
    }
  });
});

describe('the annotated copy', () => {
  it('puts a Word comment at the slip, leaves the original alone and passes the OOXML checks', async () => {
    const dir = tempDir('jianyi-check-annotate-');
    const original = await seedDocx(lines(SEED_001), { table: 5, textbox: 6, change: [4, '16.5%', '16.4%'] });
    const before = createHash('sha256').update(original).digest('hex');
    const draft = readDraft({ name: 'draft.docx', bytes: original });
    // One finding in the body (the slip) and one made up in the text box, to place both kinds.
    const box = draft.paragraphs.findIndex((p) => p.where === 'textbox');
    const boxAt = draft.paragraphs[box]!.text.indexOf('6.65');
    const findings: Finding[] = [
      ...checkDraft(draft.paragraphs, FACTS_001),
      {
        severity: 'warning',
        kind: 'comparison',
        paragraph: box,
        quote: '提高6.65个百分点',
        printed: '6.65',
        expected: '6.65',
        message: '测试用的提醒',
        start: boxAt,
        end: boxAt + 4,
      },
    ];
    const annotated = annotateDocx(original, findings, { date: new Date('2024-12-01T08:00:00Z') });
    expect(createHash('sha256').update(original).digest('hex')).toBe(before);

    const parts = unzipSync(new Uint8Array(annotated));
    const originalParts = unzipSync(new Uint8Array(original));
    const comments = strFromU8(parts['word/comments.xml']!);
    expect(comments).toContain(THE_SLIP);
    expect(comments).toContain('w:author="建议办理助手"');
    expect(comments).toContain('w:initials="JY"');
    expect(comments).toContain('w:date="2024-12-01T08:00:00Z"');
    const xml = strFromU8(parts['word/document.xml']!);
    const ids = [...comments.matchAll(/<w:comment w:id="(\d+)"/g)].map((m) => m[1]);
    expect(ids.length).toBe(2);
    for (const id of ids) {
      expect(xml).toContain(`<w:commentRangeStart w:id="${id}"/>`);
      expect(xml).toContain(`<w:commentRangeEnd w:id="${id}"/>`);
      expect(xml).toContain(`<w:commentReference w:id="${id}"/>`);
    }
    // The range holds exactly the printed figure, split out of its runs.
    const range = new RegExp(`<w:commentRangeStart w:id="${ids[0]}"/>([\\s\\S]*?)<w:commentRangeEnd w:id="${ids[0]}"/>`).exec(
      xml,
    )![1]!;
    expect([...range.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')).toBe('35.9%');
    expect(strFromU8(parts['[Content_Types].xml']!)).toContain('PartName="/word/comments.xml"');
    expect(strFromU8(parts['word/_rels/document.xml.rels']!)).toMatch(/relationships\/comments" Target="comments\.xml"/);
    // Parts not touched are the same bytes.
    for (const name of Object.keys(originalParts)) {
      if (['word/document.xml', 'word/comments.xml', 'word/_rels/document.xml.rels', '[Content_Types].xml'].includes(name))
        continue;
      expect(Buffer.from(parts[name]!).equals(Buffer.from(originalParts[name]!)), name).toBe(true);
    }
    // The copy reads as the original did and gives the same findings.
    const again = readDraft({ name: 'annotated.docx', bytes: annotated });
    expect(again.paragraphs.map((p) => p.text)).toEqual(draft.paragraphs.map((p) => p.text));
    expect(checkDraft(again.paragraphs, FACTS_001).map(gist)).toEqual(checkDraft(draft.paragraphs, FACTS_001).map(gist));

    const file = path.join(dir, '001-批注.docx');
    fs.writeFileSync(file, annotated);
    expectValidOoxml(file);

    if (!hasSoffice()) {
      console.log('跳过：本机没有 LibreOffice（soffice），无法把带批注的副本转成 PDF。');
      return;
    }
    convertWithSoffice([file], dir, 'pdf:writer_pdf_Export:{"ExportNotesInMargin":{"type":"boolean","value":"true"}}');
    const pdf = file.replace(/\.docx$/, '.pdf');
    expect(fs.existsSync(pdf)).toBe(true);
    // LibreOffice prints comments in the margin where it can; the headless 7.x export keeps them as
    // PDF text annotations (a note icon at the figure) instead. Either way the message is in the PDF.
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const notes = pdfNotes(pdf);
    console.log(`PDF：页边批注 ${text.includes('35.82') ? '有' : '无'}，PDF 注释 ${notes.length} 个`);
    expect(text.includes('35.82') || notes.some((n) => n.includes(THE_SLIP))).toBe(true);
    expect(notes.some((n) => n.includes('测试用的提醒'))).toBe(true);
    execFileSync('pdftoppm', ['-r', '60', '-png', '-f', '1', '-l', '1', pdf, path.join(dir, 'page')], { stdio: 'ignore' });
    const png = fs.readdirSync(dir).find((f) => /^page-0*1\.png$/.test(f));
    expect(png).toBeTruthy();
    if (process.env.CHECK_PNG_OUT) fs.copyFileSync(path.join(dir, png!), process.env.CHECK_PNG_OUT);
  });
});
