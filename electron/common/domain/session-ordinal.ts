import { readChineseNumeral } from './chinese-numerals';
import { foldForMatch } from './text';

/** 届 and 次 of a session: 区十六届人大六次会议 → { term: 16, meeting: 6 }. */
interface SessionOrdinal {
  term: number | null;
  meeting: number | null;
}

/** A 届 or 次 number: Chinese (十六) or Arabic (16). */
function ordinalNumber(text: string): number | null {
  return /^\d{1,3}$/.test(text) ? Number(text) : readChineseNumeral(text);
}

/**
 * Reads 届 and 次 from a session name or a ledger's 届次 cell: "十六届六次", "区十六届人大六次会议",
 * "第三届一次", "十四届五次会议". Either part may be missing.
 */
export function readSessionOrdinal(raw: string): SessionOrdinal {
  const text = foldForMatch(raw);
  const term = /第?([一二三四五六七八九十\d]{1,4})届/.exec(text);
  const meeting = /第?([一二三四五六七八九十\d]{1,4})次/.exec(text);
  return { term: term ? ordinalNumber(term[1]!) : null, meeting: meeting ? ordinalNumber(meeting[1]!) : null };
}

/** False only when both name a 届 (or a 次) and they differ. */
export function sameSession(a: SessionOrdinal, b: SessionOrdinal): boolean {
  if (a.term !== null && b.term !== null && a.term !== b.term) return false;
  if (a.meeting !== null && b.meeting !== null && a.meeting !== b.meeting) return false;
  return true;
}
