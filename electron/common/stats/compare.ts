import { formatUnits, parsePrinted, type Decimals } from './rounding';

export type Direction = '提高' | '下降' | '持平';

export interface Change {
  current: string;
  previous: string;
  /** The absolute difference in 百分点, as printed: "10.1". */
  delta: string;
  direction: Direction;
  /** "提高10.1个百分点", or "持平". */
  text: string;
}

/**
 * The change between two rates in percentage points, computed from the two figures as printed
 * so that the sentence is consistent with itself: 85.1 against 75 is 提高10.1个百分点.
 */
export function compareRates(current: string, previous: string): Change {
  const a = parsePrinted(current);
  const b = parsePrinted(previous);
  const decimals = Math.max(a.decimals, b.decimals);
  if (decimals > 3) throw new RangeError(`百分数最多三位小数：${current}、${previous}`);
  const ua = a.units * 10n ** BigInt(decimals - a.decimals);
  const ub = b.units * 10n ** BigInt(decimals - b.decimals);
  const diff = ua - ub;
  const delta = formatUnits(diff < 0n ? -diff : diff, decimals as Decimals);
  const direction: Direction = diff > 0n ? '提高' : diff < 0n ? '下降' : '持平';
  return { current, previous, delta, direction, text: direction === '持平' ? '持平' : `${direction}${delta}个百分点` };
}
