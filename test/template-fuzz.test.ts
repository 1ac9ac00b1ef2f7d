import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { sampleContext } from '../electron/common/documents/data/samples';
import { renderTemplate } from '../electron/node/documents/generate/render-template';
import { plainText, type Block, type Run } from '../electron/common/documents/markup/document';
import { CONTAINER_NAMES } from '../electron/common/documents/markup/parse';
import { DEFAULT_DOCUMENT_SETTINGS } from '../electron/common/documents/settings';
import { compileTemplate, MAX_NESTING, registeredHelperNames } from '../electron/common/documents/template/engine';
import { TEMPLATE_KINDS } from '../electron/common/documents/template/front-matter';
import { HELPER_DOCS } from '../electron/common/documents/template/helpers';
import { builtinTemplates, builtinTemplatesDir, resolveTemplate } from '../electron/node/documents/template/library';
import { TemplateError } from '../electron/common/documents/template/template-error';
import { UserError } from '../electron/common/domain/errors';
import { docxParts, paragraphsOf } from './helpers/docx';

// Hostile templates and hostile data: whatever a clerk types into the template editor, and
// whatever an imported ledger puts into the data, compiling and rendering either works or is
// refused with a TemplateError in Chinese that names the line; never another exception, never
// a hang. Fixed seeds keep the runs repeatable; a failure prints its seed and counterexample.

const ORIGIN = '模糊测试';
const CASE_LIMIT_MS = 2000;
const CJK = /[\u4e00-\u9fff]/;

const stats = { cases: 0, rendered: 0, docx: 0, refused: 0, slowest: { ms: 0, label: '', source: '' } };
const byLabel = new Map<string, { cases: number; rendered: number; docx: number }>();

afterAll(() => {
  const { slowest } = stats;
  const labels = [...byLabel].map(([label, s]) => `  ${label}: ${s.cases} cases, ${s.rendered} rendered, ${s.docx} to .docx`);
  console.info(
    `template fuzz: ${stats.cases} cases (${stats.rendered} rendered, ${stats.docx} to .docx, ${stats.refused} refused)\n` +
      `${labels.join('\n')}\n` +
      `slowest ${slowest.ms.toFixed(0)} ms (${slowest.label}): ${JSON.stringify(slowest.source.slice(0, 300))}`,
  );
});

type Stage = 'compile' | 'render' | 'docx';

/**
 * A refusal must be the engine's own: a TemplateError, in Chinese, at a line of the source. (The
 * renderer, last, may refuse with a UserError of its own; it has no template lines to name.)
 */
function expectRefusal(error: unknown, source: string, stage: Stage): void {
  if (stage === 'docx' && error instanceof UserError && !(error instanceof TemplateError)) {
    expect(error.message).toMatch(CJK);
    return;
  }
  if (!(error instanceof TemplateError)) {
    const e = error as Error;
    throw new Error(`${stage}: ${e?.name} is not a TemplateError: ${e?.message}\n--- source ---\n${source}`);
  }
  expect(error).toBeInstanceOf(UserError);
  expect(error.message.startsWith(`模板「${ORIGIN}」`)).toBe(true);
  expect(error.problem, error.message).toMatch(CJK);
  const lines = source.replace(/\r\n?/g, '\n').split('\n').length;
  // Every problem found in the template text itself is placed; one found after the data is
  // filled in is placed when the engine can tell where.
  if (stage === 'compile') expect(error.line, error.message).not.toBeNull();
  if (error.line !== null) {
    expect(error.line).toBeGreaterThanOrEqual(1);
    expect(error.line, error.message).toBeLessThanOrEqual(lines);
    expect(error.message).toContain(`第${error.line}行`);
  }
  if (error.column !== null) expect(error.column).toBeGreaterThanOrEqual(1);
}

async function runCase(label: string, source: string, data: object, toDocx: boolean): Promise<void> {
  stats.cases += 1;
  const counts = byLabel.get(label) ?? { cases: 0, rendered: 0, docx: 0 };
  byLabel.set(label, counts);
  counts.cases += 1;
  const started = performance.now();
  let stage: Stage = 'compile';
  try {
    const template = compileTemplate(source, ORIGIN);
    stage = 'render';
    template.render(data);
    stats.rendered += 1;
    counts.rendered += 1;
    if (toDocx) {
      stage = 'docx';
      const bytes = await renderTemplate(template, data, DEFAULT_DOCUMENT_SETTINGS, ORIGIN);
      expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
      stats.docx += 1;
      counts.docx += 1;
    }
  } catch (error) {
    expectRefusal(error, source, stage);
    stats.refused += 1;
  } finally {
    const ms = performance.now() - started;
    if (ms > stats.slowest.ms) stats.slowest = { ms, label, source };
    expect(ms, `${label} took ${ms.toFixed(0)} ms:\n${source.slice(0, 500)}`).toBeLessThan(CASE_LIMIT_MS);
  }
}

// ---- the grammar ----

const HOSTILE_TEXT = [
  '关于加快园区转型升级的建议',
  '现答复如下：',
  '一、基本情况',
  '（一）主要做法',
  '**粗体**',
  '*斜*',
  '_x_',
  ':::',
  '::: table',
  '{{x}}',
  '{{{x}}}',
  '}}',
  '<w:p>',
  '</w:t>',
  '&amp;',
  ']]>',
  '# 标题',
  '| a | b |',
  '^^',
  '<<',
  '---',
  '1. 第一条',
  '[链接](x)',
  '`代码`',
  '\\',
  '\r\n',
  '\n',
  '\u2028',
  '\u2029',
  '\t',
  '\u0000\u0001\u0008\u000B\u001F',
  '\uFFFE\uFFFF',
  '\uD800',
  '😀',
  '',
];

