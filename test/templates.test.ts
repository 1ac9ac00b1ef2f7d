import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sampleContext } from '../electron/common/documents/data/samples';
import { checkWithSample } from '../electron/node/documents/template/check-sample';
import { plainText } from '../electron/common/documents/markup/document';
import { escapeMarkup } from '../electron/common/documents/markup/escape';
import { parseMarkup } from '../electron/common/documents/markup/parse';
import { compileTemplate } from '../electron/common/documents/template/engine';
import { chineseNumeral, docNumber } from '../electron/common/documents/template/helpers';
import {
  builtinTemplates,
  copyTemplate,
  listTemplates,
  resetTemplate,
  resolveTemplate,
  saveUserTemplate,
} from '../electron/node/documents/template/library';
import { TemplateError } from '../electron/common/documents/template/template-error';
import { newStore } from './helpers/fixtures';

const head = (kind = 'reply-letter', extra = '') => `---\nname: 测试模板\nkind: ${kind}\n${extra}---\n`;

function render(body: string, data: object) {
  return compileTemplate(head() + body, '测试模板').render(data);
}

function errorOf(fn: () => unknown): TemplateError {
  try {
    fn();
  } catch (error) {
    if (error instanceof TemplateError) return error;
    throw error;
  }
  throw new Error('expected a TemplateError');
}

describe('data is escaped for the markup, not for HTML', () => {
  const hostile = '关于*加强* | 管理 # 与 <监督> _的_ [建议](x) 1. 与 ::: table \\ 末尾\n第二行 ^^ ** 结束';

  it('prints a hostile title literally, on one heading with a line break', () => {
    const tree = render('# {{title}}\n\n正文', { title: hostile });
    expect(tree.blocks).toHaveLength(2);
    expect(tree.blocks[0]!.type).toBe('title');
    expect(plainText((tree.blocks[0] as unknown as { runs: [] }).runs)).toBe(hostile);
  });

  it('keeps table structure whatever a cell holds', () => {
    const tree = render('| 甲 | 乙 |\n|---|---|\n| {{a}} | {{b}} |', { a: 'x | y', b: '^^' });
    const table = tree.blocks[0] as Extract<(typeof tree.blocks)[number], { type: 'table' }>;
    expect(table.rows[1]!.map((c) => c.runs.map(plainText).join(''))).toEqual(['x | y', '^^']);
    expect(table.rows[1]![1]!.mergeUp).toBeUndefined();
  });

  it('escapes every ASCII punctuation mark and turns line breaks into U+2028', () => {
    expect(escapeMarkup('a*b\nc')).toBe('a\\*b\u2028c');
  });

  it('refuses triple braces, which would let data through unescaped', () => {
    const error = errorOf(() => compileTemplate(head() + '第一行\n{{{title}}}', '测试模板'));
    expect(error.message).toBe('模板「测试模板」第6行第1列：不能使用三重花括号 {{{ }}}：数据一律按原文印出');
  });

  it('does not reach prototype properties', () => {
    expect(() => render('{{constructor.name}}', { title: '标题' })).toThrow(TemplateError);
    expect(() => render('{{title.length}}', { title: '标题' })).toThrow(/数据中没有「length」这个字段/);
    expect(() => render('{{__proto__.polluted}}', {})).toThrow(TemplateError);
  });
});

describe('helpers for official text', () => {
  it('writes Chinese numerals, dates, 文号 and percentages', () => {
    expect([1, 10, 11, 20, 21, 99, 100, 101, 110, 1000, 1001].map(chineseNumeral)).toEqual([
      '一',
      '十',
      '十一',
      '二十',
      '二十一',
      '九十九',
      '一百',
      '一百零一',
      '一百一十',
      '一千',
      '一千零一',
    ]);
    expect(docNumber('青发改', 2024, '045')).toBe('青发改〔2024〕45号');
    const tree = render(
      '{{cn 11}}；{{ordinal 1}}；{{date day}}；{{docNumber "沪崇府发" 2024 45}}；{{percentOf 24 67}}；{{pointChange "85.1" "75"}}；{{pointChange "70" "70.0"}}；{{join units}}；{{countOf units}}；{{inc 4}}',
      { day: '2024-10-30', units: ['区教育局', '区民政局'], options: { decimals: 1 } },
    );
    expect(plainText((tree.blocks[0] as unknown as { runs: [] }).runs)).toBe(
      '十一；二是；2024年10月30日；沪崇府发〔2024〕45号；35.8%；提高10.1个百分点；持平；区教育局、区民政局；2；5',
    );
  });

  it('uses the session’s decimals for percentOf', () => {
    const tree = render('{{percentOf 62 67}}', { options: { decimals: 2 } });
    expect(plainText((tree.blocks[0] as unknown as { runs: [] }).runs)).toBe('92.54%');
  });

  it('turns a clerk’s prose into paragraphs and heading lines into headings', () => {
    const text = `现答复如下：\n一、基本情况\n近年来……\n（一）主要做法\n一、这一行很长，${'长'.repeat(50)}\n\n`;
    const tree = render('{{prose text}}', { text });
    expect(tree.blocks.map((b) => (b.type === 'heading' ? `h${b.level}` : b.type))).toEqual([
      'paragraph',
      'h1',
      'paragraph',
      'h2',
      'paragraph',
    ]);
  });
});

