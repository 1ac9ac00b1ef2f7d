import { describe, expect, it } from 'vitest';
import type { Store } from '../db/store';
import { EMPTY_PROPOSAL } from '../electron/common/entities/proposal';
import type { ResultCode } from '../electron/common/domain/result-classes';
import type { SessionSettings } from '../electron/common/domain/session';
import { sessionStatistics } from '../electron/node/stats/session-statistics';
import path from 'node:path';
import { generateReport } from '../electron/node/documents/generate/report';
import { docxText } from './helpers/docx';
import { assignUnits, newStore, tempDir } from './helpers/fixtures';

interface Spec {
  category?: string;
  result?: ResultCode | null;
  published?: boolean;
  feedback?: string | null;
  resultOpinion?: string | null;
  replyDate?: string | null;
  assignedDate?: string | null;
  closed?: boolean;
  met?: boolean;
  leadUnit?: string;
  coUnits?: string[];
}

/** A session whose proposals are built from counts: `groups` repeats each spec `n` times. */
function buildSession(
  store: Store,
  name: string,
  year: number,
  groups: [number, Spec][],
  settings: Partial<SessionSettings> = {},
  categories: string[] = [],
) {
  const session = store.sessions.create({ name, year, settings, categories });
  const categoryIds = new Map(store.sessions.categories(session.id).map((c) => [c.name, c.id]));
  let n = 0;
  store.transaction(() => {
    for (const [count, spec] of groups) {
      for (let i = 0; i < count; i++) {
        n += 1;
        const id = store.proposals.insert(session.id, {
          ...EMPTY_PROPOSAL,
          number: String(n),
          title: `建议${n}`,
          categoryId: spec.category ? categoryIds.get(spec.category)! : null,
          resultCode: spec.result ?? null,
          replyDate: spec.replyDate ?? null,
          assignedDate: spec.assignedDate ?? null,
          published: spec.published ?? false,
          feedback: spec.feedback ?? null,
          resultOpinion: spec.resultOpinion ?? null,
          closed: spec.closed ?? false,
          met: spec.met ?? false,
        });
        if (spec.leadUnit) assignUnits(store, id, spec.leadUnit, spec.coUnits);
      }
    }
  });
  return store.sessions.get(session.id);
}

describe('seed 000: 114 items, one decimal', () => {
  it('prints every figure of the published report', async () => {
    const store = await newStore();
    // 84 A, 13 B, 6 C, 11 D; 99 published.
    const session = buildSession(store, '区六届人大四次会议', 2019, [
      [84, { result: 'A', published: true }],
      [13, { result: 'B', published: true }],
      [2, { result: 'C', published: true }],
      [4, { result: 'C' }],
      [11, { result: 'D' }],
    ]);
    store.sessions.setBaselines(session.id, { resolution: '75', published: '57.6' });
    const stats = sessionStatistics(store, store.sessions.get(session.id), '2019-12-01');
    expect(stats.total).toBe(114);
    expect(stats.byResult.map((r) => [r.code, r.label, r.count, r.percent])).toEqual([
      ['A', '解决采纳', 84, '73.7'],
      ['B', '正在解决', 13, '11.4'],
      ['C', '计划解决', 6, '5.3'],
      ['D', '留作参考', 11, '9.6'],
    ]);
    expect(stats.rates.resolution).toMatchObject({ label: '解决率', numerator: 97, denominator: 114, percent: '85.1' });
    expect(stats.rates.published).toMatchObject({ numerator: 99, denominator: 114, percent: '86.8' });
    expect(stats.comparison.rates.resolution).toMatchObject({ previous: '75', text: '提高10.1个百分点', source: 'baseline' });
    expect(stats.comparison.rates.published).toMatchObject({ previous: '57.6', text: '提高29.2个百分点' });
  });
});

