/**
 * What the checker reads and what it reports. A draft is a list of paragraphs in document order;
 * a paragraph read from a .docx keeps where it came from, so that a finding can be put back into
 * the document as a Word comment.
 */

/** Text offsets [start, end) of the paragraph that come from the run with this ordinal. */
export interface RunPiece {
  start: number;
  end: number;
  /** Ordinal of the w:r element in word/document.xml (counting every w:r start tag). */
  run: number;
}

export interface DraftParagraph {
  text: string;
  where: 'body' | 'table' | 'textbox';
  /** For a paragraph in a table cell: which table of the document, which row and which cell. */
  cell?: { table: number; row: number; cell: number };
  /** For a .docx: the ordinal of the w:p element in word/document.xml and the runs of its text. */
  docx?: { element: number; runs: RunPiece[] };
}

export type Severity = 'error' | 'warning';
export type FindingKind = 'share' | 'count' | 'rate' | 'comparison' | 'sum' | 'method';

export interface Finding {
  severity: Severity;
  kind: FindingKind;
  /** Index of the paragraph in the list given to checkDraft. */
  paragraph: number;
  /** The sentence fragment the figure is in. */
  quote: string;
  /** The figure as the draft prints it: "30%", "230件", "5.13个百分点". */
  printed: string;
  /** The figure the records (or the draft's own other figures) give: "29%". */
  expected: string;
  message: string;
  /** Offsets of the printed figure within the paragraph's text. */
  start: number;
  end: number;
}

export interface CheckOptions {
  /** The session's number of decimals; without it each printed figure's own precision is used. */
  decimals?: 0 | 1 | 2 | 3;
  /** The session's rounding method; without it both methods are accepted without a warning. */
  rounding?: 'half-up' | 'largest-remainder';
}
