import Handlebars from 'handlebars';
import type { DocumentTree } from '../markup/document';
import { checkContainers, MarkupError, parseMarkup } from '../markup/parse';
import { splitTemplate, type FrontMatter } from './front-matter';
import { createHelpers } from './helpers';
import { TemplateError } from './template-error';

/**
 * A template is front matter + Handlebars + markup. Handlebars fills in the data; every
 * {{value}} goes through the `esc` helper (inserted here, on the parsed Handlebars tree), so data
 * can never become markup; the result is parsed by markdown-it into the document tree.
 */

const hb = Handlebars.create();
// `log` would write to the console (and so into the command line's output): not for templates.
hb.unregisterHelper('log');
const HELPERS = createHelpers(hb.SafeString);
hb.registerHelper(HELPERS);
/** Handlebars' own helpers a template may use, each only as a block ({{#if …}}…{{/if}}). */
const BLOCK_HELPERS = ['if', 'unless', 'each', 'with'] as const;
const KNOWN_HELPERS: Record<string, boolean> = {
  ...Object.fromEntries(Object.keys(HELPERS).map((name) => [name, true])),
  // Handlebars' hooks for missing helpers stay registered (its runtime calls them) but are not
  // names a template may call; `log` is gone.
  helperMissing: false,
  blockHelperMissing: false,
  log: false,
};

/** The names of the helpers registered on the engine's Handlebars instance. */
export function registeredHelperNames(): string[] {
  return Object.keys(hb.helpers).sort();
}

/** The 1-based line and column of a character of the body. */
function placeOf(body: string, index: number): { line: number; column: number } {
  const before = body.slice(0, index);
  return { line: before.split('\n').length, column: index - before.lastIndexOf('\n') };
}

/** How deep {{#…}} blocks and ( ) subexpressions may nest: far beyond any official document. */
export const MAX_NESTING = 40;

/**
 * Refuses blocks or subexpressions nested deeper than MAX_NESTING, on the template text before
 * Handlebars parses it: its parser and compiler slow down steeply with depth and finally overflow
 * the stack. The count is lexical (comments are skipped), which is all a limit this generous needs.
 */
function checkNesting(body: string, origin: string, offset: number): void {
  const mustache = /\{\{!--[\s\S]*?--~?\}\}|\{\{~?![\s\S]*?\}\}|\{\{[\s\S]*?\}\}/g;
  let depth = 0;
  for (let match = mustache.exec(body); match; match = mustache.exec(body)) {
    const text = match[0];
    const inner = text.replace(/^\{+~?\s*/, '');
    if (inner.startsWith('!')) continue;
    let parens = 0;
    let deepest = 0;
    for (const char of inner) {
      if (char === '(') deepest = Math.max(deepest, ++parens);
      else if (char === ')') parens -= 1;
    }
    // {{^}} alone is the same as {{else}}; {{^name}} opens an inverted block.
    if (inner.startsWith('#') || /^\^\s*[^\s~}]/.test(inner)) depth += 1;
    else if (inner.startsWith('/')) depth = Math.max(0, depth - 1);
    if (depth > MAX_NESTING || deepest > MAX_NESTING) {
      const { line, column } = placeOf(body, match.index);
      throw new TemplateError(origin, line + offset, column, `嵌套太深：{{#…}} 块或括号 ( ) 最多套 ${MAX_NESTING} 层`);
    }
  }
}

/**
 * Checks what Handlebars would accept but a template must not do: use partials or decorators
 * (a template is one self-contained text), call a formatting helper as a block (its output would
 * then bypass `esc`), call a block helper without a block, or give one the wrong arguments.
 */