const hostileString = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_TEXT) },
  { weight: 2, arbitrary: fc.array(fc.constantFrom(...HOSTILE_TEXT), { maxLength: 5 }).map((parts) => parts.join('')) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 10 }) },
);

const dataKey = fc.constantFrom('x', 'a', 'b', 'title', 'list', 'obj', 'deep', 'constructor', '__proto__', 'length', '0');

const { value: dataValue } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    hostileString,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(dataKey, tie('value'), { maxKeys: 3 }),
  ),
}));

const dataArb = fc.record(
  {
    x: dataValue,
    a: dataValue,
    b: dataValue,
    title: hostileString,
    list: fc.array(dataValue, { maxLength: 4 }),
    obj: fc.dictionary(dataKey, dataValue, { maxKeys: 4 }),
    options: fc.record({ decimals: fc.integer({ min: -1, max: 5 }) }),
  },
  { requiredKeys: [] },
);
/** Data with every field the grammar names, so that more templates get as far as rendering. */
const fullDataArb = fc.record({
  x: dataValue,
  a: dataValue,
  b: dataValue,
  title: hostileString,
  list: fc.array(dataValue, { maxLength: 4 }),
  obj: fc.dictionary(dataKey, dataValue, { maxKeys: 4 }),
  options: fc.record({ decimals: fc.integer({ min: -1, max: 5 }) }),
});

const PATHS = [
  'x',
  'a',
  'b',
  'title',
  'list',
  'obj',
  'obj.a',
  'obj.deep.x',
  'list.[0]',
  'list.length',
  'this',
  '.',
  '@root.title',
  '@root.constructor',
  '../x',
  '@index',
  '@key',
  '@first',
  'constructor',
  '__proto__',
  'this.constructor.name',
  'title.length',
  'title.[0]',
  'missing',
  'options.decimals',
];
const SAFE_PATHS = ['x', 'a', 'b', 'title', 'list', 'obj', 'this', 'options.decimals'];
const pathArb = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...SAFE_PATHS) },
  { weight: 1, arbitrary: fc.constantFrom(...PATHS) },
);

const HELPER_NAMES = [
  ...HELPER_DOCS.map((h) => h.name),
  'esc',
  'lookup',
  'log',
  'helperMissing',
  'blockHelperMissing',
  'each',
  'if',
  'with',
  'unless',
  'shout',
  'constructor',
];

const { arg: argArb } = fc.letrec<{ arg: string }>((tie) => ({
  arg: fc.oneof(
    { depthSize: 'small' },
    pathArb,
    fc.constantFrom(
      '"constructor"',
      '"__proto__"',
      '"A"',
      '"85.1"',
      '"75"',
      '""',
      '"青发改"',
      'true',
      'false',
      'null',
      '-1',
      '1e308',
    ),
    fc.integer({ min: -5, max: 100_000 }).map(String),
    hostileString.map((s) => JSON.stringify(s)),
    fc
      .tuple(fc.constantFrom(...HELPER_NAMES), fc.array(tie('arg'), { maxLength: 2 }))
      .map(([name, args]) => `(${[name, ...args].join(' ')})`),
  ),
}));

const mustacheArb = fc.oneof(
  { weight: 4, arbitrary: pathArb.map((p) => `{{${p}}}`) },
  {
    weight: 3,
    arbitrary: fc
      .tuple(
        fc.oneof(
          { weight: 3, arbitrary: fc.constantFrom(...HELPER_DOCS.map((h) => h.name)) },
          { weight: 1, arbitrary: fc.constantFrom(...HELPER_NAMES) },
        ),
        fc.array(argArb, { maxLength: 3 }),
        fc.option(fc.tuple(pathArb, argArb), { freq: 4 }),
      )
      .map(
        ([name, args, hash]) =>
          `{{${[name, ...args, ...(hash ? [`${hash[0].replace(/\W/g, '') || 'k'}=${hash[1]}`] : [])].join(' ')}}}`,
      ),
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '{{',
      '}}',
      '{{{',
      '}}}',
      '{{{x}}}',
      '{{&x}}',
      '{{else}}',
      '{{/each}}',
      '{{/if}}',
      '{{/with}}',
      '{{#each list}}',
      '{{#if a}}',
      '{{#with obj}}',
      '{{> partial}}',
      '{{> reply-letter}}',
      '{{#> layout}}x{{/layout}}',
      '{{!-- 注释 --}}',
      '{{! 注释 }}',
      '{{!-- {{#if a}} --}}',
      '{{*inline}}',
      '{{#*inline "p"}}x{{/inline}}',
      '{{~x~}}',
      '{{lookup this "constructor"}}',
      '{{{{raw}}}}x{{{{/raw}}}}',
      '{{#each list}}{{@index}}{{/each}}',
      '{{#each obj}}{{@key}}{{/each}}',
      '{{#x}}块{{/x}}',
      '{{^a}}反{{/a}}',
      '{{#join list}}x{{/join}}',
      '{{#each}}{{/each}}',
      '{{#if a b}}{{/if}}',
    ),
  },
);

const containerInfoArb = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...CONTAINER_NAMES) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      'tabel',
      '',
      'table widths=1,2',
      'table widths=0',
      'table header=9',
      'table widths=a,b header=-1',
      'table x',
      'table widths=1,1 header=1',
      'landscape',
      '{{x}}',
    ),
  },
);

