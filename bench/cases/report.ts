// 报告: the annual handling report of a session of 10,000 proposals, as a .docx.
import fs from 'node:fs';
import path from 'node:path';
import { openStore } from '../../db/store';
import { generateReport } from '../../electron/node/documents/generate/report';
import { median, time, TODAY, type BenchResult } from '../harness';
import { statisticsSession } from '../statistics-session';

export async function benchReport(work: string): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  const count = 10_000;
  const store = await openStore(path.join(work, 'report.db'), { actor: 'bench' });
  const { session, built } = await statisticsSession(store, count);
  const out = path.join(work, '办理情况报告.docx');
  await generateReport(store, { session, out, today: TODAY, overwrite: true }); // warm-up
  const runs: number[] = [];
  for (let i = 0; i < 3; i++) runs.push(await time(() => generateReport(store, { session, out, today: TODAY, overwrite: true })));
  results.push({
    name: `报告：一届会议 ${count.toLocaleString('en-US')} 件的年度办理情况报告（统计、填充、生成并写入 .docx）`,
    goalMs: 1000,
    medianMs: median(runs),
    runs,
    note: `造数 ${Math.round(built)} ms；文件 ${(fs.statSync(out).size / 1024).toFixed(0)} KB`,
  });
  store.close();
  return results;
}
