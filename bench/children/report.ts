// Child of the 报告（单位） case: writes one session's annual report.
import fs from 'node:fs';
import { openStore } from '../../db/store';
import { generateReport } from '../../electron/node/documents/generate/report';
import { time, TODAY } from '../harness';
import { reportFigures } from '../peak-memory';

const [dbFile, sessionId, out] = process.argv.slice(2) as [string, string, string];
const store = await openStore(dbFile, { actor: 'bench' });
const session = store.sessions.get(Number(sessionId));
let rows = 0;
const ms = await time(async () => {
  rows = (await generateReport(store, { session, out, today: TODAY, overwrite: true })).context.units.length;
});
store.close();
reportFigures({ ms, bytes: fs.statSync(out).size, rows });