/**
 * A Markdown table of 1–4 columns: a header row 列1…, a rule row of `rule`, then up to four rows
 * of up to `rowLength` cells (as many as given, whatever the header says), each cell with the
 * characters `flattened` matches turned into spaces.
 */
const markdownTableArb = (cell: fc.Arbitrary<string>, rowLength: number, rule: fc.Arbitrary<string>, flattened: RegExp) =>
  fc
    .tuple(fc.integer({ min: 1, max: 4 }), fc.array(fc.array(cell, { maxLength: rowLength }), { maxLength: 4 }), rule)
    .map(([columns, rows, ruleCell]) => {
      const line = (cells: string[]) => `| ${cells.map((c) => c.replace(flattened, ' ')).join(' | ')} |`;
      const header = line(Array.from({ length: columns }, (_, i) => `列${i + 1}`));
      return `\n${header}\n${line(Array.from({ length: columns }, () => ruleCell))}\n${rows.map(line).join('\n')}\n`;
    });

const tableArb = markdownTableArb(
  fc.oneof(hostileString, mustacheArb, fc.constantFrom('^^', '<<', '')),
  5,
  fc.constantFrom('---', ':-:', '--:', ':--'),
  /\n/g,
);

const markupArb = fc.oneof(
  fc.constantFrom(
    '\n',
    '\n\n',
    '# ',
    '## ',
    '### ',
    '#### ',
    '##### ',
    '###### ',
    '\n---\n',
    '***',
    '**',
    '*',
    '^^',
    '<<',
    '\u2028',
    '\\',
    '  \n',
    '    缩进\n',
    '\n:::\n',
    '\n::::\n',
    '1. 列表\n',
    '> 引用\n',
    '<b>粗</b>',
    'a\n===\n',
  ),
  containerInfoArb.map((info) => `\n::: ${info}\n`),
  tableArb,
);

const leafArb = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  { weight: 3, arbitrary: mustacheArb },
  { weight: 2, arbitrary: markupArb },
);

// Leaves that are each valid on their own, so that balanced structures mostly reach rendering:
// text without braces, values and documented helpers on fields every data object has.
const cleanTextArb = hostileString.map((text) => text.replace(/[{}]/g, '〔'));
const cleanMustacheArb = fc.oneof(
  fc.constantFrom(...SAFE_PATHS).map((p) => `{{${p}}}`),
  fc.constantFrom(
    '{{cn 11}}',
    '{{ordinal 2}}',
    '{{date "2024-10-30"}}',
    '{{date title}}',
    '{{docNumber "青发改" 2024 x}}',
    '{{join list}}',
    '{{join list "，"}}',
    '{{countOf list}}',
    '{{paragraphs title}}',
    '{{prose title}}',
    '{{prose x}}',
    '{{percentOf 24 67}}',
    '{{inc 4}}',
    '{{lookup obj "a"}}',
    '{{lookup this "constructor"}}',
    '{{esc a}}',
    '{{!-- 注释 --}}',
  ),
);
const cleanTableArb = markdownTableArb(
  fc.oneof(cleanTextArb, cleanMustacheArb, fc.constantFrom('^^', '<<', '')),
  4,
  fc.constant('---'),
  /[\n\r|]/g,
);

const cleanLeafArb = fc.oneof(
  { weight: 4, arbitrary: cleanTextArb },
  { weight: 3, arbitrary: cleanMustacheArb },
  { weight: 2, arbitrary: markupArb },
  { weight: 1, arbitrary: leafArb },
);

const BLOCK_OPENERS = ['each list', 'each obj', 'each this', 'if a', 'if (eq a "A")', 'if (and a b)', 'with obj', 'unless b'];

// Balanced structures, so that many cases get past the parser into rendering. A container's
// fence is longer than any fence inside it, as nesting containers requires.
interface Piece {
  text: string;
  /** How many containers deep the piece is. */
  height: number;
}
const joined = (pieces: Piece[], separator = '') => ({
  text: pieces.map((p) => p.text).join(separator),
  height: Math.max(0, ...pieces.map((p) => p.height)),
});
const { node: nodeArb } = fc.letrec<{ node: Piece }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    cleanLeafArb.map((text) => ({ text, height: text.includes(':::') ? 1 : 0 })),
    fc
      .tuple(
        fc.constantFrom(...BLOCK_OPENERS),
        fc.array(tie('node'), { maxLength: 4 }),
        fc.option(fc.array(tie('node'), { maxLength: 3 })),
      )
      .map(([open, body, inverse]) => {
        const name = open.split(' ')[0];
        const inner = joined([...body, ...(inverse ?? [])]);
        const text = `{{#${open}}}${joined(body).text}${inverse ? `{{else}}${joined(inverse).text}` : ''}{{/${name}}}`;
        return { text, height: inner.height };
      }),
    fc.array(tie('node'), { maxLength: 3 }).map((body) => {
      const inner = joined(body, '\n');
      const fence = ':'.repeat(3 + inner.height);
      return { text: `\n${fence} landscape\n${inner.text}\n${fence}\n`, height: inner.height + 1 };
    }),
    fc
      .tuple(
        fc.constantFrom(...CONTAINER_NAMES.filter((name) => name !== 'landscape' && name !== 'table')),
        fc.array(fc.oneof(cleanTextArb, cleanMustacheArb), { maxLength: 4 }),
      )
      .map(([name, lines]) => ({ text: `\n::: ${name}\n${lines.join('\n')}\n:::\n`, height: 1 })),
    fc
      .tuple(cleanTableArb, fc.option(fc.constantFrom('header=1', 'header=2', 'widths=1,2', 'widths=1,1,1,1 header=0')))
      .map(([table, attrs]) => ({ text: `\n::: table${attrs ? ` ${attrs}` : ''}\n${table.trim()}\n:::\n`, height: 1 })),
  ),
}));

