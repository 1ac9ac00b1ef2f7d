import { NO_OPINION } from '../domain/feedback';
import type { ResultCode } from '../domain/result-classes';
import { rate, RATE_LABELS, type Rate } from './rate';
import type { Decimals } from './rounding';

/**
 * The per-unit figures: lead and co-handling items, results, timeliness and satisfaction of each
 * handling unit, from the aggregate query's cells, and several units summed as one row.
 */

/** Lead items of one unit sharing one combination of result, feedback and timeliness. */
export interface LeadUnitCell {
  unitId: number;
  resultCode: ResultCode | null;
  feedback: string | null;
  answered: 0 | 1;
  onTime: 0 | 1;
  count: number;
}

export interface UnitCount {
  unitId: number;
  count: number;
}

export interface UnitCounts {
  lead: readonly LeadUnitCell[];
  /** Co-handling items (会办件) per unit. */
  co: readonly UnitCount[];
  names: ReadonlyMap<number, string>;
}

export interface UnitStats {
  unitId: number;
  unit: string;
  leadCount: number;
  coCount: number;
  /** Lead items by result class, in the session's order. */
  results: { code: ResultCode; label: string; count: number }[];
  answered: number;
  onTime: number;
  onTimeRate: Rate;
  feedbackReturned: number;
  satisfied: number;
  satisfiedRate: Rate;
}

/** Per unit, most lead items first. */
export function computeUnitStats(
  units: UnitCounts,
  codes: readonly ResultCode[],
  labelOf: (code: ResultCode) => string,
  satisfiedSet: ReadonlySet<string>,
  decimals: Decimals,
): UnitStats[] {
  interface Acc {
    unitId: number;
    unit: string;
    leadCount: number;
    coCount: number;
    results: Map<ResultCode, number>;
    answered: number;
    onTime: number;
    returned: number;
    satisfied: number;
  }
  const byId = new Map<number, Acc>();
  const accOf = (unitId: number): Acc => {
    let acc = byId.get(unitId);
    if (!acc) {
      const unit = units.names.get(unitId) ?? `单位${unitId}`;
      acc = { unitId, unit, leadCount: 0, coCount: 0, results: new Map(), answered: 0, onTime: 0, returned: 0, satisfied: 0 };
      byId.set(unitId, acc);
    }
    return acc;
  };
  for (const { unitId, count } of units.co) accOf(unitId).coCount += count;
  for (const cell of units.lead) {
    const acc = accOf(cell.unitId);
    const n = cell.count;
    acc.leadCount += n;
    if (cell.resultCode) acc.results.set(cell.resultCode, (acc.results.get(cell.resultCode) ?? 0) + n);
    acc.answered += cell.answered * n;
    acc.onTime += cell.onTime * n;
    if (cell.feedback !== null && cell.feedback !== NO_OPINION) {
      acc.returned += n;
      if (satisfiedSet.has(cell.feedback)) acc.satisfied += n;
    }
  }
  return [...byId.values()]
    .sort((a, b) => b.leadCount - a.leadCount || b.coCount - a.coCount || UNIT_ORDER.compare(a.unit, b.unit))
    .map((acc) =>
      unitStats(
        acc,
        codes.map((code) => ({ code, label: labelOf(code), count: acc.results.get(code) ?? 0 })),
        decimals,
      ),
    );
}

/** Units with equal counts in the order of their names (one collator: localeCompare makes one a call). */
const UNIT_ORDER = new Intl.Collator('zh-Hans-CN');

type UnitTotals = Omit<UnitStats, 'results' | 'onTimeRate' | 'feedbackReturned' | 'satisfiedRate'> & { returned: number };

function unitStats(t: UnitTotals, results: UnitStats['results'], decimals: Decimals): UnitStats {
  return {
    unitId: t.unitId,
    unit: t.unit,
    leadCount: t.leadCount,
    coCount: t.coCount,
    results,
    answered: t.answered,
    onTime: t.onTime,
    onTimeRate: rate(RATE_LABELS.onTime, t.onTime, t.leadCount, decimals, `按期答复 ${t.onTime} 件 / 主办 ${t.leadCount} 件`),
    feedbackReturned: t.returned,
    satisfied: t.satisfied,
    satisfiedRate: rate(
      RATE_LABELS.satisfied,
      t.satisfied,
      t.returned,
      decimals,
      `满意 ${t.satisfied} 件 / 已反馈 ${t.returned} 件`,
    ),
  };
}

/**
 * Several units as one row, named `unit` (the report's 其他 N 个单位): every count is the exact
 * sum of theirs and the rates are worked out again from the summed counts, never averaged.
 */
export function combineUnits(units: readonly UnitStats[], unit: string, decimals: Decimals): UnitStats {
  const totals: UnitTotals = { unitId: 0, unit, leadCount: 0, coCount: 0, answered: 0, onTime: 0, returned: 0, satisfied: 0 };
  const results = new Map<ResultCode, UnitStats['results'][number]>();
  for (const u of units) {
    totals.leadCount += u.leadCount;
    totals.coCount += u.coCount;
    totals.answered += u.answered;
    totals.onTime += u.onTime;
    totals.returned += u.feedbackReturned;
    totals.satisfied += u.satisfied;
    for (const r of u.results) {
      const sum = results.get(r.code);
      if (sum) sum.count += r.count;
      else results.set(r.code, { ...r });
    }
  }
  return unitStats(totals, [...results.values()], decimals);
}
