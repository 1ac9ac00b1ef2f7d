import { AlignmentType, TextRun, type IRunOptions } from 'docx';
import type { Align, Run } from '../../../common/documents/markup/document';
import type { DocumentSettings } from '../../../common/documents/settings';
import { stripNotXml } from '../../../common/domain/text';

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

// Data can hold characters XML forbids (pasted text, imported spreadsheets, an old database):
// Word refuses a file that has one, and the docx library passes some through. They print as nothing.
export const xmlText = stripNotXml;

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