// Deep nesting, around and beyond the engine's limit.
const deepArb = fc.oneof(
  fc
    .tuple(fc.integer({ min: 1, max: MAX_NESTING * 3 }), fc.constantFrom(...BLOCK_OPENERS), leafArb)
    .map(([n, open, inner]) => `{{#${open}}}`.repeat(n) + inner + `{{/${open.split(' ')[0]}}}`.repeat(n)),
  fc
    .tuple(fc.integer({ min: 1, max: MAX_NESTING * 3 }), fc.constantFrom('not', 'inc', 'cn', 'and a'))
    .map(([n, helper]) => `{{not ${`(${helper} `.repeat(n)}a${')'.repeat(n)}}}`),
  fc
    .integer({ min: 1, max: 120 })
    .map((n) =>
      [
        ...Array.from({ length: n }, (_, i) => `${':'.repeat(3 + n - i)} landscape`),
        '正文',
        ...Array.from({ length: n }, (_, i) => ':'.repeat(4 + i)),
      ].join('\n'),
    ),
  fc.integer({ min: 1, max: 2000 }).map((n) => `{{#if a}}${'{{#each list}}'.repeat(n)}`),
);

const goodHeadArb = fc
  .tuple(
    fc.constantFrom(...TEMPLATE_KINDS),
    fc.constantFrom('letter', 'ordinary', 'none'),
    fc.constantFrom('portrait', 'landscape'),
    fc.boolean(),
  )
  .map(
    ([kind, header, orientation, pageNumbers]) =>
      `---\nname: 模糊模板\nkind: ${kind}\nheader: ${header}\norientation: ${orientation}\npageNumbers: ${pageNumbers}\n---\n`,
  );

const yamlLineArb = fc.oneof(
  fc.constantFrom(
    'name: 模糊模板',
    'kind: reply-letter',
    'kind: letter',
    'header: letter',
    'name: &a 名称',
    'description: *a',
    'description: *nope',
    'a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]',
    'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]',
    'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]',
    'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]',
    'e: [*d, *d, *d, *d, *d, *d, *d, *d, *d]',
    '\tname: x',
    'name: [x',
    'name: {a: 1}',
    '<<: {name: x, kind: reply-letter}',
    '__proto__: {polluted: 1}',
    'pageNumbers: yes',
    '- a',
    '? [a, b]\n: c',
    'name: !!js/function "function () {}"',
    '%YAML 1.1',
    '...',
    'name: "\\u0000"',
    `name: ${'长'.repeat(70)}`,
    'orientation: sideways',
    'description: "未闭合',
    'name: x\nname: y',
  ),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
);

const headArb = fc.oneof(
  { weight: 6, arbitrary: goodHeadArb },
  { weight: 2, arbitrary: fc.array(yamlLineArb, { maxLength: 8 }).map((lines) => `---\n${lines.join('\n')}\n---\n`) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '',
      '---\nname: x\n',
      '\uFEFF---\r\nname: 模糊模板\r\nkind: reply-letter\r\n---\r\n',
      'name: x\n---\n',
      '---\n---\n',
    ),
  },
);

const SEED = 20_240_601;

// Documents are rendered on a worker thread started on first use: start it before the clock runs.
beforeAll(async () => {
  await renderTemplate(
    compileTemplate(`---\nname: 预热\nkind: annual-report\n---\n正文\n`, ORIGIN),
    {},
    DEFAULT_DOCUMENT_SETTINGS,
    ORIGIN,
  );
}, 60_000);

describe('fuzzing the template engine: random templates from a grammar', () => {
  it('fragment soup with random data', async () => {
    await fc.assert(
      fc.asyncProperty(headArb, fc.array(leafArb, { maxLength: 30 }), dataArb, async (head, parts, data) => {
        await runCase('soup', head + parts.join(''), data, stats.cases % 5 === 0);
      }),
      { seed: SEED, numRuns: 1000 },
    );
  });

  it('balanced blocks, containers and tables with random data', async () => {
    await fc.assert(
      fc.asyncProperty(goodHeadArb, fc.array(nodeArb, { minLength: 1, maxLength: 6 }), fullDataArb, async (head, nodes, data) => {
        await runCase('balanced', head + joined(nodes, '\n').text, data, stats.cases % 4 === 0);
      }),
      { seed: SEED + 1, numRuns: 1000 },
    );
  });

  it('deep nesting is refused with its line, fast', async () => {
    await fc.assert(
      fc.asyncProperty(goodHeadArb, deepArb, dataArb, async (head, body, data) => {
        await runCase('deep', head + body, data, stats.cases % 6 === 0);
      }),
      { seed: SEED + 2, numRuns: 150 },
    );
  });
});

// ---- mutations of the built-in templates ----

type Mutation =
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'duplicate'; at: number; length: number; to: number }
  | { kind: 'swap'; a: number; b: number; length: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'lines'; op: 'delete' | 'duplicate' | 'swap'; a: number; b: number };

