import { describe, expect, it } from 'vitest';
import { UserError } from '../electron/common/domain/errors';
import { fileProblem, systemCause } from '../electron/common/domain/system-errors';
import { errorMessage, isInternalError } from '../electron/common/domain/user-message';
import { explainWriteError } from '../electron/node/files/atomic-write';
import { Jobs } from '../electron/node/api/handlers/jobs';

const coded = (code: string) => Object.assign(new Error(`${code}: something`), { code });

describe('an error, in the words the clerk is given everywhere', () => {
  it('keeps a UserError as it is, with its details and what the screen may offer', () => {
    expect(errorMessage(new UserError('已存在', ['第 3 行'], 'exists'))).toEqual({
      message: '已存在',
      details: ['第 3 行'],
      code: 'exists',
    });
    expect(errorMessage(new UserError('不对'))).toEqual({ message: '不对', details: [] });
  });

  it('words the errors of the disk and of SQLite by their cause', () => {
    expect(errorMessage(coded('ENOSPC')).message).toContain('磁盘空间已满');
    expect(errorMessage(coded('SQLITE_FULL')).message).toContain('磁盘空间已满');
    expect(errorMessage(coded('SQLITE_BUSY_SNAPSHOT')).message).toContain('正被另一个程序使用');
    expect(errorMessage(coded('SQLITE_NOTADB')).message).toContain('已损坏');
    expect(errorMessage(coded('SQLITE_READONLY_DBMOVED')).message).toContain('只读');
    expect(isInternalError(coded('ENOSPC'))).toBe(false);
  });

  it('says a bug is one, naming the operation, and that the data did not change', () => {
    const said = errorMessage(new TypeError('x is undefined'), 'proposals.update');
    expect(said.message).toBe('程序内部错误（proposals.update）：x is undefined。数据没有改动；请把这条信息告诉开发人员。');
    expect(isInternalError(new TypeError('x'))).toBe(true);
  });

  it('has one table of codes, worded for a file that could not be written', () => {
    expect(systemCause(coded('EBUSY'))).toBe('file-in-use');
    expect(systemCause(coded('EDQUOT'))).toBe('disk-full');
    expect(systemCause(coded('EWHATEVER'))).toBeNull();
    expect(explainWriteError(coded('EBUSY'), 'D:/a.docx').message).toContain('正被其他程序');
    expect(explainWriteError(coded('ENOSPC'), 'D:/a.docx').message).toContain('磁盘空间不足');
    expect(explainWriteError(coded('EROFS'), 'D:/a.docx').message).toContain('只读');
  });

  it('words a file in the place of a folder, and a name already taken, never in the system’s English', () => {
    for (const code of ['ENOTDIR', 'EEXIST']) {
      expect(errorMessage(coded(code)).message).not.toMatch(/程序内部错误|something|ENOTDIR|EEXIST/);
      expect(explainWriteError(coded(code), 'D:/a.docx').message).not.toMatch(/something|ENOTDIR|EEXIST/);
    }
    expect(errorMessage(coded('ENOTDIR')).message).toContain('同名的文件');
    expect(fileProblem(coded('EEXIST'))).toBe('同名的文件或文件夹已经存在');
    expect(fileProblem(coded('EWHATEVER'))).toBe('出现意外错误（EWHATEVER）');
  });

  it('gives a failed job the same words as a failed operation', async () => {
    const jobs = new Jobs();
    const { jobId } = jobs.startLetters(() => Promise.reject(coded('ENOSPC')));
    const crash = jobs.startImport(2, () => Promise.reject(new TypeError('boom')));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(jobs.letterStatus(jobId).error?.message).toContain('磁盘空间已满');
    expect(jobs.importStatus(crash.jobId).error?.message).toBe(
      '程序内部错误（导入）：boom。数据没有改动；请把这条信息告诉开发人员。',
    );
    expect(jobs.running()).toBe(false);
  });
});
