import { foldForMatch } from './text';

export type FeedbackScale = 'three' | 'five';

/** Values of each scale in printing order. */
export const FEEDBACK_VALUES: Record<FeedbackScale, readonly string[]> = {
  three: ['满意', '基本满意', '不满意'],
  five: ['好', '较好', '一般', '较差', '差'],
};

/** A returned "no opinion" answer (未表态): it belongs to no scale and counts as not returned. */
export const NO_OPINION = '未表态';

export const SCALE_NAMES: Record<FeedbackScale, string> = {
  three: '三级评价（满意/基本满意/不满意）',
  five: '五级评价（好/较好/一般/较差/差）',
};

/**
 * Other words ledgers write in the rating column: for a value of the three-step scale (满意 /
 * 基本满意 / 不满意, ../shared/docs/domain.md), and for 未表态, which belongs to no scale. 基本同意
 * and 理解 are words of the deputy's opinion of the result (RESULT_OPINION_VALUES, the 同意率),
 * not steps of a rating scale; written in the rating column they are read as its middle step.
 * The import preview says how each was read.
 */
const ALIASES: Record<string, string> = {
  很满意: '满意',
  非常满意: '满意',
  比较满意: '基本满意',
  基本同意: '基本满意',
  一般满意: '基本满意',
  理解: '基本满意',
  未反馈: NO_OPINION,
  未评价: NO_OPINION,
  未回复: NO_OPINION,
  未测评: NO_OPINION,
};

interface FeedbackValue {
  value: string;
  /** Null for 未表态, which belongs to no scale. */
  scale: FeedbackScale | null;
}

/** A rating as ledgers print it, without a score band in brackets: "满意(80分-100分)" → 满意. */
function withoutScoreBand(raw: string): string {
  return foldForMatch(raw).replace(/[(（][^()（）]*[)）]$/, '');
}

/** Reads a 代表评价 cell. Returns null for empty, undefined when not a known value. */
export function parseFeedback(raw: string): FeedbackValue | null | undefined {
  const folded = withoutScoreBand(raw);
  if (!folded) return null;
  const text = ALIASES[folded] ?? folded;
  if (text === NO_OPINION) return { value: NO_OPINION, scale: null };
  for (const scale of ['three', 'five'] as const) {
    if (FEEDBACK_VALUES[scale].includes(text)) return { value: text, scale };
  }
  return undefined;
}

/**
 * The deputy's opinion of the result (办理结果 under 意见反馈 in some 政协 ledgers, the 同意率 of
 * seed 000's report), kept apart from the rating of the handling.
 */
export const RESULT_OPINION_VALUES = ['同意', '基本同意', '理解', '保留', '不同意'] as const;

/** The opinions of the result a feedback form offers to tick (the others are read from ledgers). */
export const FORM_RESULT_OPINIONS = ['同意', '基本同意', '不同意'] as const;

/** Reads a result-opinion cell: one of RESULT_OPINION_VALUES or 未表态; null for empty. */
export function parseResultOpinion(raw: string): string | null | undefined {
  const text = withoutScoreBand(raw);
  if (!text) return null;
  if (['未表态', '未反馈', '未评价', '未回复'].includes(text)) return NO_OPINION;
  return (RESULT_OPINION_VALUES as readonly string[]).includes(text) ? text : undefined;
}

/** The opinions of the result that count as agreeing: 同意, or 同意 and 基本同意 (as for 满意率). */
export function agreedValues(numerator: 'top' | 'top2'): readonly string[] {
  return RESULT_OPINION_VALUES.slice(0, numerator === 'top' ? 1 : 2);
}

/** The feedback values that count as satisfied: the top value, or the top two. */
export function satisfiedValues(scale: FeedbackScale, numerator: 'top' | 'top2'): readonly string[] {
  return FEEDBACK_VALUES[scale].slice(0, numerator === 'top' ? 1 : 2);
}
