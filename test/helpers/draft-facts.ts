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

/** A session of 260 items: the figures of the demo district's report, in round terms. */
export function demoDistrictFacts(overrides: Partial<DraftFacts> = {}): DraftFacts {
  return {
    sessionName: '区七届人大三次会议',
    total: 260,
    answered: 249,
    categories: categoryCounts({ 经济发展: 52, 城市建设与管理: 84, 社会事业: 33, 民生保障: 40, 公共安全与交通: 51 }),
    ...fourClassResults({ A: 182, B: 25, C: 17, D: 25 }),
    feedback: [
      { label: '满意', count: 204 },
      { label: '基本满意', count: 26 },
      { label: '不满意', count: 2 },
    ],
    counts: {
      total: 260,
      answered: 249,
      unanswered: 11,
      onTime: 236,
      closed: 230,
      published: 234,
      met: 245,
      feedbackReturned: 232,
    },
    rates: [
      rateFact('answered', '答复率', ['答复率', '办复率'], [249, 260], '已答复 249 件 / 全部 260 件'),
      rateFact('onTime', '按期答复率', ['按期答复率', '按时答复率'], [236, 260], '按期答复 236 件 / 全部 260 件'),
      rateFact('closed', '办结率', ['办结率'], [230, 249], '已办结 230 件 / 已答复 249 件'),
      rateFact('published', '公开率', ['公开率', '主动公开率'], [234, 260], '已公开 234 件 / 全部 260 件', {
        previous: '78.2',
        source: 'session',
      }),
      rateFact('met', '见面率', ['见面率', '面商率'], [245, 260], '与代表见面 245 件 / 全部 260 件'),
      rateFact('satisfied', '满意率', ['满意率', '满意度'], [204, 232], '评价为满意 204 件 / 已反馈评价 232 件', {
        previous: '87.1',
        source: 'session',
      }),
      rateFact('resolution', '解决率', ['解决率'], [207, 260], '办理结果为“解决采纳”和“正在解决”的 207 件 / 全部 260 件', {
        previous: '74.8',
        source: 'baseline',
      }),
      rateFact('adopted', '解决采纳率', ['解决采纳率', '采纳率'], [182, 260], '办理结果为“解决采纳”的 182 件 / 全部 260 件'),
    ],
    ...overrides,
  };
}

type UnitFact = NonNullable<DraftFacts['units']>[number];

/** A unit's figures: lead and co items, lead items by class A–D, on time, feedback returned and satisfied. */
function unit(
  name: string,
  [leadCount, coCount]: [number, number],
  abcd: number[],
  [onTime, returned, satisfied]: number[],
): UnitFact {
  return {
    name,
    leadCount,
    coCount,
    results: (['A', 'B', 'C', 'D'] as const).map((code, i) => ({ code, count: abcd[i] ?? 0 })),
    onTime: onTime!,
    feedbackReturned: returned!,
    satisfied: satisfied!,
  };
}

/** Six handling units of a district, most lead items first (区财政局 only co-handles). */
export function districtUnits(): UnitFact[] {
  return [
    unit('区交通委', [31, 5], [22, 3, 3, 3], [26, 27, 24]),
    unit('区教育局', [20, 2], [15, 2, 2, 1], [19, 18, 16]),
    unit('区卫生健康委', [12, 4], [8, 2, 1, 1], [12, 10, 9]),
    unit('区民政局', [5, 0], [3, 1, 1, 0], [4, 4, 4]),
    unit('区文化旅游局', [3, 1], [2, 0, 0, 1], [3, 0, 0]),
    unit('区财政局', [0, 6], [0, 0, 0, 0], [0, 0, 0]),
  ];
}
