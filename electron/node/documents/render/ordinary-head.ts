import { AlignmentType, BorderStyle, LineRuleType, Paragraph, TabStopType, TextRun, type IBorderOptions } from 'docx';
import { textBlockWidth } from '../../../common/documents/settings';
import type { RenderContext } from './context';
import {
  ISSUER_LINE_FACTOR,
  lineOf,
  ORDINARY_MARK_BELOW_TEXT_TOP_MM,
  ORDINARY_RULE,
  TITLE_LINES_BELOW_HEADER,
  TWIPS_PER_MM,
} from './layout';

/**
 * The ordinary document's 版头, at the top of the body: the issuing-organ mark with its top edge
 * 35 mm below the top of the text block, the 发文字号 two lines below (with 签发人 when sent
 * upward), and the red rule under it as a paragraph border.
 */
export function ordinaryHeader(ctx: RenderContext): Paragraph[] {
  const { s } = ctx;
  const { issuer, docNumber, signer } = ctx.input.tree.header;
  const out: Paragraph[] = [];
  const issuerLine = lineOf(s.sizes.issuer, ISSUER_LINE_FACTOR);
  if (issuer) {
    out.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: {
          // The line's leading above the glyphs is part of the 35 mm.
          before: Math.max(0, Math.round(ORDINARY_MARK_BELOW_TEXT_TOP_MM * TWIPS_PER_MM - (issuerLine - s.sizes.issuer * 10))),
          after: 0,
          line: issuerLine,
          lineRule: LineRuleType.EXACT,
        },
        children: ctx.runs(issuer, { font: 'title', size: s.sizes.issuer, color: ctx.color(), spacing: 0 }),
      }),
    );
  }
  if (docNumber || signer) {
    const width = textBlockWidth(s);
    const border: IBorderOptions = {
      style: BorderStyle.SINGLE,
      size: ORDINARY_RULE.size,
      color: ctx.color(),
      space: ORDINARY_RULE.space,
    };
    out.push(
      new Paragraph({
        alignment: signer ? AlignmentType.LEFT : AlignmentType.CENTER,
        spacing: { ...ctx.exact, before: TITLE_LINES_BELOW_HEADER * s.linePitch },
        border: { bottom: border },
        indent: signer ? { left: ctx.ch } : undefined,
        tabStops: signer ? [{ type: TabStopType.RIGHT, position: width - ctx.ch }] : undefined,
        children: [
          ...ctx.runs(docNumber ?? [], { spacing: 0 }),
          ...(signer
            ? [new TextRun({ ...ctx.runOptions({}), text: '\t签发人：' }), ...ctx.runs(signer, { font: 'heading2', spacing: 0 })]
            : []),
        ],
      }),
    );
  }
  return out;
}
