import { DATE_YEARS, fromPlausibleSerial, fromUtcDate, readDate, type IsoDate } from '../domain/dates';
import { FEEDBACK_VALUES, NO_OPINION, parseFeedback, parseResultOpinion, RESULT_OPINION_VALUES } from '../domain/feedback';
import { isProposerCount, PROPOSER_COUNT } from '../domain/proposal-fields';
import { readResult, resultHint, type ResultCode, type ResultScheme } from '../domain/result-classes';
import { parseYesNo, yesNoHint, type YesNoField } from '../domain/yes-no';
import type { LedgerField } from './columns';
import { cellText } from './header';
import type { LedgerContext, ValueReading } from './parsed-ledger';
import { shown } from './row-cells';
import type { ScaleRow } from './scales';
import type { CellValue } from './table';

/**
 * The value of each field read from its cell's text, one method per kind of field; a cell that
 * cannot be read is an error naming what may be written. What needed reading (「A.解决」→ 解决采纳,
 * 住建局(2) → 住建局) is counted for the preview.
 */

/** The years readDate accepts in text, applied to date cells too. */
const MIN_DATE = `${DATE_YEARS.min}-01-01`;
const MAX_DATE = `${DATE_YEARS.max}-12-31`;
/** 住建局(2): a unit with its count of items, as by-unit reports print it. */
const UNIT_WITH_COUNT = /^(.+?)[(（]\d+[)）]$/;

/** The row being read: its number, and how to report a field's error in it. */
export interface RowAt {
  row: number;
  error: (field: LedgerField, message: string) => void;
}

export class ValueReader {
  /** Dates written without a year, as the warning quotes them (at most 1,000). */
  readonly assumedYears: string[] = [];
  /** Rows whose 办理结果 is a bare letter. */
  bareLetters = 0;
  /** Rows whose feedback belongs to one scale only. */
  readonly scaleRows: ScaleRow[] = [];
  private readonly dateCache = new Map<string, ReturnType<typeof readDate>>();
  private readonly readingCounts = new Map<string, ValueReading>();

  constructor(
    private readonly context: LedgerContext,
    readonly scheme: ResultScheme,
    private readonly headerName: (field: LedgerField) => string,
  ) {}

  /** Counts one value that was read as something else, for the preview. */
  note(field: LedgerField, value: string, meaning: string): void {
    const key = `${field}\u0000${value}`;
    const entry = this.readingCounts.get(key);
    if (entry) entry.count += 1;
    else this.readingCounts.set(key, { field, header: this.headerName(field), value, meaning, count: 1 });
  }

  /** Every 办理结果 as read, and the other values that were read as something else. */
  readings(): ValueReading[] {
    return [...this.readingCounts.values()].filter((r) => r.field === 'result' || r.value !== r.meaning);
  }

  date(at: RowAt, field: LedgerField, value: CellValue): IsoDate | null {
    if (value === null) return null;
    if (value instanceof Date) {
      // A date cell can hold any day from year -271821 to 275760; only the range a typed date
      // may have is taken (the rest is a slip of the keyboard, and breaks date arithmetic).
      const iso = fromUtcDate(value);
      if (iso && /^\d{4}-/.test(iso) && iso >= MIN_DATE && iso <= MAX_DATE) return iso;
      at.error(field, `无法识别：${iso ?? '无效的日期'}（日期应在 ${DATE_YEARS.min} 年到 ${DATE_YEARS.max} 年之间）`);
      return null;
    }
    if (typeof value === 'number') {
      const iso = fromPlausibleSerial(value);
      if (iso) return iso;
    } else {
      const t = cellText(value);
      if (!t) return null;
      // Ledgers repeat the same few dates on every row; parsing one takes date-fns ~15 µs.
      let read = this.dateCache.get(t);
      if (read === undefined) {
        read = readDate(t, this.context.year);
        this.dateCache.set(t, read);
      }
      if (read) {
        if (read.yearAssumed && this.assumedYears.length < 1_000)
          this.assumedYears.push(`第${at.row}行「${this.headerName(field)}」${t} → ${read.date}`);
        return read.date;
      }
    }
    at.error(field, `无法识别：${shown(cellText(value))}`);
    return null;
  }

  yesNo(at: RowAt, field: YesNoField & LedgerField, t: string): boolean {
    const value = parseYesNo(t, field);
    if (value === null) {
      at.error(field, `无法识别：${shown(t)}（${yesNoHint(field)}）`);
      return false;
    }
    if (t && parseYesNo(t) === null) this.note(field, t, value ? '是' : '否');
    return value;
  }

  result(at: RowAt, resultText: string): ResultCode | null {
    const reading = readResult(resultText, this.scheme);
    if (reading === undefined) {
      at.error(
        'result',
        `无法识别：${shown(resultText)}（${resultHint(this.context.resultLabels, this.context.resultClassCount)}）`,
      );
      return null;
    }
    if (!reading) return null;
    if (reading.by === 'letter') this.bareLetters += 1;
    const meaning = reading.code ? (this.scheme.labels[reading.code] ?? reading.code) : '尚未答复';
    this.note('result', resultText, meaning);
    return reading.code;
  }

  feedback(at: RowAt, feedbackText: string): string | null {
    const parsed = parseFeedback(feedbackText);
    if (parsed === undefined) {
      at.error(
        'feedback',
        `无法识别：${shown(feedbackText)}（三级评价填 ${FEEDBACK_VALUES.three.join('、')}、${NO_OPINION}；五级评价填 ${FEEDBACK_VALUES.five.join('、')}）`,
      );
      return null;
    }
    if (!parsed) return null;
    if (parsed.value !== feedbackText) this.note('feedback', feedbackText, parsed.value);
    if (parsed.scale) this.scaleRows.push({ row: at.row, value: parsed.value, scale: parsed.scale });
    return parsed.value;
  }

  resultOpinion(at: RowAt, opinionText: string): string | null {
    const opinion = parseResultOpinion(opinionText);
    if (opinion === undefined) {
      at.error('resultOpinion', `无法识别：${shown(opinionText)}（可填 ${RESULT_OPINION_VALUES.join('、')} 或 ${NO_OPINION}）`);
    }
    return opinion ?? null;
  }

  proposerCount(at: RowAt, countText: string): number | null {
    if (!countText) return null;
    const n = Number(countText.normalize('NFKC').replace(/人$/, ''));
    if (isProposerCount(n)) return n;
    at.error('proposerCount', `无法识别：${shown(countText)}（应为 ${PROPOSER_COUNT.min} 到 ${PROPOSER_COUNT.max} 之间的整数）`);
    return null;
  }

  /** A unit's name, without the count by-unit reports print after it (counted under 主办单位). */
  unitName(name: string): string {
    const counted = UNIT_WITH_COUNT.exec(name);
    if (!counted) return name;
    this.note('leadUnits', name, counted[1]!);
    return counted[1]!;
  }
}
