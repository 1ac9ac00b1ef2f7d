/**
 * Exact percentages from integer counts. A figure is computed as a rational number and rounded
 * once, half up, at the chosen number of decimals: never through binary floating point.
 */

export type Decimals = 0 | 1 | 2 | 3;
export type RoundingMethod = 'half-up' | 'largest-remainder';

function checkCounts(...values: number[]): void {
  for (const v of values) {
    if (!Number.isSafeInteger(v) || v < 0) throw new RangeError(`统计计数必须是非负整数：${v}`);
  }
}

function scaleOf(decimals: Decimals): bigint {
  return 100n * 10n ** BigInt(decimals);
}

/** A count of 10^-decimals percent units as a printed figure: 737n, 1 → "73.7". */
export function formatUnits(units: bigint, decimals: Decimals): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(decimals + 1, '0');
  const body = decimals === 0 ? digits : `${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
  return negative ? `-${body}` : body;
}

/** numerator / denominator as a percentage rounded half up, in 10^-decimals units. */
export function percentUnits(numerator: number, denominator: number, decimals: Decimals): bigint {
  checkCounts(numerator, denominator);
  if (denominator === 0) return 0n;
  const num = BigInt(numerator) * scaleOf(decimals);
  const den = BigInt(denominator);
  return (2n * num + den) / (2n * den);
}

/** The printed percentage, e.g. percent(24, 67, 1) === "35.8". 0/0 prints as zero. */
export function percent(numerator: number, denominator: number, decimals: Decimals): string {
  return formatUnits(percentUnits(numerator, denominator, decimals), decimals);
}

/**
 * The printed shares of one distribution. Half-up rounds each share alone (they may not add up
 * to 100). Largest-remainder floors every share, then gives the missing units one each to the
 * largest remainders; ties go to the larger count, then to the earlier row.
 */
export function distribute(counts: readonly number[], denominator: number, decimals: Decimals, method: RoundingMethod): string[] {
  checkCounts(denominator, ...counts);
  if (method === 'half-up' || denominator === 0) return counts.map((c) => percent(c, denominator, decimals));
  const scale = scaleOf(decimals);
  const den = BigInt(denominator);
  const floors = counts.map((c) => (BigInt(c) * scale) / den);
  const remainders = counts.map((c) => (BigInt(c) * scale) % den);
  const total = counts.reduce((sum, c) => sum + c, 0);
  // The shares must add up to the rounded share of their sum (100 when they cover everything).
  const target = percentUnits(total, denominator, decimals);
  let missing = target - floors.reduce((sum, f) => sum + f, 0n);
  const order = counts
    .map((count, index) => ({ count, index }))
    .sort((a, b) => {
      const ra = remainders[a.index]!;
      const rb = remainders[b.index]!;
      if (ra !== rb) return ra > rb ? -1 : 1;
      if (a.count !== b.count) return b.count - a.count;
      return a.index - b.index;
    });
  const units = [...floors];
  for (const { index } of order) {
    if (missing <= 0n) break;
    if (remainders[index] === 0n) break;
    units[index] = units[index]! + 1n;
    missing -= 1n;
  }
  return units.map((u) => formatUnits(u, decimals));
}

/** Parses a printed figure ("85.1", "75", "94.87") into units at its own number of decimals. */
export function parsePrinted(value: string): { units: bigint; decimals: number } {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(value.trim());
  if (!match) throw new RangeError(`不是有效的百分数：${value}`);
  const decimals = match[3]?.length ?? 0;
  const units = BigInt(`${match[2]}${match[3] ?? ''}`);
  return { units: match[1] ? -units : units, decimals };
}
