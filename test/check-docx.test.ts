import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { annotateDocx, checkDraft, readDraft, type Finding } from '../electron/node/check/index';
import { generateDemo } from '../electron/node/demo/generate';
import { generateReport } from '../electron/node/documents/generate/report';
import { convertWithSoffice, expectValidOoxml, hasSoffice } from './helpers/docx';
import { newStore, tempDir } from './helpers/fixtures';

/**
 * The .docx reader and the annotated copy on XML written by hand the way Word writes it: figures
 * split over runs, tracked changes (w:ins, w:del, w:moveFrom/To), fields, a Word text box (mc:
 * AlternateContent with a VML fallback), a hyperlink, a table cell, hidden text, tabs and breaks,
 * an existing comment; then on the .docx of this project's generator and of LibreOffice.
 */

const NS =
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ' +
  'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" ' +
  'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" ' +
  'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" mc:Ignorable="wps"';
const REV = 'w:author="审核人" w:date="2024-11-01T09:00:00Z"';
const BOX_TEXT = '框内：解决采纳62件，占92.55%。';
const boxBody = `<w:txbxContent><w:p><w:r><w:t>${BOX_TEXT}</w:t></w:r></w:p></w:txbxContent>`;

const BODY = [
  // 0: a figure over two runs and an existing comment around the first words.
  `<w:p><w:commentRangeStart w:id="0"/><w:r><w:t>共收到建议</w:t></w:r><w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>6</w:t></w:r><w:r><w:t xml:space="preserve">7件。其中经济发展11件，占16.</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>5%</w:t></w:r></w:p>`,
  // 1: tracked changes: the deleted figure is not read, the inserted one is.
  `<w:p><w:r><w:t>社会事业8件，占</w:t></w:r><w:del w:id="11" ${REV}><w:r><w:delText>11.9%</w:delText></w:r></w:del><w:ins w:id="12" ${REV}><w:r><w:t>12.9%</w:t></w:r></w:ins><w:r><w:t>。</w:t></w:r></w:p>`,
  // 2: a complex field shows its result, not its code; a simple field its cached value.
  `<w:p><w:r><w:t>民生保障8件，占</w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> = 8/67*100 \\# "0.0" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>11.9</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t>%；第</w:t></w:r><w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple><w:r><w:t>页</w:t></w:r></w:p>`,
  // 3: moved text, tabs, breaks, hyphens, a soft hyphen character, hidden text, an entity.
  `<w:p><w:moveFrom w:id="13" ${REV}><w:r><w:t>旧位置</w:t></w:r></w:moveFrom><w:r><w:t>公共安全</w:t></w:r><w:r><w:tab/><w:t>与交\u00ad通16件</w:t><w:br/><w:t>A&amp;B</w:t><w:softHyphen/><w:noBreakHyphen/></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏文字</w:t></w:r><w:moveTo w:id="14" ${REV}><w:r><w:t>新位置</w:t></w:r></w:moveTo></w:p>`,
  // 4: a text box as Word writes it: a DrawingML choice and a VML fallback with the same text.
  `<w:p><w:r><w:t>见框：</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:inline><wp:extent cx="2540000" cy="635000"/><wp:docPr id="1" name="文本框 1"/><a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:txbx>${boxBody}</wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:inline></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape id="box1" style="width:200pt;height:50pt" type="#_x0000_t202"><v:textbox>${boxBody}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>`,
  // 5: a hyperlink.
  `<w:p><w:hyperlink w:anchor="note"><w:r><w:t>留作参考4件，占5.98%。</w:t></w:r></w:hyperlink></w:p>`,
  // 6: a table cell.
  `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid><w:gridCol w:w="4000"/></w:tblGrid><w:tr><w:tc><w:tcPr><w:tcW w:w="4000" w:type="dxa"/></w:tcPr><w:p><w:r><w:t>计划解决1件，占1.49%。</w:t></w:r></w:p></w:tc></w:tr></w:tbl>`,
  `<w:p/>`,
  `<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr>`,
].join('');

