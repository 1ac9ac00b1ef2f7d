import { describe, expect, it } from 'vitest';
import { termsOf } from '../electron/common/domain/terms';
import { formatStatistics } from '../electron/node/cli/commands/stats';
import { importRows } from './helpers/ledger-import';
import { sessionStatistics } from '../electron/node/stats/session-statistics';

// `jianyi stats` prints what the ledger gave and nothing else: a rate no column said anything
// about is 台账未提供, never 0.0 %, and a 政协 session's words are 委员 and 提案.

describe('the statistics as text', () => {
  it('says 台账未提供 for what the ledger did not give, in the session’s own words', async () => {
    const rows = [
      ['提案号', '案由', '主办单位', '答复日期', '办理结果'],
      ['1', '关于甲的提案', '区住建委', '2024-05-10', '解决采纳'],
      ['2', '关于乙的提案', '区住建委', '2024-05-11', '留作参考'],
    ];
    const { store, report } = await importRows(rows, { sessionName: '区政协七届三次会议', kind: 'cppcc' });
    expect(report.missing.map((m) => m.message)).toEqual([
      '这份台账里没有找到「委员评价」列：委员评价和满意率不会统计（概览里显示“台账未提供”）。',
      '这份台账里没有找到「类别」列：按类别的统计不会出现，也不会把提案算作“未分类”。',
    ]);
    const session = store.sessions.getByName('区政协七届三次会议');
    const text = formatStatistics(sessionStatistics(store, session, '2024-12-01'), termsOf(session.kind).member);
    const line = (start: string) => text.split('\n').find((l) => l.trimStart().startsWith(start)) ?? '';
    for (const rate of ['办结率', '公开率', '见面率', '满意率']) expect(line(rate), rate).toMatch(/台账未提供\s*$/);
    expect(line('答复率')).toContain('100.0%');
    expect(text).toContain('委员评价（');
    expect(text).not.toContain('代表');
    expect(text).not.toMatch(/办结率\s+0\.0%/);
  });
});