function checkStatements(node: Node | undefined, origin: string, offset: number): void {
  if (!node || typeof node !== 'object') return;
  const at = (problem: string): TemplateError => {
    const loc = node.loc as hbs.AST.SourceLocation | undefined;
    return new TemplateError(origin, loc ? loc.start.line + offset : null, loc ? loc.start.column + 1 : null, problem);
  };
  const name = String((node.path as { original?: unknown } | undefined)?.original ?? '');
  const params = (node.params as Node[] | undefined) ?? [];
  switch (node.type) {
    case 'PartialStatement':
    case 'PartialBlockStatement':
      throw at('模板里不能用 {{> …}} 引用其他模板：每个模板应当完整地写在一个文件里');
    case 'Decorator':
    case 'DecoratorBlock':
      throw at('模板里不能用 {{* …}} 或 {{#* …}}');
    case 'BlockStatement':
      if ((BLOCK_HELPERS as readonly string[]).includes(name)) {
        if (params.length !== 1) throw at(`{{#${name}}} 后面应当正好写一项数据，如 {{#${name} replyText}}`);
      } else if (Object.hasOwn(KNOWN_HELPERS, name)) {
        throw at(
          KNOWN_HELPERS[name] ? `函数「${name}」不能写成块 {{#${name} …}}，请写成 {{${name} …}}` : `未知的函数「${name}」`,
        );
      }
      break;
    case 'MustacheStatement':
    case 'SubExpression':
      if ((BLOCK_HELPERS as readonly string[]).includes(name)) {
        throw at(`「${name}」只能写成块：{{#${name} …}}…{{/${name}}}`);
      }
      if (name === 'lookup' && params.length !== 2) throw at('lookup 应当写两项：{{lookup 数据 "字段名"}}');
      break;
    default:
      break;
  }
  const pairs = (node.hash as { pairs?: { value: Node }[] } | undefined)?.pairs ?? [];
  for (const child of [...params, ...pairs.map((p) => p.value), node.path as Node | undefined]) {
    if (child && child.type === 'SubExpression') checkStatements(child, origin, offset);
  }
  for (const key of ['body', 'program', 'inverse'] as const) {
    const child = node[key];
    if (Array.isArray(child)) for (const item of child) checkStatements(item as Node, origin, offset);
    else if (child && typeof child === 'object') checkStatements(child as Node, origin, offset);
  }
}

type Node = hbs.AST.Node & Record<string, unknown>;

/** Wraps every {{…}} in `esc`, refusing {{{…}}} (which would let data through unescaped). */
function escapeAll(node: Node | undefined, origin: string, offset: number): void {
  if (!node || typeof node !== 'object') return;
  if (node.type === 'MustacheStatement') {
    const mustache = node as unknown as hbs.AST.MustacheStatement & { escaped: boolean };
    const loc = mustache.loc;
    if (!mustache.escaped) {
      throw new TemplateError(
        origin,
        loc.start.line + offset,
        loc.start.column + 1,
        '不能使用三重花括号 {{{ }}}：数据一律按原文印出',
      );
    }
    const path = mustache.path as hbs.AST.PathExpression;
    const callsHelper =
      mustache.params.length > 0 || mustache.hash !== undefined || (path.original in KNOWN_HELPERS && path.original !== 'esc');
    const inner: hbs.AST.Expression = callsHelper
      ? ({
          type: 'SubExpression',
          path: mustache.path,
          params: mustache.params,
          hash: mustache.hash,
          loc,
        } as hbs.AST.SubExpression)
      : mustache.path;
    (mustache as { path: hbs.AST.Expression }).path = {
      type: 'PathExpression',
      data: false,
      depth: 0,
      parts: ['esc'],
      original: 'esc',
      loc,
    } as hbs.AST.PathExpression;
    (mustache as { params: hbs.AST.Expression[] }).params = [inner];
    (mustache as { hash: hbs.AST.Hash | undefined }).hash = undefined;
    return;
  }
  for (const key of ['body', 'program', 'inverse'] as const) {
    const child = node[key];
    if (Array.isArray(child)) for (const item of child) escapeAll(item as Node, origin, offset);
    else if (child && typeof child === 'object') escapeAll(child as Node, origin, offset);
  }
}

/**
 * Handlebars' strict mode checks only the value of a plain {{path}}; a path given to a helper
 * (which every value now is, through esc) or to {{#if}} would quietly be undefined. Marking
 * every argument path strict makes a misspelt field an error with its line and column.
 */
