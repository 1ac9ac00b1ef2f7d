import MarkdownIt, { type PluginWithParams } from 'markdown-it';
import container from 'markdown-it-container';
import type Token from 'markdown-it/lib/token.mjs';
import { LINE_BREAK } from './escape';
import type { Align, Block, Cell, DocumentTree, HeaderParts, Run } from './document';

/**
 * The template markup: Markdown (CommonMark + tables) parsed by markdown-it, plus fenced
 * containers (`::: name key=value`) for what Markdown lacks. Only the structures an official
 * document uses are switched on: no lists, links, images, code or HTML, so clerk prose that
 * happens to start with "1." or contain "<" is just text.
 *
 *   # 标题                      title               ## 一、…   heading level 1 (黑体)
 *   ### （一）…                 level 2 (楷体)       #### 1.…  level 3     ##### （1）… level 4
 *   **粗体**                    bold run            ---        page break
 *   | 表 | 格 |                 table (in `::: table widths=2,3 header=1` for widths;
 *                               a cell holding only ^^ merges with the cell above, << with the left)
 *   ::: issuer / doc-number / signer / mark     parts of the 版头 (header block)
 *   ::: addressee   主送        ::: signature  署名和日期   ::: note  附注
 *   ::: attachments 附件说明    ::: copy-to    抄送         ::: printed 印发机关和日期
 *   ::: attachment  附件页（第一行“附件”，其余为附件标题）
 *   :::: landscape  横向页面（内含其他块时外层用四个冒号）
 *   ::: center / right / no-indent   paragraphs aligned or without the first-line indent
 */

export class MarkupError extends Error {
  constructor(
    message: string,
    /** 1-based line in the text that was parsed. */
    readonly line: number | null,
  ) {
    super(message);
    this.name = 'MarkupError';
  }
}

export const CONTAINER_NAMES = [
  'issuer',
  'doc-number',
  'signer',
  'mark',
  'addressee',
  'signature',
  'note',
  'attachments',
  'copy-to',
  'printed',
  'table',
  'attachment',
  'landscape',
  'center',
  'right',
  'no-indent',
] as const;
type ContainerName = (typeof CONTAINER_NAMES)[number];

const CONTAINER_WORDS: Record<ContainerName, string> = {
  issuer: '发文机关标志',
  'doc-number': '发文字号',
  signer: '签发人',
  mark: '办理结果标记',
  addressee: '主送机关',
  signature: '署名和日期',
  note: '附注',
  attachments: '附件说明',
  'copy-to': '抄送',
  printed: '印发机关和印发日期',
  table: '表格',
  attachment: '附件',
  landscape: '横向页面',
  center: '居中段落',
  right: '居右段落',
  'no-indent': '不缩进段落',
};

function createParser(): MarkdownIt {
  const md = new MarkdownIt('zero', { html: false, linkify: false, typographer: false });
  md.enable(['heading', 'table', 'hr', 'emphasis', 'newline', 'escape']);
  // One generic container; its first word names the block and is checked below.
  md.use(container as unknown as PluginWithParams, 'block', { validate: () => true });
  return md;
}

const md = createParser();

/** Parses markup into tokens; exported for template checks on raw template text. */
function tokenize(text: string): Token[] {
  return md.parse(text, {});
}

function lineOf(token: Token | undefined): number {
  return token?.map ? token.map[0] + 1 : 0;
}

function splitBreaks(text: string, bold: boolean): Run[] {
  const runs: Run[] = [];
  text.split(LINE_BREAK).forEach((part, i) => {
    if (i > 0) runs.push({ text: '', break: true });
    if (part) runs.push(bold ? { text: part, bold } : { text: part });
  });
  return runs;
}

/**
 * Inline tokens to runs. A hard break (or a line break inside data) is always a line break; a
 * soft break (a plain new line in the template) separates lines in line-based blocks such as the
 * signature, and in a paragraph just continues it: Chinese text joins without a space.
 */
function inlineRuns(inline: Token | undefined, softBreaks: 'lines' | 'join' = 'join'): Run[] {
  const runs: Run[] = [];
  let bold = 0;
  for (const child of inline?.children ?? []) {
    switch (child.type) {
      case 'text':
        runs.push(...splitBreaks(child.content, bold > 0));
        break;
      case 'softbreak':
        if (softBreaks === 'lines') runs.push({ text: '', break: true });
        break;
      case 'hardbreak':
        runs.push({ text: '', break: true });
        break;
      case 'strong_open':
        bold += 1;
        break;
      case 'strong_close':
        bold = Math.max(0, bold - 1);
        break;
      default:
        break; // emphasis markers (em) print as plain text runs around them
    }
  }
  return runs;
}

