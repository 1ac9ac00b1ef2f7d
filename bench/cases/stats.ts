// 统计: the statistics of one session of 100,000 proposals, the 统计 screen's figures.
import path from 'node:path';
import { openStore } from '../../db/store';
import { sessionStatistics } from '../../electron/node/stats/session-statistics';
import { median, time, type BenchResult } from '../harness';
import { statisticsSession } from '../statistics-session';

export async function benchStatistics(work: string): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  const count = 100_000;
  const store = await openStore(path.join(work, 'stats.db'), { actor: 'bench' });
  const { session: current, built } = await statisticsSession(store, count);
  sessionStatistics(store, current, '2024-12-01'); // warm-up
  const runs: number[] = [];
  for (let i = 0; i < 7; i++) runs.push(await time(() => sessionStatistics(store, current, '2024-12-01')));
  const stats = sessionStatistics(store, current, '2024-12-01');
  results.push({
    name: `统计：一届会议 ${count.toLocaleString('en-US')} 件（含承办单位、期限）`,
    goalMs: 100,
    medianMs: median(runs),
    runs,
    note: `造数 ${Math.round(built)} ms；共 ${stats.total} 件，${stats.byUnit.length} 个单位`,
  });
  store.close();
  return results;
}
