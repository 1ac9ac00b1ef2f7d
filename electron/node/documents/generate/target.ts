import fs from 'node:fs';
import type { Store } from '../../../../db/store';
import { UserError } from '../../../common/domain/errors';
import { removeStaleTemps } from '../../files/atomic-write';
import { checkOutputFile } from '../../files/output-path';

/** The folder a document goes into, checked writable; temporaries of killed runs swept. */
export async function readyFolder(dir: string): Promise<void> {
  try {
    await fs.promises.mkdir(dir, { recursive: true });
  } catch {
    throw new UserError(`无法创建输出文件夹「${dir}」：上级文件夹不存在、是只读的，或同名的文件已存在。`);
  }
  if (!(await fs.promises.stat(dir)).isDirectory()) throw new UserError(`「${dir}」不是文件夹。`);
  try {
    await fs.promises.access(dir, fs.constants.W_OK);
  } catch {
    throw new UserError(`输出文件夹「${dir}」是只读的，没有生成任何文件。请另选一个可以写入的文件夹。`);
  }
  removeStaleTemps(dir);
}

/** Where a single document may be written (see files/output-path.ts), before anything is rendered. */
export function documentTarget(store: Store, out: string, options: { overwrite?: boolean; createFolder?: boolean }): string {
  return checkOutputFile(out, {
    kind: 'docx',
    databaseFile: store.db.name,
    overwrite: options.overwrite,
    createFolder: options.createFolder,
    addExtension: true,
  });
}
