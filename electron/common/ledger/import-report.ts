import type { LedgerField } from './columns';
import type { ColumnMapping } from './header';
import type { MissingField, ValueReading } from './parsed-ledger';

export interface FieldChange {
  field: LedgerField;
  header: string;
  before: string;
  after: string;
  /** The file's cell was empty and clearing was asked for: the value goes. */
  cleared: boolean;
}

/** A value that stays because the file's cell for it was empty. */
export interface KeptValue {
  field: LedgerField;
  header: string;
  value: string;
}

export interface PlannedRow {
  row: number;
  number: string;
  title: string;
  action: 'insert' | 'update' | 'unchanged';
  changes: FieldChange[];
  kept: KeptValue[];
}

export interface ImportReport {
  sessionName: string;
  /** True when the session does not exist yet (a dry run) or was created by this import. */
  newSession: boolean;
  sheetName: string;
  sheetNames: string[];
  headerRow: number;
  headerRows: number[];
  columns: ColumnMapping[];
  warnings: string[];
  /** Fields the statistics need that the file has no column for, said before anything is written. */
  missing: MissingField[];
  /** How result, rating and yes/no values were read: 「A.解决或基本解决」→ 解决采纳. */
  readings: ValueReading[];
  /** Every problem, formatted for the clerk: 第15行「答复日期」无法识别：2019-13-45. */
  errors: string[];
  counts: { insert: number; update: number; unchanged: number };
  /** Values the import removes because their cell was empty (only with clearBlanks). */
  cleared: number;
  /** Values kept although their cell was empty (without clearBlanks). */
  kept: number;
  clearBlanks: boolean;
  rows: PlannedRow[];
  /** The file's headers as one string, the key of a remembered mapping. */
  signature: string;
  /** True when the mapping chosen last time for the same headers was applied. */
  recalled: boolean;
  /** True only when the records were written (no errors and not a dry run). */
  committed: boolean;
}
