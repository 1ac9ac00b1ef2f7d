// Run by test/export-memory.test.ts in a process of its own: exports one session's ledger and
// prints the resident memory before the export and the process's peak, in MB.
import { openStore } from '../../db/store';
import { exportLedgerFile } from '../../electron/node/ledger/export-ledger';

const [dbFile, sessionId, out] = process.argv.slice(2) as [string, string, string];
const store = await openStore(dbFile, { actor: '测试', backupDir: false });
const session = store.sessions.get(Number(sessionId));
const beforeMb = process.memoryUsage().rss / 1024 / 1024;
const { rows } = await exportLedgerFile(store, session, out);
store.close();
console.log(JSON.stringify({ rows, beforeMb, peakMb: process.resourceUsage().maxRSS / 1024 }));
