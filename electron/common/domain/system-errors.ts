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
  | 'is-folder'
  | 'not-a-folder'
  | 'exists';

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
  [(c) => c === 'ENOTDIR', 'not-a-folder'],
  [(c) => c === 'EEXIST', 'exists'],
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
  'not-a-folder': '所需的文件夹的位置上是一个同名的文件，这次操作没有保存。请把那个文件改名或移走后重试。',
  exists: '要新建的文件或文件夹已有同名的存在，这次操作没有保存。请另选名称，或把已有的移走后重试。',
};
NOT_SAVED['not-a-database'] = NOT_SAVED.corrupt;

/**
 * What went wrong with a file or folder, as a phrase for a sentence that names the path itself
 * (「…」无法创建：<phrase>). An error without a known cause keeps its code, never its English text.
 */
const FILE_PROBLEMS: Record<SystemCause, string> = {
  'disk-full': '磁盘空间已满',
  'read-only': '文件或文件夹是只读的',
  locked: '正被其他程序使用（被锁定）',
  'not-a-database': '不是数据库文件，或文件头已损坏',
  corrupt: '文件内容已损坏',
  'cannot-open': '无法打开（可能没有权限，或文件不存在）',
  io: '读写磁盘时出错（可能是 U 盘被拔出或硬盘故障）',
  'file-in-use': '正被其他程序打开',
  'no-permission': '没有读写它的权限',
  missing: '找不到这个文件或文件夹',
  'is-folder': '那里是一个文件夹，不是文件',
  'not-a-folder': '路径上应是文件夹的位置是一个同名的文件',
  exists: '同名的文件或文件夹已经存在',
};

export function fileProblem(error: unknown): string {
  const cause = systemCause(error);
  if (cause) return FILE_PROBLEMS[cause];
  return `出现意外错误（${errorCode(error) || '未知原因'}）`;
}

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
