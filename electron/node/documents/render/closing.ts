import {
  AlignmentType,
  BorderStyle,
  FrameAnchorType,
  FrameWrap,
  HorizontalPositionAlign,
  LineRuleType,
  Paragraph,
  TabStopType,
  TextRun,
  VerticalPositionAlign,
  type IBorderOptions,
  type IParagraphOptions,
} from 'docx';
import type { Run } from '../../../common/documents/markup/document';
import { plainText } from '../../../common/documents/markup/document';
import { charWidth, textBlockWidth } from '../../../common/documents/settings';
import type { RenderContext } from './context';
import {
  BLACK,
  borderTwips,
  CLOSING_INSET_CHARS,
  CLOSING_LINE_FACTOR,
  CLOSING_LINE_PADDING,
  CLOSING_RULE_SPACE,
  CLOSING_RULE_THICK,
  CLOSING_RULE_THIN,
  CLOSING_SLACK,
  lineOf,
  SIGNATURE_INSET_CHARS,
  SIGNATURE_LINES_ABOVE,
  UNSEALED_DATE_SHIFT_CHARS,
} from './layout';
import { printedWidthInChars, textWidthInChars } from './text-width';

/**
 * Right indents, in characters, of the issuer lines and the date of an unsealed signature (GB/T
 * 9704 7.3.5.2): the issuer two characters from the right, the date starting two characters
 * right of the issuer's first character; a date longer than that stands two from the right and
 * moves the issuer left.
 */
export function unsealedInsets(widths: readonly number[]): number[] {
  const inset = SIGNATURE_INSET_CHARS.unsealed;
  if (widths.length < 2) return widths.map(() => inset);
  const date = widths[widths.length - 1]!;
  const widest = Math.max(...widths.slice(0, -1));
  const dateInset = Math.max(inset, widest - UNSEALED_DATE_SHIFT_CHARS - date + inset);
  const nameInset = dateInset + date + UNSEALED_DATE_SHIFT_CHARS - widest;
  return [...widths.slice(0, -1).map((name) => nameInset + (widest - name)), dateInset];
}

/**
 * 署名 and 成文日期, two lines below the text. Sealed (GB/T 9704 7.3.5.1): the date four
 * characters from the right and the issuer centred over it. Both stand on one centre tab stop,
 * so the issuer is centred on the date whatever the fonts' widths; the stop is where the centre
 * of a date of half-width digits, with the word processor's gaps around them, four characters
 * from the right falls. A name too long to centre
 * there ends at the right edge. `keepLast` keeps the last line with what follows (the 附注, or
 * the closing block).
 */
export function signature(ctx: RenderContext, lines: Run[][], landscape: boolean, keepLast: boolean): Paragraph[] {
  const widths = lines.map((line) => textWidthInChars(plainText(line)));
  const spacing = (i: number) => ({ ...ctx.exact, before: i === 0 ? SIGNATURE_LINES_ABOVE * ctx.s.linePitch : 0 });
  const keepNext = (i: number) => i < lines.length - 1 || keepLast;
  if (!ctx.s.sealed) {
    const insets = unsealedInsets(widths);
    return lines.map((line, i) =>
      ctx.paragraph({
        alignment: AlignmentType.RIGHT,
        indent: { right: Math.round(insets[i]! * ctx.ch) },
        spacing: spacing(i),
        keepNext: keepNext(i),
        children: ctx.runs(line),
      }),
    );
  }
  const width = textBlockWidth(ctx.s, landscape);
  // A signature of one line stands like a date. Placed by its printed width (the gaps between
  // Chinese and digits included), the date ends four characters from the right.
  const printed = lines.map((line) => printedWidthInChars(plainText(line)));
  const date = printed[printed.length - 1] ?? 0;
  const centre = width - (SIGNATURE_INSET_CHARS.sealed + date / 2) * ctx.ch;
  return lines.map((line, i) =>
    ctx.paragraph({
      alignment: AlignmentType.LEFT,
      tabStops: [{ type: TabStopType.CENTER, position: Math.round(Math.min(centre, width - (printed[i]! / 2) * ctx.ch)) }],
      spacing: spacing(i),
      keepNext: keepNext(i),
      children: ctx.runs([{ text: '\t' }, ...line]),
    }),
  );
}

/** Lines a paragraph of `text` takes: `first` characters on its first line, `rest` on the others. */
function lineCount(text: string, first: number, rest: number): number {
  const width = textWidthInChars(text);
  if (width <= first) return 1;
  return 1 + Math.ceil((width - first) / Math.max(1, rest));
}

/** The closing block's framed paragraphs and the height they take, in twips. */
export interface ClosingBlock {
  framed: Paragraph[];
  height: number;
}

