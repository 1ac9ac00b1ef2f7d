import { parsePrinted, percentUnits, type Decimals } from '../stats/rounding';

/**
 * Exact arithmetic on printed figures: a printed percentage is an integer count of
 * 10^-decimals units, a share is recomputed from its integer count by the project's own
 * rounding (rounding.ts), and two printed figures are compared or subtracted after bringing
 * them to the same number of decimals. No binary floating point anywhere.
 */

/** Printed figures of at most this many decimals are checked (the engine's own limit). */
const MAX_DECIMALS = 3;

export function checkable(figure: { decimals: number }): figure is { decimals: Decimals } {
  return figure.decimals <= MAX_DECIMALS;
}

/** Units brought to more decimals: 75 (0) at 1 decimal is 750. */
function scaleUnits(units: bigint, from: number, to: number): bigint {
  return units * 10n ** BigInt(to - from);
}

/** Whether two printed figures are the same number ("75" and "75.0" are). */
export function sameNumber(a: { units: bigint; decimals: number }, b: { units: bigint; decimals: number }): boolean {
  const d = Math.max(a.decimals, b.decimals);
  return scaleUnits(a.units, a.decimals, d) === scaleUnits(b.units, b.decimals, d);
}

/** units at `decimals` as text: 3582n, 2 → "35.82". */
export function unitsText(units: bigint, decimals: number): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(decimals + 1, '0');
  const body = decimals === 0 ? digits : `${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
  return negative ? `-${body}` : body;
}

/** numerator / denominator in percent, half up at `places` decimals (any number of places). */
function exactPercent(numerator: number, denominator: number, places: number): string {
  if (denominator === 0) return '0';
  const scale = 100n * 10n ** BigInt(places);
  const num = BigInt(numerator) * scale;
  const den = BigInt(denominator);
  return unitsText((2n * num + den) / (2n * den), places);
}

/** The quotient as a message shows it: two more decimals than printed, at least two. */
export function shownQuotient(numerator: number, denominator: number, printedDecimals: number): string {
  return exactPercent(numerator, denominator, Math.max(2, printedDecimals + 1));
}

/** Half-up share in units at `decimals`. */
export function halfUp(count: number, denominator: number, decimals: Decimals): bigint {
  return percentUnits(count, denominator, decimals);
}

/**
 * Every largest-remainder result of a whole distribution at `decimals`: each share's floor, and
 * whether it gets the extra unit ('up'), does not ('down'), or is one of the shares whose
 * remainders tie at the cutoff ('tie'), of which any `slots` get it. The engine breaks ties by
 * count and row (rounding.ts), but any choice among tied shares is a valid result.
 */
export interface LargestRemainderRange {
  floors: bigint[];
  state: ('up' | 'down' | 'tie')[];
  slots: number;
}

export function largestRemainderRange(counts: readonly number[], denominator: number, decimals: Decimals): LargestRemainderRange {
  const scale = 100n * 10n ** BigInt(decimals);
  const den = BigInt(denominator);
  const floors = counts.map((c) => (BigInt(c) * scale) / den);
  const remainders = counts.map((c) => (BigInt(c) * scale) % den);
  const total = counts.reduce((a, c) => a + c, 0);
  // As the engine does: the shares add up to the rounded share of their sum; a zero remainder gets nothing.
  const missing = Number(percentUnits(total, denominator, decimals) - floors.reduce((a, f) => a + f, 0n));
  const sorted = remainders.filter((r) => r > 0n).sort((a, b) => (a > b ? -1 : a < b ? 1 : 0));
  if (missing <= 0 || sorted.length === 0) return { floors, state: counts.map(() => 'down'), slots: 0 };
  const cutoff = sorted[Math.min(missing, sorted.length) - 1]!;
  const state = remainders.map((r) => (r > cutoff ? 'up' : r === cutoff ? 'tie' : 'down'));
  const up = state.filter((s) => s === 'up').length;
  const ties = state.filter((s) => s === 'tie').length;
  const slots = Math.min(missing - up, ties);
  return { floors, state: state.map((s) => (s === 'tie' && slots === ties ? 'up' : s)), slots };
}

/** "保留一位小数" etc.; nothing for whole numbers. */
export function precisionWords(decimals: number): string {
  return ['', '保留一位小数', '保留两位小数', '保留三位小数'][decimals] ?? `保留${decimals}位小数`;
}

/** cur − prev exactly, at the larger of their decimals. */
export function difference(current: { units: bigint; decimals: number }, previous: { units: bigint; decimals: number }) {
  const decimals = Math.max(current.decimals, previous.decimals);
  const units = scaleUnits(current.units, current.decimals, decimals) - scaleUnits(previous.units, previous.decimals, decimals);
  return { units, decimals };
}

/** A printed figure from its ASCII value ("85.1"). */
export function printedFigure(value: string): { units: bigint; decimals: number; value: string } {
  const { units, decimals } = parsePrinted(value);
  return { units, decimals, value };
}