describe('attitude and result rated apart: 满意率 and 同意率', () => {
  it('seed 000: 114 satisfied with the handling and 114 agreeing with the result, both 100.0%', async () => {
    const store = await newStore();
    const session = buildSession(store, '区六届人大四次会议', 2019, [
      [84, { result: 'A', feedback: '满意', resultOpinion: '同意' }],
      [30, { result: 'B', feedback: '满意', resultOpinion: '同意' }],
    ]);
    const stats = sessionStatistics(store, session, '2019-12-01');
    expect(stats.rates.satisfied).toMatchObject({ numerator: 114, denominator: 114, percent: '100.0', available: true });
    expect(stats.rates.agreed).toMatchObject({
      label: '同意率',
      numerator: 114,
      denominator: 114,
      percent: '100.0',
      available: true,
    });
  });

  it('counts over the opinions returned; 基本同意 counts as the session counts 基本满意', async () => {
    const store = await newStore();
    const groups: [number, Spec][] = [
      [60, { resultOpinion: '同意' }],
      [20, { resultOpinion: '基本同意' }],
      [10, { resultOpinion: '理解' }],
      [5, { resultOpinion: '不同意' }],
      [19, { resultOpinion: '未表态' }],
      [6, {}],
    ];
    const top = sessionStatistics(
      store,
      buildSession(store, '会议甲', 2024, groups, { satisfiedNumerator: 'top' }),
      '2024-12-01',
    );
    expect(top.rates.agreed).toMatchObject({ numerator: 60, denominator: 95, percent: '63.2' });
    expect(top.rates.agreed.basis).toBe('对办理结果同意 60 件 / 已反馈对办理结果的意见 95 件');
    const top2 = sessionStatistics(
      store,
      buildSession(store, '会议乙', 2024, groups, { satisfiedNumerator: 'top2' }),
      '2024-12-01',
    );
    expect(top2.rates.agreed).toMatchObject({ numerator: 80, denominator: 95, percent: '84.2' });
  });

  it('the report and the statistics tables print both when the session has both', async () => {
    const store = await newStore();
    const both = buildSession(store, '会议丁', 2024, [
      [90, { result: 'A', feedback: '满意', resultOpinion: '同意' }],
      [10, { result: 'B', feedback: '基本满意', resultOpinion: '理解' }],
    ]);
    const once = buildSession(store, '会议戊', 2024, [[100, { result: 'A', feedback: '满意' }]]);
    const dir = tempDir();
    const text = async (session: typeof both, kind?: 'statistics-tables') => {
      const out = path.join(dir, `${session.name}-${kind ?? 'report'}.docx`);
      await generateReport(store, { session, out, today: '2024-12-01', template: kind ? '统计表' : undefined });
      return docxText(out).replace(/\n/g, '');
    };
    const report = await text(both);
    expect(report).toContain('对办理态度的满意率为90.0%；对办理结果的同意率为90.0%。');
    expect(await text(once)).not.toContain('同意率');
    expect(await text(both, 'statistics-tables')).toContain('同意率');
    expect(await text(once, 'statistics-tables')).not.toContain('同意率');
  });

  it('a session rated once has no 同意率 at all', async () => {
    const store = await newStore();
    const stats = sessionStatistics(store, buildSession(store, '会议丙', 2024, [[10, { feedback: '满意' }]]), '2024-12-01');
    expect(stats.rates.agreed).toMatchObject({ denominator: 0, available: false });
  });
});

