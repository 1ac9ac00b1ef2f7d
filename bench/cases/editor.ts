// 编辑: opening and saving one proposal through the API in a session of 10,000.
import path from 'node:path';
import { openStore } from '../../db/store';
import { createHandlers } from '../../electron/node/api/handlers';
import { dispatch } from '../../electron/node/api/dispatch';
import type { ProposalDetail } from '../../electron/common/api/contract';
import { median, time, type BenchResult } from '../harness';
import { statisticsSession } from '../statistics-session';

/** Opening one proposal in the editor and saving it, in a session of 10,000, through the API. */
export async function benchProposalEditor(work: string): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  const count = 10_000;
  const store = await openStore(path.join(work, 'editor.db'), { actor: 'bench' });
  const { session } = await statisticsSession(store, count);
  const handlers = createHandlers({
    store,
    databaseFile: path.join(work, 'editor.db'),
    today: () => '2024-12-01',
    version: 'bench',
  });
  const ids = store.proposals.summaries(session.id).map((p) => p.id);
  const opens: number[] = [];
  const saves: number[] = [];
  for (let i = 0; i < 21; i++) {
    const id = ids[(i * 487) % ids.length]!;
    let version = 0;
    opens.push(
      await time(async () => {
        const opened = await dispatch(handlers, 'proposals.get', { id });
        if (!opened.ok) throw new Error(opened.error.message);
        version = (opened.value as ProposalDetail).proposal.version;
      }),
    );
    saves.push(
      await time(async () => {
        const saved = await dispatch(handlers, 'proposals.update', {
          id,
          version,
          fields: { notes: `第${i}次保存`, replyDate: '2024-06-30' },
        });
        if (!saved.ok) throw new Error(saved.error.message);
      }),
    );
  }
  // The first run of each warms the caches and is left out.
  const measured = (what: string, runs: number[], note: string): BenchResult => ({
    name: `编辑：${count.toLocaleString('en-US')} 件的会议里${what}`,
    goalMs: 20,
    medianMs: median(runs.slice(1)),
    runs: runs.slice(1),
    note,
  });
  results.push(
    measured('打开一件建议', opens, '接口 proposals.get（建议、办理记录、面商、跟踪事项、修改记录）'),
    measured('保存一件建议', saves, '接口 proposals.update（版本检查、校验、写入、修改记录，返回保存后的内容）'),
  );
  store.close();
  return results;
}
