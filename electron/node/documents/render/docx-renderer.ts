import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  FrameAnchorType,
  FrameWrap,
  Header,
  HorizontalPositionAlign,
  HeightRule,
  LineRuleType,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  VerticalAlignTable,
  VerticalPositionAlign,
  WidthType,
  type IBorderOptions,
  type IParagraphOptions,
  type IRunOptions,
  type ISectionOptions,
} from 'docx';
import type { Align, Block, Cell, DocumentTree, Run } from '../../../common/documents/markup/document';
import { plainText } from '../../../common/documents/markup/document';
import type { FrontMatter } from '../../../common/documents/template/front-matter';
import { A4, charWidth, textBlockWidth, type DocumentSettings } from '../../../common/documents/settings';
import { DocxPacker } from './pack';
import { textWidthInChars } from './text-width';
import { balancedTitleRuns } from './title-lines';

/**
 * Draws a document tree as a GB/T 9704 document with the `docx` library. Every length comes from
 * the settings; the traps measured in shared/docs/gbt9704.md are handled here and nowhere else:
 * LineRuleType.EXACT (not EXACTLY), East Asian fonts on every run, both indent forms, explicit
 * table grids, exact A4 twips, portrait sizes passed with the landscape orientation.
 */

const RED = 'FF0000';
const BLACK = '000000';
const MM = 56.7; // twips per millimetre

export interface RenderInput {
  tree: DocumentTree;
  meta: FrontMatter;
  settings: DocumentSettings;
  /** Document properties (shown in Word's file information). */
  title?: string;
}

type Font = 'body' | 'title' | 'heading1' | 'heading2' | 'pageNumber';

// Characters XML 1.0 does not allow (C0 controls but tab and line ends, U+FFFE, U+FFFF, lone
// surrogates): Word refuses to open a file that has one, and the docx library passes the last
// ones through. Data can hold them (pasted text, imported spreadsheets); they print as nothing.
const NOT_XML =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function xmlText(text: string): string {
  return text.replace(NOT_XML, '');
}

interface RunStyle {
  font?: Font;
  size?: number;
  bold?: boolean;
  color?: string;
  /** Character spacing in twips; the body's 28-a-line spacing unless given. */
  spacing?: number;
}

class Renderer {
  private readonly s: DocumentSettings;
  private readonly ch: number;
  private readonly exact: IParagraphOptions['spacing'];
  private pendingBreak = false;
  private copyTo: Run[] | null = null;
  private printed: { by: Run[]; date: Run[] } | null = null;

  constructor(private readonly input: RenderInput) {
    this.s = input.settings;
    this.ch = charWidth(this.s);
    this.exact = { line: this.s.linePitch, lineRule: LineRuleType.EXACT, before: 0, after: 0 };
  }

  private color(): string {
    return this.s.redHeader ? RED : BLACK;
  }

  private fontName(font: Font): string {
    return this.s.fonts[font];
  }

  private runOptions(style: RunStyle): IRunOptions {
    const eastAsia = this.fontName(style.font ?? 'body');
    return {
      font: { ascii: this.s.fonts.latin, hAnsi: this.s.fonts.latin, cs: this.s.fonts.latin, eastAsia, hint: 'eastAsia' },
      size: style.size ?? this.s.sizes.body,
      // Digits and Latin letters are Western script: marked en-US, LibreOffice keeps a number
      // whole at a line end (marked zh-CN it breaks 245 into 24 / 5).
      language: { value: 'en-US', eastAsia: 'zh-CN' },
      ...(style.bold ? { bold: true } : {}),
      ...(style.color ? { color: style.color } : {}),
      ...(style.spacing !== 0 ? { characterSpacing: style.spacing ?? this.s.characterSpacing } : {}),
    };
  }

  runs(runs: readonly Run[], style: RunStyle = {}): TextRun[] {
    return runs.map((run) =>
      run.break
        ? new TextRun({ ...this.runOptions(style), break: 1 })
        : new TextRun({ ...this.runOptions({ ...style, bold: style.bold || run.bold }), text: xmlText(run.text) }),
    );
  }