function strictArguments(node: Node | undefined): void {
  if (!node || typeof node !== 'object') return;
  const pairs = (node.hash as { pairs?: { value: Node }[] } | undefined)?.pairs ?? [];
  const args = [...((node.params as Node[] | undefined) ?? []), ...pairs.map((p) => p.value)];
  for (const arg of args) {
    if (arg.type === 'PathExpression') (arg as { strict?: boolean }).strict = true;
    strictArguments(arg);
  }
  for (const key of ['body', 'program', 'inverse'] as const) {
    const child = node[key];
    if (Array.isArray(child)) for (const item of child) strictArguments(item as Node);
    else if (child && typeof child === 'object') strictArguments(child as Node);
  }
}

const PARSE_WORDS: [RegExp, string][] = [
  [/doesn't match/, '块的开始和结束不配对（如 {{#each}} 要用 {{/each}} 结束）'],
  [/unknown helper (\S+)/, '未知的函数「$1」'],
  [/"([^"]+)" not defined in/, '数据中没有「$1」这个字段'],
  [/Cannot use 'in' operator to search for '([^']+)'/, '数据中没有「$1」这个字段'],
  [
    /Cannot read properties of (?:undefined|null) \(reading '([^']+)'\)/,
    '数据中没有「$1」的上一级字段（在 {{#each}} 里引用外层数据要写 @root.…）',
  ],
  [/Parse error/, '花括号语法有误：{{ 与 }} 不成对，或 {{#…}} 缺少对应的 {{/…}}'],
  [/Lexical error/, '花括号里有无法识别的写法（{{ }} 里应当是字段名、函数名、"文字"或数字）'],
  [/Maximum call stack size exceeded/, '模板或数据的层次太深，无法处理'],
  [/Cannot convert object to primitive value/, '数据中有不能作为文字印出的内容'],
];

/** Words the clerk can read; a message of Handlebars' own (in English) is quoted after them. */
function explain(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  for (const [pattern, words] of PARSE_WORDS) {
    const match = pattern.exec(message);
    if (match) return words.replace('$1', match[1] ?? '');
  }
  const first = message.split('\n')[0] ?? '';
  return /[\u4e00-\u9fff]/.test(first) ? first : `模板无法处理（${first}）`;
}

/**
 * The one line of the body whose {{…}} names a field, for an error Handlebars raises without a
 * place (a field looked up on a text or a number); null when no line or several lines name it.
 */
function lineNaming(body: string, field: string): number | null {
  const escaped = field.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const segment = new RegExp(`\\{\\{[^}]*?(?:^|[\\s.(/\\[{])${escaped}(?:$|[\\s.)\\]}])`);
  const lines = body
    .split('\n')
    .map((text, i) => (segment.test(text) ? i + 1 : 0))
    .filter(Boolean);
  return lines.length === 1 ? lines[0]! : null;
}

/** The {{…}} at a line and column of the body, to quote it in a message. */
function quoteAt(body: string, line: number, column: number): string {
  const text = body.split('\n')[line - 1] ?? '';
  const start = text.lastIndexOf('{{', column + 1);
  const end = text.indexOf('}}', column);
  return start >= 0 && end >= 0 ? text.slice(start, end + 2) : '';
}

function handlebarsError(error: unknown, origin: string, body: string, offset: number): TemplateError {
  const e = error as Error & { lineNumber?: number; column?: number };
  let line = e.lineNumber;
  let column = typeof e.column === 'number' ? e.column + 1 : undefined;
  const words = explain(error);
  if (line === undefined) {
    const match = /line (\d+)/.exec(e.message ?? '');
    const field = /^数据中没有「(.+?)」/.exec(words)?.[1];
    line = match ? Number(match[1]) : ((field !== undefined ? lineNaming(body, field) : null) ?? undefined);
    column = undefined;
  }
  const quoted = line !== undefined && column !== undefined ? quoteAt(body, line, column - 1) : '';
  return new TemplateError(
    origin,
    line !== undefined ? line + offset : null,
    column ?? null,
    words + (quoted ? `：${quoted}` : ''),
  );
}

