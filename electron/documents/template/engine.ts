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
const HELPERS = createHelpers(hb.SafeString);
hb.registerHelper(HELPERS);
const KNOWN_HELPERS = Object.fromEntries(Object.keys(HELPERS).map((name) => [name, true]));

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
];

function explain(error: Error): string {
  for (const [pattern, words] of PARSE_WORDS) {
    const match = pattern.exec(error.message);
    if (match) return words.replace('$1', match[1] ?? '');
  }
  return error.message.split('\n')[0] ?? String(error);
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
  if (line === undefined) {
    const match = /line (\d+)/.exec(e.message);
    line = match ? Number(match[1]) : undefined;
    column = undefined;
  }
  const quoted = line !== undefined && column !== undefined ? quoteAt(body, line, column - 1) : '';
  return new TemplateError(
    origin,
    line !== undefined ? line + offset : null,
    column ?? null,
    explain(e) + (quoted ? `：${quoted}` : ''),
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
}

/** Checks a template's structure and prepares it. Throws TemplateError at the first problem. */
export function compileTemplate(source: string, origin: string): CompiledTemplate {
  const { meta, body, bodyOffset } = splitTemplate(source, origin);
  let ast: hbs.AST.Program;
  try {
    ast = hb.parse(body);
  } catch (error) {
    throw handlebarsError(error, origin, body, bodyOffset);
  }
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
  const fill = (context: object): string => {
    try {
      return compiled(context, { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
    } catch (error) {
      throw handlebarsError(error, origin, body, bodyOffset);
    }
  };
  return {
    meta,
    origin,
    source,
    fill,
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
