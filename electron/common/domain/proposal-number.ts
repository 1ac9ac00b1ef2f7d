import { foldForMatch } from './text';

interface ProposalNumber {
  /** As the clerk wrote it, e.g. "0012" or "第12号". */
  display: string;
  /** Identity within a session: "0012", "12" and "第12号" are the same proposal. */
  key: string;
  /** Numeric order, or null when the number has no digits to sort by. */
  sort: number | null;
}

/** Reads a 建议号. Returns null for an empty value. */
export function parseProposalNumber(raw: string): ProposalNumber | null {
  const display = raw.trim();
  if (!display) return null;
  const folded = foldForMatch(display).toUpperCase();
  const plain = /^第?0*(\d+)号?$/.exec(folded);
  if (plain) {
    const digits = plain[1] ?? '0';
    const sort = Number(digits);
    return { display, key: String(sort), sort: Number.isSafeInteger(sort) ? sort : null };
  }
  const trailing = lastDigitRun(folded);
  const sort = trailing ? Number(trailing) : null;
  return { display, key: folded, sort: sort !== null && Number.isSafeInteger(sort) ? sort : null };
}

/** The number as printed in a title: "第12号" wording uses the plain integer. */
export function numberForTitle(number: string): string {
  const parsed = parseProposalNumber(number);
  return parsed && /^\d+$/.test(parsed.key) ? parsed.key : number;
}

/**
 * The last run of ASCII digits, found by scanning back from the end: linear, where the regular
 * expression /(\d+)\D*$/ backtracks quadratically on long digit-and-letter mixes.
 */
function lastDigitRun(text: string): string | null {
  const isDigit = (i: number) => text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57;
  let end = text.length;
  while (end > 0 && !isDigit(end - 1)) end--;
  let start = end;
  while (start > 0 && isDigit(start - 1)) start--;
  return end > start ? text.slice(start, end) : null;
}
