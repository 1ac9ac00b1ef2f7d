// npm run bench: the speed goals of the project, measured on this machine.
// Each case (bench/cases/) builds its own data in a temporary folder, warms up, then reports the median.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BenchCase, BenchResult } from './harness';
import { benchStatistics } from './cases/stats';
import { benchImport } from './cases/import';
import { benchLetters } from './cases/letters';
import { benchReport } from './cases/report';
import { benchProposalsScreen } from './cases/ui';
import { benchProposalEditor } from './cases/editor';
import { benchCheck } from './cases/check';
import { benchExport } from './cases/export';
import { benchReportUnits } from './cases/report-units';

const results: BenchResult[] = [];
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'jianyi-bench-'));

// `npm run bench -- letters report` runs only the cases named.
const only = process.argv.slice(2);
const cases: [string, BenchCase][] = [
  ['stats', benchStatistics],
  ['import', benchImport],
  ['letters', benchLetters],
  ['report', benchReport],
  ['ui', benchProposalsScreen],
  ['editor', benchProposalEditor],
  ['check', benchCheck],
  ['export', benchExport],
  ['report-units', benchReportUnits],
];
for (const [name, run] of cases) if (only.length === 0 || only.includes(name)) results.push(...(await run(work)));
fs.rmSync(work, { recursive: true, force: true });

console.log(`建议办理助手 基准测试（Node ${process.version}，${os.cpus().length} 核，${os.cpus()[0]?.model ?? ''}）\n`);
const met = (r: BenchResult) => r.medianMs <= r.goalMs && (r.goalMb === undefined || (r.peakMb ?? Infinity) <= r.goalMb);
for (const r of results) {
  const ok = met(r);
  console.log(`${ok ? '达标  ' : '未达标'} ${r.name}`);
  console.log(
    `       中位数 ${r.medianMs.toFixed(1)} ms（目标 ≤ ${r.goalMs} ms）；各次 ${r.runs.map((x) => x.toFixed(0)).join('/')} ms；${r.note}`,
  );
}
process.exitCode = results.every(met) ? 0 : 1;