/**
 * 版记: 抄送 (and, outside the letter format, 印发 between rules), standing on the bottom edge
 * of the text block of the last page. Drawn as framed paragraphs aligned to the bottom of the
 * margin, which Word and LibreOffice both place there. The frame pushes nothing; its room in the
 * text is kept by what comes before it (closingAnchor, or a table's last row), and the text
 * before it is kept with it, so when the room is not left on a page the last lines or rows go
 * over with the block and no page holds the closing block alone. The letter format's block has
 * no 印发 line and no rules. Null when the document has no closing block.
 */
export function closingBlock(ctx: RenderContext, letter: boolean, landscape: boolean): ClosingBlock | null {
  const { s, copyTo, printed } = ctx;
  if (!copyTo && !printed) return null;
  const size = s.sizes.closing;
  const ch = charWidth(s, size);
  const inset = CLOSING_INSET_CHARS * ch;
  const width = textBlockWidth(s, landscape);
  const line = lineOf(size, CLOSING_LINE_FACTOR);
  const spacing = { line, lineRule: LineRuleType.EXACT, before: CLOSING_LINE_PADDING, after: CLOSING_LINE_PADDING };
  const thick: IBorderOptions = { style: BorderStyle.SINGLE, size: CLOSING_RULE_THICK, color: BLACK, space: CLOSING_RULE_SPACE };
  const thin: IBorderOptions = { style: BorderStyle.SINGLE, size: CLOSING_RULE_THIN, color: BLACK, space: CLOSING_RULE_SPACE };
  // Characters of the closing size a line holds, one fewer for the word processors' line breaking.
  const capacity = Math.floor((width - 2 * inset) / ch) - 1;

  const lines: { options: IParagraphOptions; count: number }[] = [];
  if (copyTo) {
    // Wrapped lines of 抄送 stand under the first character after the colon.
    const text = plainText(copyTo);
    const label = /^[^：:]{1,4}[：:]/.exec(text)?.[0] ?? '';
    const hanging = textWidthInChars(label) * ch;
    lines.push({
      options: {
        indent: { left: inset + hanging, right: inset, ...(hanging ? { hanging } : {}) },
        children: ctx.runs(copyTo, { size, spacing: 0 }),
      },
      count: lineCount(text, capacity, capacity - textWidthInChars(label)),
    });
  }
  if (printed && !letter) {
    lines.push({
      options: {
        indent: { left: inset, right: inset },
        // Tab stops count from the margin: the date ends one character inside the right edge.
        tabStops: [{ type: TabStopType.RIGHT, position: width - inset }],
        children: [
          ...ctx.runs(printed.by, { size, spacing: 0 }),
          new TextRun({ ...ctx.runOptions({ size, spacing: 0 }), text: '\t' }),
          ...ctx.runs(printed.date, { size, spacing: 0 }),
        ],
      },
      count: 1,
    });
  }
  if (lines.length === 0) return null;

  const rules = !letter;
  const frame = {
    type: 'alignment' as const,
    alignment: { x: HorizontalPositionAlign.CENTER, y: VerticalPositionAlign.BOTTOM },
    anchor: { horizontal: FrameAnchorType.MARGIN, vertical: FrameAnchorType.MARGIN },
    width,
    // The room is kept in the text; the frame itself pushes nothing (LibreOffice: wrap through).
    wrap: FrameWrap.NONE,
  };
  let height = CLOSING_SLACK;
  const framed = lines.map(({ options, count }, i) => {
    const last = i === lines.length - 1;
    const border = rules ? { ...(i === 0 ? { top: thick } : {}), bottom: last ? thick : thin } : undefined;
    height += 2 * CLOSING_LINE_PADDING + count * line;
    if (rules) {
      if (i === 0) height += borderTwips(CLOSING_RULE_THICK, CLOSING_RULE_SPACE);
      height += borderTwips(last ? CLOSING_RULE_THICK : CLOSING_RULE_THIN, CLOSING_RULE_SPACE);
    }
    return new Paragraph({
      ...options,
      frame,
      keepNext: true,
      alignment: AlignmentType.LEFT,
      spacing,
      ...(border ? { border } : {}),
    });
  });
  return { framed, height: Math.ceil(height) };
}

/**
 * The paragraph the closing block's frame is anchored to, after it: `line` twips high, the
 * block's height when it keeps the block's room itself, a point when a table's last row does.
 */
export function closingAnchor(line: number): Paragraph {
  return new Paragraph({ spacing: { line, lineRule: LineRuleType.EXACT, before: 0, after: 0 }, children: [] });
}
