import fs from 'node:fs';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import type { OpenedStore } from '../db/store';
import { EMPTY_PROPOSAL } from '../electron/common/entities/proposal';
import { generateDemo } from '../electron/node/demo/generate';
import { saveDocumentSettings } from '../electron/node/documents/document-settings';
import { generateLetters } from '../electron/node/documents/generate/letters';
import { generateRectification } from '../electron/node/documents/generate/rectification';
import { generateReport } from '../electron/node/documents/generate/report';
import { letterFileName, numberWidth, safeFileName } from '../electron/node/documents/generate/file-names';
import { DEFAULT_DOCUMENT_SETTINGS } from '../electron/common/documents/settings';
import type { Session } from '../electron/common/domain/session';
import { sessionStatistics } from '../electron/node/stats/session-statistics';
import { docxParts, docxText, paragraphsOf, pdfInfo, pdfPages, toPdf } from './helpers/docx';
import { newStore, oneProposalStore, tempDir } from './helpers/fixtures';

const TODAY = '2024-07-15';
let store: OpenedStore;
let current: Session;
let opinionName: string;
let out: string;
let letterFile: string;
let reportFile: string;
let rectificationFile: string;
let opinionFile: string;

beforeAll(async () => {
  store = await newStore('documents.db');
  const demo = generateDemo(store, { today: TODAY });
  current = demo.current;
  opinionName = demo.opinionName;
  out = tempDir('jianyi-docs-');
  const letters = await generateLetters(store, {
    session: current,
    outDir: path.join(out, 'letters'),
    createFolder: true,
    kind: 'reply-letter',
    today: TODAY,
    only: ['1', '2', '3'],
  });
  letterFile = letters.files[0]!;
  const opinions = await generateLetters(store, {
    session: current,
    outDir: path.join(out, 'opinions'),
    createFolder: true,
    kind: 'cohandling-opinion',
    today: TODAY,
    only: ['1', '2', '3', '4', '5'],
  });
  opinionFile = opinions.files[0]!;
  reportFile = path.join(out, '报告.docx');
  await generateReport(store, { session: current, out: reportFile, today: TODAY });
  rectificationFile = path.join(out, '整改.docx');
  await generateRectification(store, { opinion: { name: opinionName }, out: rectificationFile, today: TODAY });
});

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/** A Word document a clerk has edited: a real .docx (the program replaces only documents). */
function editedDocx(text: string): Buffer {
  return Buffer.from(
    zipSync({
      '[Content_Types].xml': strToU8(
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
      ),
      'word/document.xml': strToU8(
        `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:body></w:document>`,
      ),
    }),
  );
}
const attr = (xml: string, tag: string, name: string) =>
  [...xml.matchAll(new RegExp(`<${tag}\\b[^>]*\\b${name}="([^"]+)"`, 'g'))].map((m) => m[1]!);

