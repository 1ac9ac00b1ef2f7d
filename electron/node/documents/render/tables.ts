import {
  AlignmentType,
  BorderStyle,
  HeightRule,
  LineRuleType,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  VerticalAlignTable,
  WidthType,
  type IBorderOptions,
} from 'docx';
import type { Block, Cell } from '../../../common/documents/markup/document';
import { textBlockWidth } from '../../../common/documents/settings';
import type { RenderContext } from './context';
import { BLACK, CELL_LINE_FACTOR, CELL_MARGINS, lineOf, TABLE_RULE_SIZE, TINY_LINE } from './layout';
import { alignment } from './runs';

type TableBlock = Extract<Block, { type: 'table' }>;

/** Column widths in twips, in the block's proportions, summing exactly to the text block. */
function columnWidths(block: TableBlock, total: number): number[] {
  const sum = block.widths.reduce((a, b) => a + b, 0);
  const widths = block.widths.map((w) => Math.floor((w / sum) * total));
  widths[widths.length - 1] = total - widths.slice(0, -1).reduce((a, b) => a + b, 0);
  return widths;
}

/** Merges: a cell marked ^^ extends the live cell above it; << extends the one on its left. */
function cellSpans(block: TableBlock): { rowSpan: number; colSpan: number; covered: boolean }[][] {
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
  return spans;
}

/**
 * The room a closing block needs under a table, as the table's last row: as tall as the block,
 * without rules but the table's bottom one. The last row of the data keeps with it (all its
 * paragraphs keep with the next), so when the room is not left on a page, the last rows go over
 * with the closing block; Word and LibreOffice both keep a row with the next row, where
 * LibreOffice does not keep a table continued from an earlier page with the next paragraph.
 */
function roomRow(width: number, columns: number, room: number, rule: IBorderOptions): TableRow {
  const none: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'auto' };
  return new TableRow({
    height: { value: room, rule: HeightRule.EXACT },
    cantSplit: true,
    children: [
      new TableCell({
        columnSpan: columns,
        width: { size: width, type: WidthType.DXA },
        borders: { top: rule, left: none, right: none, bottom: none },
        children: [
          new Paragraph({ spacing: { line: TINY_LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 }, children: [] }),
        ],
      }),
    ],
  });
}

/**
 * A table with an explicit grid filling the text block (WPS breaks without one), fixed layout,
 * the header rows repeated on every page, rows kept whole, and cells with their own size and
 * line (the body's exact pitch would leak into them). With `room`, the table ends in the room
 * for the closing block that follows it (roomRow).
 */
export function table(ctx: RenderContext, block: TableBlock, landscape: boolean, room = 0): Table {
  const total = textBlockWidth(ctx.s, landscape);
  const widths = columnWidths(block, total);
  const size = ctx.s.sizes.table;
  const cellSpacing = { line: lineOf(size, CELL_LINE_FACTOR), lineRule: LineRuleType.EXACT, before: 0, after: 0 };
  const line: IBorderOptions = { style: BorderStyle.SINGLE, size: TABLE_RULE_SIZE, color: BLACK };
  const spans = cellSpans(block);

  const cellParagraphs = (cell: Cell, header: boolean): Paragraph[] => {
    const paragraphs = cell.runs.length ? cell.runs : [[]];
    return paragraphs.map(
      (runs) =>
        new Paragraph({
          alignment: header ? AlignmentType.CENTER : alignment(cell.align ?? 'left'),
          spacing: cellSpacing,
          children: ctx.runs(runs, { size, bold: header, font: header ? 'heading1' : 'body', spacing: 0 }),
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
          margins: { ...CELL_MARGINS },
          ...(span.rowSpan > 1 ? { rowSpan: span.rowSpan } : {}),
          ...(span.colSpan > 1 ? { columnSpan: span.colSpan } : {}),
        }),
      );
    });
    const keepNext = room > 0 && r === block.rows.length - 1;
    return new TableRow({ children: cells, tableHeader: header, cantSplit: true, ...(keepNext ? { keepNext } : {}) });
  });

  if (room > 0) rows.push(roomRow(total, widths.length, room, line));
  return new Table({
    rows,
    columnWidths: widths,
    width: { size: total, type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    borders: { top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line },
  });
}