// Whole-line edits mostly keep a template valid, so they reach rendering; slices cut anywhere.
const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('lines' as const),
      op: fc.constantFrom('delete' as const, 'duplicate' as const, 'swap' as const),
      a: fc.nat(),
      b: fc.nat(),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(cleanLeafArb, leafArb) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('duplicate' as const),
      at: fc.nat(),
      length: fc.integer({ min: 1, max: 200 }),
      to: fc.nat(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('swap' as const),
      a: fc.nat(),
      b: fc.nat(),
      length: fc.integer({ min: 1, max: 60 }),
    }),
  },
);

function mutate(source: string, mutation: Mutation): string {
  const n = source.length + 1;
  switch (mutation.kind) {
    case 'delete': {
      const at = mutation.at % n;
      return source.slice(0, at) + source.slice(at + mutation.length);
    }
    case 'duplicate': {
      const at = mutation.at % n;
      const slice = source.slice(at, at + mutation.length);
      const to = mutation.to % n;
      return source.slice(0, to) + slice + source.slice(to);
    }
    case 'swap': {
      const [a, b] = [mutation.a % n, mutation.b % n].sort((x, y) => x - y) as [number, number];
      const length = Math.min(mutation.length, b - a);
      if (length <= 0) return source;
      return (
        source.slice(0, a) +
        source.slice(b, b + length) +
        source.slice(a + length, b) +
        source.slice(a, a + length) +
        source.slice(b + length)
      );
    }
    case 'insert': {
      const at = mutation.at % n;
      return source.slice(0, at) + mutation.text + source.slice(at);
    }
    case 'lines': {
      const lines = source.split('\n');
      const a = mutation.a % lines.length;
      const b = mutation.b % lines.length;
      if (mutation.op === 'delete') lines.splice(a, 1 + (b % 4));
      else if (mutation.op === 'duplicate') lines.splice(b, 0, ...lines.slice(a, a + 1 + (b % 4)));
      else [lines[a], lines[b]] = [lines[b]!, lines[a]!];
      return lines.join('\n');
    }
  }
}

describe('fuzzing the template engine: mutated built-in templates', () => {
  for (const builtin of builtinTemplates()) {
    it(`${builtin.name} (${builtin.file})`, async () => {
      const sample = sampleContext(builtin.kind);
      await fc.assert(
        fc.asyncProperty(
          fc.array(mutationArb, { minLength: 1, maxLength: 3 }),
          fc.oneof({ weight: 4, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: dataArb }),
          async (mutations, randomData) => {
            const source = mutations.reduce(mutate, builtin.source);
            await runCase(`mutated ${builtin.file}`, source, randomData ?? sample, stats.cases % 4 === 0);
          },
        ),
        { seed: SEED + 10 + builtin.source.length, numRuns: 200 },
      );
    });
  }
});

// ---- the sandbox ----

const head = (kind = 'reply-letter') => `---\nname: ${ORIGIN}\nkind: ${kind}\n---\n`;

/** The output of a template, or the TemplateError that refused it. */
function attempt(body: string, data: object): { output: string } | { error: TemplateError } {
  try {
    return { output: compileTemplate(head() + body, ORIGIN).fill(data) };
  } catch (error) {
    expectRefusal(error, head() + body, 'render');
    return { error: error as TemplateError };
  }
}

const MARKER = '__templateSandboxBroken';

// Known ways out of a Handlebars sandbox: prototype walks to Function (CVE-2019-19919,
// GHSA-q42p-pg8m-cqh6, GHSA-2cf5-4w76-r9qv, the 4.0.x/4.5.x lookup and __defineGetter__ bypasses).
const PAYLOADS = [
  '{{constructor}}',
  '{{this.constructor}}',
  '{{this.constructor.name}}',
  '{{lookup this "constructor"}}',
  '{{lookup (lookup this "constructor") "constructor"}}',
  '{{#with this.__proto__}}{{constructor}}{{/with}}',
  '{{#with (lookup this "__proto__")}}{{lookup this "constructor"}}{{/with}}',
  '{{__proto__.polluted}}',
  '{{@root.constructor.constructor}}',
  '{{#with @root.constructor}}{{constructor}}{{/with}}',
  '{{title.constructor.constructor}}',
  '{{#with title}}{{#with constructor}}{{#with constructor}}{{this}}{{/with}}{{/with}}{{/with}}',
  `{{#with "s" as |string|}}
  {{#with "e"}}
    {{#with split as |conslist|}}
      {{this.pop}}
      {{this.push (lookup string.sub "constructor")}}
      {{this.pop}}
      {{#with string.split as |codelist|}}
        {{this.pop}}
        {{this.push "return globalThis.${MARKER} = true;"}}
        {{this.pop}}
        {{#each conslist}}
          {{#with (string.sub.apply 0 codelist)}}
            {{this}}
          {{/with}}
        {{/each}}
      {{/with}}
    {{/with}}
  {{/with}}
{{/with}}`,
  `{{#with this as |obj|}}
  {{#with (obj.constructor.keys "1") as |arr|}}
    {{arr.pop}}
    {{arr.push obj.constructor.name.constructor.bind}}
    {{arr.pop}}
    {{arr.push "return globalThis.${MARKER} = true;"}}
    {{arr.pop}}
    {{blockHelperMissing obj.constructor.name.constructor.bind}}
    {{#blockHelperMissing obj.constructor.name.constructor}}{{/blockHelperMissing}}
  {{/with}}
{{/with}}`,
  '{{#with (lookup this "__defineGetter__")}}{{this "constructor" (lookup this "valueOf")}}{{/with}}',
  '{{#each (lookup this "constructor")}}{{@key}}{{/each}}',
  '{{#with "x"}}{{#with (lookup this "constructor")}}{{#with (lookup this "constructor")}}{{this "return 1"}}{{/with}}{{/with}}{{/with}}',
  '{{helperMissing "return 1"}}',
  '{{#blockHelperMissing this}}{{/blockHelperMissing}}',
  '{{log (lookup this "constructor")}}',
  '{{> (lookup this "constructor")}}',
  '{{valueOf}}',
  '{{toString}}',
  '{{hasOwnProperty "x"}}',
  '{{#each this}}{{@key}}:{{this}};{{/each}}',
];