describe('the GB/T 9704 format, asserted on the XML', () => {
  it('A4 page, the standard margins, exact 579 line pitch everywhere it is set', () => {
    for (const file of [letterFile, reportFile, rectificationFile]) {
      const xml = docxParts(file)['word/document.xml']!;
      const sizes = [...xml.matchAll(/<w:pgSz [^>]*\/>/g)].map((m) => m[0]);
      expect(sizes.length).toBeGreaterThan(0);
      for (const size of sizes) {
        const landscape = size.includes('w:orient="landscape"');
        expect(size).toContain(landscape ? 'w:w="16838" w:h="11906"' : 'w:w="11906" w:h="16838"');
      }
      const margins = [...xml.matchAll(/<w:pgMar [^>]*\/>/g)].map((m) => m[0]);
      expect(margins[0]).toMatch(/w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
      expect(xml).not.toContain('w:lineRule="exactly"');
      expect(xml).toContain('w:line="579" w:lineRule="exact"');
    }
  });

  it('sets the East Asian font with its hint and the zh-CN language on the runs', () => {
    const xml = docxParts(letterFile)['word/document.xml']!;
    const fonts = [...xml.matchAll(/<w:rFonts [^>]*\/>/g)].map((m) => m[0]);
    expect(fonts.length).toBeGreaterThan(10);
    for (const font of fonts) {
      expect(font).toMatch(/w:eastAsia="[^"]+"/);
      expect(font).toContain('w:hint="eastAsia"');
    }
    expect(xml).toContain('w:eastAsia="仿宋"');
    expect(attr(xml, 'w:lang', 'w:eastAsia').every((v) => v === 'zh-CN')).toBe(true);
    const styles = docxParts(letterFile)['word/styles.xml']!;
    expect(styles).toMatch(/<w:rFonts [^>]*w:eastAsia="仿宋"/);
  });

  it('indents body paragraphs by two characters in both forms', () => {
    const xml = docxParts(reportFile)['word/document.xml']!;
    expect(xml).toMatch(/<w:ind w:firstLine="640" w:firstLineChars="200"\/>/);
  });

  it('puts em-dash page numbers in odd (right) and even (left) footers', () => {
    const parts = docxParts(reportFile);
    expect(parts['word/settings.xml']).toContain('<w:evenAndOddHeaders/>');
    const footers = Object.entries(parts)
      .filter(([name]) => /word\/footer\d+\.xml/.test(name))
      .map(([, xml]) => xml);
    const withNumbers = footers.filter((xml) => xml.includes('PAGE'));
    expect(withNumbers.length).toBeGreaterThanOrEqual(2);
    for (const xml of withNumbers) {
      expect(paragraphsOf(xml).join('')).toMatch(/^— +—$/); // the field result is not text until rendered
      expect(xml).toContain('— </w:t>');
      expect(xml).toMatch(/<w:jc w:val="(right|left)"\/>/);
    }
    expect(withNumbers.some((xml) => xml.includes('<w:jc w:val="right"/>'))).toBe(true);
    expect(withNumbers.some((xml) => xml.includes('<w:jc w:val="left"/>'))).toBe(true);
  });

  it('gives tables explicit grids that fill the text block, portrait and landscape', () => {
    const xml = docxParts(reportFile)['word/document.xml']!;
    const grids = [...xml.matchAll(/<w:tblGrid>([\s\S]*?)<\/w:tblGrid>/g)].map((m) =>
      sum(attr(m[1]!, 'w:gridCol', 'w:w').map(Number)),
    );
    expect(grids.length).toBe(3);
    for (const width of grids) expect(width).toBe(16838 - 2098 - 1984); // the report's tables stand in a landscape attachment
    const rect = docxParts(rectificationFile)['word/document.xml']!;
    const rectGrids = [...rect.matchAll(/<w:tblGrid>([\s\S]*?)<\/w:tblGrid>/g)].map((m) =>
      sum(attr(m[1]!, 'w:gridCol', 'w:w').map(Number)),
    );
    expect(rectGrids).toContain(12756);
    expect(rect).toContain('<w:tblLayout w:type="fixed"/>');
  });

  it('merges the 主要方面 cells, repeats the header row and keeps rows whole', () => {
    const xml = docxParts(rectificationFile)['word/document.xml']!;
    expect(xml).toContain('<w:vMerge w:val="restart"/>');
    expect(xml).toMatch(/<w:vMerge\/>|<w:vMerge w:val="continue"\/>/);
    expect(xml).toContain('<w:tblHeader/>');
    expect(xml).toContain('<w:cantSplit/>');
    // The landscape section begins with the 附件 line, not with the table.
    const landscape = xml.split('w:orient="landscape"')[0]!;
    const lastSection = landscape.slice(landscape.lastIndexOf('</w:sectPr>'));
    expect(paragraphsOf(lastSection)[0]).toBe('附件');
  });

  it('draws the letter format: red issuer mark and double rules on page 1 only, 文号 at the right', () => {
    const parts = docxParts(letterFile);
    const xml = parts['word/document.xml']!;
    expect(xml).toContain('<w:titlePg/>');
    const headers = Object.entries(parts)
      .filter(([name]) => /word\/header\d+\.xml/.test(name))
      .map(([, x]) => x);
    const first = headers.find((h) => h.includes('thickThinSmallGap'))!;
    expect(first).toContain('w:color="FF0000"');
    expect(first).toMatch(/w:left="-397" w:right="-397"|w:start="-397" w:end="-397"/);
    const footers = Object.entries(parts)
      .filter(([name]) => /word\/footer\d+\.xml/.test(name))
      .map(([, x]) => x);
    expect(footers.some((f) => f.includes('thinThickSmallGap'))).toBe(true);
    const paragraphs = paragraphsOf(xml);
    expect(paragraphs[0]).toMatch(/〔\d{4}〕\d+号$/);
  });

  it('draws the ordinary header: red mark, 文号 and a red rule, and the 版记 at the bottom', () => {
    const xml = docxParts(rectificationFile)['word/document.xml']!;
    const paragraphs = paragraphsOf(xml);
    expect(paragraphs[0]).toBe('青川区人民政府文件');
    expect(paragraphs[1]).toMatch(/^青府发〔2024〕\d+号$/);
    expect(xml).toMatch(/<w:bottom w:val="single" w:color="FF0000"/);
    expect(xml).toMatch(/<w:framePr [^>]*w:yAlign="bottom"/);
    expect(paragraphs.join('\n')).toContain('青川区人民政府办公室\t2024年7月12日印发');
  });
});

describe('every figure in the report is the statistics engine’s figure', () => {
  it('reads the text back out of the .docx', () => {
    const text = docxText(reportFile).replace(/\n/g, '');
    const stats = sessionStatistics(store, current, TODAY);
    expect(text).toContain(`共收到代表建议${stats.total}件`);
    // Every share names its denominator: categories and results are over all items here.
    for (const c of stats.byCategory.filter((c) => c.count > 0))
      expect(text).toContain(`涉及${c.label}方面的${c.count}件，占总数的${c.percent}%`);
    for (const r of stats.byResult.filter((r) => r.code && r.count > 0))
      expect(text).toContain(`“${r.label}”的${r.count}件，占总数的${r.percent}%`);
    expect(text).not.toContain('在已答复的建议中');
    for (const f of stats.feedback.filter((f) => f.count > 0))
      expect(text).toContain(`评价为“${f.label}”的${f.count}件，占${f.percent}%`);
    expect(text).toContain(`在反馈意见的${stats.feedbackReturned}件中`);
    for (const key of ['onTime', 'resolution', 'published', 'met', 'satisfied'] as const) {
      expect(text).toContain(
        `${stats.rates[key].label}${key === 'resolution' || key === 'satisfied' ? '为' : ''}${stats.rates[key].percent}%`,
      );
    }
    const change = stats.comparison.rates.resolution!;
    expect(change.source).toBe('session');
    expect(text).toContain(`较上年（${change.previous}%）${change.text}`);
    // The statistics tables repeat the same figures.
    for (const unit of stats.byUnit.filter((u) => u.leadCount > 0).slice(0, 5)) expect(text).toContain(unit.unit);
  });

  it('keeps the clerk’s narrative when the records change and the report is regenerated', async () => {
    const words = '今年我们把面商放在办理的第一步，代表满意度明显提高。';
    store.drafts.set(current.id, 'practices', words);
    const file = path.join(out, '报告-重新生成.docx');
    await generateReport(store, { session: current, out: file, today: TODAY });
    const before = sessionStatistics(store, current, TODAY);
    const open = store.proposals.listBySession(current.id).find((p) => p.resultCode === null)!;
    store.proposals.update(open.id, { resultCode: 'A', replyDate: TODAY });
    // The report is there now: regenerating it replaces it only when asked.
    await expect(generateReport(store, { session: current, out: file, today: TODAY })).rejects.toMatchObject({ code: 'exists' });
    await generateReport(store, { session: current, out: file, today: TODAY, overwrite: true });
    const after = sessionStatistics(store, current, TODAY);
    const text = docxText(file);
    expect(text).toContain(words);
    expect(after.answered).toBe(before.answered + 1);
    expect(text.replace(/\n/g, '')).toContain(`已答复${after.answered}件`);
  });
});

describe('a real client opens every document kind', () => {
  it('LibreOffice converts them: pages, sizes and text as expected', () => {
    const [letterPdf, reportPdf, rectPdf, opinionPdf] = toPdf(
      [letterFile, reportFile, rectificationFile, opinionFile],
      path.join(out, 'pdf'),
    );
    const letter = pdfInfo(letterPdf!);
    expect(letter.pages).toBeGreaterThanOrEqual(1);
    expect(letter.sizes[0]).toEqual([595, 842]);
    const letterText = pdfPages(letterPdf!).join('').replace(/\s+/g, '');
    expect(letterText).toContain('代表建议的答复');

    const report = pdfInfo(reportPdf!);
    expect(report.pages).toBeGreaterThanOrEqual(4);
    expect(report.sizes[0]).toEqual([595, 842]);
    expect(report.sizes.at(-1)).toEqual([842, 595]);
    const reportPages = pdfPages(reportPdf!);
    expect(reportPages.join('').replace(/\s+/g, '')).toContain('按主办单位统计');
    // Page numbers print as em-dash figures: — 1 — on the first page.
    expect(reportPages[0]).toMatch(/—\s*1\s*—/);
    expect(reportPages[1]).toMatch(/—\s*2\s*—/);

    const rect = pdfInfo(rectPdf!);
    expect(rect.sizes[0]).toEqual([595, 842]);
    expect(rect.sizes.at(-1)).toEqual([842, 595]);
    const rectText = pdfPages(rectPdf!);
    expect(rectText.at(-1)).toContain('印发');
    expect(rectText.every((page) => page.trim().length > 0)).toBe(true); // no blank page at the end

    expect(pdfPages(opinionPdf!).join('').replace(/\s+/g, '')).toContain('会办意见');
  });

  it('sets 22 lines a page and 28 characters a line of body text', async () => {
    const { store: local, session } = await oneProposalStore(
      { title: '关于测试版心的建议', replyText: '永'.repeat(28 * 60), resultCode: 'A' },
      { session: '版心测试', lead: '区测试局' },
    );
    const dir = tempDir();
    const { files } = await generateLetters(local, { session, outDir: dir, kind: 'reply-letter', today: TODAY });
    const [pdf] = toPdf(files, path.join(dir, 'pdf'));
    const pages = pdfPages(pdf!);
    // Page 2 is body text only: count its lines of 永 and their length.
    const lines = pages[1]!.split('\n').filter((l) => l.includes('永'));
    expect(lines.length).toBe(22);
    for (const line of lines.slice(1, -1)) expect([...line.trim()].filter((c) => c === '永').length).toBe(28);
  });
});

describe('hostile text does not break a file', () => {
  it('control characters, emoji, rare characters, markup and a 20,000-character reply', async () => {
    const local = await newStore();
    const session = local.sessions.create({ name: '区七届人大三次会议', year: 2024 });
    const hostileTitle = '关于*星号* | 竖线 # 井号 <尖括号> _下划线_ 𠮷野家 😀 \u000B控制\u0007字符的建议';
    const id = local.proposals.insert(session.id, {
      ...EMPTY_PROPOSAL,
      number: '7',
      title: hostileTitle,
      replyText: `${'很长的答复正文，'.repeat(2500)}\n::: table\n{{title}}\n\u0000\u001F结束`,
      resultCode: 'B',
      contactPerson: '',
    });
    const units = local.units.ensure(['区教育局']);
    local.proposals.setPeopleAndUnits(id, { leadDeputies: [], coDeputies: [], leadUnit: units.get('区教育局')!, coUnits: [] });
    const dir = tempDir();
    const { files } = await generateLetters(local, { session, outDir: dir, kind: 'reply-letter', today: TODAY });
    expect(path.basename(files[0]!)).toBe('7-关于_星号_ _ 竖线 # 井号 _尖括号_ _下划线_ 𠮷野家 😀 控制字符的建议.docx');
    const xml = docxParts(files[0]!)['word/document.xml']!;
    expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
    const text = docxText(files[0]!);
    expect(text.replace(/\n/g, '')).toContain('关于区七届人大三次会议第7号代表建议的答复');
    expect(text).toContain('::: table');
    expect(text).toContain('{{title}}');
    expect(text.length).toBeGreaterThan(20_000);
    const [pdf] = toPdf(files, path.join(dir, 'pdf'));
    expect(pdfInfo(pdf!).pages).toBeGreaterThan(10);
  });

  it('an empty proposal still gives a complete letter with visible gaps', async () => {
    const local = await newStore();
    const session = local.sessions.create({ name: '空会议', year: 2024 });
    const id = local.proposals.insert(session.id, { ...EMPTY_PROPOSAL, number: '1', title: '' });
    local.proposals.setPeopleAndUnits(id, {
      leadDeputies: [],
      coDeputies: [],
      leadUnit: local.units.ensure(['区甲局']).get('区甲局')!,
      coUnits: [],
    });
    const result = await generateLetters(local, { session, outDir: tempDir(), kind: 'reply-letter', today: TODAY });
    expect(result.warnings).toEqual(['1：缺少答复正文、文号、办理结果']);
    expect(result.incomplete).toEqual(['1（区甲局）']);
    const text = docxText(result.files[0]!).replace(/\n/g, '');
    // The opening, a marked place for the body, and the closing are all there.
    expect(text).toContain('收悉。经认真研究，现答复如下：');
    expect(text).toContain('【此处填写答复正文');
    expect(text).toContain('感谢你们对我们工作的关心和支持');
  });

  it('does not open or thank twice when the reply text has its own 收悉 and thanks', async () => {
    const reply = [
      '您提出的关于加装电梯的建议收悉。经研究，现答复如下：',
      '一、审批时限压缩至15个工作日。',
      '感谢您对住房建设工作的关心和支持。',
    ].join('\n');
    const { store: local, session } = await oneProposalStore(
      { title: '关于加装电梯的建议', replyText: reply },
      { session: '会议', lead: '区住建委' },
    );
    const { files } = await generateLetters(local, { session, outDir: tempDir(), kind: 'reply-letter', today: TODAY });
    const text = docxText(files[0]!).replace(/\n/g, '');
    expect(text.match(/收悉/g)).toHaveLength(1);
    expect(text.match(/感谢/g)).toHaveLength(1);
    expect(text).toContain('审批时限压缩至15个工作日');
    expect(text).not.toContain('经认真研究');
  });
});

describe('batches, file names and settings', () => {
  it('names files so they sort and are safe on Windows', () => {
    // The 建议号 as written; padded only to the session's longest when lengths differ.
    expect(letterFileName('001', '关于加快园区转型升级的建议')).toBe('001-关于加快园区转型升级的建议.docx');
    expect(letterFileName('12', '关于加快园区转型升级的建议')).toBe('12-关于加快园区转型升级的建议.docx');
    expect(letterFileName('12', '关于加快园区转型升级的建议', '', 3)).toBe('012-关于加快园区转型升级的建议.docx');
    expect(letterFileName('第3号', '关于A/B:C*D?"E"<F>|G的建议', '', 2)).toBe('03-关于A_B_C_D__E__F__G的建议.docx');
    expect(letterFileName('政A-7', '关于建议', '', 3)).toBe('政A-7-关于建议.docx');
    expect(numberWidth(['001', '002', '120'])).toBe(0);
    expect(numberWidth(['1', '2', '12', '第103号'])).toBe(3);
    expect(numberWidth(['1', '政A-12'])).toBe(0);
    expect(safeFileName('CON', '.docx')).toBe('_CON.docx');
    expect(safeFileName('标题。。。...  ', '.docx')).toBe('标题。。。.docx');
    expect([...safeFileName('长'.repeat(300), '.docx')].length).toBe(105);
  });

  it('keeps the 建议号 as written, padding only when a session mixes lengths', async () => {
    const local = await newStore();
    const unit = local.units.ensure(['区教育局']).get('区教育局')!;
    const batchNames = async (numbers: string[], only?: string[]) => {
      const session = local.sessions.create({ name: `会议${numbers.join('')}`, year: 2024 });
      for (const number of numbers) {
        const id = local.proposals.insert(session.id, { ...EMPTY_PROPOSAL, number, title: `关于第${number}件的建议` });
        local.proposals.setPeopleAndUnits(id, { leadDeputies: [], coDeputies: [], leadUnit: unit, coUnits: [] });
      }
      const dir = tempDir();
      const { files } = await generateLetters(local, { session, outDir: dir, kind: 'reply-letter', today: TODAY, only });
      return files.map((f) => path.basename(f).split('-')[0]).sort();
    };
    expect(await batchNames(['001', '002', '010'])).toEqual(['001', '002', '010']);
    expect(await batchNames(['7', '12', '103'])).toEqual(['007', '012', '103']);
    // A letter made alone is named as in the whole batch.
    expect(await batchNames(['8', '13', '104'], ['8'])).toEqual(['008']);
  });

  it('writes a selection, one letter per deputy when set, and a zip of them all', async () => {
    const proposal = store.proposals.ledger(current.id).find((p) => p.number === '0004')!;
    const deputies = store.deputies.ensure(['联名代表甲', '联名代表乙']);
    store.proposals.setPeopleAndUnits(proposal.id, {
      leadDeputies: [...deputies.values()],
      coDeputies: [],
      leadUnit: store.units.findByName(proposal.leadUnit)!.id,
      coUnits: [],
    });
    store.sessions.updateSettings(current.id, { jointLetters: 'per-deputy' });
    const dir = tempDir();
    const zip = path.join(dir, '答复函.zip');
    const result = await generateLetters(store, {
      session: store.sessions.get(current.id),
      outDir: path.join(dir, 'out'),
      createFolder: true,
      kind: 'reply-letter',
      today: TODAY,
      only: ['4', '0005'],
      zipFile: zip,
    });
    store.sessions.updateSettings(current.id, { jointLetters: 'one' });
    const names = result.files.map((f) => path.basename(f));
    // One letter to each who signed: both lead deputies of 0004, and everyone on 0005.
    const fifth = store.proposals.ledger(current.id).find((p) => p.number === '0005')!;
    const fifthPeople = [...fifth.leadDeputies, ...fifth.coDeputies];
    expect(names).toHaveLength(2 + (fifthPeople.length > 1 ? fifthPeople.length : 1));
    expect(names[0]).toMatch(/^0004-.*-联名代表甲\.docx$/);
    expect(names[1]).toMatch(/^0004-.*-联名代表乙\.docx$/);
    expect(names.slice(2).every((n) => n.startsWith('0005-'))).toBe(true);
    expect(docxText(result.files[0]!)).toContain('联名代表甲代表：');
    expect(docxText(result.files[0]!).replace(/\n/g, '')).toContain('联名代表甲代表：您提出的《');
    const { unzipSync } = await import('fflate');
    expect(Object.keys(unzipSync(new Uint8Array(fs.readFileSync(zip)))).sort()).toEqual([...names].sort());
    await expect(
      generateLetters(store, { session: current, outDir: dir, kind: 'reply-letter', today: TODAY, only: ['9999'] }),
    ).rejects.toThrow('没有这些建议号：9999');
  });

  it('follows the font and mark settings', async () => {
    saveDocumentSettings(store, {
      ...DEFAULT_DOCUMENT_SETTINGS,
      fonts: { ...DEFAULT_DOCUMENT_SETTINGS.fonts, body: '仿宋_GB2312' },
      markLabels: { A: '甲', B: '乙', C: '丙', D: '丁' },
      redHeader: false,
    });
    const dir = tempDir();
    const { files } = await generateLetters(store, {
      session: current,
      outDir: dir,
      kind: 'reply-letter',
      today: TODAY,
      only: ['1'],
    });
    saveDocumentSettings(store, DEFAULT_DOCUMENT_SETTINGS);
    const parts = docxParts(files[0]!);
    expect(parts['word/document.xml']).toContain('w:eastAsia="仿宋_GB2312"');
    const header = Object.entries(parts).find(([name, xml]) => /header\d/.test(name) && xml.includes('thickThinSmallGap'))![1];
    expect(header).not.toContain('FF0000');
    const mark = store.proposals.ledger(current.id).find((p) => p.numberKey === '1')!.resultCode!;
    expect(paragraphsOf(header)[0]).toBe({ A: '甲', B: '乙', C: '丙', D: '丁' }[mark]);
  });
});

describe('writing is atomic and an open file is never overwritten', () => {
  it('refuses a target open in Word or LibreOffice and leaves it as it was', async () => {
    const dir = tempDir();
    const target = path.join(dir, '报告.docx');
    const old = editedDocx('旧文件');
    fs.writeFileSync(target, old);
    for (const owner of [`~$${'报告.docx'}`, '.~lock.报告.docx#']) {
      const lock = path.join(dir, owner);
      fs.writeFileSync(lock, '');
      await expect(generateReport(store, { session: current, out: target, today: TODAY, overwrite: true })).rejects.toThrow(
        '正在 Word、WPS 或其他程序中打开',
      );
      expect(fs.readFileSync(target).equals(old)).toBe(true);
      fs.rmSync(lock);
    }
    await generateReport(store, { session: current, out: target, today: TODAY, overwrite: true });
    expect(docxText(target)).toContain('办理情况的报告');
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('explains an output folder that cannot be made', async () => {
    const dir = tempDir();
    const blocker = path.join(dir, '不是文件夹');
    fs.writeFileSync(blocker, '');
    await expect(
      generateLetters(store, {
        session: current,
        outDir: path.join(blocker, 'x'),
        createFolder: true,
        kind: 'reply-letter',
        today: TODAY,
        only: ['1'],
      }),
    ).rejects.toThrow('无法创建输出文件夹');
  });
});

describe('batches on worker threads', () => {
  it('stop at the first file that cannot be written, leaving only complete files', async () => {
    const dir = tempDir();
    const names = store.proposals.ledger(current.id).map((p) => letterFileName(p.number, p.title));
    fs.writeFileSync(path.join(dir, `.~lock.${names[50]}#`), '');
    await expect(generateLetters(store, { session: current, outDir: dir, kind: 'reply-letter', today: TODAY })).rejects.toThrow(
      `「${path.join(dir, names[50]!)}」正在 Word、WPS 或其他程序中打开`,
    );
    const left = fs.readdirSync(dir);
    expect(left.some((f) => f.endsWith('.tmp'))).toBe(false);
    expect(left).not.toContain(names[50]);
    for (const file of left.filter((f) => f.endsWith('.docx'))) expect(docxText(path.join(dir, file))).toContain('答复');
  });

  it('can be cancelled, and say so', async () => {
    const dir = tempDir();
    const controller = new AbortController();
    const result = await generateLetters(store, {
      session: current,
      outDir: dir,
      kind: 'reply-letter',
      today: TODAY,
      signal: controller.signal,
      onProgress: (done) => {
        if (done === 60) controller.abort();
      },
    });
    expect(result.cancelled).toBe(true);
    expect(result.files.length).toBeGreaterThanOrEqual(60);
    expect(result.files.length).toBeLessThan(260);
    expect(
      fs
        .readdirSync(dir)
        .filter((f) => f.endsWith('.docx'))
        .sort(),
    ).toEqual(result.files.map((f) => path.basename(f)).sort());
  });
});

describe('files already in the folder', () => {
  it('are not replaced unless the clerk says so, and names never collide', async () => {
    const dir = tempDir();
    const first = await generateLetters(store, {
      session: current,
      outDir: dir,
      kind: 'reply-letter',
      today: TODAY,
      only: ['1', '2'],
    });
    const edited = editedDocx('在 Word 里改过的答复函');
    fs.writeFileSync(first.files[0]!, edited);
    await expect(
      generateLetters(store, { session: current, outDir: dir, kind: 'reply-letter', today: TODAY, only: ['1', '2', '3'] }),
    ).rejects.toThrow(/已有 2 个同名文件.*没有生成任何文件/);
    expect(fs.readFileSync(first.files[0]!).equals(edited)).toBe(true);
    expect(fs.readdirSync(dir)).toHaveLength(2);
    const again = await generateLetters(store, {
      session: current,
      outDir: dir,
      kind: 'reply-letter',
      today: TODAY,
      only: ['1', '2', '3'],
      overwrite: true,
    });
    expect(again.files).toHaveLength(3);
    expect(docxText(first.files[0]!)).toContain('答复');

    const long = '关于'.padEnd(120, '长') + '的建议';
    const names = ['区财政局', '区民政局'].map((unit) => letterFileName('7', long, `-会办意见-${unit}`));
    expect(new Set(names).size).toBe(2);
    for (const name of names) expect(name).toMatch(/^7-关于长+-会办意见-区..局\.docx$/);
  });
});
