// Child of the 导出 case: exports one session's ledger, to a file or (as the API does) to bytes.
import fs from 'node:fs';
import { openStore } from '../../db/store';
import { exportLedgerFile, ledgerWorkbook } from '../../electron/node/ledger/export-ledger';
import { time } from '../harness';
import { reportFigures } from '../peak-memory';

const [dbFile, sessionId, out, mode] = process.argv.slice(2) as [string, string, string, 'file' | 'bytes'];
const store = await openStore(dbFile, { actor: 'bench' });
const session = store.sessions.get(Number(sessionId));
let bytes = 0;
const ms = await time(async () => {
  if (mode === 'bytes') bytes = (await ledgerWorkbook(store, session)).length;
  else bytes = fs.statSync((await exportLedgerFile(store, session, out, { overwrite: true })).file).size;
});
store.close();
reportFigures({ ms, bytes });
