import { AlignmentType, BorderStyle, Footer, Header, LineRuleType, Paragraph, type IBorderOptions } from 'docx';
import type { RenderContext } from './context';
import {
  ISSUER_LINE_FACTOR,
  LETTER_ISSUER_AFTER,
  LETTER_RULE,
  LETTER_RULE_LENGTH_MM,
  lineOf,
  MARK_LINE,
  TEXT_BLOCK_WIDTH_MM,
  TWIPS_PER_MM,
} from './layout';

/**
 * The letter format (信函格式) of a reply letter: on page 1 only, the mark 30 mm from the top of
 * the page with the thick-over-thin double rule under it (the first-page header), the
 * thin-over-thick rule 20 mm above the page bottom (the first-page footer), and the 发文字号 at
 * the right under the upper rule. The distances of those header and footer are set with the
 * page in sections.ts.
 */

/** The double rule of the letter format: 170 mm, centred over the 156 mm text block. */
function doubleRule(
  ctx: RenderContext,
  where: 'top' | 'bottom',
  style: (typeof BorderStyle)[keyof typeof BorderStyle],
): Paragraph {
  const overhang = Math.round(((LETTER_RULE_LENGTH_MM - TEXT_BLOCK_WIDTH_MM) / 2) * TWIPS_PER_MM);
  const rule: IBorderOptions = { style, size: LETTER_RULE.size, color: ctx.color(), space: LETTER_RULE.space };
  return new Paragraph({
    spacing: { line: LETTER_RULE.line, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
    indent: { left: -overhang, right: -overhang },
    border: where === 'bottom' ? { bottom: rule } : { top: rule },
    children: [],
  });
}

/** The result-class mark (A/B/C/D…) at the top right or left, in 4号半角宋体, or nothing. */
export function markParagraph(ctx: RenderContext): Paragraph | null {
  const mark = ctx.input.tree.header.mark;
  if (!mark || ctx.s.markPosition === 'none') return null;
  return new Paragraph({
    alignment: ctx.s.markPosition === 'top-right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
    spacing: { line: MARK_LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
    children: ctx.runs([{ text: mark }], { font: 'pageNumber', latin: 'pageNumber', size: ctx.s.sizes.pageNumber, spacing: 0 }),
  });
}

/** Letter format: mark 30 mm from the page top and the upper double rule, in the first-page header. */
export function letterFirstHeader(ctx: RenderContext): Header {
  const { issuer } = ctx.input.tree.header;
  const children: Paragraph[] = [];
  const mark = markParagraph(ctx);
  if (mark) children.push(mark);
  if (issuer) {
    children.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: {
          line: lineOf(ctx.s.sizes.issuer, ISSUER_LINE_FACTOR),
          lineRule: LineRuleType.EXACT,
          before: 0,
          after: LETTER_ISSUER_AFTER,
        },
        children: ctx.runs(issuer, { font: 'title', size: ctx.s.sizes.issuer, color: ctx.color(), spacing: 0 }),
      }),
    );
  }
  children.push(doubleRule(ctx, 'bottom', BorderStyle.THICK_THIN_SMALL_GAP));
  return new Header({ children });
}

export function letterFirstFooter(ctx: RenderContext): Footer {
  return new Footer({ children: [doubleRule(ctx, 'top', BorderStyle.THIN_THICK_SMALL_GAP)] });
}

/** 发文字号 at the right, under the first double rule; nothing when the letter has none. */
export function letterDocNumber(ctx: RenderContext): Paragraph[] {
  const number = ctx.input.tree.header.docNumber;
  if (!number) return [];
  return [new Paragraph({ alignment: AlignmentType.RIGHT, spacing: ctx.exact, children: ctx.runs(number, { spacing: 0 }) })];
}
