import { AlignmentType, LineRuleType, type Paragraph, type Table } from 'docx';
import type { Block, Run } from '../../../common/documents/markup/document';
import { plainText } from '../../../common/documents/markup/document';
import { charWidth, textBlockWidth } from '../../../common/documents/settings';
import { signature } from './closing';
import type { RenderContext } from './context';
import {
  ATTACHMENT_LABEL_CHARS,
  ATTACHMENT_NUMBER_CHARS,
  BODY_INDENT_CHARS,
  TINY_LINE,
  TITLE_LINES_BELOW_HEADER,
} from './layout';
import { alignment, type Font } from './runs';
import { table } from './tables';
import { balancedTitleRuns } from './title-lines';

/** Title characters that fit on a line, less one for safety. */
function titleCapacity(ctx: RenderContext, landscape: boolean): number {
  return Math.floor(textBlockWidth(ctx.s, landscape) / charWidth(ctx.s, ctx.s.sizes.title)) - 1;
}

/** 附件说明: one line below the text, wrapped lines hanging under the name. */
function attachments(ctx: RenderContext, items: Run[][], keepLast: boolean): Paragraph[] {
  const label = ATTACHMENT_LABEL_CHARS; // 附件：
  return items.map((item, i) => {
    const numbered = /^\d+[.．]/.test(plainText(item));
    const number = numbered ? ATTACHMENT_NUMBER_CHARS : 0;
    const left = (BODY_INDENT_CHARS + label + number) * ctx.ch;
    const hanging = (i === 0 ? label + number : number) * ctx.ch;
    return ctx.paragraph({
      alignment: AlignmentType.LEFT,
      indent: { left: Math.round(left), hanging: Math.round(hanging) },
      spacing: { ...ctx.exact, before: i === 0 ? ctx.s.linePitch : 0 },
      keepNext: i < items.length - 1 || keepLast,
      children: ctx.runs(i === 0 ? [{ text: '附件：' }, ...item] : item),
    });
  });
}

/** An attachment's first page: 附件 label at the top left, its title centred on line 3. */
function attachmentPage(
  ctx: RenderContext,
  block: Extract<Block, { type: 'attachment' }>,
  startsSection: boolean,
  landscape: boolean,
): Paragraph[] {
  if (!startsSection) ctx.pendingBreak = true;
  return [
    ctx.paragraph({
      alignment: AlignmentType.LEFT,
      spacing: { ...ctx.exact, after: ctx.s.linePitch },
      keepNext: true,
      children: ctx.runs(block.label, { font: 'heading1' }),
    }),
    ctx.paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { ...ctx.exact, after: ctx.s.linePitch },
      keepNext: true,
      children: ctx.runs(balancedTitleRuns(block.title, titleCapacity(ctx, landscape)), {
        font: 'title',
        size: ctx.s.sizes.title,
        spacing: 0,
      }),
    }),
  ];
}

/** Blocks that draw nothing where they stand. */
export const NOT_IN_FLOW = new Set<Block['type']>(['copy-to', 'printed', 'page-break', 'section']);

/**
 * How the last block that is drawn meets the closing block that follows it: kept with it, and
 * when it is a table, with room for the block as the table's last row (see tables.ts).
 */
export interface SectionEnd {
  keepLast: boolean;
  /** Height of the closing block, in twips. */
  room: number;
}

/**
 * Blocks of one section to docx children; 抄送 and 印发 are left to the closing block.
 * Paragraphs keep with a table they introduce and with a signature, so the signature never
 * stands on a page without text (GB/T 9704 7.3.5).
 */
export function blocks(
  ctx: RenderContext,
  list: readonly Block[],
  landscape: boolean,
  hasHeader: boolean,
  end: SectionEnd = { keepLast: false, room: 0 },
): (Paragraph | Table)[] {
  const { keepLast } = end;
  const out: (Paragraph | Table)[] = [];
  let seenTitle = false;
  const lastDrawn = list.findLastIndex((b) => !NOT_IN_FLOW.has(b.type));
  // The type of the next block that is drawn, for each block.
  const nextTypes: (Block['type'] | undefined)[] = [];
  for (let i = list.length - 1, next: Block['type'] | undefined; i >= 0; i--) {
    nextTypes[i] = next;
    if (!NOT_IN_FLOW.has(list[i]!.type)) next = list[i]!.type;
  }
  list.forEach((block, index) => {
    const nextType = nextTypes[index];
    const keep = (keepLast && index === lastDrawn) || nextType === 'signature';
    switch (block.type) {
      case 'title':
        out.push(
          ctx.paragraph({
            alignment: AlignmentType.CENTER,
            spacing: {
              ...ctx.exact,
              before: hasHeader && !seenTitle ? TITLE_LINES_BELOW_HEADER * ctx.s.linePitch : 0,
              after: ctx.s.linePitch,
            },
            keepNext: keep,
            children: ctx.runs(balancedTitleRuns(block.runs, titleCapacity(ctx, landscape)), {
              font: 'title',
              size: ctx.s.sizes.title,
              spacing: 0,
            }),
          }),
        );
        seenTitle = true;
        break;
      case 'heading': {
        const font: Font = block.level === 1 ? 'heading1' : block.level === 2 ? 'heading2' : 'body';
        out.push(
          ctx.paragraph({
            alignment: AlignmentType.BOTH,
            indent: ctx.bodyIndent(),
            keepNext: true,
            // Listed in the navigation pane of Word and WPS: 一、 level 1, （一） level 2 …
            outlineLevel: block.level - 1,
            children: ctx.runs(block.runs, { font }),
          }),
        );
        break;
      }
      case 'paragraph':
        out.push(
          ctx.paragraph({
            alignment: alignment(block.align),
            indent: block.indent === false ? undefined : ctx.bodyIndent(),
            // A caption stays on the page of the table it introduces.
            keepNext: list[index + 1]?.type === 'table' || keep,
            children: ctx.runs(block.runs),
          }),
        );
        break;
      case 'addressee':
        out.push(ctx.paragraph({ alignment: AlignmentType.LEFT, keepNext: keep, children: ctx.runs(block.runs) }));
        break;
      case 'signature':
        // The 附注 stands under the date, on its page.
        out.push(...signature(ctx, block.lines, landscape, keep || nextType === 'note'));
        break;
      case 'note':
        out.push(
          ctx.paragraph({
            alignment: AlignmentType.LEFT,
            indent: ctx.bodyIndent(),
            keepNext: keep,
            children: ctx.runs(block.runs),
          }),
        );
        break;
      case 'attachments':
        out.push(...attachments(ctx, block.items, keep));
        break;
      case 'copy-to':
      case 'printed':
        break; // drawn by the last section, in the closing block (closing.ts)
      case 'table':
        if (ctx.pendingBreak)
          out.push(
            ctx.paragraph({ spacing: { line: TINY_LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 }, children: [] }),
          );
        out.push(table(ctx, block, landscape, keepLast && index === lastDrawn ? end.room : 0));
        break;
      case 'page-break':
        ctx.pendingBreak = true;
        break;
      case 'attachment':
        out.push(...attachmentPage(ctx, block, index === 0, landscape));
        break;
      case 'section':
        break; // sections are split before rendering
    }
  });
  return out;
}
