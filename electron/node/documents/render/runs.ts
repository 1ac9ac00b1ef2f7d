import { AlignmentType, TextRun, type IRunOptions } from 'docx';
import type { Align, Run } from '../../../common/documents/markup/document';
import type { DocumentSettings } from '../../../common/documents/settings';

/** Which of the settings' fonts a run is set in. */
export type Font = 'body' | 'title' | 'heading1' | 'heading2' | 'pageNumber';

export interface RunStyle {
  font?: Font;
  size?: number;
  bold?: boolean;
  color?: string;
  /** Character spacing in twips; the body's 28-a-line spacing unless given. */
  spacing?: number;
  /**
   * The font of digits and Latin letters: the settings' Latin font unless given. Page numbers
   * and the class mark set theirs in the page-number font (GB/T 9704: 4号半角宋体 digits).
   */
  latin?: Font;
}

// Characters XML 1.0 does not allow (C0 controls but tab and line ends, U+FFFE, U+FFFF, lone
// surrogates): Word refuses to open a file that has one, and the docx library passes the last
// ones through. Data can hold them (pasted text, imported spreadsheets); they print as nothing.
const NOT_XML =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlText(text: string): string {
  return text.replace(NOT_XML, '');
}

/**
 * A run's font, size and language. The East Asian font is always set, with its hint, or
 * Chinese text and quotes fall back to the Latin theme font.
 */
export function runOptions(settings: DocumentSettings, style: RunStyle): IRunOptions {
  const eastAsia = settings.fonts[style.font ?? 'body'];
  const latin = style.latin ? settings.fonts[style.latin] : settings.fonts.latin;
  return {
    font: { ascii: latin, hAnsi: latin, cs: latin, eastAsia, hint: 'eastAsia' },
    size: style.size ?? settings.sizes.body,
    // Digits and Latin letters are Western script: marked en-US, LibreOffice keeps a number
    // whole at a line end (marked zh-CN it breaks 245 into 24 / 5).
    language: { value: 'en-US', eastAsia: 'zh-CN' },
    ...(style.bold ? { bold: true } : {}),
    ...(style.color ? { color: style.color } : {}),
    ...(style.spacing !== 0 ? { characterSpacing: style.spacing ?? settings.characterSpacing } : {}),
  };
}

export function textRuns(settings: DocumentSettings, runs: readonly Run[], style: RunStyle = {}): TextRun[] {
  return runs.map((run) =>
    run.break
      ? new TextRun({ ...runOptions(settings, style), break: 1 })
      : new TextRun({ ...runOptions(settings, { ...style, bold: style.bold || run.bold }), text: xmlText(run.text) }),
  );
}

export function alignment(align: Align | undefined): (typeof AlignmentType)[keyof typeof AlignmentType] {
  switch (align) {
    case 'center':
      return AlignmentType.CENTER;
    case 'right':
      return AlignmentType.RIGHT;
    case 'left':
      return AlignmentType.LEFT;
    default:
      return AlignmentType.BOTH;
  }
}
