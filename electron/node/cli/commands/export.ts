import { openExistingStore } from '../open';
import { exportLedgerFile } from '../../ledger/export-ledger';
import { parseCommandArgs, required, UsageError } from '../args';
import type { Output } from '../output';

export const exportUsage = '用法：jianyi export 台账.xlsx --db 数据库文件 --session 会议名称 [--overwrite]';

export async function exportCommand(args: string[], io: Output): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    args,
    { db: { type: 'string' }, session: { type: 'string' }, overwrite: { type: 'boolean' } },
    exportUsage,
  );
  const file = positionals[0];
  if (!file) throw new UsageError(`请指定导出的文件名。\n${exportUsage}`);
  const dbFile = required(values.db, 'db', exportUsage);
  const sessionName = required(values.session, 'session', exportUsage);
  const store = await openExistingStore(dbFile);
  try {
    const session = store.sessions.getByName(sessionName);
    const result = await exportLedgerFile(store, session, file, { overwrite: values.overwrite === true, createFolder: true });
    io.out(`已导出会议「${session.name}」的台账 ${result.rows} 件到「${file}」。`);
    return 0;
  } finally {
    store.close();
  }
}
