import { addDays, addMonths, format, isValid, parse } from 'date-fns';
import { foldForMatch } from './text';

/** Dates are kept as ISO calendar dates, "2019-03-27", without time or zone. */
export type IsoDate = string;

const TEXT_FORMATS = ['yyyy-M-d', 'yyyy/M/d', 'yyyy.M.d', 'yyyy年M月d日', 'yyyyMMdd'];
// 1899-12-30 is serial 0 in Excel's 1900 system (which counts a 29 February 1900 that never was).
const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;
const MAX_EXCEL_SERIAL = 2_958_465; // 9999-12-31

function fromParts(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** A local Date (as date-fns returns) to an ISO date. */
function fromLocal(date: Date): IsoDate {
  return format(date, 'yyyy-MM-dd');
}

/** An ISO date to a local Date at midnight, for date-fns arithmetic. */
function toLocal(iso: IsoDate): Date {
  return parse(iso, 'yyyy-MM-dd', new Date(2000, 0, 1));
}

export function isIsoDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && isValid(toLocal(value)) && fromLocal(toLocal(value)) === value;
}

/** Excel serial day number (1900 system) to an ISO date; null outside Excel's range. */
export function fromExcelSerial(serial: number): IsoDate | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > MAX_EXCEL_SERIAL) return null;
  let day = Math.floor(serial + 1e-9);
  if (day === 60) return null; // 1900-02-29 does not exist
  if (day < 60) day += 1; // serials before the phantom leap day are one day off
  const date = new Date(EXCEL_EPOCH_UTC + day * DAY_MS);
  return fromParts(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

export function toExcelUtcDate(iso: IsoDate): Date {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

/** A serial number in a date column: only days from 1950 on are taken as dates. */
export function fromPlausibleSerial(serial: number): IsoDate | null {
  const iso = fromExcelSerial(serial);
  return iso !== null && iso >= '1950-01-01' ? iso : null;
}

/** A spreadsheet library's Date (UTC midnight of the cell's day) to an ISO date. */
export function fromUtcDate(date: Date): IsoDate | null {
  if (!isValid(date)) return null;
  // Round to the nearest second first: some writers store 23:59:59.999 for a whole day.
  const rounded = new Date(Math.round(date.getTime() / 1000) * 1000);
  return fromParts(rounded.getUTCFullYear(), rounded.getUTCMonth() + 1, rounded.getUTCDate());
}

/** A time of day after the date, as database exports print it: " 10:21:35", " 0:0:0", "T08:00", ".0". */
const TIME_OF_DAY = /^(.*\d)(?:\s+|T)\d{1,2}:\d{1,2}(?::\d{1,2}(?:\.\d{1,6})?)?$/;
const WITHOUT_YEAR = ['M月d日', 'M-d', 'M/d', 'M.d'];

/** The years a date read from text or a ledger's date cell may have: outside them it is a slip of the keyboard. */
export const DATE_YEARS = { min: 1900, max: 2200 } as const;

interface ReadDate {
  date: IsoDate;
  /** True when the text had no year and `defaultYear` was taken. */
  yearAssumed: boolean;
}

/**
 * Reads a date as real ledgers and clerks write it: 2019-3-27, 2019/3/27, 2019.3.27,
 * 2019年3月27日, 20190327, an Excel serial number, any of these followed by a time of day, and,
 * when `defaultYear` is given, 3月27日 or 3-27 (the session's year). Null when the text is not a
 * real calendar date. The one date reader of the product: import and editing share it.
 */
export function readDate(raw: string, defaultYear?: number): ReadDate | null {
  let text = foldForMatch(raw);
  if (!text) return null;
  if (/^\d+(\.\d+)?$/.test(text) && text.length <= 7) {
    const serial = fromPlausibleSerial(Number(text));
    return serial ? { date: serial, yearAssumed: false } : null;
  }
  // foldForMatch removed the space between date and time: put it back for the time pattern.
  const spaced = raw.normalize('NFKC').trim();
  const timed = TIME_OF_DAY.exec(spaced);
  if (timed) text = foldForMatch(timed[1]!);
  for (const pattern of TEXT_FORMATS) {
    const date: Date = parse(text, pattern, new Date(2000, 0, 1));
    if (isValid(date) && date.getFullYear() >= DATE_YEARS.min && date.getFullYear() <= DATE_YEARS.max) {
      return { date: fromLocal(date), yearAssumed: false };
    }
  }
  if (defaultYear !== undefined && !timed) {
    for (const pattern of WITHOUT_YEAR) {
      const date: Date = parse(text, pattern, new Date(defaultYear, 0, 1));
      if (isValid(date) && date.getFullYear() === defaultYear) return { date: fromLocal(date), yearAssumed: true };
    }
  }
  return null;
}

/** readDate without the year-less forms: the date, or null. */
export function parseDateText(raw: string): IsoDate | null {
  return readDate(raw)?.date ?? null;
}

export function addMonthsIso(iso: IsoDate, months: number): IsoDate {
  return fromLocal(addMonths(toLocal(iso), months));
}

export function addDaysIso(iso: IsoDate, days: number): IsoDate {
  return fromLocal(addDays(toLocal(iso), days));
}

/** Adds working days, counting Monday to Friday (public holidays are not known offline). */
export function addWorkingDaysIso(iso: IsoDate, days: number): IsoDate {
  let date = toLocal(iso);
  let left = days;
  while (left > 0) {
    date = addDays(date, 1);
    const weekday = date.getDay();
    if (weekday !== 0 && weekday !== 6) left -= 1;
  }
  return fromLocal(date);
}

const utcDay = (iso: IsoDate) =>
  Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY_MS;

/** Whole days from `from` to `to` (positive when `to` is later); plain arithmetic on UTC days. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return utcDay(to) - utcDay(from);
}

/** 2024年10月30日: year in full, no leading zeros (GB/T 9704). */
export function formatChineseDate(iso: IsoDate): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `${y}年${m}月${d}日`;
}

export function todayIso(now: Date = new Date()): IsoDate {
  return fromLocal(now);
}