describe('seed 001: 67 items', () => {
  const categories = ['经济发展', '城区建设与管理', '社会事业', '民生保障', '公共安全与交通'];
  async function seed001() {
    const store = await newStore();
    const groups: [number, Spec][] = [
      [11, { category: '经济发展' }],
      [24, { category: '城区建设与管理' }],
      [8, { category: '社会事业' }],
      [8, { category: '民生保障' }],
      [16, { category: '公共安全与交通' }],
    ];
    // Results: 62 A, 1 C, 4 D, spread over the categories in order; every item published.
    let left = { A: 62, C: 1, D: 4 };
    const withResults: [number, Spec][] = [];
    for (const [count, spec] of groups) {
      for (let i = 0; i < count; i++) {
        const result: ResultCode = left.A > 0 ? 'A' : left.C > 0 ? 'C' : 'D';
        left = { ...left, [result]: left[result as 'A' | 'C' | 'D'] - 1 };
        withResults.push([1, { ...spec, result, published: true }]);
      }
    }
    const session = buildSession(
      store,
      '区十六届人大六次会议',
      2021,
      withResults,
      { decimals: 2, resolutionNumerator: 'A' },
      categories,
    );
    store.sessions.setBaselines(session.id, { published: '94.87', resolution: '85.89' });
    return { store, session: store.sessions.get(session.id) };
  }

  it('prints 24 of 67 as 35.8 with one decimal, and the results with two', async () => {
    const { store, session } = await seed001();
    const oneDecimal = sessionStatistics(store, session, '2021-07-01', { decimals: 1 });
    expect(oneDecimal.byCategory.map((c) => [c.label, c.count, c.percent])).toEqual([
      ['经济发展', 11, '16.4'],
      ['城区建设与管理', 24, '35.8'],
      ['社会事业', 8, '11.9'],
      ['民生保障', 8, '11.9'],
      ['公共安全与交通', 16, '23.9'],
    ]);
    const largest = sessionStatistics(store, session, '2021-07-01', { decimals: 1, rounding: 'largest-remainder' });
    expect(largest.byCategory.map((c) => c.percent)).toEqual(['16.4', '35.8', '12.0', '11.9', '23.9']);

    const stats = sessionStatistics(store, session, '2021-07-01');
    expect(stats.byResult.filter((r) => r.count > 0).map((r) => [r.code, r.percent])).toEqual([
      ['A', '92.54'],
      ['C', '1.49'],
      ['D', '5.97'],
    ]);
    expect(stats.rates.published.percent).toBe('100.00');
    expect(stats.rates.resolution).toMatchObject({ label: '解决采纳率', percent: '92.54' });
    expect(stats.comparison.rates.published!.text).toBe('提高5.13个百分点');
    expect(stats.comparison.rates.resolution!.text).toBe('提高6.65个百分点');
  });
});

