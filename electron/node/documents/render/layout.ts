import { LineRuleType, type IParagraphOptions } from 'docx';
import type { DocumentSettings } from '../../../common/documents/settings';

/**
 * Every fixed measure of the GB/T 9704 layout, by name, in one place. What an office may change
 * (margins, fonts, sizes, line pitch) is in the settings; what the standard fixes is here. Word
 * units: twips (1/20 pt), font sizes in half-points, border widths in eighths of a point.
 * See shared/docs/gbt9704.md for where each number comes from.
 */

/** Twips per millimetre. */
export const TWIPS_PER_MM = 56.7;

export function mm(millimetres: number): number {
  return Math.round(millimetres * TWIPS_PER_MM);
}

export const RED = 'FF0000';
export const BLACK = '000000';

/** A line of a font size in half-points, at `factor` times the size, in twips. */
export function lineOf(size: number, factor: number): number {
  return Math.round(size * 10 * factor);
}

/** The body's exact line pitch (22 lines a page), no space around. */
export function exactSpacing(settings: DocumentSettings): IParagraphOptions['spacing'] {
  return { line: settings.linePitch, lineRule: LineRuleType.EXACT, before: 0, after: 0 };
}

// ── 版头 (header block) ─────────────────────────────────────────────────────────────────

/** The issuing-organ mark's line, relative to its size. */
export const ISSUER_LINE_FACTOR = 1.15;
/** Ordinary documents: the mark's top edge this far below the top of the text block. */
export const ORDINARY_MARK_BELOW_TEXT_TOP_MM = 35;
/** Ordinary documents: the red rule under the 发文字号 (eighths of a point, and space in points). */
export const ORDINARY_RULE = { size: 12, space: 11 } as const;

/** Letter format: the mark's top edge this far from the top of the page (the header distance). */
export const LETTER_MARK_FROM_PAGE_TOP_MM = 30;
/** Letter format: the double rules are this long, centred over the text block. */
export const LETTER_RULE_LENGTH_MM = 170;
/** The text block width the rules overhang (GB/T 9704: 156 mm). */
export const TEXT_BLOCK_WIDTH_MM = 156;
/** The double rules: border width (eighths of a point), and the tiny paragraph that carries them. */
export const LETTER_RULE = { size: 18, space: 1, line: 40 } as const;
/** Space under the mark, over the upper double rule. */
export const LETTER_ISSUER_AFTER = 80;
/** Letter format: the lower double rule this far above the bottom of the page. */
export const LETTER_LOWER_RULE_FROM_PAGE_BOTTOM_MM = 20;
/** The result-class mark's line (exact), above the issuer in the letter head. */
export const MARK_LINE = 400;

/** Header distance of every page but the letter's first. */
export const HEADER_DISTANCE_MM = 15;

// ── 页码 (page numbers) ─────────────────────────────────────────────────────────────────

/** Page numbers stand this far below the text block. */
export const PAGE_NUMBER_BELOW_TEXT_MM = 7;
/** The footer paragraph's own exact line, relative to the page-number size. */
export const PAGE_NUMBER_LINE_FACTOR = 1.2;
/** The smallest footer distance Word keeps sensible. */
export const MIN_FOOTER_DISTANCE = 200;

// ── 正文 (body) ─────────────────────────────────────────────────────────────────────────

/** First-line indent of body paragraphs and headings, in characters. */
export const BODY_INDENT_CHARS = 2;
/**
 * Signature (GB/T 9704 7.3.5): sealed, the date stands four characters from the right and the
 * issuer is centred over it; unsealed, the issuer stands two characters from the right and the
 * date starts two characters to the right of the issuer's first character.
 */
export const SIGNATURE_INSET_CHARS = { sealed: 4, unsealed: 2 } as const;
export const UNSEALED_DATE_SHIFT_CHARS = 2;
/** Lines of space above the signature. */
export const SIGNATURE_LINES_ABOVE = 2;
/** 附件说明: the label 附件： and a list number "1." in characters. */
export const ATTACHMENT_LABEL_CHARS = 3;
export const ATTACHMENT_NUMBER_CHARS = 1.5;
/** Lines between the 版头 and the title. */
export const TITLE_LINES_BELOW_HEADER = 2;
/** An invisible paragraph's exact line (one point). */
export const TINY_LINE = 20;

// ── 表格 (tables) ───────────────────────────────────────────────────────────────────────

/** Cell line, relative to the table font size. */
export const CELL_LINE_FACTOR = 1.3;
export const CELL_MARGINS = { top: 60, bottom: 60, left: 100, right: 100 } as const;
/** Table rules (eighths of a point). */
export const TABLE_RULE_SIZE = 4;

// ── 版记 (closing block) ────────────────────────────────────────────────────────────────

/** A closing-block line, relative to the closing size, and the space above and below it. */
export const CLOSING_LINE_FACTOR = 1.5;
export const CLOSING_LINE_PADDING = 60;
/** The closing block's first and last rules (0.35 mm) and the middle ones (0.25 mm). */
export const CLOSING_RULE_THICK = 8;
export const CLOSING_RULE_THIN = 6;
/** Space between a rule and its text, in points. */
export const CLOSING_RULE_SPACE = 1;
/** 抄送 and 印发 lines stand this many characters in from each side of the text block. */
export const CLOSING_INSET_CHARS = 1;
/** Room kept over the closing block's computed height, against rounding in the word processors. */
export const CLOSING_SLACK = 40;

/** A border's width (eighths of a point) and its space (points) in twips. */
export function borderTwips(size: number, space: number): number {
  return size * 2.5 + space * 20;
}
