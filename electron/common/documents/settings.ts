import { z } from 'zod';

/**
 * Everything about how a document looks that an office may need to change: fonts are names
 * (the machine that opens the file supplies them), sizes are in half-points as Word stores them,
 * lengths in twips (1/20 pt). The defaults follow GB/T 9704-2012; see shared/docs/gbt9704.md.
 */
/** A font's name as Word lists it. */
const fontName = z.string().min(1).max(40);
/** A whole number of half-points or twips within the range an office may set. */
const whole = (min: number, max: number) => z.number().int().min(min).max(max);
/** A page margin in twips: 1 cm to about 7 cm. */
const margin = whole(567, 4000);

export const documentSettingsSchema = z.object({
  fonts: z.object({
    /** 正文: 仿宋 (offices with the GB2312 fonts installed set 仿宋_GB2312). */
    body: fontName,
    /** 标题 and the issuing-organ mark: 小标宋. */
    title: fontName,
    /** First-level headings 一、 */
    heading1: fontName,
    /** Second-level headings （一） */
    heading2: fontName,
    /** Page numbers (half-width digits). */
    pageNumber: fontName,
    /** Latin letters and digits inside Chinese text. */
    latin: fontName,
  }),
  sizes: z.object({
    body: whole(16, 64),
    title: whole(24, 88),
    issuer: whole(32, 120),
    pageNumber: whole(16, 40),
    closing: whole(16, 40),
    table: whole(16, 40),
  }),
  page: z.object({
    top: margin,
    bottom: margin,
    left: margin,
    right: margin,
  }),
  /** Exact line pitch in twips: 579 gives 22 lines a page. */
  linePitch: whole(300, 900),
  /** Run spacing in twips that fits 28 characters a line (see gbt9704.md). */
  characterSpacing: whole(-40, 40),
  /** Where the result-class mark goes on a reply letter. */
  markPosition: z.enum(['top-right', 'top-left', 'none']),
  /** Printed mark for each class, e.g. A/B/C/D or 甲/乙/丙/丁. */
  markLabels: z.object({ A: z.string().max(8), B: z.string().max(8), C: z.string().max(8), D: z.string().max(8) }),
  /** Sealed documents put the date four characters from the right, unsealed two. */
  sealed: z.boolean(),
  /** The issuer mark and rules in red (true) or black for offices that print without colour. */
  redHeader: z.boolean(),
  /** 抄送 of a reply letter when the unit's letterhead names none, by kind of session. */
  letterCopyTo: z.object({ npc: z.string().max(300), cppcc: z.string().max(300) }),
});
export type DocumentSettings = z.infer<typeof documentSettingsSchema>;

export const DEFAULT_DOCUMENT_SETTINGS: DocumentSettings = {
  fonts: {
    body: '仿宋',
    title: '方正小标宋简体',
    heading1: '黑体',
    heading2: '楷体',
    pageNumber: '宋体',
    latin: 'Times New Roman',
  },
  sizes: { body: 32, title: 44, issuer: 72, pageNumber: 28, closing: 28, table: 24 },
  // A4 with the standard's margins: 37 mm top, 28 mm left, 35 mm bottom, 26 mm right.
  page: { top: 2098, bottom: 1984, left: 1587, right: 1474 },
  linePitch: 579,
  characterSpacing: -5,
  markPosition: 'top-right',
  markLabels: { A: 'A', B: 'B', C: 'C', D: 'D' },
  sealed: true,
  redHeader: true,
  letterCopyTo: { npc: '区人大常委会代表工作委员会，区人民政府办公室', cppcc: '区政协提案委员会，区人民政府办公室' },
};

/** A4 in twips, written exactly (the library's millimetre conversion floors to 11905 x 16837). */
export const A4 = { width: 11906, height: 16838 } as const;

/**
 * The width of the text block. A landscape page turns the portrait margins with it: its left and
 * right margins are the portrait top and bottom (225 mm wide by default).
 */
export function textBlockWidth(settings: DocumentSettings, landscape = false): number {
  return landscape ? A4.height - settings.page.top - settings.page.bottom : A4.width - settings.page.left - settings.page.right;
}

/** One character of body text in twips, for indents measured in characters. */
export function charWidth(settings: DocumentSettings, size = settings.sizes.body): number {
  return size * 10;
}