/** Splits runs at line breaks: one array per line. */
function lines(runs: Run[]): Run[][] {
  const out: Run[][] = [[]];
  for (const run of runs) {
    if (run.break) out.push([]);
    else out[out.length - 1]!.push(run);
  }
  return out.filter((line) => line.length > 0);
}

interface ContainerInfo {
  name: ContainerName;
  attrs: Record<string, string>;
}

function parseInfo(token: Token): ContainerInfo {
  const [name = '', ...rest] = token.info.trim().split(/\s+/);
  if (!(CONTAINER_NAMES as readonly string[]).includes(name)) {
    throw new MarkupError(
      `未知的块「${name || '（空）'}」。可用的块：${CONTAINER_NAMES.map((n) => `${n}（${CONTAINER_WORDS[n]}）`).join('、')}`,
      lineOf(token),
    );
  }
  const attrs: Record<string, string> = {};
  for (const pair of rest) {
    const at = pair.indexOf('=');
    if (at <= 0) throw new MarkupError(`块「${name}」的参数「${pair}」应写成 名称=值`, lineOf(token));
    attrs[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return { name: name as ContainerName, attrs };
}

function alignOf(token: Token): Align | undefined {
  const style = token.attrGet('style') ?? '';
  if (style.includes('center')) return 'center';
  if (style.includes('right')) return 'right';
  if (style.includes('left')) return 'left';
  return undefined;
}

class Walker {
  private index = 0;
  /** Inside a line-based container, where each template line is a line of the block. */
  private lineMode = false;
  readonly header: HeaderParts = { issuer: null, docNumber: null, signer: null, mark: null };

  constructor(private readonly tokens: Token[]) {}

  /** Blocks until the close of the container `open` (or the end of the text when null). */
  blocks(open: Token | null): Block[] {
    const out: Block[] = [];
    while (this.index < this.tokens.length) {
      const token = this.tokens[this.index]!;
      if (token.type === 'container_block_close') {
        this.index += 1;
        // markdown-it-container closes a block at the end of the text when its fence is
        // missing; the close token then carries no fence of colons.
        if (open && !/^:{3,}$/.test(token.markup)) {
          throw new MarkupError(`块「${open.info.trim().split(/\s+/)[0]}」没有结束标记「:::」`, lineOf(open));
        }
        return out;
      }
      out.push(...this.block());
    }
    return out;
  }

  private next(): Token {
    return this.tokens[this.index++]!;
  }

  private block(): Block[] {
    const token = this.next();
    const line = lineOf(token);
    switch (token.type) {
      case 'heading_open': {
        const inline = this.next();
        this.next(); // heading_close
        const depth = Number(token.tag.slice(1));
        const runs = inlineRuns(inline);
        if (depth === 1) return [{ type: 'title', runs, line }];
        if (depth > 5) throw new MarkupError('标题最多四级（## 到 #####）', line);
        return [{ type: 'heading', level: (depth - 1) as 1 | 2 | 3 | 4, runs, line }];
      }
      case 'paragraph_open': {
        const inline = this.next();
        this.next(); // paragraph_close
        const runs = inlineRuns(inline, this.lineMode ? 'lines' : 'join');
        return runs.length ? [{ type: 'paragraph', runs, line }] : [];
      }
      case 'hr':
        return [{ type: 'page-break', line }];
      case 'table_open':
        return [this.table(token, {})];
      case 'container_block_open':
        return this.container(token);
      default:
        return [];
    }
  }

  private paragraphsIn(open: Token, lineMode = true): Run[][] {
    const outer = this.lineMode;
    this.lineMode = lineMode;
    try {
      const paragraphs: Run[][] = [];
      for (const block of this.blocks(open)) {
        if (block.type === 'paragraph') paragraphs.push(block.runs);
        else throw new MarkupError('这个块里只能写文字段落', block.line);
      }
      return paragraphs;
    } finally {
      this.lineMode = outer;
    }
  }

  private container(open: Token): Block[] {
    const info = parseInfo(open);
    const line = lineOf(open);
    const flat = () => this.paragraphsIn(open).flatMap((p, i) => (i > 0 ? [{ text: '', break: true }, ...p] : p));
    switch (info.name) {
      case 'issuer':
        this.header.issuer = flat();
        return [];
      case 'doc-number':
        this.header.docNumber = flat();
        return [];
      case 'signer':
        this.header.signer = flat();
        return [];
      case 'mark': {
        const text = flat()
          .map((r) => r.text)
          .join('')
          .trim();
        this.header.mark = text || null;
        return [];
      }
      case 'addressee':
        return [{ type: 'addressee', runs: flat(), line }];
      case 'signature':
        return [{ type: 'signature', lines: lines(flat()), line }];
      case 'note':
        return [{ type: 'note', runs: flat(), line }];
      case 'attachments':
        return [{ type: 'attachments', items: lines(flat()), line }];
      case 'copy-to':
        return [{ type: 'copy-to', runs: flat(), line }];
      case 'printed': {
        const [by = [], date = []] = lines(flat());
        return [{ type: 'printed', by, date, line }];
      }
      case 'attachment': {
        const [label = [{ text: '附件' }], ...title] = lines(flat());
        return [
          { type: 'attachment', label, title: title.flatMap((t, i) => (i > 0 ? [{ text: '', break: true }, ...t] : t)), line },
        ];
      }
      case 'center':
      case 'right':
      case 'no-indent': {
        const align: Align = info.name === 'center' ? 'center' : info.name === 'right' ? 'right' : 'justify';
        return this.paragraphsIn(open, false).map((runs) => ({ type: 'paragraph', runs, align, indent: false, line }));
      }
      case 'landscape':
        return [{ type: 'section', landscape: true, blocks: this.blocks(open), line }];
      case 'table': {
        const inner = this.blocksOfTable(open, info);
        return [inner];
      }
    }
  }

  private blocksOfTable(open: Token, info: ContainerInfo): Block {
    const first = this.tokens[this.index];
    if (!first || first.type !== 'table_open') {
      throw new MarkupError('「table」块里应当是一个表格（| 列1 | 列2 |）', lineOf(open));
    }
    this.index += 1;
    const table = this.table(first, info.attrs);
    const close = this.tokens[this.index];
    if (!close || close.type !== 'container_block_close') throw new MarkupError('「table」块里只能有一个表格', lineOf(close));
    this.blocks(open); // consumes (and checks) the close
    return table;
  }

  private table(open: Token, attrs: Record<string, string>): Block {
    const rows: Cell[][] = [];
    let headerRows = 1;
    while (this.index < this.tokens.length) {
      const token = this.next();
      if (token.type === 'table_close') break;
      if (token.type === 'tr_open') rows.push([]);
      if (token.type === 'th_open' || token.type === 'td_open') {
        const inline = this.next();
        const raw = inline.content.trim();
        const cell: Cell = { runs: lines(inlineRuns(inline)) };
        if (raw === '^^') cell.mergeUp = true;
        if (raw === '<<') cell.mergeLeft = true;
        const align = alignOf(token);
        if (align) cell.align = align;
        rows[rows.length - 1]!.push(cell);
      }
    }
    const columns = Math.max(0, ...rows.map((r) => r.length));
    if (attrs.header !== undefined) {
      headerRows = Number(attrs.header);
      if (!Number.isInteger(headerRows) || headerRows < 0 || headerRows > rows.length) {
        throw new MarkupError(`表格的 header=${attrs.header} 不对：应为 0 到 ${rows.length} 之间的整数`, lineOf(open));
      }
    }
    let widths = Array.from({ length: columns }, () => 1);
    if (attrs.widths !== undefined) {
      // Filled in from data, the commas arrive escaped for the markup ("7\,2\,2").
      widths = attrs.widths.replace(/\\(.)/g, '$1').split(',').map(Number);
      if (widths.length !== columns || widths.some((w) => !Number.isFinite(w) || w <= 0)) {
        throw new MarkupError(`表格的 widths=${attrs.widths} 应当是 ${columns} 个用逗号分隔的正数（每列一个）`, lineOf(open));
      }
    }
    return { type: 'table', widths, headerRows, rows, line: lineOf(open) };
  }
}

/**
 * Checks the containers of a template's own text (names, parameters, closing fences) so that a
 * mistake is reported at the template line where it is written. The structure inside them is
 * checked when data is filled in, since loops produce their rows.
 */
export function checkContainers(text: string): void {
  const tokens = tokenize(text);
  const open: Token[] = [];
  for (const token of tokens) {
    if (token.type === 'container_block_open') {
      parseInfo(token);
      open.push(token);
    } else if (token.type === 'container_block_close') {
      const opener = open.pop();
      if (opener && !/^:{3,}$/.test(token.markup)) {
        throw new MarkupError(`块「${opener.info.trim().split(/\s+/)[0]}」没有结束标记「:::」`, lineOf(opener));
      }
    }
  }
}

/** Markup text to the document tree. Throws MarkupError with the line of the problem. */
export function parseMarkup(text: string): DocumentTree {
  const walker = new Walker(tokenize(text));
  const blocks = walker.blocks(null);
  return { header: walker.header, blocks };
}
