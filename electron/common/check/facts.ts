import { defaultResultLabels, type ResultCode, type ResultScheme } from '../domain/result-classes';
import { RATE_KEYS, type RateKey, type Session } from '../domain/session';
import type { SessionStatistics } from '../stats/statistics';

/**
 * What the records say, in the form the checker compares a draft with: exact counts, never
 * printed percentages (a printed share is recomputed from its count at the precision the draft
 * prints). Built from the statistics engine's output, so the checker and the generated report
 * agree on every definition (解决率's numerator, 办结率's denominator, which feedback counts).
 */

export type FactRateKey = RateKey | 'adopted';

export interface FactRate {
  key: FactRateKey;
  /** The engine's name for it: 答复率, 解决采纳率… */
  label: string;
  /** The words a draft may use for it, longest first when matched. */
  words: string[];
  numerator: number;
  denominator: number;
  /** What is counted over what: "已答复 249 件 / 全部 260 件". */
  basis: string;
  /** Last year's printed figure, when the session has one. */
  previous: string | null;
  previousSource: 'session' | 'baseline' | null;
}

export type CountFactKey = 'total' | 'answered' | 'unanswered' | 'onTime' | 'closed' | 'published' | 'met' | 'feedbackReturned';

/** One handling unit's figures, as the report's per-unit table (表3 按主办单位统计) prints them. */
export interface UnitFact {
  name: string;
  leadCount: number;
  coCount: number;
  /** Lead items by result class, in the session's order (empty when the ledger gives no results). */
  results: { code: ResultCode; count: number }[];
  /** Lead items answered on time: 按期答复率 is onTime / leadCount. */
  onTime: number;
  /** Lead items with the deputy's feedback and those satisfied: 满意率 is satisfied / feedbackReturned. */
  feedbackReturned: number;
  satisfied: number;
}

export interface DraftFacts {
  sessionName: string;
  total: number;
  answered: number;
  categories: { name: string; count: number }[];
  results: { code: ResultCode; label: string; count: number }[];
  resultScheme: ResultScheme;
  feedback: { label: string; count: number }[];
  /** Counts of the facts the records give (a fact no ledger column gave is absent, not 0). */
  counts: Partial<Record<CountFactKey, number>>;
  rates: FactRate[];
  /**
   * Every handling unit, most lead items first as the per-unit table lists them. Absent when the
   * facts were not built from a session's statistics: then no per-unit table is checked.
   */
  units?: UnitFact[];
}

/** Words drafts use for each rate, besides the engine's own label. */
export const RATE_WORDS: Record<FactRateKey, readonly string[]> = {
  answered: ['答复率', '办复率'],
  onTime: ['按期答复率', '按时答复率', '按期办复率', '按时办复率'],
  closed: ['办结率'],
  published: ['公开率', '主动公开率'],
  met: ['见面率', '面商率', '见面沟通率'],
  satisfied: ['满意率', '满意度', '代表满意率'],
  resolution: ['解决率', '办理解决率'],
  adopted: ['解决采纳率', '采纳率'],
  agreed: ['同意率', '认同率'],
};

const COUNT_OF_RATE: Partial<Record<RateKey, CountFactKey>> = {
  onTime: 'onTime',
  closed: 'closed',
  published: 'published',
  met: 'met',
};

/** The facts of a session for checking a draft of its report. */
export function factsFromStatistics(stats: SessionStatistics, session: Session): DraftFacts {
  const rates: FactRate[] = [];
  const counts: DraftFacts['counts'] = { total: stats.total };
  const answeredRate = stats.rates.answered;
  if (answeredRate.available) {
    counts.answered = stats.answered;
    counts.unanswered = stats.total - stats.answered;
  }
  const resolutionIsA = session.resolutionNumerator === 'A';
  for (const key of RATE_KEYS) {
    const rate = stats.rates[key];
    if (!rate.available) continue;
    const countKey = COUNT_OF_RATE[key];
    if (countKey) counts[countKey] = rate.numerator;
    if (key === 'satisfied') counts.feedbackReturned = stats.feedbackReturned;
    if (rate.denominator === 0) continue;
    const change = stats.comparison.rates[key];
    const words = [rate.label, ...RATE_WORDS[key], ...(key === 'resolution' && resolutionIsA ? RATE_WORDS.adopted : [])];
    rates.push({
      key,
      label: rate.label,
      words: [...new Set(words)],
      numerator: rate.numerator,
      denominator: rate.denominator,
      basis: rate.basis,
      previous: change?.previous ?? null,
      previousSource: change?.source ?? null,
    });
  }
  const labels = { ...defaultResultLabels(session.resultClassCount), ...session.resultLabels };
  const results = stats.recorded.result
    ? stats.byResult.filter((r) => r.code !== null).map((r) => ({ code: r.code!, label: r.label, count: r.count }))
    : [];
  // 解决采纳率 is class A over all items; a session whose 解决率 counts more classes still has it.
  const adopted = results.find((r) => r.code === 'A');
  if (adopted && !resolutionIsA && stats.total > 0) {
    rates.push({
      key: 'adopted',
      label: `${adopted.label}率`,
      words: [...new Set([`${adopted.label}率`, ...RATE_WORDS.adopted])],
      numerator: adopted.count,
      denominator: stats.total,
      basis: `办理结果为“${adopted.label}”的 ${adopted.count} 件 / 全部 ${stats.total} 件`,
      previous: null,
      previousSource: null,
    });
  }
  return {
    sessionName: session.name,
    total: stats.total,
    answered: stats.answered,
    categories: stats.recorded.category ? stats.byCategory.map((c) => ({ name: c.label, count: c.count })) : [],
    results,
    resultScheme: { labels, count: session.resultClassCount },
    feedback: stats.rates.satisfied.available ? stats.feedback.map((f) => ({ label: f.label, count: f.count })) : [],
    counts,
    rates,
    units: stats.byUnit.map((u) => ({
      name: u.unit,
      leadCount: u.leadCount,
      coCount: u.coCount,
      results: u.results.map((r) => ({ code: r.code, count: r.count })),
      onTime: u.onTime,
      feedbackReturned: u.feedbackReturned,
      satisfied: u.satisfied,
    })),
  };
}