describe('rates, feedback and units', () => {
  it('computes every rate over its own denominator', async () => {
    const store = await newStore();
    const session = buildSession(
      store,
      '会议',
      2024,
      [
        // 10 answered on time, 2 late, 3 open; 8 closed; 5 met; feedback over 9 returned.
        [
          6,
          {
            result: 'A',
            assignedDate: '2024-03-01',
            replyDate: '2024-05-01',
            closed: true,
            met: true,
            feedback: '满意',
            leadUnit: '甲局',
            coUnits: ['乙局'],
          },
        ],
        [
          2,
          {
            result: 'B',
            assignedDate: '2024-03-01',
            replyDate: '2024-06-01',
            closed: true,
            feedback: '基本满意',
            leadUnit: '甲局',
          },
        ],
        [2, { result: 'D', assignedDate: '2024-03-01', replyDate: '2024-06-15', feedback: '不满意', leadUnit: '乙局' }],
        [2, { result: 'C', assignedDate: '2024-03-01', replyDate: '2024-06-20', feedback: '未表态', leadUnit: '乙局' }],
        [3, { assignedDate: '2024-03-01', leadUnit: '丙局' }],
      ],
      { feedbackScale: 'three' },
    );
    const stats = sessionStatistics(store, session, '2024-06-25');
    const pick = (key: keyof typeof stats.rates) => [
      stats.rates[key].numerator,
      stats.rates[key].denominator,
      stats.rates[key].percent,
    ];
    expect(pick('answered')).toEqual([12, 15, '80.0']);
    expect(pick('onTime')).toEqual([8, 15, '53.3']);
    expect(pick('closed')).toEqual([8, 12, '66.7']);
    expect(pick('met')).toEqual([6, 15, '40.0']);
    expect(pick('satisfied')).toEqual([6, 10, '60.0']);
    expect(pick('resolution')).toEqual([8, 15, '53.3']);
    expect(stats.feedback.map((f) => [f.label, f.count, f.percent])).toEqual([
      ['满意', 6, '60.0'],
      ['基本满意', 2, '20.0'],
      ['不满意', 2, '20.0'],
    ]);
    expect(stats.feedbackNotReturned).toBe(5);
    const satisfiedTop2 = sessionStatistics(store, session, '2024-06-25', { satisfiedNumerator: 'top2' });
    expect(satisfiedTop2.rates.satisfied.percent).toBe('80.0');
    expect(stats.byResult.at(-1)).toEqual({ code: null, label: '尚未答复', count: 3, percent: '20.0' });
    const answeredBase = sessionStatistics(store, session, '2024-06-25', { resultShareBase: 'answered' });
    expect(answeredBase.byResult.map((r) => r.percent)).toEqual(['50.0', '16.7', '16.7', '16.7']);

    const units = Object.fromEntries(stats.byUnit.map((u) => [u.unit, u]));
    expect(units['甲局']).toMatchObject({ leadCount: 8, coCount: 0, answered: 8, onTime: 8 });
    expect(units['甲局']!.satisfiedRate.percent).toBe('75.0');
    expect(units['乙局']).toMatchObject({ leadCount: 4, coCount: 6, onTime: 0, feedbackReturned: 2, satisfied: 0 });
    expect(units['乙局']!.results.map((r) => r.count)).toEqual([0, 0, 2, 2]);
    expect(units['丙局']!.onTimeRate.percent).toBe('0.0');

    expect(stats.deadlines.counts).toMatchObject({ 'on-time': 8, late: 4, overdue: 3 });
    expect(stats.deadlines.urgent.map((u) => u.daysLeft)).toEqual([-24, -24, -24]);
  });

  it('compares with last year’s session in the database, unless a baseline was typed', async () => {
    const store = await newStore();
    buildSession(store, '上届', 2023, [
      [3, { result: 'A', published: true }],
      [1, { result: 'D' }],
    ]);
    const current = buildSession(store, '本届', 2024, [
      [4, { result: 'A', published: true }],
      [1, { result: 'D', published: true }],
    ]);
    expect(current.previousSessionId).not.toBeNull();
    let stats = sessionStatistics(store, current, '2024-12-01');
    expect(stats.comparison.previousSession).toBe('上届');
    expect(stats.comparison.rates.published).toMatchObject({
      current: '100.0',
      previous: '75.0',
      text: '提高25.0个百分点',
      source: 'session',
    });
    expect(stats.comparison.rates.resolution).toMatchObject({ current: '80.0', previous: '75.0', text: '提高5.0个百分点' });
    store.sessions.setBaselines(current.id, { published: '100' });
    stats = sessionStatistics(store, store.sessions.get(current.id), '2024-12-01');
    expect(stats.comparison.rates.published).toMatchObject({ text: '持平', source: 'baseline' });
    expect(stats.comparison.rates.satisfied).toBeUndefined();
  });

  it('recomputes deadlines when the session’s rules change', async () => {
    const store = await newStore();
    const session = buildSession(store, '会议', 2024, [
      [3, { result: 'A', assignedDate: '2024-03-01', replyDate: '2024-07-15' }],
      [1, { assignedDate: '2024-03-01' }],
    ]);
    let stats = sessionStatistics(store, session, '2024-07-20');
    expect(stats.rates.onTime.numerator).toBe(0);
    expect(stats.deadlines.counts).toMatchObject({ late: 3, overdue: 1 });
    expect(stats.deadlines.urgent).toEqual([
      expect.objectContaining({ deadline: '2024-06-01', daysLeft: -49, statusLabel: '已逾期' }),
    ]);
    const changed = store.sessions.updateSettings(session.id, { deadlines: { ...session.deadlines, replyMonths: 6 } });
    stats = sessionStatistics(store, changed, '2024-07-20');
    expect(stats.rates.onTime.numerator).toBe(3);
    expect(stats.deadlines.counts).toMatchObject({ 'on-time': 3, late: 0, overdue: 0, pending: 1 });
    expect(stats.deadlines.urgent).toEqual([]);
    // A stated deadline wins over the rule, and editing it moves the figures at once.
    const open = store.proposals.listBySession(session.id).find((p) => p.resultCode === null)!;
    store.proposals.update(open.id, { deadline: '2024-07-25' });
    stats = sessionStatistics(store, changed, '2024-07-20');
    expect(stats.deadlines.counts['due-soon']).toBe(1);
    expect(stats.deadlines.urgent[0]).toMatchObject({ deadline: '2024-07-25', daysLeft: 5, statusLabel: '即将到期' });
  });

  it('counts a three-class session’s merged class once', async () => {
    const store = await newStore();
    const session = buildSession(
      store,
      '三类',
      2024,
      [
        [3, { result: 'A' }],
        [1, { result: 'B' }],
        [1, { result: 'D' }],
      ],
      { resultClassCount: 3 },
    );
    const stats = sessionStatistics(store, session, '2024-12-01');
    expect(stats.byResult.map((r) => [r.code, r.label, r.percent])).toEqual([
      ['A', '解决采纳', '60.0'],
      ['B', '正在解决或列入规划解决', '20.0'],
      ['D', '留作参考', '20.0'],
    ]);
  });
});