  private paragraph(options: IParagraphOptions): Paragraph {
    const breakBefore = this.pendingBreak;
    this.pendingBreak = false;
    return new Paragraph({ spacing: this.exact, ...options, ...(breakBefore ? { pageBreakBefore: true } : {}) });
  }

  private bodyIndent(): IParagraphOptions['indent'] {
    return { firstLine: 2 * this.ch, firstLineChars: 200 };
  }

  private alignment(align: Align | undefined): (typeof AlignmentType)[keyof typeof AlignmentType] {
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

  // ── 版头 ────────────────────────────────────────────────────────────────────────────

  /** Ordinary document header, in the body: mark 35 mm below the text block top, number, red rule. */
  private ordinaryHeader(): Paragraph[] {
    const { issuer, docNumber, signer } = this.input.tree.header;
    const out: Paragraph[] = [];
    const issuerLine = Math.round(this.s.sizes.issuer * 10 * 1.15);
    if (issuer) {
      out.push(
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: {
            before: Math.max(0, Math.round(35 * MM - (issuerLine - this.s.sizes.issuer * 10))),
            after: 0,
            line: issuerLine,
            lineRule: LineRuleType.EXACT,
          },
          children: this.runs(issuer, { font: 'title', size: this.s.sizes.issuer, color: this.color(), spacing: 0 }),
        }),
      );
    }
    if (docNumber || signer) {
      const width = textBlockWidth(this.s);
      const border: IBorderOptions = { style: BorderStyle.SINGLE, size: 12, color: this.color(), space: 11 };
      out.push(
        new Paragraph({
          alignment: signer ? AlignmentType.LEFT : AlignmentType.CENTER,
          spacing: { ...this.exact, before: 2 * this.s.linePitch },
          border: { bottom: border },
          indent: signer ? { left: this.ch } : undefined,
          tabStops: signer ? [{ type: TabStopType.RIGHT, position: width - this.ch }] : undefined,
          children: [
            ...this.runs(docNumber ?? [], { spacing: 0 }),
            ...(signer
              ? [
                  new TextRun({ ...this.runOptions({}), text: '\t签发人：' }),
                  ...this.runs(signer, { font: 'heading2', spacing: 0 }),
                ]
              : []),
          ],
        }),
      );
    }
    return out;
  }

  /** The double rule of the letter format: 170 mm, centred over the 156 mm text block. */
  private doubleRule(where: 'top' | 'bottom', style: (typeof BorderStyle)[keyof typeof BorderStyle]): Paragraph {
    const overhang = Math.round(((170 - 156) / 2) * MM);
    const rule: IBorderOptions = { style, size: 18, color: this.color(), space: 1 };
    return new Paragraph({
      spacing: { line: 40, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
      indent: { left: -overhang, right: -overhang },
      border: where === 'bottom' ? { bottom: rule } : { top: rule },
      children: [],
    });
  }

  private markParagraph(): Paragraph | null {
    const mark = this.input.tree.header.mark;
    if (!mark || this.s.markPosition === 'none') return null;
    return new Paragraph({
      alignment: this.s.markPosition === 'top-right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
      spacing: { line: 400, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
      children: this.runs([{ text: mark }], { font: 'heading1', size: this.s.sizes.body, spacing: 0 }),
    });
  }

  /** Letter format: mark 30 mm from the page top and the upper double rule, in the first-page header. */
  private letterFirstHeader(): Header {
    const { issuer } = this.input.tree.header;
    const children: Paragraph[] = [];
    const mark = this.markParagraph();
    if (mark) children.push(mark);
    if (issuer) {
      children.push(
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { line: Math.round(this.s.sizes.issuer * 10 * 1.15), lineRule: LineRuleType.EXACT, before: 0, after: 80 },
          children: this.runs(issuer, { font: 'title', size: this.s.sizes.issuer, color: this.color(), spacing: 0 }),
        }),
      );
    }
    children.push(this.doubleRule('bottom', BorderStyle.THICK_THIN_SMALL_GAP));
    return new Header({ children });
  }

  private letterFirstFooter(): Footer {
    return new Footer({ children: [this.doubleRule('top', BorderStyle.THIN_THICK_SMALL_GAP)] });
  }

  // ── 页码 ────────────────────────────────────────────────────────────────────────────

  private pageNumberFooter(side: 'odd' | 'even', raise: number): Footer {
    if (!this.input.meta.pageNumbers) return new Footer({ children: [] });
    const run = (text: string) =>
      new TextRun({ ...this.runOptions({ font: 'pageNumber', size: this.s.sizes.pageNumber, spacing: 0 }), text });
    return new Footer({
      children: [
        new Paragraph({
          alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
          indent:
            side === 'odd'
              ? { right: charWidth(this.s, this.s.sizes.pageNumber) }
              : { left: charWidth(this.s, this.s.sizes.pageNumber) },
          // Its own small exact height, or it inherits the body pitch and pushes the body up.
          spacing: { line: this.s.sizes.pageNumber * 12, lineRule: LineRuleType.EXACT, before: 0, after: raise },
          children: [
            run('— '),
            new TextRun({
              ...this.runOptions({ font: 'pageNumber', size: this.s.sizes.pageNumber, spacing: 0 }),
              children: [PageNumber.CURRENT],
            }),
            run(' —'),
          ],
        }),
      ],
    });
  }

  // ── 正文 ────────────────────────────────────────────────────────────────────────────

  private signature(lines: Run[][]): Paragraph[] {
    const widths = lines.map((line) => textWidthInChars(plainText(line)));
    const date = lines.length > 1 ? widths[widths.length - 1]! : 0;
    const inset = this.s.sealed ? 4 : 2;
    return lines.map((line, i) => {
      const isDate = lines.length > 1 && i === lines.length - 1;
      // The issuer name is centred over the date; the date stands `inset` characters from the right.
      const right = isDate ? inset : inset + Math.max(0, (date - widths[i]!) / 2);
      return this.paragraph({
        alignment: AlignmentType.RIGHT,
        indent: { right: Math.round(right * this.ch) },
        spacing: { ...this.exact, before: i === 0 ? 2 * this.s.linePitch : 0 },
        keepNext: i < lines.length - 1,
        children: this.runs(line),
      });
    });
  }

  private attachments(items: Run[][]): Paragraph[] {
    const label = 3; // 附件：
    return items.map((item, i) => {
      const numbered = /^\d+[.．]/.test(plainText(item));
      const number = numbered ? 1.5 : 0;
      const left = (2 + label + number) * this.ch;
      const hanging = (i === 0 ? label + number : number) * this.ch;
      return this.paragraph({
        alignment: AlignmentType.LEFT,
        indent: { left: Math.round(left), hanging: Math.round(hanging) },
        spacing: { ...this.exact, before: i === 0 ? this.s.linePitch : 0 },
        children: this.runs(i === 0 ? [{ text: '附件：' }, ...item] : item),
      });
    });
  }

  private table(block: Extract<Block, { type: 'table' }>, landscape: boolean): Table {
    const total = textBlockWidth(this.s, landscape);
    const sum = block.widths.reduce((a, b) => a + b, 0);
    const widths = block.widths.map((w) => Math.floor((w / sum) * total));
    widths[widths.length - 1] = total - widths.slice(0, -1).reduce((a, b) => a + b, 0);
    const size = this.s.sizes.table;
    const cellSpacing = { line: Math.round(size * 10 * 1.3), lineRule: LineRuleType.EXACT, before: 0, after: 0 };
    const line: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: BLACK };

    // Merges: a cell marked ^^ extends the live cell above it; << extends the one on its left.
    const spans = block.rows.map((row) => row.map(() => ({ rowSpan: 1, colSpan: 1, covered: false })));
    block.rows.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (cell.mergeLeft) {
          let origin = c - 1;
          while (origin >= 0 && spans[r]![origin]!.covered) origin--;
          if (origin >= 0) {
            spans[r]![origin]!.colSpan += 1;
            spans[r]![c]!.covered = true;
          }
        } else if (cell.mergeUp && r > 0) {
          let origin = r - 1;
          while (origin >= 0 && spans[origin]![c]!.covered) origin--;
          if (origin >= 0) {
            spans[origin]![c]!.rowSpan += 1;
            spans[r]![c]!.covered = true;
          }
        }
      }),
    );

    const cellParagraphs = (cell: Cell, header: boolean): Paragraph[] => {
      const paragraphs = cell.runs.length ? cell.runs : [[]];
      return paragraphs.map(
        (runs) =>
          new Paragraph({
            alignment: header ? AlignmentType.CENTER : this.alignment(cell.align ?? 'left'),
            spacing: cellSpacing,
            children: this.runs(runs, { size, bold: header, font: header ? 'heading1' : 'body', spacing: 0 }),
          }),
      );
    };

    const rows = block.rows.map((row, r) => {
      const header = r < block.headerRows;
      const cells: TableCell[] = [];
      row.forEach((cell, c) => {
        const span = spans[r]![c]!;
        if (span.covered) return;
        const width = widths.slice(c, c + span.colSpan).reduce((a, b) => a + b, 0);
        cells.push(
          new TableCell({
            children: cellParagraphs(cell, header),
            width: { size: width, type: WidthType.DXA },
            verticalAlign: VerticalAlignTable.CENTER,
            margins: { top: 60, bottom: 60, left: 100, right: 100 },
            ...(span.rowSpan > 1 ? { rowSpan: span.rowSpan } : {}),
            ...(span.colSpan > 1 ? { columnSpan: span.colSpan } : {}),
          }),
        );
      });
      return new TableRow({ children: cells, tableHeader: header, cantSplit: true });
    });

    return new Table({
      rows,
      columnWidths: widths,
      width: { size: total, type: WidthType.DXA },
      layout: TableLayoutType.FIXED,
      borders: { top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line },
    });
  }

  /** Title characters that fit on a line, less one for safety. */
  private titleCapacity(landscape: boolean): number {
    return Math.floor(textBlockWidth(this.s, landscape) / charWidth(this.s, this.s.sizes.title)) - 1;
  }

  private attachmentPage(block: Extract<Block, { type: 'attachment' }>, startsSection: boolean, landscape: boolean): Paragraph[] {
    if (!startsSection) this.pendingBreak = true;
    return [
      this.paragraph({
        alignment: AlignmentType.LEFT,
        spacing: { ...this.exact, after: this.s.linePitch },
        children: this.runs(block.label, { font: 'heading1' }),
      }),
      this.paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { ...this.exact, after: this.s.linePitch },
        children: this.runs(balancedTitleRuns(block.title, this.titleCapacity(landscape)), {
          font: 'title',
          size: this.s.sizes.title,
          spacing: 0,
        }),
      }),
    ];
  }

  /** Blocks of one section to docx children. */
  blocks(blocks: readonly Block[], landscape: boolean, hasHeader: boolean): (Paragraph | Table)[] {
    const out: (Paragraph | Table)[] = [];
    let seenTitle = false;
    blocks.forEach((block, index) => {
      switch (block.type) {
        case 'title':
          out.push(
            this.paragraph({
              alignment: AlignmentType.CENTER,
              spacing: { ...this.exact, before: hasHeader && !seenTitle ? 2 * this.s.linePitch : 0, after: this.s.linePitch },
              children: this.runs(balancedTitleRuns(block.runs, this.titleCapacity(landscape)), {
                font: 'title',
                size: this.s.sizes.title,
                spacing: 0,
              }),
            }),
          );
          seenTitle = true;
          break;
        case 'heading': {
          const font: Font = block.level === 1 ? 'heading1' : block.level === 2 ? 'heading2' : 'body';
          out.push(
            this.paragraph({
              alignment: AlignmentType.BOTH,
              indent: this.bodyIndent(),
              keepNext: true,
              children: this.runs(block.runs, { font }),
            }),
          );
          break;
        }
        case 'paragraph':
          out.push(
            this.paragraph({
              alignment: this.alignment(block.align),
              indent: block.indent === false ? undefined : this.bodyIndent(),
              // A caption stays on the page of the table it introduces.
              keepNext: blocks[index + 1]?.type === 'table',
              children: this.runs(block.runs),
            }),
          );
          break;
        case 'addressee':
          out.push(this.paragraph({ alignment: AlignmentType.LEFT, children: this.runs(block.runs) }));
          break;
        case 'signature':
          out.push(...this.signature(block.lines));
          break;
        case 'note':
          out.push(this.paragraph({ alignment: AlignmentType.LEFT, indent: this.bodyIndent(), children: this.runs(block.runs) }));
          break;
        case 'attachments':
          out.push(...this.attachments(block.items));
          break;
        case 'copy-to':
          this.copyTo = block.runs;
          break;
        case 'printed':
          this.printed = { by: block.by, date: block.date };
          break;
        case 'table':
          if (this.pendingBreak)
            out.push(this.paragraph({ spacing: { line: 20, lineRule: LineRuleType.EXACT, before: 0, after: 0 }, children: [] }));
          out.push(this.table(block, landscape));
          break;
        case 'page-break':
          this.pendingBreak = true;
          break;
        case 'attachment':
          out.push(...this.attachmentPage(block, index === 0, landscape));
          break;
        case 'section':
          break; // sections are split before rendering
      }
    });
    return out;
  }

  /**
   * 版记: 抄送 and 印发 between rules, standing on the bottom edge of the last page's text
   * block. Drawn as framed paragraphs aligned to the bottom of the margin: Word and LibreOffice
   * both place them there, and a frame needs no anchor paragraph that could spill onto a page
   * of its own (a floating table does).
   */
  closing(letter: boolean, landscape: boolean): Paragraph[] {
    if (!this.copyTo && !this.printed) return [];
    const size = this.s.sizes.closing;
    const indent = charWidth(this.s, size);
    const spacing = { line: Math.round(size * 10 * 1.5), lineRule: LineRuleType.EXACT, before: 60, after: 60 };
    if (letter) {
      // The letter format's closing block has no 印发 line and no rules.
      return this.copyTo
        ? [
            this.paragraph({
              alignment: AlignmentType.LEFT,
              spacing: { ...spacing, before: this.s.linePitch },
              indent: { left: indent, right: indent },
              children: this.runs(this.copyTo, { size, spacing: 0 }),
            }),
          ]
        : [];
    }
    const thick: IBorderOptions = { style: BorderStyle.SINGLE, size: 8, color: BLACK, space: 1 }; // 0.35 mm
    const thin: IBorderOptions = { style: BorderStyle.SINGLE, size: 6, color: BLACK, space: 1 }; // 0.25 mm
    const width = textBlockWidth(this.s, landscape);
    const frame = {
      type: 'alignment' as const,
      alignment: { x: HorizontalPositionAlign.CENTER, y: VerticalPositionAlign.BOTTOM },
      anchor: { horizontal: FrameAnchorType.MARGIN, vertical: FrameAnchorType.MARGIN },
      width,
      wrap: FrameWrap.AROUND,
    };
    const lines: IParagraphOptions[] = [];
    if (this.copyTo) lines.push({ children: this.runs(this.copyTo, { size, spacing: 0 }) });
    if (this.printed) {
      lines.push({
        tabStops: [{ type: TabStopType.RIGHT, position: width - 2 * indent }],
        children: [
          ...this.runs(this.printed.by, { size, spacing: 0 }),
          new TextRun({ ...this.runOptions({ size, spacing: 0 }), text: '\t' }),
          ...this.runs(this.printed.date, { size, spacing: 0 }),
        ],
      });
    }
    return lines.map(
      (line, i) =>
        new Paragraph({
          ...line,
          frame,
          alignment: AlignmentType.LEFT,
          spacing,
          indent: { left: indent, right: indent },
          border: { ...(i === 0 ? { top: thick } : {}), bottom: i === lines.length - 1 ? thick : thin },
        }),
    );
  }

  document(): Document {
    const { tree, meta } = this.input;
    const letter = meta.header === 'letter';
    const ordinary = meta.header === 'ordinary';
    const hasHeader = (letter || ordinary) && Boolean(tree.header.issuer || tree.header.docNumber);

    // Split into sections at landscape blocks.
    const groups: { landscape: boolean; blocks: Block[] }[] = [{ landscape: meta.orientation === 'landscape', blocks: [] }];
    for (const block of tree.blocks) {
      if (block.type === 'section') {
        groups.push({ landscape: block.landscape, blocks: block.blocks });
        groups.push({ landscape: meta.orientation === 'landscape', blocks: [] });
      } else {
        groups[groups.length - 1]!.blocks.push(block);
      }
    }
    const used = groups.filter((g, i) => i === 0 || g.blocks.length > 0);

    const sections: ISectionOptions[] = used.map((group, i) => {
      const first = i === 0;
      const children: (Paragraph | Table)[] = [];
      if (first && ordinary) children.push(...this.ordinaryHeader());
      if (first && letter) {
        // 发文字号 at the right, under the first double rule.
        const number = tree.header.docNumber;
        if (number)
          children.push(
            new Paragraph({ alignment: AlignmentType.RIGHT, spacing: this.exact, children: this.runs(number, { spacing: 0 }) }),
          );
      }
      if (first && !letter && !ordinary) {
        const mark = this.markParagraph();
        if (mark) children.push(mark);
      }
      children.push(...this.blocks(group.blocks, group.landscape, first && hasHeader));
      if (i === used.length - 1) children.push(...this.closing(letter, group.landscape));
      if (children.length === 0) children.push(new Paragraph({ children: [] }));

      const m = this.s.page;
      const margin = group.landscape
        ? { top: m.left, bottom: m.right, left: m.top, right: m.bottom }
        : { top: m.top, bottom: m.bottom, left: m.left, right: m.right };
      // Page numbers stand 7 mm below the text block.
      const numberLine = this.s.sizes.pageNumber * 12;
      const footerDistance = Math.max(200, margin.bottom - Math.round(7 * MM) - numberLine);
      const letterFooter = Math.round(20 * MM) - 40;
      const useLetterFirst = first && letter;
      const footer = useLetterFirst ? Math.min(footerDistance, letterFooter) : footerDistance;
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
              header: useLetterFirst ? Math.round(30 * MM) - (this.markParagraph() ? 400 : 0) : Math.round(15 * MM),
              footer,
              gutter: 0,
            },
          },
          titlePage: useLetterFirst,
        },
        headers: useLetterFirst
          ? { first: this.letterFirstHeader(), default: new Header({ children: [] }), even: new Header({ children: [] }) }
          : { default: new Header({ children: [] }), even: new Header({ children: [] }) },
        footers: {
          default: this.pageNumberFooter('odd', raise),
          even: this.pageNumberFooter('even', raise),
          ...(useLetterFirst ? { first: this.letterFirstFooter() } : {}),
        },
        children,
      };
    });

    return new Document({
      creator: '建议办理助手',
      title: xmlText(this.input.title ?? ''),
      evenAndOddHeaderAndFooters: true,
      styles: {
        default: {
          document: {
            run: this.runOptions({}),
            paragraph: { spacing: this.exact },
          },
        },
      },
      sections,
    });
  }
}

export function buildDocument(input: RenderInput): Document {
  return new Renderer(input).document();
}

const sharedPacker = new DocxPacker();

/** The .docx bytes; pass the same packer through a batch so that shared parts are zipped once. */
export async function renderDocx(input: RenderInput, packer: DocxPacker = sharedPacker): Promise<Buffer> {
  const batchKey = JSON.stringify([input.settings, input.meta.header, input.meta.orientation, input.meta.pageNumbers]);
  return packer.pack(buildDocument(input), batchKey);
}