const COMMENTS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:comments ${NS}><w:comment w:id="0" w:author="科员" w:date="2024-11-02T10:00:00Z" w:initials="KY"><w:p><w:r><w:t>请核对总数</w:t></w:r></w:p></w:comment></w:comments>`;

function handDocx(): Buffer {
  return Buffer.from(
    zipSync({
      '[Content_Types].xml': strToU8(
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/></Types>',
      ),
      '_rels/.rels': strToU8(
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
      ),
      'word/_rels/document.xml.rels': strToU8(
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/></Relationships>',
      ),
      'word/document.xml': strToU8(
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${NS}><w:body>${BODY}</w:body></w:document>`,
      ),
      'word/comments.xml': strToU8(COMMENTS),
    }),
  );
}

const part = (docx: Buffer, name: string) => strFromU8(unzipSync(new Uint8Array(docx))[name]!);

describe('reading a .docx written by hand the way Word writes it', () => {
  const draft = readDraft({ name: '稿.docx', bytes: handDocx() });

  it('reads the text a reader of the accepted document sees', () => {
    expect(draft.paragraphs.map((p) => [p.where, p.text])).toEqual([
      ['body', '共收到建议67件。其中经济发展11件，占16.5%'],
      ['body', '社会事业8件，占12.9%。'],
      ['body', '民生保障8件，占11.9%；第1页'],
      ['body', '公共安全\t与交通16件\nA&B-新位置'],
      ['body', '见框：'],
      ['textbox', BOX_TEXT],
      ['body', '留作参考4件，占5.98%。'],
      ['table', '计划解决1件，占1.49%。'],
      ['body', ''],
    ]);
    expect(draft.paragraphs[7]!.cell).toEqual({ table: 0, row: 0, cell: 0 });
  });

  it('keeps which run each character comes from', () => {
    const p = draft.paragraphs[0]!;
    const at = p.text.indexOf('16.5%');
    const pieces = p.docx!.runs.filter((r) => r.start < at + 5 && r.end > at);
    expect(pieces.map((r) => p.text.slice(Math.max(r.start, at), Math.min(r.end, at + 5)))).toEqual(['16.', '5%']);
  });

  it('finds the four slips', () => {
    expect(checkDraft(draft.paragraphs, null).map((f) => [f.paragraph, f.printed, f.expected])).toEqual([
      [0, '16.5%', '16.4%'],
      [1, '12.9%', '11.9%'],
      [5, '92.55%', '92.54%'],
      [6, '5.98%', '5.97%'],
    ]);
  });
});

