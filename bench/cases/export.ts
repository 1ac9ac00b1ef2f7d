// 导出: a session of 300,000 rows exported as an .xlsx ledger, in a process of its own so that
// its peak memory is measured (the export streams rows from the database to the file).
import fs from 'node:fs';
import path from 'node:path';
import { openStore, type Store } from '../../db/store';
import { EMPTY_PROPOSAL } from '../../electron/common/entities/proposal';
import type { ResultCode } from '../../electron/common/domain/result-classes';
import { median, time, type BenchResult } from '../harness';
import { runChild } from '../peak-memory';

const ROWS = 300_000;
const GOAL_MB = 1024;

/** A ledger as a district keeps it, every row different: names, units, dates, results, replies. */
function buildLedger(store: Store, rows: number): number {
  const categories = ['经济发展', '城市建设与管理', '社会事业', '民生保障', '公共安全与交通'];
  const session = store.sessions.create({ name: '导出基准会议', year: 2024, categories, settings: { feedbackScale: 'three' } });
  const categoryIds = store.sessions.categories(session.id).map((c) => c.id);
  const codes: (ResultCode | null)[] = ['A', 'A', 'A', 'B', 'C', 'D', null];
  const feedback = ['满意', '满意', '基本满意', '不满意', '未表态', null];
  store.transaction(() => {
    const units = [...store.units.ensure(Array.from({ length: 60 }, (_, i) => `区第${i + 1}承办单位`)).values()];
    const deputies = [...store.deputies.ensure(Array.from({ length: 400 }, (_, i) => `代表${i + 1}`)).values()];
    for (let i = 1; i <= rows; i++) {
      const answered = i % 7 !== 0;
      const id = store.proposals.insert(session.id, {
        ...EMPTY_PROPOSAL,
        number: String(i).padStart(6, '0'),
        title: `关于加强第${i}片区老旧小区综合改造和停车设施建设的建议`,
        delegation: `第${(i % 12) + 1}代表团`,
        categoryId: categoryIds[i % categoryIds.length]!,
        content: `第${i}号建议：辖区内部分老旧小区停车位不足、管线老化，建议统筹规划，分步实施改造。`,
        assignedDate: `2024-03-${String((i % 28) + 1).padStart(2, '0')}`,
        deadline: i % 17 === 0 ? '2024-09-30' : null,
        replyDate: answered ? `2024-0${4 + (i % 4)}-${String((i % 27) + 1).padStart(2, '0')}` : null,
        replyNumber: answered ? `青府复〔2024〕${i}号` : '',
        resultCode: answered ? codes[i % codes.length]! : null,
        replyText: answered
          ? `您提出的第${i}号建议收悉，现将办理情况答复如下：一、已会同有关部门现场踏勘；二、列入年度改造计划。`
          : '',
        published: i % 5 !== 0,
        met: i % 11 !== 0,
        closed: answered && i % 3 !== 0,
        feedback: answered ? feedback[i % feedback.length]! : null,
        notes: i % 13 === 0 ? '经批准延期' : '',
      });
      store.proposals.setPeopleAndUnits(id, {
        leadDeputies: [deputies[i % deputies.length]!],
        coDeputies: i % 3 === 0 ? [deputies[(i + 1) % deputies.length]!, deputies[(i + 2) % deputies.length]!] : [],
        leadUnit: units[i % units.length]!,
        coUnits: i % 2 === 0 ? [units[(i + 7) % units.length]!] : [],
      });
    }
  });
  return session.id;
}

export async function benchExport(work: string): Promise<BenchResult[]> {
  const dbFile = path.join(work, 'export.db');
  const store = await openStore(dbFile, { actor: 'bench' });
  let sessionId = 0;
  const built = await time(() => (sessionId = buildLedger(store, ROWS)));
  store.close();
  const out = path.join(work, '导出台账.xlsx');
  const runs: number[] = [];
  const peaks: number[] = [];
  for (let i = 0; i < 2; i++) {
    const figures = await runChild('export-ledger', [dbFile, String(sessionId), out, 'file']);
    runs.push(figures.ms);
    peaks.push(figures.peakMb);
  }
  const peakMb = Math.max(...peaks);
  return [
    {
      name: `导出：${ROWS.toLocaleString('en-US')} 行台账写成 .xlsx（逐页读库、流式写入临时文件再改名；单独进程测峰值内存）`,
      goalMs: 60_000,
      medianMs: median(runs),
      runs,
      peakMb,
      goalMb: GOAL_MB,
      note: `峰值内存 ${peaks.join('/')} MB（目标 ≤ ${GOAL_MB} MB）；造数 ${Math.round(built / 1000)} s；文件 ${(fs.statSync(out).size / 1024 / 1024).toFixed(1)} MB`,
    },
  ];
}
