import type { IsoDate } from '../domain/dates';
import type { FeedbackScale } from '../domain/feedback';
import type { ResultClassCount, ResultCode } from '../domain/result-classes';
import type { SessionSettings } from '../domain/session';
import type { LedgerField } from './columns';
import type { ColumnMapping } from './header';

/** What parseLedger is given and what it gives back (the parse itself: parse-ledger.ts). */

/** One ledger row, read and checked. */
export interface LedgerRecord {
  row: number;
  number: string;
  numberKey: string;
  numberSort: number | null;
  title: string;
  leadDeputies: string[];
  coDeputies: string[];
  proposerCount: number | null;
  delegation: string;
  category: string;
  /** The one lead unit (主办单位), or '' when none is given. */
  leadUnit: string;
  coUnits: string[];
  assignedDate: IsoDate | null;
  deadline: IsoDate | null;
  replyDate: IsoDate | null;
  resultCode: ResultCode | null;
  published: boolean;
  met: boolean;
  feedback: string | null;
  resultOpinion: string | null;
  closed: boolean;
  isKey: boolean;
  leaderSupervised: boolean;
  leaderName: string;
  replyNumber: string;
  signer: string;
  contactPerson: string;
  contactPhone: string;
  content: string;
  replyText: string;
  notes: string;
  /** Fields the file has a column for whose cell is empty in this row. */
  blank: LedgerField[];
}

export interface LedgerIssue {
  row: number | null;
  column: string | null;
  message: string;
}

export interface LedgerContext {
  /** 人大 or 政协: the words of the messages (建议 / 提案, 代表 / 委员). 人大 when absent. */
  kind?: SessionSettings['kind'];
  sessionName: string | null;
  resultLabels: Partial<Record<ResultCode, string>>;
  resultClassCount: ResultClassCount;
  /** The session's scale, or null when it has none yet (detected from the file). */
  feedbackScale: FeedbackScale | null;
  /** The session's categories; an empty list accepts any and creates them. */
  categories: readonly string[];
  /** The session's year: a date written without a year (3月27日) is read in it. */
  year?: number;
}

export interface ParseOptions {
  /** Sheet name or 0-based index; the first sheet by default. */
  sheet?: string | number;
  /** Column index → field, overriding the detected mapping (null ignores the column). */
  mapping?: Record<number, LedgerField | null>;
  /** Header text → field, as the CLI's --map gives it ("解决程度=办理结果"); null ignores the column. */
  headerMapping?: Record<string, LedgerField | null>;
  /**
   * The mapping a clerk chose before for a file with exactly these headers (see
   * ParsedLedger.signature), column index → field, used when no mapping is given. By index, not
   * by header text: a header printed twice (办理结果 as the result and as the opinion of it) has
   * two columns with two fields.
   */
  recall?: (signature: string) => Record<number, LedgerField | null> | null;
}

/** How the values of a column were read, for the preview: 「A.解决或基本解决」→ 解决采纳, 23 件. */
export interface ValueReading {
  field: LedgerField;
  header: string;
  value: string;
  meaning: string;
  count: number;
}

/** A field the statistics need that the file has no column for, and what that means. */
export interface MissingField {
  field: LedgerField;
  message: string;
}

export interface ParsedLedger {
  sheetName: string;
  sheetNames: string[];
  /** The first header row; headerRows lists all of them (two-row headers). */
  headerRow: number;
  headerRows: number[];
  columns: ColumnMapping[];
  /** Fields with a column in the file: only these are written on update. */
  present: LedgerField[];
  /** Present fields with at least one non-empty cell: what the file says something about. */
  provided: LedgerField[];
  records: LedgerRecord[];
  errors: LedgerIssue[];
  warnings: string[];
  missing: MissingField[];
  readings: ValueReading[];
  feedbackScale: FeedbackScale | null;
  /** Three when the file's labels show the three-class scheme (C for 留作参考). */
  fileClassCount: ResultClassCount | null;
  /** Categories in the order they first appear. */
  categories: string[];
  /** The headers as found, one string: files with the same signature get the same remembered mapping. */
  signature: string;
  /** True when a remembered mapping was applied. */
  recalled: boolean;
}

export function formatIssue(issue: LedgerIssue): string {
  if (issue.row === null) return issue.message;
  return `第${issue.row}行${issue.column ? `「${issue.column}」` : ''}${issue.message}`;
}
