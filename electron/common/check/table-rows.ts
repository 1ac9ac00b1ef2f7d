import { foldText } from './names';

/**
 * The rows of a draft's tables: a .docx table's rows (a cell's paragraphs joined), or a block of
 * tab-separated lines of a .txt (Markdown tables are read as such lines). Each cell keeps the
 * paragraph and offsets of its trimmed, folded text, so that a finding marks the figure itself.
 */

export interface Cell {
  text: string;
  paragraph: number;
  /** Offsets of the trimmed text in its paragraph. */
  start: number;
  end: number;
}

export interface Row {
  table: string;
  cells: Cell[];
}

export const INTEGER = /^(\d{1,3}(?:,\d{3})+|\d+)\s*件?$/;
export const PERCENT = /^(\d+(?:\.\d+)?)\s*%$/;
export const TOTAL_ROW = /^(?:合计|总计|共计|总数|全部|总体)$/;

function trimmedCell(text: string, paragraph: number, offset: number): Cell {
  const lead = text.length - text.trimStart().length;
  const body = text.trim();
  return { text: foldText(body), paragraph, start: offset + lead, end: offset + lead + body.length };
}

export type TableParagraph = { text: string; cell?: { table: number; row: number; cell: number } };

export function rowsOf(paragraphs: readonly TableParagraph[]): Row[] {
  const rows: Row[] = [];
  let open: { key: string; row: Row; cells: Map<number, Cell> } | null = null;
  let tabTable = -1;
  paragraphs.forEach((p, index) => {
    if (p.cell) {
      tabTable = -1;
      const key = `t${p.cell.table}:${p.cell.row}`;
      if (!open || open.key !== key) {
        open = { key, row: { table: `t${p.cell.table}`, cells: [] }, cells: new Map() };
        rows.push(open.row);
      }
      const existing = open.cells.get(p.cell.cell);
      if (!existing) {
        const cell = trimmedCell(p.text, index, 0);
        open.cells.set(p.cell.cell, cell);
        open.row.cells.push(cell);
      } else if (p.text.trim()) {
        // A cell of several paragraphs: its text names the row; a figure in it has no single place.
        if (existing.text) existing.paragraph = -1;
        else Object.assign(existing, trimmedCell(p.text, index, 0));
        if (existing.paragraph < 0) existing.text += foldText(p.text.trim());
      }
      return;
    }
    open = null;
    if (!p.text.includes('\t')) {
      tabTable = -1;
      return;
    }
    if (tabTable < 0) tabTable = index;
    let offset = 0;
    const cells = p.text.split('\t').map((part) => {
      const cell = trimmedCell(part, index, offset);
      offset += part.length + 1;
      return cell;
    });
    rows.push({ table: `tab${tabTable}`, cells });
  });
  return rows;
}
