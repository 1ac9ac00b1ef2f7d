import { withExistingStore } from '../open';
import { exportLedgerFile } from '../../ledger/export-ledger';
import { parseCommandArgs, required, singleFile, switchOptions, valueOptions } from '../args';
import type { Output } from '../output';

export const exportUsage = '用法：jianyi export 台账.xlsx --db 数据库文件 --session 会议名称 [--overwrite]';

export async function exportCommand(args: string[], io: Output): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    args,
    { ...valueOptions('db', 'session'), ...switchOptions('overwrite') },
    exportUsage,
  );
  const file = singleFile(positionals, exportUsage, '请指定导出的文件名。');
  const dbFile = required(values.db, 'db', exportUsage);
  const sessionName = required(values.session, 'session', exportUsage);
  return withExistingStore(dbFile, async (store) => {
    const session = store.sessions.getByName(sessionName);
    const result = await exportLedgerFile(store, session, file, { overwrite: values.overwrite === true, createFolder: true });
    io.out(`已导出会议「${session.name}」的台账 ${result.rows} 件到「${file}」。`);
    return 0;
  });
}