describe('the annotated copy of that .docx', () => {
  const original = handDocx();
  const draft = readDraft({ name: '稿.docx', bytes: original });
  const findings = checkDraft(draft.paragraphs, null);
  const annotated = annotateDocx(original, findings, { date: new Date('2024-12-01T08:00:00Z') });

  it('keeps the existing comment and numbers the new ones after it', () => {
    const comments = part(annotated, 'word/comments.xml');
    expect(comments).toContain('请核对总数');
    expect([...comments.matchAll(/<w:comment w:id="(\d+)"/g)].map((m) => m[1])).toEqual(['0', '1', '2', '3', '4']);
    const types = part(annotated, '[Content_Types].xml');
    expect(types.match(/comments\.xml/g)).toHaveLength(1);
    expect(part(annotated, 'word/_rels/document.xml.rels').match(/relationships\/comments/g)).toHaveLength(1);
  });

  it('puts each range around the printed figure: inside w:ins, inside a hyperlink, before a text box', () => {
    const xml = part(annotated, 'word/document.xml');
    const rangeText = (id: number) => {
      const inner = new RegExp(`<w:commentRangeStart w:id="${id}"/>([\\s\\S]*?)<w:commentRangeEnd w:id="${id}"/>`).exec(xml)![1]!;
      return [...inner.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
    };
    expect(rangeText(1)).toBe('16.5%');
    expect(rangeText(2)).toBe('12.9%');
    expect(rangeText(4)).toBe('5.98%');
    expect(xml).toMatch(
      /<w:ins w:id="12"[^>]*><w:commentRangeStart w:id="2"\/><w:r><w:t>12\.9%<\/w:t><\/w:r><w:commentRangeEnd w:id="2"\/>/,
    );
    expect(xml).toMatch(/<w:hyperlink w:anchor="note">[\s\S]*?<w:commentRangeStart w:id="4"\/>[\s\S]*?<\/w:hyperlink>/);
    // The text box's comment is anchored in its host paragraph, before the run holding the box.
    expect(xml).toContain(
      '<w:commentRangeStart w:id="3"/><w:commentRangeEnd w:id="3"/><w:r><w:commentReference w:id="3"/></w:r><w:r><mc:AlternateContent>',
    );
    expect(part(annotated, 'word/comments.xml')).toContain(`文本框中“${findings[2]!.quote}”：`);
    // Splitting a run keeps the spaces of its first half.
    expect(xml).toContain('<w:t xml:space="preserve">7件。其中经济发展11件，占</w:t>');
  });

  it('reads as the original, and passes the OOXML checks', () => {
    const again = readDraft({ name: 'a.docx', bytes: annotated });
    expect(again.paragraphs.map((p) => p.text)).toEqual(draft.paragraphs.map((p) => p.text));
    const dir = tempDir('jianyi-check-hand-');
    const file = path.join(dir, '批注.docx');
    fs.writeFileSync(file, annotated);
    const plain = path.join(dir, '原稿.docx');
    fs.writeFileSync(plain, original);
    expectValidOoxml(plain);
    expectValidOoxml(file);
  });

  it('refuses a file that is not a .docx with a message for the clerk', () => {
    expect(() => annotateDocx(Buffer.from('不是压缩包'), findings)).toThrow(/不是有效的 \.docx 文件/);
  });

  it('leaves out a finding that does not match the document', () => {
    const stray: Finding = { ...findings[0]!, start: 0, end: 3 };
    const copy = annotateDocx(original, [stray]);
    expect(part(copy, 'word/comments.xml')).toBe(COMMENTS);
  });
});

describe('annotating the .docx of this project and of LibreOffice', () => {
  it("the generator's report, with a slip put in", async () => {
    const store = await newStore();
    const { current } = generateDemo(store, { today: '2024-07-01' });
    const dir = tempDir('jianyi-check-gen-');
    const out = path.join(dir, '报告.docx');
    const { file: report } = await generateReport(store, { session: current, out, today: '2024-07-01' });
    store.close();
    const parts = unzipSync(new Uint8Array(fs.readFileSync(report)));
    const xml = strFromU8(parts['word/document.xml']!);
    const slipped = xml.replace(
      /(占总数的)(\d+)\.(\d)%/,
      (_, a: string, w: string, d: string) => `${a}${w}.${(Number(d) + 1) % 10}%`,
    );
    expect(slipped).not.toBe(xml);
    parts['word/document.xml'] = strToU8(slipped);
    const docx = Buffer.from(zipSync(parts));
    const findings = checkDraft(readDraft({ name: '报告.docx', bytes: docx }).paragraphs, null);
    expect(findings.map((f) => f.kind)).toEqual(['share']);
    const file = path.join(dir, '报告-批注.docx');
    fs.writeFileSync(file, annotateDocx(docx, findings));
    expect(part(fs.readFileSync(file), 'word/comments.xml')).toContain(findings[0]!.message);
    expectValidOoxml(file);
  });

  it('a .docx saved by LibreOffice', () => {
    if (!hasSoffice()) {
      console.log('跳过：本机没有 LibreOffice（soffice）。');
      return;
    }
    const dir = tempDir('jianyi-check-lo2-');
    const txt = path.join(dir, '001.txt');
    fs.copyFileSync(path.join(import.meta.dirname, 'fixtures', 'seeds', '001_182f98c6bb5e3834.txt'), txt);
    convertWithSoffice([txt], dir, 'docx');
    const docx = fs.readFileSync(path.join(dir, '001.docx'));
    const findings = checkDraft(readDraft({ name: '001.docx', bytes: docx }).paragraphs, null);
    expect(findings.map((f) => f.printed)).toEqual(['35.9%']);
    const file = path.join(dir, '001-批注.docx');
    fs.writeFileSync(file, annotateDocx(docx, findings));
    expectValidOoxml(file);
    convertWithSoffice([file], dir, 'pdf');
    expect(fs.existsSync(path.join(dir, '001-批注.pdf'))).toBe(true);
  });
});
