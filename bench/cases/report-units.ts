// 报告（单位）: the annual report of a session whose ledger names 50,000 distinct lead units (ledgers
// merged, units keyed in as free text), in a process of its own so that its peak memory is measured.
import path from 'node:path';
import { openStore, type Store } from '../../db/store';
import { EMPTY_PROPOSAL } from '../../electron/common/entities/proposal';
import type { ResultCode } from '../../electron/common/domain/result-classes';
import { median, time, type BenchResult } from '../harness';
import { runChild } from '../peak-memory';

const UNITS = 50_000;
/** Besides one item for each unit, the forty real units share this many. */
const SHARED = 10_000;
const GOAL_MB = 1024;

function buildSession(store: Store): number {
  const session = store.sessions.create({
    name: '单位基准会议',
    year: 2024,
    categories: ['经济发展', '社会事业'],
    settings: { feedbackScale: 'three' },
  });
  const categoryIds = store.sessions.categories(session.id).map((c) => c.id);
  const codes: (ResultCode | null)[] = ['A', 'A', 'B', 'C', 'D', null];
  const feedback = ['满意', '满意', '基本满意', '不满意', null];
  store.transaction(() => {
    const units = [...store.units.ensure(Array.from({ length: UNITS }, (_, i) => `承办单位${i + 1}`)).values()];
    for (let i = 0; i < UNITS + SHARED; i++) {
      const answered = i % 6 !== 5;
      const id = store.proposals.insert(session.id, {
        ...EMPTY_PROPOSAL,
        number: String(i + 1),
        title: `关于第${i + 1}项工作的建议`,
        categoryId: categoryIds[i % categoryIds.length]!,
        assignedDate: `2024-03-${String((i % 28) + 1).padStart(2, '0')}`,
        replyDate: answered ? `2024-0${4 + (i % 4)}-${String((i % 27) + 1).padStart(2, '0')}` : null,
        resultCode: answered ? codes[i % codes.length]! : null,
        published: i % 7 !== 0,
        closed: answered && i % 5 !== 0,
        feedback: answered ? feedback[i % feedback.length]! : null,
      });
      store.proposals.setPeopleAndUnits(id, {
        leadDeputies: [],
        coDeputies: [],
        leadUnit: units[i < UNITS ? i : i % 40]!,
        coUnits: i % 4 === 0 ? [units[(i + 13) % UNITS]!] : [],
      });
    }
  });
  return session.id;
}

export async function benchReportUnits(work: string): Promise<BenchResult[]> {
  const dbFile = path.join(work, 'report-units.db');
  const store = await openStore(dbFile, { actor: 'bench' });
  let sessionId = 0;
  const built = await time(() => (sessionId = buildSession(store)));
  store.close();
  const out = path.join(work, '单位报告.docx');
  const runs: number[] = [];
  const peaks: number[] = [];
  let rows = 0;
  for (let i = 0; i < 3; i++) {
    const figures = await runChild('report', [dbFile, String(sessionId), out]);
    runs.push(figures.ms);
    peaks.push(figures.peakMb);
    rows = figures.rows as number;
  }
  return [
    {
      name: `报告：主办单位 ${UNITS.toLocaleString('en-US')} 个（${(UNITS + SHARED).toLocaleString('en-US')} 件）的年度办理情况报告（单独进程，冷启动，测峰值内存）`,
      goalMs: 10_000,
      medianMs: median(runs),
      runs,
      peakMb: Math.max(...peaks),
      goalMb: GOAL_MB,
      note: `峰值内存 ${peaks.join('/')} MB（目标 ≤ ${GOAL_MB} MB）；单位表 ${rows} 行；造数 ${Math.round(built / 1000)} s`,
    },
  ];
}
