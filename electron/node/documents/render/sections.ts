import {
  AlignmentType,
  Footer,
  Header,
  LineRuleType,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TextRun,
  type ISectionOptions,
} from 'docx';
import type { Block } from '../../../common/documents/markup/document';
import { A4, charWidth } from '../../../common/documents/settings';
import { blocks, NOT_IN_FLOW } from './blocks';
import { closingAnchor, closingBlock } from './closing';
import type { RenderContext } from './context';
import {
  HEADER_DISTANCE_MM,
  LETTER_LOWER_RULE_FROM_PAGE_BOTTOM_MM,
  LETTER_MARK_FROM_PAGE_TOP_MM,
  LETTER_RULE,
  lineOf,
  MARK_LINE,
  MIN_FOOTER_DISTANCE,
  mm,
  PAGE_NUMBER_BELOW_TEXT_MM,
  PAGE_NUMBER_LINE_FACTOR,
  TINY_LINE,
} from './layout';
import { letterDocNumber, letterFirstFooter, letterFirstHeader, markParagraph } from './letter-head';
import { ordinaryHeader } from './ordinary-head';

/** An empty header or footer holds one empty paragraph, `<w:p/>`, as Word writes it. */
function emptyHeader(): Header {
  return new Header({ children: [new Paragraph({})] });
}

function emptyFooter(): Footer {
  return new Footer({ children: [new Paragraph({})] });
}

/** A paragraph one point high: what follows a table that ends a section (see sections()). */
function trailingParagraph(): Paragraph {
  return new Paragraph({ spacing: { line: TINY_LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 }, children: [] });
}

/** Page numbers `— 1 —`, odd pages right and even pages left, one character in. */
function pageNumberFooter(ctx: RenderContext, side: 'odd' | 'even', raise: number): Footer {
  if (!ctx.input.meta.pageNumbers) return emptyFooter();
  const { s } = ctx;
  // 4号 half-width digits in the page-number font (宋体), not the Latin font.
  const style = { font: 'pageNumber' as const, latin: 'pageNumber' as const, size: s.sizes.pageNumber, spacing: 0 };
  const run = (text: string) => new TextRun({ ...ctx.runOptions(style), text });
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: charWidth(s, s.sizes.pageNumber) } : { left: charWidth(s, s.sizes.pageNumber) },
        // Its own small exact height, or it inherits the body pitch and pushes the body up.
        spacing: {
          line: lineOf(s.sizes.pageNumber, PAGE_NUMBER_LINE_FACTOR),
          lineRule: LineRuleType.EXACT,
          before: 0,
          after: raise,
        },
        children: [run('— '), new TextRun({ ...ctx.runOptions(style), children: [PageNumber.CURRENT] }), run(' —')],
      }),
    ],
  });
}

/** The template's blocks in sections: a new section at each landscape block and after it. */
function sectionGroups(ctx: RenderContext): { landscape: boolean; blocks: Block[] }[] {
  const { tree, meta } = ctx.input;
  const groups: { landscape: boolean; blocks: Block[] }[] = [{ landscape: meta.orientation === 'landscape', blocks: [] }];
  for (const block of tree.blocks) {
    if (block.type === 'section') {
      groups.push({ landscape: block.landscape, blocks: block.blocks });
      groups.push({ landscape: meta.orientation === 'landscape', blocks: [] });
    } else {
      groups[groups.length - 1]!.blocks.push(block);
    }
  }
  return groups.filter((g, i) => i === 0 || g.blocks.length > 0);
}

/**
 * The document's sections with their page setup: A4 written in exact twips (the portrait size
 * with the landscape orientation, the library swaps them), the margins turned with a landscape
 * page, page numbers 7 mm below the text block, and the letter format's first page.
 */
export function sections(ctx: RenderContext): ISectionOptions[] {
  const { tree, meta } = ctx.input;
  const letter = meta.header === 'letter';
  const ordinary = meta.header === 'ordinary';
  const hasHeader = (letter || ordinary) && Boolean(tree.header.issuer || tree.header.docNumber);
  const used = sectionGroups(ctx);

  return used.map((group, i) => {
    const first = i === 0;
    const children: (Paragraph | Table)[] = [];
    if (first && ordinary) children.push(...ordinaryHeader(ctx));
    if (first && letter) children.push(...letterDocNumber(ctx));
    if (first && !letter && !ordinary) {
      const mark = markParagraph(ctx);
      if (mark) children.push(mark);
    }
    const last = i === used.length - 1;
    const closing = last ? closingBlock(ctx, letter, group.landscape) : null;
    // A section ending with a table gives the closing block its room as the table's last row.
    const afterTable = group.blocks.findLast((b) => !NOT_IN_FLOW.has(b.type))?.type === 'table';
    children.push(
      ...blocks(ctx, group.blocks, group.landscape, first && hasHeader, {
        keepLast: closing !== null,
        room: closing?.height ?? 0,
      }),
    );
    if (closing) children.push(...closing.framed, closingAnchor(afterTable ? TINY_LINE : closing.height));
    // A section's last paragraph takes its properties; after a table Word would add one of the
    // body's 28.95 pt, which can push onto a blank page of its own. This one is 1 pt high.
    if (children.length === 0 || children[children.length - 1] instanceof Table) children.push(trailingParagraph());

    const m = ctx.s.page;
    const margin = group.landscape
      ? { top: m.left, bottom: m.right, left: m.top, right: m.bottom }
      : { top: m.top, bottom: m.bottom, left: m.left, right: m.right };
    // Page numbers stand 7 mm below the text block.
    const numberLine = lineOf(ctx.s.sizes.pageNumber, PAGE_NUMBER_LINE_FACTOR);
    const footerDistance = Math.max(MIN_FOOTER_DISTANCE, margin.bottom - mm(PAGE_NUMBER_BELOW_TEXT_MM) - numberLine);
    // The letter's lower double rule: its paragraph ends 20 mm above the page bottom.
    const letterFooter = mm(LETTER_LOWER_RULE_FROM_PAGE_BOTTOM_MM) - LETTER_RULE.line;
    const useLetterFirst = first && letter;
    const footer = useLetterFirst ? Math.min(footerDistance, letterFooter) : footerDistance;
    // Page numbers of the other pages keep their height over a footer moved down for the rule.
    const raise = footerDistance - footer;
    return {
      properties: {
        page: {
          size: {
            width: A4.width,
            height: A4.height,
            orientation: group.landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
          },
          margin: {
            ...margin,
            // The letter's mark stands on the issuer line, 30 mm from the top of the page.
            header: useLetterFirst
              ? mm(LETTER_MARK_FROM_PAGE_TOP_MM) - (markParagraph(ctx) ? MARK_LINE : 0)
              : mm(HEADER_DISTANCE_MM),
            footer,
            gutter: 0,
          },
        },
        titlePage: useLetterFirst,
      },
      headers: useLetterFirst
        ? { first: letterFirstHeader(ctx), default: emptyHeader(), even: emptyHeader() }
        : { default: emptyHeader(), even: emptyHeader() },
      footers: {
        default: pageNumberFooter(ctx, 'odd', raise),
        even: pageNumberFooter(ctx, 'even', raise),
        ...(useLetterFirst ? { first: letterFirstFooter(ctx) } : {}),
      },
      children,
    };
  });
}
