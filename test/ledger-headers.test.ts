import { describe, expect, it } from 'vitest';
import { importRows } from './helpers/ledger-import';
import { sessionStatistics } from '../electron/node/stats/session-statistics';
import type { Cell } from './helpers/fixtures';

// Header shapes the researched layouts (test/real-ledgers.test.ts) do not all show: three header
// rows, tick columns for the result and for a yes/no field, a header printed twice that only
// the values tell apart.

const THREE_ROWS: Cell[][] = [
  ['建议号', '标题', '办理情况', '', '', '', '是否公开', ''],
  ['', '', '办理结果', '', '代表意见', '', '', ''],
  ['', '', '解决采纳', '留作参考', '满意', '不满意', '是', '否'],
  ['1', '关于甲的建议', '√', '', '✓', '', '●', ''],
  ['2', '关于乙的建议', '', '√', '', '√', '', '√'],
  ['3', '关于丙的建议', '√', '', '√', '', '√', ''],
];
const THREE_ROW_MERGES = ['A1:A3', 'B1:B3', 'C1:F1', 'C2:D2', 'E2:F2', 'G1:H2'];

describe('header shapes', () => {
  it('reads three header rows with ticks for the result, the rating and a yes/no field', async () => {
    const { store, report } = await importRows(THREE_ROWS, {}, THREE_ROW_MERGES);
    expect(report.errors).toEqual([]);
    expect(report.headerRows).toEqual([1, 2, 3]);
    expect(report.columns.map((c) => [c.letter, c.field, c.choice])).toEqual([
      ['A', 'number', null],
      ['B', 'title', null],
      ['C', 'result', '解决采纳'],
      ['D', 'result', '留作参考'],
      ['E', 'feedback', '满意'],
      ['F', 'feedback', '不满意'],
      ['G', 'published', '是'],
      ['H', 'published', '否'],
    ]);
    const stats = sessionStatistics(store, store.sessions.getByName('会议'), '2024-12-01');
    expect(stats.byResult.filter((r) => r.count > 0).map((r) => [r.label, r.count])).toEqual([
      ['解决采纳', 2],
      ['留作参考', 1],
    ]);
    expect(stats.feedback.filter((r) => r.count > 0).map((r) => [r.label, r.count])).toEqual([
      ['满意', 2],
      ['不满意', 1],
    ]);
    expect([stats.rates.published.numerator, stats.rates.published.denominator]).toEqual([2, 3]);
  });

  it('refuses a row with two ticks in one choice, naming the row and both values, and writes nothing', async () => {
    const rows = THREE_ROWS.map((r) => [...r]);
    rows[4]![2] = '√'; // 乙 is ticked both 解决采纳 and 留作参考
    rows[5]![6] = '√';
    rows[5]![7] = '√'; // 丙 both 是 and 否 for 是否公开
    const { store, report } = await importRows(rows, {}, THREE_ROW_MERGES);
    expect(report.committed).toBe(false);
    expect(report.errors).toEqual([
      '第5行「办理结果」同时勾选了「解决采纳」和「留作参考」，只能选一项',
      '第6行「是否公开」同时勾选了「是」和「否」，只能选一项',
    ]);
    expect(store.sessions.findByName('会议')).toBeNull();
  });

  it('tells a header printed twice apart by its values: the result, and the deputy’s opinion of it', async () => {
    const rows: Cell[][] = [
      ['建议号', '标题', '办理结果', '办理结果'],
      ['1', '关于甲的建议', 'A', '满意'],
      ['2', '关于乙的建议', 'B', '基本满意'],
    ];
    const { report } = await importRows(rows, { dryRun: true });
    expect(report.errors).toEqual([]);
    expect(report.columns.map((c) => [c.letter, c.field])).toEqual([
      ['A', 'number'],
      ['B', 'title'],
      ['C', 'result'],
      ['D', 'feedback'],
    ]);
    expect(report.warnings.join()).toContain('D列「办理结果」填的是满意、不满意等评价，不是办理结果的类别，按「代表评价」导入');

    // With 同意 / 理解 it is the opinion of the result.
    const opinions = rows.map((r, i) => (i === 0 ? r : [...r.slice(0, 3), i === 1 ? '同意' : '理解']));
    const second = await importRows(opinions, { dryRun: true });
    expect(second.report.errors).toEqual([]);
    expect(second.report.columns.map((c) => c.field)).toEqual(['number', 'title', 'result', 'resultOpinion']);
  });
});
