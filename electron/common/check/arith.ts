import { distribute, parsePrinted, percentUnits, type Decimals } from '../stats/rounding';

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

/** Largest-remainder shares of a whole distribution in units at `decimals`. */
export function largestRemainder(counts: readonly number[], denominator: number, decimals: Decimals): bigint[] {
  return distribute(counts, denominator, decimals, 'largest-remainder').map((s) => parsePrinted(s).units);
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