describe('template errors name the line and column, in words a clerk understands', () => {
  it.each([
    ['an unknown block', '正文\n\n::: tabel\nx\n:::', /第7行：未知的块「tabel」/],
    ['an unclosed block', '正文\n\n::: signature\n青川区\n', /第7行：块「signature」没有结束标记「:::」/],
    ['a bad table parameter', '::: table widths\n| a |\n|---|\n| b |\n:::', /第5行：块「table」的参数「widths」应写成 名称=值/],
    ['an unclosed {{#if}}', '正文\n{{#if a}}\n没有结束', /第7行：花括号语法有误/],
    ['mismatched blocks', '{{#each a}}\n{{/if}}', /第5行第\d+列：块的开始和结束不配对/],
    ['an unknown helper', '正文 {{shout title}}', /第5行第4列：未知的函数「shout」/],
  ])('%s', (_name, body, message) => {
    expect(errorOf(() => compileTemplate(head() + body, '测试模板')).message).toMatch(message);
  });

  it('names a missing data field when filled', () => {
    const template = compileTemplate(head() + '第一段\n\n{{proposal.titel}}', '测试模板');
    expect(errorOf(() => template.render({ proposal: { title: 'x' } })).message).toMatch(
      /第7行第3列：数据中没有「titel」这个字段/,
    );
  });

  it('checks the front matter', () => {
    expect(errorOf(() => compileTemplate('正文', 'x')).message).toMatch(/缺少以「---」包围的说明部分/);
    expect(errorOf(() => compileTemplate('---\nname: x\nkind: letter\n---\n', 'x')).message).toMatch(
      /第3行：说明部分的「kind」有误/,
    );
    expect(errorOf(() => compileTemplate('---\nname: [x\n---\n', 'x')).message).toMatch(/说明部分的格式有误/);
  });

  it('reports table widths that do not match the columns when filled', () => {
    const template = compileTemplate(head() + '::: table widths=1,2,3\n| a | b |\n|---|---|\n:::', '测试模板');
    expect(errorOf(() => template.render({})).message).toMatch(/widths=1,2,3 应当是 2 个/);
  });
});

describe('built-in templates', () => {
  it('are there for every kind and fill in with sample data', async () => {
    const kinds = new Set(builtinTemplates().map((t) => t.kind));
    expect([...kinds].sort()).toEqual(
      ['annual-report', 'cohandling-opinion', 'feedback-form', 'rectification', 'reply-letter', 'statistics-tables'].sort(),
    );
    for (const builtin of builtinTemplates()) {
      await checkWithSample(compileTemplate(builtin.source, builtin.name));
    }
  });

  it('the reply letter has the parts of an official letter', () => {
    const template = resolveTemplate(null, undefined, 'reply-letter');
    const tree = template.render(sampleContext('reply-letter'));
    expect(template.meta.header).toBe('letter');
    expect(plainText(tree.header.issuer!)).toBe('区经委');
    expect(tree.header.mark).toBe('A');
    expect(plainText(tree.header.docNumber!)).toBe('青经〔2024〕45号');
    const kinds = tree.blocks.map((b) => b.type);
    expect(kinds.slice(0, 2)).toEqual(['title', 'addressee']);
    expect(kinds).toEqual(expect.arrayContaining(['signature', 'note', 'heading']));
    expect(plainText((tree.blocks[0] as unknown as { runs: [] }).runs)).toBe('关于区七届人大三次会议第12号代表建议的答复');
  });
});

