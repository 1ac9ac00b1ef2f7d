// The GB/T 9704 details and package properties a proofreader or a file manager sees, asserted on
// the XML of every document kind: fonts declared with their fallbacks, document properties,
// outline levels, page-number digits, empty headers, the closing block's frame and its room.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_DOCUMENT_SETTINGS, textBlockWidth } from '../electron/common/documents/settings';
import { unsealedInsets } from '../electron/node/documents/render/closing';
import { demoStore, documentsOfEveryKind, OTHER_SETTINGS, type KindFiles } from './helpers/document-kinds';
import { docxParts, paragraphsOf } from './helpers/docx';
import { tempDir } from './helpers/fixtures';
import { parseXml, type XmlElement } from './helpers/ooxml-order';

let standard: KindFiles;
let other: KindFiles;

beforeAll(async () => {
  const dir = tempDir('jianyi-format-');
  const { store, demo } = await demoStore();
  standard = await documentsOfEveryKind(store, demo, path.join(dir, '默认'));
  other = await documentsOfEveryKind(store, demo, path.join(dir, '其他'), OTHER_SETTINGS, 'per-deputy');
}, 120_000);

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const tag = (xml: string, name: string) => [...xml.matchAll(new RegExp(`<${name}\\b[^>]*>`, 'g'))].map((m) => m[0]);
const attr = (element: string, name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(element)?.[1];

function* all(element: XmlElement): Generator<XmlElement> {
  for (const child of element.children) {
    yield child;
    yield* all(child);
  }
}

/** Paragraph elements of the body, in order. */
function bodyParagraphs(xml: string): XmlElement[] {
  return [...all(parseXml(xml))].filter((e) => e.ns === W && e.local === 'p' && e.parent?.local === 'body');
}

const child = (e: XmlElement | undefined, local: string) => e?.children.find((c) => c.local === local);

describe('fonts and properties', () => {
  it('declares every font the document names, with charset 86 and fallbacks stock systems have', () => {
    for (const { file } of [...standard.all, ...other.all]) {
      const parts = docxParts(file);
      const named = new Set<string>();
      for (const [name, xml] of Object.entries(parts)) {
        if (!/^word\/[^/]+\.xml$/.test(name) || name === 'word/fontTable.xml') continue;
        for (const fonts of tag(xml, 'w:rFonts'))
          for (const key of ['w:ascii', 'w:hAnsi', 'w:eastAsia', 'w:cs']) if (attr(fonts, key)) named.add(attr(fonts, key)!);
      }
      const table = parseXml(parts['word/fontTable.xml']!).children[0]!;
      const declared = new Map(table.children.map((f) => [f.attrs['w:name']!, f]));
      expect(new Set(declared.keys()), path.basename(file)).toEqual(named);
      for (const [name, font] of declared) {
        const charset = child(font, 'charset')?.attrs['w:val'];
        expect(charset, name).toBe(/[\u4e00-\u9fff]/.test(name) ? '86' : '00');
        expect(child(font, 'family')?.attrs['w:val'], name).toBeTruthy();
      }
    }
    const fallback = (file: string, name: string) =>
      child(
        parseXml(docxParts(file)['word/fontTable.xml']!).children[0]!.children.find((f) => f.attrs['w:name'] === name),
        'altName',
      )?.attrs['w:val'];
    expect(fallback(standard.letters[0]!, '方正小标宋简体')).toBe('宋体');
    expect(fallback(other.letters[0]!, '仿宋_GB2312')).toBe('仿宋');
    expect(fallback(other.report, '楷体_GB2312')).toBe('楷体');
    expect(fallback(other.letters[0]!, '方正小标宋_GBK')).toBe('宋体');
    expect(fallback(standard.letters[0]!, '黑体')).toBe('SimHei');
    const fangsong = parseXml(docxParts(other.letters[0]!)['word/fontTable.xml']!).children[0]!.children.find(
      (f) => f.attrs['w:name'] === '仿宋_GB2312',
    )!;
    expect(child(fangsong, 'panose1')?.attrs['w:val']).toBe('02010609030101010101');
  });

  it('names the document by its title, its issuing unit as the creator, in zh-CN, written by the product', () => {
    const props = (file: string) => {
      const parts = docxParts(file);
      const core = parts['docProps/core.xml']!;
      const text = (name: string) => new RegExp(`<${name}>([^<]*)</${name}>`).exec(core)?.[1];
      return {
        title: text('dc:title'),
        creator: text('dc:creator'),
        language: text('dc:language'),
        application: /<Application>([^<]*)<\/Application>/.exec(parts['docProps/app.xml']!)?.[1],
        company: /<Company>([^<]*)<\/Company>/.exec(parts['docProps/app.xml']!)?.[1],
      };
    };
    const letter = props(standard.letters[0]!);
    expect(letter.title).toMatch(/^关于区七届人大三次会议第\d+号代表建议的答复$/);
    expect(letter.title).not.toContain('.docx');
    expect(paragraphsOf(docxParts(standard.letters[0]!)['word/document.xml']!).join('\n')).toContain(letter.creator);
    expect(letter.creator).toMatch(/^青川区/);
    expect(letter).toMatchObject({ language: 'zh-CN', application: '建议办理助手' });
    expect(props(standard.opinions[0]!).title).toMatch(/的会办意见$/);
    // The feedback form has no signature: its properties name the lead unit it is returned to.
    expect(standard.forms).toHaveLength(4);
    for (const form of [...standard.forms, ...other.forms]) {
      const unit = /寄回([^（。]+)/.exec(paragraphsOf(docxParts(form)['word/document.xml']!).join(''))![1]!;
      expect(unit, path.basename(form)).toMatch(/^青川区/);
      expect(props(form), path.basename(form)).toMatchObject({
        title: '区七届人大三次会议代表建议办理情况征询意见表',
        creator: unit,
        company: unit,
        language: 'zh-CN',
        application: '建议办理助手',
      });
    }
    expect(props(standard.report)).toMatchObject({
      title: '关于区七届人大三次会议期间代表建议办理情况的报告',
      creator: '青川区人民政府',
      language: 'zh-CN',
    });
    // The statistics tables print their own title, and have no signature: the session's issuing body.
    expect(props(standard.tables)).toMatchObject({
      title: '区七届人大三次会议代表建议办理情况统计表',
      creator: '青川区人民政府',
    });
    expect(props(standard.rectification).title).toMatch(/^青川区人民政府办理区人大常委会关于.*审议意见的报告$/);
  });
});

describe('layout details in the XML', () => {
  it('writes <w:p/> in empty headers and footers, as Word does', () => {
    for (const { file } of standard.all) {
      for (const [name, xml] of Object.entries(docxParts(file))) {
        if (!/^word\/(header|footer)\d+\.xml$/.test(name)) continue;
        const root = parseXml(xml).children[0]!;
        expect(root.children.length, `${path.basename(file)} ${name}`).toBeGreaterThan(0);
      }
      const headers = Object.entries(docxParts(file)).filter(([n]) => /^word\/header\d+\.xml$/.test(n));
      expect(headers.some(([, xml]) => xml.endsWith('><w:p/></w:hdr>'))).toBe(true);
    }
  });

  it('gives headings outline levels for the navigation pane: 一、 level 1, （一） level 2', () => {
    const xml = docxParts(standard.report)['word/document.xml']!;
    const levels = new Map<string, string>();
    for (const p of paragraphsOf(xml).map((text, i) => ({ text, i }))) {
      if (/^[一二三四五]、/.test(p.text)) levels.set(p.text, '0');
    }
    expect(levels.size).toBeGreaterThanOrEqual(4);
    const paragraphs = [...xml.matchAll(/<w:p>[\s\S]*?<\/w:p>/g)].map((m) => m[0]);
    for (const p of paragraphs) {
      const text = paragraphsOf(p)[0] ?? '';
      if (/^[一二三四五六七八九十]+、/.test(text) && text.length < 30) expect(p, text).toContain('<w:outlineLvl w:val="0"/>');
      if (/^（[一二三四五六七八九十]+）/.test(text) && text.length < 30) expect(p, text).toContain('<w:outlineLvl w:val="1"/>');
    }
    // Body text is not in the outline.
    expect(paragraphs.filter((p) => p.includes('w:outlineLvl')).length).toBeLessThan(paragraphs.length / 3);
  });

  it('prints page numbers and the class mark in 4号 half-width 宋体, not the Latin font', () => {
    const parts = docxParts(standard.letters[0]!);
    const footers = Object.entries(parts).filter(([n, xml]) => /^word\/footer\d+\.xml$/.test(n) && xml.includes('PAGE'));
    expect(footers.length).toBe(2);
    for (const [, xml] of footers) {
      for (const fonts of tag(xml, 'w:rFonts')) {
        expect(attr(fonts, 'w:ascii')).toBe('宋体');
        expect(attr(fonts, 'w:hAnsi')).toBe('宋体');
      }
      expect(xml).toContain('<w:sz w:val="28"/>');
    }
    const markHeader = Object.values(parts).find(
      (xml) => xml.startsWith('<?xml') && xml.includes('<w:hdr') && /<w:t[^>]*>[ABCD]<\/w:t>/.test(xml),
    )!;
    const markRun = /<w:r>((?:(?!<\/w:r>).)*?)<w:t[^>]*>[ABCD]<\/w:t>/.exec(markHeader)![1]!;
    expect(attr(tag(markRun, 'w:rFonts')[0]!, 'w:ascii')).toBe('宋体');
    expect(markRun).toContain('<w:sz w:val="28"/>');
  });

  it('ends a section that ends with a table with a paragraph one point high', () => {
    for (const file of [standard.report, standard.tables]) {
      const xml = docxParts(file)['word/document.xml']!;
      expect(xml).not.toMatch(/<\/w:tbl><w:sectPr/);
      // The paragraph after a section's last table: holding the section's properties, or the last of the body.
      const ends = [
        ...xml.matchAll(/<\/w:tbl>(<w:p>(?:(?!<\/w:p>).)*?<w:sectPr)/g),
        ...xml.matchAll(/<\/w:tbl>(<w:p>(?:(?!<\/w:p>).)*?<\/w:p>)<w:sectPr/g),
      ].map((m) => m[1]!);
      expect(ends.length, path.basename(file)).toBeGreaterThan(0);
      for (const end of ends) expect(end).toContain('<w:spacing w:after="0" w:before="0" w:line="20" w:lineRule="exact"/>');
    }
  });

  it('stands the issuer and the date on one centre tab four characters from the right (sealed)', () => {
    const xml = docxParts(standard.letters[0]!)['word/document.xml']!;
    const paragraphs = [...xml.matchAll(/<w:p>(?:(?!<\/w:p>).)*?<\/w:p>/g)].map((m) => m[0]);
    const dated = paragraphs.findIndex((p) => /^\t\d{4}年\d{1,2}月\d{1,2}日$/.test(paragraphsOf(p)[0] ?? ''));
    expect(dated).toBeGreaterThan(0);
    const stop = (p: string) => tag(p, 'w:tab')[0];
    expect(stop(paragraphs[dated]!)).toMatch(/w:val="center"/);
    expect(stop(paragraphs[dated - 1]!)).toBe(stop(paragraphs[dated]!));
    expect(paragraphsOf(paragraphs[dated - 1]!)[0]).toMatch(/^\t青川区/);
    // The stop is where the centre of the date falls, four characters (3号, 320 twips) from the right.
    const date = paragraphsOf(paragraphs[dated]!)[0]!.trim();
    // Half-width digits, and a quarter character where Chinese and digits meet (five times).
    const width = [...date].reduce((w, c) => w + (c.codePointAt(0)! >= 0x2e80 ? 1 : 0.5), 0) + 5 * 0.25;
    expect(Number(attr(stop(paragraphs[dated]!)!, 'w:pos'))).toBe(
      Math.round(textBlockWidth(DEFAULT_DOCUMENT_SETTINGS) - (4 + width / 2) * 320),
    );
  });

  it('sets an unsealed signature by GB/T 9704 7.3.5.2: issuer two from the right, date two right of its start', () => {
    // [issuer, date] widths in characters → right indents in characters.
    expect(unsealedInsets([12, 7])).toEqual([2, 5]); // issuer starts 14 from the right, date 12: two to its right
    expect(unsealedInsets([8, 7])).toEqual([3, 2]); // the date would end nearer than two: it stands two in, the issuer moves left
    expect(unsealedInsets([6, 6, 7])).toEqual([5, 5, 2]);
    expect(unsealedInsets([7])).toEqual([2]);
    const xml = docxParts(other.letters[0]!)['word/document.xml']!;
    const date = [...xml.matchAll(/<w:p>(?:(?!<\/w:p>).)*?<\/w:p>/g)]
      .map((m) => m[0])
      .find((p) => /^\d{4}年\d{1,2}月\d{1,2}日$/.test(paragraphsOf(p)[0] ?? ''))!;
    expect(date).toContain('<w:jc w:val="right"/>');
    expect(date).toMatch(/<w:ind w:right="\d+"\/>/);
  });

  it('frames the closing block at the bottom of the margin, pushing nothing, with its room before it', () => {
    for (const file of [standard.letters[0]!, standard.rectification]) {
      const xml = docxParts(file)['word/document.xml']!;
      const frames = tag(xml, 'w:framePr');
      expect(frames.length, path.basename(file)).toBeGreaterThan(0);
      for (const frame of frames) expect(frame).toMatch(/w:vAnchor="margin" w:xAlign="center" w:yAlign="bottom" w:wrap="none"/);
      // The last paragraphs: the framed ones, then the frame's anchor.
      const paragraphs = bodyParagraphs(xml);
      expect(child(child(paragraphs.at(-1)!, 'pPr'), 'framePr')).toBeUndefined();
      expect(child(child(paragraphs.at(-2)!, 'pPr'), 'framePr')).toBeDefined();
    }
    // The letter keeps the block's room in its anchor; the 整改清单 in the table's last row.
    const letter = bodyParagraphs(docxParts(standard.letters[0]!)['word/document.xml']!).at(-1)!;
    expect(Number(child(child(letter, 'pPr'), 'spacing')!.attrs['w:line'])).toBeGreaterThan(500);
    const rectAnchor = bodyParagraphs(docxParts(standard.rectification)['word/document.xml']!).at(-1)!;
    expect(child(child(rectAnchor, 'pPr'), 'spacing')!.attrs['w:line']).toBe('20');
    const rect = docxParts(standard.rectification)['word/document.xml']!;
    const lastRow = [...rect.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].at(-1)![0];
    expect(lastRow).toMatch(/<w:trHeight w:val="\d+" w:hRule="exact"\/>/);
    expect(lastRow).toMatch(/<w:left w:val="none"/);
    const rowBefore = [...rect.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].at(-2)![0];
    expect(rowBefore.match(/<w:keepNext\/>/g)!.length).toBe(rowBefore.match(/<w:p>/g)!.length);
    const printed = tag(rect, 'w:tab').find((t) => t.includes('w:val="right"'))!;
    // 印发日期 ends one character (4号, 280 twips) inside the right edge of the landscape text block.
    expect(Number(attr(printed, 'w:pos'))).toBe(textBlockWidth(DEFAULT_DOCUMENT_SETTINGS, true) - 280);
  });
});