describe('the sandbox: no way from a template to code, files or prototypes', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    delete (globalThis as Record<string, unknown>)[MARKER];
  });

  it.each(PAYLOADS)('%s is refused or prints nothing harmful', (payload) => {
    const data = { title: '标题', list: ['a'], obj: { a: 1 } };
    const template = (() => {
      try {
        return compileTemplate(head() + payload, ORIGIN);
      } catch (error) {
        expectRefusal(error, head() + payload, 'compile');
        return null;
      }
    })();
    if (template === null) return;
    // Compiling a template is Handlebars' business: it builds the template's own function, on
    // first use. Filling one in must never construct another, whatever path the template walks.
    try {
      template.fill({});
    } catch {
      // only to have Handlebars compile it
    }
    const functionSpy = vi.spyOn(globalThis, 'Function');
    let output = '';
    try {
      output = template.fill(data);
    } catch (error) {
      expectRefusal(error, head() + payload, 'render');
    }
    expect(functionSpy).not.toHaveBeenCalled();
    expect((globalThis as Record<string, unknown>)[MARKER]).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(output).not.toMatch(/native code|function\s*\w*\s*\(|=>|return /);
  });

  it('registers exactly the documented helpers, plus Handlebars’ block helpers and hooks', () => {
    expect(registeredHelperNames()).toEqual(
      [
        ...HELPER_DOCS.map((h) => h.name),
        'esc',
        'each',
        'if',
        'unless',
        'with',
        'lookup',
        // Handlebars' runtime hooks: registered, but not names a template can call.
        'helperMissing',
        'blockHelperMissing',
      ].sort(),
    );
    for (const hook of ['helperMissing', 'blockHelperMissing', 'log']) {
      expect(attempt(`{{${hook} title}}`, { title: 'x' })).toMatchObject({
        error: { problem: expect.stringMatching(/未知的函数/) },
      });
    }
  });

  it('helpers read no files, whatever they are given', () => {
    const reads = [
      vi.spyOn(fs, 'readFileSync'),
      vi.spyOn(fs, 'openSync'),
      vi.spyOn(fs, 'readFile'),
      vi.spyOn(fs, 'existsSync'),
      vi.spyOn(fs, 'statSync'),
      vi.spyOn(fs.promises, 'readFile'),
    ];
    const args = ['"/etc/passwd"', '"../../etc/passwd"', 'title', 'list', '"templates/reply-letter.md"', '1', '-1'];
    for (const doc of HELPER_DOCS) {
      for (const arg of args) {
        const body = /^(eq|gt|and|or|not)$/.test(doc.name)
          ? `{{#if (${doc.name} ${arg} ${arg})}}是{{/if}}`
          : `{{${doc.name} ${arg} ${arg} ${arg}}}`;
        attempt(body, { title: '/etc/passwd', list: ['/etc/passwd', '..\\..\\x'], options: { decimals: 1 } });
      }
    }
    for (const spy of reads) expect(spy).not.toHaveBeenCalled();
  });

  it.each([
    '{{> partial}}',
    '{{> reply-letter}}',
    '{{> ../../etc/passwd}}',
    '{{> "templates/reply-letter.md"}}',
    '{{> (lookup this "p")}}',
    '{{#> layout}}默认{{/layout}}',
    '{{#*inline "p"}}内联{{/inline}}{{> p}}',
  ])('%s loads nothing: partials are refused at their line', (partial) => {
    const read = vi.spyOn(fs, 'readFileSync');
    const result = attempt(`第一行\n${partial}`, { p: 'reply-letter' });
    expect(result).toHaveProperty('error');
    const error = (result as { error: TemplateError }).error;
    expect(error.line).toBe(6);
    expect(error.problem).toMatch(/不能用/);
    expect(read).not.toHaveBeenCalled();
  });
});