describe('user templates', () => {
  it('are copied from a built-in, edited, refused with the line of an error, and reset', async () => {
    const store = await newStore();
    copyTemplate(store, '答复函（信函格式）', '我的答复函');
    const copy = listTemplates(store).find((t) => t.name === '我的答复函')!;
    expect(copy).toMatchObject({ origin: 'user', basedOn: '答复函（信函格式）', kind: 'reply-letter' });

    const broken = copy.source.replace('::: addressee', '::: adressee');
    const lineOfError = broken.split('\n').findIndex((l) => l.includes('adressee')) + 1;
    await expect(saveUserTemplate(store, broken, () => undefined)).rejects.toThrow(
      new RegExp(`第${lineOfError}行：未知的块「adressee」`),
    );
    expect(store.templates.findByName('我的答复函')!.source).toBe(copy.source);

    const missingField = copy.source.replace('{{addressee}}', '{{adressee}}');
    await expect(saveUserTemplate(store, missingField, (t) => void t.render(sampleContext(t.meta.kind)))).rejects.toThrow(
      /数据中没有「adressee」这个字段/,
    );

    const edited = copy.source.replace('感谢{{you}}', '衷心感谢{{you}}');
    expect(edited).not.toBe(copy.source);
    await saveUserTemplate(store, edited, (t) => void t.render(sampleContext(t.meta.kind)));
    expect(resolveTemplate(store, '我的答复函', 'reply-letter').source).toBe(edited);
    expect(() => resolveTemplate(store, '我的答复函', 'annual-report')).toThrow('是答复函模板，不能用来生成办理情况报告');

    resetTemplate(store, '我的答复函');
    expect(() => resolveTemplate(store, '我的答复函', 'reply-letter')).toThrow('找不到模板「我的答复函」');
  });

  it('a user template named like a built-in replaces it until reset', async () => {
    const store = await newStore();
    const builtin = builtinTemplates().find((b) => b.kind === 'reply-letter')!;
    await saveUserTemplate(store, builtin.source.replace('【此处填写答复正文', '（自定义）【此处填写答复正文'), () => undefined);
    expect(listTemplates(store).find((t) => t.origin === 'builtin' && t.kind === 'reply-letter')!.overridden).toBe(true);
    expect(resolveTemplate(store, undefined, 'reply-letter').source).toContain('（自定义）');
    resetTemplate(store, builtin.name);
    expect(resolveTemplate(store, undefined, 'reply-letter').source).toBe(builtin.source);
  });

  it('reads a template from a file path', () => {
    const file = `${fs.mkdtempSync('/tmp/tpl-')}/letter.md`;
    fs.writeFileSync(file, head() + '# 标题');
    expect(resolveTemplate(null, file, 'reply-letter').meta.name).toBe('测试模板');
  });
});

describe('markup', () => {
  it('merges cells marked ^^ and << and keeps alignment', () => {
    const tree = parseMarkup(
      '::: table widths=1,1,1 header=1\n| a | b | c |\n|---|:-:|---|\n| x | y | << |\n| ^^ | z | w |\n:::',
    );
    const table = tree.blocks[0] as Extract<(typeof tree.blocks)[number], { type: 'table' }>;
    expect(table.rows[1]![2]!.mergeLeft).toBe(true);
    expect(table.rows[2]![0]!.mergeUp).toBe(true);
    expect(table.rows[1]![1]!.align).toBe('center');
  });

  it('treats lists, links, code and HTML as plain text', () => {
    const tree = parseMarkup('1. 第一条\n\n    缩进的行\n\n<b>粗</b> [链接](x) `代码`');
    expect(tree.blocks.map((b) => plainText((b as unknown as { runs: [] }).runs))).toEqual([
      '1. 第一条',
      '缩进的行',
      '<b>粗</b> [链接](x) `代码`',
    ]);
  });
});

describe('title lines', () => {
  it('break long titles between words into lines of similar length', async () => {
    const { balanceTitle } = await import('../electron/node/documents/render/title-lines');
    expect(balanceTitle('关于区七届人大三次会议第1号代表建议的答复', 19)).toEqual([
      '关于区七届人大三次会议',
      '第1号代表建议的答复',
    ]);
    expect(balanceTitle('关于区七届人大三次会议第12号代表建议的会办意见', 19)).toEqual([
      '关于区七届人大三次会议',
      '第12号代表建议的会办意见',
    ]);
    expect(balanceTitle('短标题', 19)).toEqual(['短标题']);
    for (const line of balanceTitle(
      '青川区人民政府办理区人大常委会关于区七届人大二次会议以来代表建议办理情况报告审议意见的报告',
      19,
    )) {
      expect([...line].length).toBeLessThanOrEqual(19);
    }
  });
});
