import { agreedValues, FEEDBACK_VALUES, NO_OPINION, satisfiedValues, type FeedbackScale } from '../domain/feedback';
import { codesFor, type ResultClassCount, type ResultCode } from '../domain/result-classes';
import { RECORDED_FACTS, type RateKey, type RecordedFact, type SessionSettings } from '../domain/session';
import { rate, RATE_LABELS, type Rate } from './rate';
import { distribute, type Decimals, type RoundingMethod } from './rounding';
import { computeUnitStats, type UnitCounts, type UnitStats } from './unit-metrics';

export { RATE_LABELS, type Rate } from './rate';
export type { LeadUnitCell, UnitCount, UnitCounts, UnitStats } from './unit-metrics';

/**
 * The statistics engine: pure functions from exact counts to printed figures. Input comes from
 * one aggregate query (db/repos/stats.ts); nothing here touches the database or floats.
 */

export interface CubeCell {
  categoryId: number | null;
  resultCode: ResultCode | null;
  feedback: string | null;
  published: 0 | 1;
  met: 0 | 1;
  closed: 0 | 1;
  answered: 0 | 1;
  onTime: 0 | 1;
  count: number;
}

/** How many proposals carry one opinion of the result (同意, 理解 …, or 未表态). */
export interface OpinionCount {
  opinion: string;
  count: number;
}

export interface StatsOptions {
  decimals: Decimals;
  rounding: RoundingMethod;
  resolutionNumerator: SessionSettings['resolutionNumerator'];
  satisfiedNumerator: SessionSettings['satisfiedNumerator'];
  resultShareBase: SessionSettings['resultShareBase'];
}

export interface StatsSessionInfo {
  name: string;
  year: number;
  categories: { id: number; name: string }[];
  resultLabels: Partial<Record<ResultCode, string>>;
  resultClassCount: ResultClassCount;
  feedbackScale: FeedbackScale | null;
  /** Facts the session's records do not give (none when absent). */
  missingFacts?: readonly RecordedFact[];
  /** 代表 or 委员, for the words of a rate's basis (代表 when absent). */
  member?: string;
}

export interface Share {
  label: string;
  count: number;
  percent: string;
}

export interface ResultShare extends Share {
  /** A–D, or null for the row of items with no result class yet (尚未答复). */
  code: ResultCode | null;
}

export interface Statistics {
  session: { name: string; year: number };
  options: StatsOptions;
  total: number;
  answered: number;
  byCategory: Share[];
  byResult: ResultShare[];
  /**
   * The whole the result shares are of: every item, or (shares over answered items) those with a
   * result class. An item can be answered (a reply date) with no class yet, so this may be fewer
   * than `answered`, and a sentence must then not call it 已答复.
   */
  resultBase: { count: number; words: string };
  /** Shares over the feedback actually returned, in the scale's order. */
  feedback: Share[];
  feedbackScale: FeedbackScale | null;
  feedbackReturned: number;
  /** Items with no feedback or 未表态: left out of the feedback shares. */
  feedbackNotReturned: number;
  rates: Record<RateKey, Rate>;
  byUnit: UnitStats[];
  /** Which facts the records give (see Rate.available); a distribution of a missing fact is empty. */
  recorded: Record<RecordedFact, boolean>;
}

/** The facts each rate needs. */
export const RATE_FACTS: Record<RateKey, readonly RecordedFact[]> = {
  answered: ['result', 'replyDate'],
  onTime: ['replyDate'],
  closed: ['closed'],
  published: ['published'],
  met: ['met'],
  satisfied: ['feedback'],
  resolution: ['result'],
  agreed: ['resultOpinion'],
};

/** The row of items with no category. */
export const UNCATEGORISED = '未分类';

/** The words the overview prints for a figure the ledger did not give. */
export const NOT_PROVIDED = '台账未提供';

const RESOLUTION_CODES: Record<StatsOptions['resolutionNumerator'], ResultCode[]> = {
  A: ['A'],
  AB: ['A', 'B'],
  ABC: ['A', 'B', 'C'],
};

