// 建议表: the proposals screen in Chromium with 10,000 rows (showing it, searching it), and the
// size of the renderer's production bundle (run `npm run build:renderer` first).
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { openStore } from '../../db/store';
import { startWeb } from '../../electron/node/web/main';
import { createHandlers } from '../../electron/node/api/handlers';
import { launchChromium } from '../../test/helpers/chromium';
import { median, time, type BenchResult } from '../harness';
import { statisticsSession } from '../statistics-session';

export async function benchProposalsScreen(work: string): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  const count = 10_000;
  const dbFile = path.join(work, 'ui.db');
  const store = await openStore(dbFile, { actor: 'bench' });
  const { session } = await statisticsSession(store, count);
  store.close();
  const server = await startWeb({ db: dbFile, port: 0, today: () => '2024-12-01' });
  const browser = await launchChromium();
  const paints: number[] = [];
  const filters: number[] = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1360, height: 860 } });
    await page.addInitScript((id: number) => {
      const localStorage = (globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }).localStorage;
      localStorage.setItem('sessionId', String(id));
      localStorage.setItem('screen', 'sessions');
    }, session.id);
    await page.goto(server.url);
    await page.getByTestId('nav-proposals').waitFor();
    for (let i = 0; i < 6; i++) {
      await page.getByTestId('nav-sessions').click();
      await page.getByTestId('save-session').waitFor();
      const start = performance.now();
      await page.getByTestId('nav-proposals').click();
      await page.getByText('关于第1项工作的建议', { exact: true }).waitFor();
      paints.push(performance.now() - start);
      const search = page.getByPlaceholder('搜索标题、代表、单位、建议号');
      const filterStart = performance.now();
      await search.fill(`第${1234 + i}项`);
      await page.getByText(`共 1 条`, { exact: true }).waitFor();
      filters.push(performance.now() - filterStart);
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const assets = path.join('dist', 'renderer', 'assets');
  const bundle = fs
    .readdirSync(assets)
    .filter((f) => f.endsWith('.js'))
    .reduce((sum, f) => sum + fs.statSync(path.join(assets, f)).size, 0);
  const gzip = fs
    .readdirSync(assets)
    .filter((f) => f.endsWith('.js'))
    .reduce((sum, f) => sum + gzipSync(fs.readFileSync(path.join(assets, f))).length, 0);
  const note = `界面生产包 ${(bundle / 1024).toFixed(0)} KB（gzip ${(gzip / 1024).toFixed(0)} KB）`;
  // What the main process spends reading the list (the UI fetches it when the session is chosen).
  const reading = await openStore(dbFile, { actor: 'bench' });
  const handlers = createHandlers({ store: reading, databaseFile: dbFile, today: () => '2024-12-01', version: 'bench' });
  const fetches: number[] = [];
  for (let i = 0; i < 5; i++) fetches.push(await time(() => handlers['proposals.list']({ sessionId: session.id })));
  reading.close();
  results.push({
    name: `建议表：${count.toLocaleString('en-US')} 条，切换到该页到表格显示`,
    goalMs: 300,
    medianMs: median(paints.slice(1)),
    runs: paints.slice(1),
    note: `${note}；数据在选定会议时预取，主进程读取 ${count} 条用 ${median(fetches).toFixed(0)} ms`,
  });
  results.push({
    name: `建议表：${count.toLocaleString('en-US')} 条中搜索筛选`,
    goalMs: 300,
    medianMs: median(filters.slice(1)),
    runs: filters.slice(1),
    note: 'Chromium，搜索框输入到结果显示',
  });
  return results;
}
