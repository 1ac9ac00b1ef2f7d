// npm run bench: the speed goals of the project, measured on this machine.
// Each case builds its own data in a temporary folder, warms up, then reports the median.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import { EMPTY_PROPOSAL } from '../db/repos/proposals';
import { openStore } from '../db/store';
import { importLedgerFile } from '../electron/ledger/import-ledger';
import { CANONICAL_HEADERS, LEDGER_FIELDS } from '../electron/ledger/columns';
import { sessionStatistics } from '../electron/stats/session-statistics';
import type { ResultCode } from '../electron/domain/result-classes';

interface Result {
  name: string;
  goalMs: number;
  medianMs: number;
  runs: number[];
  note: string;
}

const results: Result[] = [];
const REPLY_TEXT = '您提出的建议收悉，现将办理情况答复如下。'.repeat(80);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'jianyi-bench-'));

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function time(fn: () => unknown | Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

async function benchStatistics(): Promise<void> {
  const count = 100_000;
  const store = await openStore(path.join(work, 'stats.db'), { actor: 'bench' });
  const categories = ['经济发展', '城市建设与管理', '社会事业', '民生保障', '公共安全与交通'];
  const session = store.sessions.create({ name: '基准会议', year: 2024, categories, settings: { feedbackScale: 'three' } });
  const categoryIds = store.sessions.categories(session.id).map((c) => c.id);
  const unitIds = [...store.units.ensure(Array.from({ length: 40 }, (_, i) => `单位${i + 1}`)).values()];
  const codes: (ResultCode | null)[] = ['A', 'A', 'A', 'A', 'A', 'A', 'B', 'C', 'D', null];
  const feedback = ['满意', '满意', '满意', '满意', '基本满意', '不满意', '未表态', null];
  const built = await time(() =>
    store.transaction(() => {
      for (let i = 1; i <= count; i++) {
        const answered = i % 10 !== 0;
        const id = store.proposals.insert(session.id, {
          ...EMPTY_PROPOSAL,
          number: String(i),
          numberKey: String(i),
          numberSort: i,
          title: `关于第${i}项工作的建议`,
          categoryId: categoryIds[i % categoryIds.length]!,
          assignedDate: `2024-03-${String((i % 28) + 1).padStart(2, '0')}`,
          deadline: i % 17 === 0 ? '2024-09-30' : null,
          replyDate: answered ? `2024-0${4 + (i % 4)}-${String((i % 27) + 1).padStart(2, '0')}` : null,
          resultCode: answered ? codes[i % 9]! : null,
          published: i % 7 !== 0,
          met: i % 11 !== 0,
          closed: answered && i % 5 !== 0,
          feedback: answered ? feedback[i % feedback.length]! : null,
          // Real rows carry multi-paragraph replies: the statistics must not read them.
          replyText: answered ? REPLY_TEXT : '',
        });
        store.proposals.setPeopleAndUnits(id, {
          leadDeputies: [],
          coDeputies: [],
          leadUnit: unitIds[i % unitIds.length]!,
          coUnits: i % 3 === 0 ? [unitIds[(i + 7) % unitIds.length]!] : [],
        });
      }
    }),
  );
  const current = store.sessions.get(session.id);
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
}

async function ledgerFile(rows: number, file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('台账');
  sheet.addRow(LEDGER_FIELDS.map((f) => CANONICAL_HEADERS[f]));
  const results = ['解决采纳', '正在解决', '计划解决', '留作参考'];
  for (let i = 1; i <= rows; i++) {
    sheet.addRow([
      String(i).padStart(4, '0'),
      `关于加强第${i}片区老旧小区综合改造和停车设施建设的建议`,
      `代表${i % 300}`,
      i % 3 === 0 ? `代表${(i + 1) % 300}、代表${(i + 2) % 300}` : null,
      `第${i % 8}代表团`,
      ['经济发展', '城市建设与管理', '社会事业', '民生保障', '公共安全与交通'][i % 5],
      `单位${i % 40}`,
      i % 2 ? `单位${(i + 3) % 40}，单位${(i + 5) % 40}` : null,
      new Date(Date.UTC(2024, 2, (i % 20) + 1)),
      null,
      `2024-5-${(i % 28) + 1}`,
      results[i % 4],
      i % 5 ? '是' : '否',
      '√',
      ['满意', '基本满意', '满意', '未表态'][i % 4],
      '是',
      i % 9 ? '否' : '是',
      null,
      i % 13 ? null : '经批准延期',
    ]);
  }
  await workbook.xlsx.writeFile(file);
}

async function benchImport(): Promise<void> {
  const rows = 5_000;
  const file = path.join(work, '台账5000.xlsx');
  await ledgerFile(rows, file);
  const runs: number[] = [];
  for (let i = 0; i < 4; i++) {
    const store = await openStore(path.join(work, `import-${i}.db`), { actor: 'bench' });
    const ms = await time(async () => {
      const report = await importLedgerFile(store, file, { sessionName: '基准会议', year: 2024 });
      if (!report.committed || report.counts.insert !== rows)
        throw new Error(`import failed: ${report.errors.slice(0, 3).join('; ')}`);
    });
    if (i > 0) runs.push(ms); // the first run warms up the JIT and the file cache
    store.close();
  }
  results.push({
    name: `导入：${rows.toLocaleString('en-US')} 行 .xlsx 台账（读取、校验、写入）`,
    goalMs: 3000,
    medianMs: median(runs),
    runs,
    note: `文件 ${(fs.statSync(file).size / 1024).toFixed(0)} KB`,
  });
}

await benchStatistics();
await benchImport();
fs.rmSync(work, { recursive: true, force: true });

console.log(`建议办理助手 基准测试（Node ${process.version}，${os.cpus().length} 核，${os.cpus()[0]?.model ?? ''}）\n`);
for (const r of results) {
  const ok = r.medianMs <= r.goalMs;
  console.log(`${ok ? '达标  ' : '未达标'} ${r.name}`);
  console.log(
    `       中位数 ${r.medianMs.toFixed(1)} ms（目标 ≤ ${r.goalMs} ms）；各次 ${r.runs.map((x) => x.toFixed(0)).join('/')} ms；${r.note}`,
  );
}
process.exitCode = results.every((r) => r.medianMs <= r.goalMs) ? 0 : 1;
