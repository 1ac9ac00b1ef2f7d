/**
 * The document tree between the markup and the renderer: what a template means, in the terms
 * of an official document, with no Word detail. The parser builds it; the renderer draws it.
 */

export interface Run {
  text: string;
  bold?: boolean;
  /** A line break inside the paragraph (from a line break in the data or a hard break). */
  break?: boolean;
}

export type Align = 'left' | 'center' | 'right' | 'justify';

export interface Cell {
  runs: Run[][]; // paragraphs of the cell
  /** Merged with the cell above (a rowspan continuation). */
  mergeUp?: boolean;
  /** Merged with the cell on the left (a colspan continuation). */
  mergeLeft?: boolean;
  align?: Align;
}

export type Block =
  | { type: 'title'; runs: Run[]; line: number }
  | { type: 'heading'; level: 1 | 2 | 3 | 4; runs: Run[]; line: number }
  | { type: 'paragraph'; runs: Run[]; align?: Align; indent?: boolean; line: number }
  | { type: 'addressee'; runs: Run[]; line: number }
  | { type: 'signature'; lines: Run[][]; line: number }
  | { type: 'note'; runs: Run[]; line: number }
  | { type: 'attachments'; items: Run[][]; line: number }
  | { type: 'copy-to'; runs: Run[]; line: number }
  | { type: 'printed'; by: Run[]; date: Run[]; line: number }
  | { type: 'table'; widths: number[]; headerRows: number; rows: Cell[][]; line: number }
  | { type: 'page-break'; line: number }
  | { type: 'attachment'; label: Run[]; title: Run[]; line: number }
  | { type: 'section'; landscape: boolean; blocks: Block[]; line: number };

/** The parts of the 版头 (header block) a template names; the header form decides the layout. */
export interface HeaderParts {
  issuer: Run[] | null;
  docNumber: Run[] | null;
  signer: Run[] | null;
  mark: string | null;
}

export interface DocumentTree {
  header: HeaderParts;
  blocks: Block[];
}

export function plainText(runs: readonly Run[]): string {
  return runs.map((r) => (r.break ? '\n' : r.text)).join('');
}
