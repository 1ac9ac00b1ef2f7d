import { UserError } from './errors';

/**
 * The causes a clerk can act on behind an error from SQLite or the file system. This is the one
 * table of error codes; each place words the cause for its own situation (an operation that did
 * not save, a file that could not be written, a database file that could not be read).
 */
export type SystemCause =
  | 'disk-full'
  | 'read-only'
  | 'locked'
  | 'not-a-database'
  | 'corrupt'
  | 'cannot-open'
  | 'io'
  | 'file-in-use'
  | 'no-permission'
  | 'missing'
  | 'is-folder';

const CAUSES: readonly [test: (code: string) => boolean, cause: SystemCause][] = [
  [(c) => c === 'SQLITE_FULL' || c === 'ENOSPC' || c === 'EDQUOT', 'disk-full'],
  [(c) => c.startsWith('SQLITE_READONLY') || c === 'EROFS', 'read-only'],
  [(c) => c.startsWith('SQLITE_BUSY') || c.startsWith('SQLITE_LOCKED'), 'locked'],
  [(c) => c === 'SQLITE_NOTADB', 'not-a-database'],
  [(c) => c.startsWith('SQLITE_CORRUPT'), 'corrupt'],
  [(c) => c.startsWith('SQLITE_CANTOPEN'), 'cannot-open'],
  [(c) => c.startsWith('SQLITE_IOERR') || c === 'EIO', 'io'],
  [(c) => c === 'EBUSY' || c === 'ETXTBSY', 'file-in-use'],
  [(c) => c === 'EACCES' || c === 'EPERM', 'no-permission'],
  [(c) => c === 'ENOENT', 'missing'],
  [(c) => c === 'EISDIR', 'is-folder'],
];

/** The error's code (`SQLITE_FULL`, `ENOSPC`…), or '' for an error without one. */
export function errorCode(error: unknown): string {
  return String((error as { code?: unknown } | null)?.code ?? '');
}

export function systemCause(error: unknown): SystemCause | null {
  const code = errorCode(error);
  return CAUSES.find(([test]) => test(code))?.[1] ?? null;
}

/** What an operation that failed for this cause tells the clerk: nothing of it was saved. */
const NOT_SAVED: Partial<Record<SystemCause, string>> = {
  'disk-full': '磁盘空间已满，这次操作没有保存（之前的数据都在）。请清理磁盘空间后重试。',
  'read-only': '数据库文件或它所在的文件夹是只读的，这次操作没有保存。请检查文件属性或把数据库移到可以写入的文件夹。',
  locked: '数据库正被另一个程序使用（可能是另一个建议办理助手窗口），这次操作没有保存。请关闭其他窗口后重试。',
  corrupt: '数据库文件已损坏，这次操作没有保存。请关闭程序并重新打开：程序启动时会检查数据库，并提供从最近的完好备份恢复。',
  io: '读写磁盘时出错（磁盘已满、U 盘被拔出或硬盘故障），这次操作没有保存。请检查磁盘后重试。',
  'no-permission': '没有权限读写所需的文件，这次操作没有保存。请检查文件或文件夹的权限。',
};
NOT_SAVED['not-a-database'] = NOT_SAVED.corrupt;

/**
 * An error whose cause the clerk can act on (the disk is full, the file is read-only, another
 * program holds it), in words. Anything else is left as it is: a bug, reported as one.
 */
export function explainSystemError(error: unknown): UserError | null {
  if (error instanceof UserError) return error;
  const cause = systemCause(error);
  const words = cause ? NOT_SAVED[cause] : undefined;
  return words ? new UserError(words) : null;
}