/** Rows of a distribution with each one's printed share of `base`, by the session's method. */
function withShares<R extends { count: number }>(
  rows: R[],
  base: number,
  decimals: Decimals,
  rounding: RoundingMethod,
): (R & { percent: string })[] {
  const percents = distribute(
    rows.map((r) => r.count),
    base,
    decimals,
    rounding,
  );
  return rows.map((r, i) => ({ ...r, percent: percents[i]! }));
}

function resultLabel(info: StatsSessionInfo, code: ResultCode): string {
  return info.resultLabels[code] ?? code;
}

/** Detects the scale from the values when the session has none set. */
function scaleOf(info: StatsSessionInfo, values: Iterable<string>): FeedbackScale | null {
  if (info.feedbackScale) return info.feedbackScale;
  for (const value of values) {
    if (FEEDBACK_VALUES.three.includes(value)) return 'three';
    if (FEEDBACK_VALUES.five.includes(value)) return 'five';
  }
  return null;
}

export function computeStatistics(
  info: StatsSessionInfo,
  cube: readonly CubeCell[],
  units: UnitCounts,
  options: StatsOptions,
  opinions: readonly OpinionCount[] = [],
): Statistics {
  const { decimals, rounding } = options;
  const missingSet = new Set(info.missingFacts ?? []);
  const recorded = Object.fromEntries(RECORDED_FACTS.map((f) => [f, !missingSet.has(f)])) as Record<RecordedFact, boolean>;
  const has = (key: RateKey) => RATE_FACTS[key].some((f) => recorded[f]);
  let total = 0;
  let answered = 0;
  let onTime = 0;
  let closed = 0;
  let published = 0;
  let met = 0;
  const byCategoryId = new Map<number | null, number>();
  const byCode = new Map<ResultCode | null, number>();
  const byFeedback = new Map<string, number>();

  for (const cell of cube) {
    const n = cell.count;
    total += n;
    answered += cell.answered * n;
    onTime += cell.onTime * n;
    closed += cell.closed * cell.answered * n; // 办结率 is over answered items: count closed ones among them
    published += cell.published * n;
    met += cell.met * n;
    byCategoryId.set(cell.categoryId, (byCategoryId.get(cell.categoryId) ?? 0) + n);
    byCode.set(cell.resultCode, (byCode.get(cell.resultCode) ?? 0) + n);
    if (cell.feedback !== null) byFeedback.set(cell.feedback, (byFeedback.get(cell.feedback) ?? 0) + n);
  }

  // Categories in the session's order; uncategorised items last.
  const categoryRows = info.categories.map((c) => ({ label: c.name, count: byCategoryId.get(c.id) ?? 0 }));
  const known = new Set(info.categories.map((c) => c.id));
  let uncategorised = 0;
  for (const [id, count] of byCategoryId) if (id === null || !known.has(id)) uncategorised += count;
  if (uncategorised > 0) categoryRows.push({ label: UNCATEGORISED, count: uncategorised });
  // Without a category column the items are not "未分类": there is no distribution to print.
  const byCategory = recorded.category ? withShares(categoryRows, total, decimals, rounding) : [];

  // Result classes: over all items (with a row for those not answered yet) or over answered ones.
  const codes = codesFor(info.resultClassCount);
  for (const code of byCode.keys()) if (code !== null && !codes.includes(code)) codes.push(code);
  const resultRows: { code: ResultCode | null; label: string; count: number }[] = codes.map((code) => ({
    code,
    label: resultLabel(info, code),
    count: byCode.get(code) ?? 0,
  }));
  const unclassified = byCode.get(null) ?? 0;
  // Items with no class are 尚未答复 only when none of them has been answered otherwise.
  const allUnanswered = unclassified === total - answered;
  const resultBase =
    options.resultShareBase === 'all'
      ? { count: total, words: '全部' }
      : { count: total - unclassified, words: allUnanswered ? '已答复' : '已确定办理结果' };
  if (options.resultShareBase === 'all' && unclassified > 0)
    resultRows.push({ code: null, label: allUnanswered ? '尚未答复' : '尚未确定办理结果', count: unclassified });
  const byResult = withShares(resultRows, resultBase.count, decimals, rounding);

  // Feedback: shares over the answers returned; 未表态 and empty cells are not returned answers.
  const scale = scaleOf(info, byFeedback.keys());
  const scaleValues: string[] = scale ? [...FEEDBACK_VALUES[scale]] : [];
  for (const value of byFeedback.keys()) if (value !== NO_OPINION && !scaleValues.includes(value)) scaleValues.push(value);
  const feedbackRows = scaleValues.map((label) => ({ label, count: byFeedback.get(label) ?? 0 }));
  const returned = feedbackRows.reduce((sum, r) => sum + r.count, 0);
  const feedback = withShares(feedbackRows, returned, decimals, rounding);
  const satisfiedSet = new Set(scale ? satisfiedValues(scale, options.satisfiedNumerator) : []);
  const satisfied = feedbackRows.filter((r) => satisfiedSet.has(r.label)).reduce((sum, r) => sum + r.count, 0);
  const satisfiedWord = [...satisfiedSet].join('、') || '满意';

  // 同意率: over the opinions of the result actually returned (未表态 is none); a session whose
  // deputies rate only once returns none, and the rate is then not one the records give.
  const agreedSet = new Set(agreedValues(options.satisfiedNumerator));
  const opinionsReturned = opinions.filter((o) => o.opinion !== NO_OPINION).reduce((sum, o) => sum + o.count, 0);
  const agreed = opinions.filter((o) => agreedSet.has(o.opinion)).reduce((sum, o) => sum + o.count, 0);

  const resolutionCodes = RESOLUTION_CODES[options.resolutionNumerator].filter((c) => codes.includes(c));
  const resolved = resolutionCodes.reduce((sum, code) => sum + (byCode.get(code) ?? 0), 0);
  const resolutionWords = resolutionCodes.map((c) => `“${resultLabel(info, c)}”`).join('和');

  const all = `全部 ${total} 件`;
  const rates: Record<RateKey, Rate> = {
    answered: rate(RATE_LABELS.answered, answered, total, decimals, `已答复 ${answered} 件 / ${all}`, has('answered')),
    onTime: rate(RATE_LABELS.onTime, onTime, total, decimals, `按期答复 ${onTime} 件 / ${all}`, has('onTime')),
    closed: rate(RATE_LABELS.closed, closed, answered, decimals, `已办结 ${closed} 件 / 已答复 ${answered} 件`, has('closed')),
    published: rate(RATE_LABELS.published, published, total, decimals, `已公开 ${published} 件 / ${all}`, has('published')),
    met: rate(RATE_LABELS.met, met, total, decimals, `与${info.member ?? '代表'}见面 ${met} 件 / ${all}`, has('met')),
    satisfied: rate(
      RATE_LABELS.satisfied,
      satisfied,
      returned,
      decimals,
      `评价为${satisfiedWord} ${satisfied} 件 / 已反馈评价 ${returned} 件`,
      has('satisfied'),
    ),
    resolution: rate(
      options.resolutionNumerator === 'A' ? `${resultLabel(info, 'A')}率` : RATE_LABELS.resolution,
      resolved,
      total,
      decimals,
      `办理结果为${resolutionWords}的 ${resolved} 件 / ${all}`,
      has('resolution'),
    ),
    agreed: rate(
      RATE_LABELS.agreed,
      agreed,
      opinionsReturned,
      decimals,
      `对办理结果${[...agreedSet].join('、')} ${agreed} 件 / 已反馈对办理结果的意见 ${opinionsReturned} 件`,
      has('agreed') && opinionsReturned > 0,
    ),
  };

  return {
    session: { name: info.name, year: info.year },
    options,
    total,
    answered,
    byCategory,
    byResult,
    resultBase,
    feedback,
    feedbackScale: scale,
    feedbackReturned: returned,
    feedbackNotReturned: total - returned,
    rates,
    byUnit: computeUnitStats(units, codes, (code) => resultLabel(info, code), satisfiedSet, decimals),
    recorded,
  };
}