describe('template names never reach outside the templates folder', () => {
  afterEach(() => vi.restoreAllMocks());

  const templatesDir = path.resolve(builtinTemplatesDir());
  const inside = (file: string) => path.resolve(file).startsWith(templatesDir + path.sep);

  it.each([
    '../../etc/passwd',
    '../../../../../../etc/passwd',
    '/etc/passwd',
    '/etc/hostname',
    '..\\..\\x',
    '..\\..\\windows\\win.ini',
    'C:\\Windows\\win.ini',
    '\\\\server\\share\\x.md',
    'a\0.md',
    '/etc/passwd\0.md',
    '答复函（信函格式）\0',
    '%2e%2e/%2e%2e/etc/passwd',
    '..%2F..%2Fetc%2Fpasswd.md',
    '%2e%2e%2f%2e%2e%2freply-letter.md',
    'file:///etc/passwd',
    'reply-letter.md',
    '../templates/reply-letter.md',
    'templates/../../../../etc/hosts',
    '.',
    '..',
    '/',
    '',
  ])('%j is refused in Chinese, or read only from templates/', (name) => {
    const read = vi.spyOn(fs, 'readFileSync');
    let refusal: unknown = null;
    try {
      resolveTemplate(null, name, 'reply-letter');
    } catch (error) {
      refusal = error;
    }
    if (refusal !== null) {
      expect(refusal).toBeInstanceOf(UserError);
      expect((refusal as Error).message).toMatch(CJK);
    }
    for (const [file] of read.mock.calls) expect(inside(String(file)), String(file)).toBe(true);
  });

  it('a built-in is found by its name only, never by a path built from the name', () => {
    const read = vi.spyOn(fs, 'readFileSync');
    expect(resolveTemplate(null, '答复函（信函格式）', 'reply-letter').meta.kind).toBe('reply-letter');
    expect(read.mock.calls.every(([file]) => inside(String(file)))).toBe(true);
    expect(() => resolveTemplate(null, '../templates/答复函（信函格式）', 'reply-letter')).toThrow(UserError);
  });

  it('a path given as a template must be a regular .md file: folders, pipes and devices are refused', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tpl-fuzz-'));
    fs.mkdirSync(path.join(dir, 'folder.md'));
    fs.symlinkSync('/dev/zero', path.join(dir, 'zero.md'));
    execFileSync('mkfifo', [path.join(dir, 'pipe.md')]);
    for (const file of ['folder.md', 'zero.md', 'pipe.md']) {
      expect(() => resolveTemplate(null, path.join(dir, file), 'reply-letter')).toThrow(
        /是文件夹，不是模板文件|不是普通的文件，不能作为模板文件读取/,
      );
    }
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

// ---- data is text ----

function blockText(block: Block): string {
  switch (block.type) {
    case 'title':
    case 'heading':
    case 'paragraph':
    case 'addressee':
    case 'note':
    case 'copy-to':
      return plainText(block.runs);
    case 'signature':
    case 'attachments':
      return (block.type === 'signature' ? block.lines : block.items).map((l: Run[]) => plainText(l)).join('\n');
    case 'table':
      return block.rows.map((row) => row.map((cell) => cell.runs.map(plainText).join('\n')).join('|')).join('\n');
    default:
      return '';
  }
}

/** What printing a value literally means: line breaks stay line breaks, NUL becomes U+FFFD. */
function literal(value: string): string {
  return value.replace(/\r\n?|\u2028/g, '\n').replace(/\0/g, '\uFFFD');
}

/** The characters XML does not allow are dropped from a .docx, and U+FFFD stands for a lost one. */
const xmlSafe = (s: string) => s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/g, '');

/** Line-based blocks (signature, table cells) keep the lines that have text. */
const nonEmptyLines = (s: string) =>
  s
    .split('\n')
    .filter((line) => line !== '')
    .join('\n');

const LITERAL_BODY = `::: issuer
机关{{v}}尾
:::

# 关于{{v}}的答复

::: addressee
主送{{v}}：
:::

正文{{v}}末尾

| 甲 | 乙 |
|---|---|
| 格{{v}}尾 | 乙 |

::: signature
署名{{v}}尾
:::
`;

describe('data values are printed as literal text, never interpreted', () => {
  it('markup, braces, XML and control characters in data keep the structure and print as written', async () => {
    const template = compileTemplate(head() + LITERAL_BODY, ORIGIN);
    let docxChecked = 0;
    await fc.assert(
      fc.asyncProperty(hostileString, async (v) => {
        const tree = template.render({ v });
        expect(tree.blocks.map((b) => b.type)).toEqual(['title', 'addressee', 'paragraph', 'table', 'signature']);
        const text = literal(v);
        expect(plainText(tree.header.issuer ?? [])).toBe(nonEmptyLines(`机关${text}尾`));
        expect(tree.blocks.map(blockText)).toEqual([
          `关于${text}的答复`,
          `主送${text}：`,
          `正文${text}末尾`,
          `甲|乙\n${nonEmptyLines(`格${text}尾`)}|乙`,
          nonEmptyLines(`署名${text}尾`),
        ]);
        const table = tree.blocks[3]!;
        expect(table.type === 'table' && table.rows[1]!.some((c) => c.mergeUp || c.mergeLeft)).toBe(false);
        if (docxChecked < 25 && /[<>&\u0000-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/.test(v)) {
          docxChecked += 1;
          const parts = docxParts(await renderTemplate(template, { v }, DEFAULT_DOCUMENT_SETTINGS, v));
          for (const [name, xml] of Object.entries(parts)) {
            expect(xml, name).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/);
          }
          const body = xmlSafe(paragraphsOf(parts['word/document.xml']!).join('\n'));
          expect(body).toContain(xmlSafe(`正文${text}末尾`));
        }
      }),
      { seed: SEED + 3, numRuns: 300 },
    );
    expect(docxChecked).toBeGreaterThan(0);
  });

  it.each([
    ['**x**', '**x**'],
    [':::', ':::'],
    ['::: table\n| a |\n:::', '::: table\n| a |\n:::'],
    ['{{x}}', '{{x}}'],
    ['{{> partial}}{{#each x}}{{constructor}}{{/each}}', '{{> partial}}{{#each x}}{{constructor}}{{/each}}'],
    ['<w:p><w:r><w:t>注入</w:t></w:r></w:p>', '<w:p><w:r><w:t>注入</w:t></w:r></w:p>'],
    ['# 标题\n---\n| a |', '# 标题\n---\n| a |'],
    ['^^', '^^'],
    ['a\u0001b\u0000c\uFFFEd', 'a\u0001b\uFFFDc\uFFFEd'],
  ])('%j', async (value, printed) => {
    const template = compileTemplate(head() + '正文{{v}}', ORIGIN);
    const tree = template.render({ v: value });
    expect(tree.blocks).toHaveLength(1);
    expect(blockText(tree.blocks[0]!)).toBe(`正文${printed}`);
    const parts = docxParts(await renderTemplate(template, { v: value }, DEFAULT_DOCUMENT_SETTINGS, ORIGIN));
    expect(parts['word/document.xml']).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/);
    expect(paragraphsOf(parts['word/document.xml']!)).toContain(xmlSafe(`正文${printed}`));
  });
});

// ---- what the fuzzing found, one case each ----

describe('found by fuzzing', () => {
  it.each([
    ['{{#if a}}', '{{/if}}'],
    ['{{#each list}}', '{{/each}}'],
    ['{{not ', ')}}'],
  ])('%s nested 5000 deep is refused at once, not after seconds with a stack overflow', (open, close) => {
    const body =
      open === '{{not '
        ? `第一行\n${open}${'(not '.repeat(5000)}a${close.repeat(1)}${')'.repeat(4999)}`
        : `第一行\n${open.repeat(5000)}正文${close.repeat(5000)}`;
    const started = performance.now();
    const result = attempt(body, { a: true, list: [1] });
    expect(performance.now() - started).toBeLessThan(500);
    expect(result).toHaveProperty('error');
    const error = (result as { error: TemplateError }).error;
    expect(error.problem).toMatch(/嵌套太深/);
    expect(error.line).toBe(6);
  });

  it(`the limit is ${MAX_NESTING} levels, and {{^}} (an else) opens none`, () => {
    const nested = (n: number) =>
      `{{#if a}}x{{^}}y{{/if}}`.replace('x', '{{#if a}}'.repeat(n - 1) + 'x' + '{{/if}}'.repeat(n - 1));
    expect(attempt(nested(MAX_NESTING), { a: true })).toEqual({ output: 'x' });
    expect(attempt(nested(MAX_NESTING + 1), { a: true })).toMatchObject({
      error: { problem: expect.stringMatching(/嵌套太深/) },
    });
  });

  it('a formatting helper written as a block cannot print data unescaped', () => {
    for (const body of ['{{#join list}}{{/join}}', '{{#date title}}{{/date}}', '{{#docNumber title 1 2}}{{/docNumber}}']) {
      const result = attempt(body, { title: '**粗**\n::: table', list: ['**粗**', '::: issuer'] });
      expect(result).toMatchObject({ error: { line: 5, problem: expect.stringMatching(/不能写成块/) } });
    }
  });

  it('block helpers need a block and one argument; lookup needs two', () => {
    expect(attempt('{{if a}}', { a: 1 })).toMatchObject({ error: { problem: expect.stringMatching(/只能写成块/) } });
    expect(attempt('{{#each}}x{{/each}}', {})).toMatchObject({
      error: { line: 5, problem: expect.stringMatching(/正好写一项/) },
    });
    expect(attempt('{{lookup obj}}', { obj: {} })).toMatchObject({
      error: { line: 5, problem: expect.stringMatching(/lookup/) },
    });
  });

  it('a NUL in the template text is named, at its line and column, not blamed on the braces', () => {
    expect(attempt('第一行\n正文\u0000{{title}}', { title: 'x' })).toMatchObject({
      error: { line: 6, column: 3, problem: expect.stringMatching(/空字符/) },
    });
  });

  it('a field looked up on text names the line of the {{…}}', () => {
    expect(attempt('第一行\n\n{{title.[0]}}', { title: '标题' })).toMatchObject({
      error: { line: 7, problem: '数据中没有「0」这个字段' },
    });
  });

  it('objects without a usable toString print instead of failing', () => {
    const bare = Object.assign(Object.create(null) as object, { a: 1 });
    for (const x of [bare, { toString: '文字' }]) {
      expect(attempt('{{x}}{{join list}}{{cn x}}{{inc x}}{{date x}}', { x, list: [x] })).toHaveProperty('output');
    }
  });

  it.each([
    [
      'a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\nname: x\nkind: reply-letter',
      /第2行：说明部分的格式有误：引用（\*名称）展开得太多/,
    ],
    ['name: x\nname: y\nkind: reply-letter', /第3行：说明部分的格式有误：同一项写了两次/],
    ['\tname: x', /第2行：说明部分的格式有误：不能用制表符/],
    ['只有一行字', /第2行：说明部分的格式有误：应当每行写一项「名称: 值」/],
    ['- a\n- b', /第2行：说明部分的格式有误：应当每行写一项/],
    ['name: {a: 1}\nkind: reply-letter', /第2行：说明部分的「name」有误：模板名称应当是一行文字/],
    ['kind: reply-letter', /说明部分的「name」有误：缺少模板名称/],
    ['name: x\nkind: reply-letter\ndescription: [1]', /第4行：说明部分的「description」有误：说明应当是文字/],
  ])('front matter %j is refused in Chinese', (yaml, message) => {
    const started = performance.now();
    expect(() => compileTemplate(`---\n${yaml}\n---\n正文`, ORIGIN)).toThrow(message);
    expect(performance.now() - started).toBeLessThan(500);
  });
});
