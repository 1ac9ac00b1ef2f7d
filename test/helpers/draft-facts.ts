import type { DraftFacts } from '../../electron/node/check/index';

/** The four classes of result most sessions use, as domain.md names them. */
const FOUR_CLASSES = { A: '解决采纳', B: '正在解决', C: '计划解决', D: '留作参考' } as const;

/** A session's results in the four classes (A 解决采纳 … D 留作参考), and that scheme. */
export function fourClassResults(
  counts: Record<keyof typeof FOUR_CLASSES, number>,
): Pick<DraftFacts, 'results' | 'resultScheme'> {
  return {
    results: (['A', 'B', 'C', 'D'] as const).map((code) => ({ code, label: FOUR_CLASSES[code], count: counts[code] })),
    resultScheme: { labels: { ...FOUR_CLASSES }, count: 4 },
  };
}

/** A session's categories, in the order written, from their counts by name. */
export function categoryCounts(counts: Record<string, number>): DraftFacts['categories'] {
  return Object.entries(counts).map(([name, count]) => ({ name, count }));
}

type RateFact = DraftFacts['rates'][number];

/**
 * A rate as the statistics state it: its key, name and the words a draft may use for it, the
 * numerator and denominator, the basis in words, and last year's printed figure where one is known
 * (from the previous session or a hand-typed baseline).
 */
export function rateFact(
  key: RateFact['key'],
  label: string,
  words: string[],
  [numerator, denominator]: [number, number],
  basis: string,
  last?: { previous: string; source: 'session' | 'baseline' },
): RateFact {
  return {
    key,
    label,
    words,
    numerator,
    denominator,
    basis,
    previous: last?.previous ?? null,
    previousSource: last?.source ?? null,
  };
}
