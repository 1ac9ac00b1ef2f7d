import { Paragraph, TextRun, type IParagraphOptions, type IRunOptions } from 'docx';
import type { Block, DocumentTree, Run } from '../../../common/documents/markup/document';
import type { FrontMatter } from '../../../common/documents/template/front-matter';
import { charWidth, type DocumentSettings } from '../../../common/documents/settings';
import { BLACK, BODY_INDENT_CHARS, exactSpacing, RED } from './layout';
import { runOptions, textRuns, type RunStyle } from './runs';

export interface RenderInput {
  tree: DocumentTree;
  meta: FrontMatter;
  settings: DocumentSettings;
  /** The document's name when it prints no title (Word's file information shows the title). */
  title?: string;
  /** The issuing unit, when the document's signature does not name it. */
  creator?: string;
}

/**
 * What the parts of the renderer share while drawing one document: the settings, the body's
 * measures, a page break waiting for the next paragraph, and the closing block's parts, which
 * the blocks name anywhere and the last section draws.
 */
function closingParts(
  blocks: readonly Block[],
  into: { copyTo: Run[] | null; printed: { by: Run[]; date: Run[] } | null },
): void {
  for (const block of blocks) {
    if (block.type === 'copy-to') into.copyTo = block.runs;
    else if (block.type === 'printed') into.printed = { by: block.by, date: block.date };
    else if (block.type === 'section') closingParts(block.blocks, into);
  }
}

export class RenderContext {
  readonly s: DocumentSettings;
  /** One body character in twips. */
  readonly ch: number;
  /** The body's exact line spacing. */
  readonly exact: IParagraphOptions['spacing'];
  pendingBreak = false;
  /** The closing block's 抄送 and 印发, wherever the template put them (the last of each). */
  readonly copyTo: Run[] | null = null;
  readonly printed: { by: Run[]; date: Run[] } | null = null;

  constructor(readonly input: RenderInput) {
    this.s = input.settings;
    this.ch = charWidth(this.s);
    this.exact = exactSpacing(this.s);
    const parts = { copyTo: null, printed: null };
    closingParts(input.tree.blocks, parts);
    this.copyTo = parts.copyTo;
    this.printed = parts.printed;
  }

  /** Red for the issuer mark and rules, or black for offices that print without colour. */
  color(): string {
    return this.s.redHeader ? RED : BLACK;
  }

  runOptions(style: RunStyle): IRunOptions {
    return runOptions(this.s, style);
  }

  runs(runs: readonly Run[], style: RunStyle = {}): TextRun[] {
    return textRuns(this.s, runs, style);
  }

  /** A body paragraph: exact pitch unless given, and the page break a block asked for before it. */
  paragraph(options: IParagraphOptions): Paragraph {
    const breakBefore = this.pendingBreak;
    this.pendingBreak = false;
    return new Paragraph({ spacing: this.exact, ...options, ...(breakBefore ? { pageBreakBefore: true } : {}) });
  }

  bodyIndent(): IParagraphOptions['indent'] {
    return { firstLine: BODY_INDENT_CHARS * this.ch, firstLineChars: BODY_INDENT_CHARS * 100 };
  }
}
