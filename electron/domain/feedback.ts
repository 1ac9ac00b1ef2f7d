import { foldForMatch } from './text';

export type FeedbackScale = 'three' | 'five';

/** Values of each scale in printing order; the last three-step value means "no answer". */
export const FEEDBACK_VALUES: Record<FeedbackScale, readonly string[]> = {
  three: ['满意', '基本满意', '不满意'],
  five: ['好', '较好', '一般', '较差', '差'],
};

/** A returned "no opinion" answer: counted as not returned. */
export const NO_OPINION = '未表态';

export const SCALE_NAMES: Record<FeedbackScale, string> = {
  three: '三级评价（满意/基本满意/不满意）',
  five: '五级评价（好/较好/一般/较差/差）',
};

const ALIASES: Record<string, string> = {
  很满意: '满意',
  非常满意: '满意',
  比较满意: '基本满意',
  基本同意: '基本满意',
  未反馈: NO_OPINION,
  未评价: NO_OPINION,
  未回复: NO_OPINION,
};

export interface FeedbackValue {
  value: string;
  /** Null for 未表态, which belongs to no scale. */
  scale: FeedbackScale | null;
}

/** Reads a 代表评价 cell. Returns null for empty, undefined when not a known value. */
export function parseFeedback(raw: string): FeedbackValue | null | undefined {
  const folded = foldForMatch(raw);
  if (!folded) return null;
  const text = ALIASES[folded] ?? folded;
  if (text === NO_OPINION) return { value: NO_OPINION, scale: null };
  for (const scale of ['three', 'five'] as const) {
    if (FEEDBACK_VALUES[scale].includes(text)) return { value: text, scale };
  }
  return undefined;
}

/** The feedback values that count as satisfied: the top value, or the top two. */
export function satisfiedValues(scale: FeedbackScale, numerator: 'top' | 'top2'): readonly string[] {
  return FEEDBACK_VALUES[scale].slice(0, numerator === 'top' ? 1 : 2);
}
