import fs from 'node:fs';
import { openStore } from '../../../../db/store';
import { parseCommandArgs, valueOptions, required } from '../args';
import type { Output } from '../output';

export const initUsage = '用法：jianyi init --db 数据库文件';

export async function initCommand(args: string[], io: Output): Promise<number> {
  const { values } = parseCommandArgs(args, valueOptions('db'), initUsage);
  const file = required(values.db, 'db', initUsage);
  const existed = fs.existsSync(file);
  const store = await openStore(file);
  try {
    const { fromVersion, toVersion, backupPath } = store.opened;
    if (!existed) io.out(`已创建数据库「${file}」（数据库版本 ${toVersion}）。`);
    else if (fromVersion === toVersion) io.out(`数据库「${file}」已是最新版本（数据库版本 ${toVersion}），无需改动。`);
    else io.out(`已把数据库「${file}」从版本 ${fromVersion} 升级到 ${toVersion}；升级前的备份：「${backupPath}」。`);
    return 0;
  } finally {
    store.close();
  }
}
