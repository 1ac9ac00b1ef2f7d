// 报告: the annual handling report of a session of 10,000 proposals, as a .docx.
import fs from 'node:fs';
import path from 'node:path';
import { openStore } from '../../db/store';
import { generateReport } from '../../electron/node/documents/generate/report';
import { compileTemplate } from '../../electron/common/documents/template/engine';
import { estimateOutput } from '../../electron/node/documents/template/check-size';
import { listTemplates } from '../../electron/node/documents/template/library';
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

  // Saving a template measures it on the largest session first: the built-in report, and one
  // with loops nested eight deep over the units, which must be refused quickly.
  const builtin = listTemplates(store).find((t) => t.kind === 'annual-report' && t.origin === 'builtin')!;
  const report = compileTemplate(builtin.source, builtin.name);
  const nested = compileTemplate(
    '---\nname: 嵌套\nkind: annual-report\n---\n# 报告\n\n' +
      '{{#each @root.units}}'.repeat(8) +
      '{{unit}}' +
      '{{/each}}'.repeat(8) +
      '\n',
    '嵌套',
  );
  const measureRuns: number[] = [];
  const refuseRuns: number[] = [];
  let characters = 0;
  for (let i = 0; i < 3; i++) {
    measureRuns.push(await time(() => (characters = estimateOutput(store, report, TODAY)!.characters)));
    refuseRuns.push(
      await time(() => {
        try {
          estimateOutput(store, nested, TODAY);
        } catch {
          return;
        }
        throw new Error('the nested template was not refused');
      }),
    );
  }
  results.push({
    name: `模板篇幅估算：内置报告模板用 ${count.toLocaleString('en-US')} 件的会议填写并计数`,
    goalMs: 1000,
    medianMs: median(measureRuns),
    runs: measureRuns,
    note: `约 ${characters.toLocaleString('en-US')} 字`,
  });
  results.push({
    name: '模板篇幅估算：八层嵌套 {{#each @root.units}} 的模板被拒绝',
    goalMs: 1000,
    medianMs: median(refuseRuns),
    runs: refuseRuns,
    note: '超过 300 万字即停止计数',
  });
  store.close();
  return results;
}
