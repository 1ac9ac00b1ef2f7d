import { foldForMatch } from './text';

/** 届 and 次 of a session: 区十六届人大六次会议 → { term: 16, meeting: 6 }. */
export interface SessionOrdinal {
  term: number | null;
  meeting: number | null;
}

const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 一 … 九十九 (and Arabic digits) to a number; null when it is neither. */
export function chineseNumber(text: string): number | null {
  if (/^\d{1,3}$/.test(text)) return Number(text);
  const match = /^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(text);
  if (!match || !text) return null;
  const [, tens, ten, units] = match;
  if (ten) return (tens ? DIGITS[tens]! : 1) * 10 + (units ? DIGITS[units]! : 0);
  if (tens && !units) return DIGITS[tens]!;
  return null;
}

/**
 * Reads 届 and 次 from a session name or a ledger's 届次 cell: "十六届六次", "区十六届人大六次会议",
 * "第三届一次", "十四届五次会议". Either part may be missing.
 */
export function readSessionOrdinal(raw: string): SessionOrdinal {
  const text = foldForMatch(raw);
  const term = /第?([一二三四五六七八九十\d]{1,4})届/.exec(text);
  const meeting = /第?([一二三四五六七八九十\d]{1,4})次/.exec(text);
  return { term: term ? chineseNumber(term[1]!) : null, meeting: meeting ? chineseNumber(meeting[1]!) : null };
}

/** False only when both name a 届 (or a 次) and they differ. */
export function sameSession(a: SessionOrdinal, b: SessionOrdinal): boolean {
  if (a.term !== null && b.term !== null && a.term !== b.term) return false;
  if (a.meeting !== null && b.meeting !== null && a.meeting !== b.meeting) return false;
  return true;
}
