import { UserError } from './errors';

/**
 * Errors from SQLite and the file system that have a cause a clerk can act on (the disk is full,
 * the file is read-only, another program holds it), turned into words. Anything else is left as
 * it is: a bug, reported as one.
 */
export function explainSystemError(error: unknown): UserError | null {
  if (error instanceof UserError) return error;
  const code = String((error as { code?: unknown } | null)?.code ?? '');
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT') {
    return new UserError('磁盘空间已满，这次操作没有保存（之前的数据都在）。请清理磁盘空间后重试。');
  }
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS') {
    return new UserError('数据库文件或它所在的文件夹是只读的，这次操作没有保存。请检查文件属性或把数据库移到可以写入的文件夹。');
  }
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED' || code.startsWith('SQLITE_BUSY')) {
    return new UserError('数据库正被另一个程序使用（可能是另一个建议办理助手窗口），这次操作没有保存。请关闭其他窗口后重试。');
  }
  if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) {
    return new UserError(
      '数据库文件已损坏，这次操作没有保存。请关闭程序并重新打开：程序启动时会检查数据库，并提供从最近的完好备份恢复。',
    );
  }
  if (code.startsWith('SQLITE_IOERR') || code === 'EIO') {
    return new UserError('读写磁盘时出错（磁盘已满、U 盘被拔出或硬盘故障），这次操作没有保存。请检查磁盘后重试。');
  }
  if (code === 'EACCES' || code === 'EPERM') {
    return new UserError('没有权限读写所需的文件，这次操作没有保存。请检查文件或文件夹的权限。');
  }
  return null;
}
