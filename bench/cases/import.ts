// 导入: a 5,000-row .xlsx ledger read, checked and written into a new database.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { openStore } from '../../db/store';
import { importLedgerFile } from '../../electron/node/ledger/import-ledger';
import { CANONICAL_HEADERS, LEDGER_FIELDS, type LedgerField } from '../../electron/common/ledger/columns';
import { median, time, type BenchResult } from '../harness';

async function ledgerFile(rows: number, file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('台账');
  sheet.addRow(LEDGER_FIELDS.map((f) => CANONICAL_HEADERS[f]));
  const results = ['解决采纳', '正在解决', '计划解决', '留作参考'];
  for (let i = 1; i <= rows; i++) {
    // Keyed by field, so a field added to the ledger later leaves its column empty here.
    const row: Partial<Record<LedgerField, unknown>> = {
      number: String(i).padStart(4, '0'),
      title: `关于加强第${i}片区老旧小区综合改造和停车设施建设的建议`,
      leadDeputies: `代表${i % 300}`,
      coDeputies: i % 3 === 0 ? `代表${(i + 1) % 300}、代表${(i + 2) % 300}` : null,
      delegation: `第${i % 8}代表团`,
      category: ['经济发展', '城市建设与管理', '社会事业', '民生保障', '公共安全与交通'][i % 5],
      leadUnits: `单位${i % 40}`,
      coUnits: i % 2 ? `单位${(i + 3) % 40}，单位${(i + 5) % 40}` : null,
      assignedDate: new Date(Date.UTC(2024, 2, (i % 20) + 1)),
      replyDate: `2024-5-${(i % 28) + 1}`,
      result: results[i % 4],
      published: i % 5 ? '是' : '否',
      met: '√',
      feedback: ['满意', '基本满意', '满意', '未表态'][i % 4],
      closed: '是',
      isKey: i % 9 ? '否' : '是',
      replyText: '您提出的建议收悉，现将办理情况答复如下。'.repeat(4),
      notes: i % 13 ? null : '经批准延期',
    };
    sheet.addRow(LEDGER_FIELDS.map((f) => row[f] ?? null));
  }
  await workbook.xlsx.writeFile(file);
}

export async function benchImport(work: string): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
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
  return results;
}
