import fs from 'node:fs';
import { openStore, type OpenedStore } from '../../../db/store';
import { UserError } from '../../common/domain/errors';

/** Opens a database that must already exist (only `init` and `demo` create one). */
export async function openExistingStore(file: string): Promise<OpenedStore> {
  if (!fs.existsSync(file)) throw new UserError(`找不到数据库文件「${file}」。新建数据库请先运行：jianyi init --db ${file}`);
  return openStore(file);
}

/** Opens an existing database for `use` and closes it afterwards, whatever happens. */
export async function withExistingStore<T>(file: string, use: (store: OpenedStore) => Promise<T> | T): Promise<T> {
  const store = await openExistingStore(file);
  try {
    return await use(store);
  } finally {
    store.close();
  }
}