export interface CompiledTemplate {
  meta: FrontMatter;
  origin: string;
  source: string;
  /** Fills in the data and parses the markup. Throws TemplateError. */
  render(context: object): DocumentTree;
  /** The markup text before parsing (for diagnostics and tests). */
  fill(context: object): string;
  /**
   * Fills in the data as render would, counting as it goes: the length of the markup, or null
   * as soon as it passes `limit` characters (a nested {{#each}} over a long list grows as a power
   * of the list's length; this stops it in milliseconds, before anything is rendered). Throws
   * TemplateError as fill does.
   */
  measure(context: object, limit: number): number | null;
}

/** Thrown inside the render by the counting {{#each}} once the output passes its limit. */
class OverLimit extends Error {}

/**
 * Handlebars' {{#each}}, counting the characters each pass of every loop (at every depth)
 * produces: an inner loop's text is counted again in each loop around it, so the count is
 * an upper bound of the output, reached long before the output itself is built.
 */
function countingEach(limit: number) {
  const each = hb.helpers.each as (this: unknown, context: unknown, options: Handlebars.HelperOptions) => string;
  let counted = 0;
  return function (this: unknown, context: unknown, options: Handlebars.HelperOptions): string {
    const fn = options.fn;
    const counting = Object.assign((item: unknown, data?: Handlebars.RuntimeOptions) => {
      // A block of one {{value}} returns the helper's SafeString itself, not a string.
      const out = fn(item, data);
      counted += String(out).length;
      if (counted > limit) throw new OverLimit();
      return out;
    }, fn);
    return each.call(this, context, { ...options, fn: counting });
  };
}

/** Checks a template's structure and prepares it. Throws TemplateError at the first problem. */
export function compileTemplate(source: string, origin: string): CompiledTemplate {
  const { meta, body, bodyOffset } = splitTemplate(source, origin);
  // Handlebars' lexer stops at a NUL character (pasted from a binary file) with a message that
  // would point at the braces; say what it is.
  const nul = body.indexOf('\u0000');
  if (nul >= 0) {
    const { line, column } = placeOf(body, nul);
    throw new TemplateError(origin, line + bodyOffset, column, '模板里有不可见的空字符（U+0000），请删除');
  }
  checkNesting(body, origin, bodyOffset);
  let ast: hbs.AST.Program;
  try {
    ast = hb.parse(body);
  } catch (error) {
    throw handlebarsError(error, origin, body, bodyOffset);
  }
  checkStatements(ast as unknown as Node, origin, bodyOffset);
  escapeAll(ast as unknown as Node, origin, bodyOffset);
  strictArguments(ast as unknown as Node);
  // The containers and tables are checked on the template text itself, so a problem is reported
  // at the template line where it is written, whatever the data.
  try {
    checkContainers(body);
  } catch (error) {
    if (error instanceof MarkupError)
      throw new TemplateError(origin, error.line ? error.line + bodyOffset : null, null, error.message);
    throw error;
  }
  const compileOptions = { strict: true, knownHelpers: KNOWN_HELPERS, knownHelpersOnly: true, noEscape: true };
  let compiled: HandlebarsTemplateDelegate;
  try {
    // compile() is lazy; precompiling now reports unknown helpers and mismatched blocks at once.
    hb.precompile(ast, compileOptions);
    compiled = hb.compile(ast, compileOptions);
  } catch (error) {
    throw handlebarsError(error, origin, body, bodyOffset);
  }
  const runtime = { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false };
  const fill = (context: object, helpers?: Record<string, Handlebars.HelperDelegate>): string => {
    try {
      return compiled(context, helpers ? { ...runtime, helpers } : runtime);
    } catch (error) {
      if (error instanceof OverLimit) throw error;
      throw handlebarsError(error, origin, body, bodyOffset);
    }
  };
  return {
    meta,
    origin,
    source,
    fill: (context: object) => fill(context),
    measure(context: object, limit: number): number | null {
      try {
        const length = fill(context, { each: countingEach(limit) }).length;
        return length > limit ? null : length;
      } catch (error) {
        if (error instanceof OverLimit) return null;
        throw error;
      }
    },
    render(context: object): DocumentTree {
      const text = fill(context);
      try {
        return parseMarkup(text);
      } catch (error) {
        if (error instanceof MarkupError) throw new TemplateError(origin, null, null, `填入数据后${error.message}`);
        throw error;
      }
    },
  };
}
