export type CellValue = string | number | boolean | Date | null;

export interface TableRow {
  /** The row number the clerk sees in Excel or WPS (1-based). */
  rowNumber: number;
  /** Cell values by column, column A at index 0. */
  cells: CellValue[];
}

export interface Sheet {
  name: string;
  rows: TableRow[];
}

export interface Workbook {
  format: 'xlsx' | 'csv' | 'html';
  /** For CSV: the text encoding it was read in. */
  encoding?: 'utf-8' | 'gb18030';
  sheets: Sheet[];
}
