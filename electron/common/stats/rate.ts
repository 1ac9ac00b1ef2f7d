import type { RateKey } from '../domain/session';
import { percent, type Decimals } from './rounding';

/** A rate as the statistics print it: a share of a stated whole, with its basis in words. */
export interface Rate {
  label: string;
  numerator: number;
  denominator: number;
  percent: string;
  /** What was counted over what, in words: "已答复 110 件 / 全部 114 件". */
  basis: string;
  /**
   * False when no ledger column and no edit said anything about what this rate counts (no
   * 是否见面 column, say): the figure is "台账未提供", never a 0 % to print.
   */
  available: boolean;
}

/** Each rate's name as printed. */
export const RATE_LABELS: Record<RateKey, string> = {
  answered: '答复率',
  onTime: '按期答复率',
  closed: '办结率',
  published: '公开率',
  met: '见面率',
  satisfied: '满意率',
  resolution: '解决率',
  agreed: '同意率',
};

export function rate(
  label: string,
  numerator: number,
  denominator: number,
  decimals: Decimals,
  basis: string,
  available = true,
): Rate {
  return { label, numerator, denominator, percent: percent(numerator, denominator, decimals), basis, available };
}
