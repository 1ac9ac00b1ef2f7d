import fs from 'node:fs';
import { UserError } from '../../common/domain/errors';
import { fileProblem, systemCause } from '../../common/domain/system-errors';

/**
 * Files the clerk names by their path (a ledger to import, a report draft to check, a template):
 * measured with stat before any of it is read. A file far larger than what it should be is
 * refused at once, by its size, instead of being read into memory first (a 1.9 GB file took
 * seconds and gigabytes before the refusal); and Node's own limit for reading a file whole
 * (2 GiB, an English RangeError) is never reached.
 */

const KB = 1024;
const MB = 1024 * KB;
const GB = 1024 * MB;

/** A size as a clerk reads it: "1.9 GB", "150 MB", "12 KB". */
export function spokenSize(bytes: number): string {
  if (bytes >= GB) return `${(bytes / GB).toFixed(1)} GB`;
  if (bytes >= MB) return `${Math.round(bytes / MB)} MB`;
  return `${Math.max(1, Math.round(bytes / KB))} KB`;
}

export interface InputFile {
  /** What the file should be, for the messages: 台账, 报告稿, 模板文件. */
  what: string;
  maxBytes: number;
}

/**
 * Checks that `file` is a regular file no larger than `maxBytes`, and returns its size. Every
 * refusal names the file; a file too large also names its size and the limit.
 */
export function checkInputFile(file: string, { what, maxBytes }: InputFile): number {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (error) {
    if (systemCause(error) === 'missing') throw new UserError(`找不到文件「${file}」。`);
    throw new UserError(`无法读取文件「${file}」：${fileProblem(error)}。`);
  }
  if (stat.isDirectory()) throw new UserError(`「${file}」是文件夹，不是${what}。`);
  if (!stat.isFile()) throw new UserError(`「${file}」不是普通的文件，不能作为${what}读取。`);
  if (stat.size > maxBytes) {
    throw new UserError(
      `「${file}」有 ${spokenSize(stat.size)}，超过 ${spokenSize(maxBytes)}，不像是一份${what}，没有读取它。请检查选的文件是否正确。`,
    );
  }
  return stat.size;
}

/** Reads a file after checkInputFile; a failure to read it is said in words too. */
export async function readInputFile(file: string, input: InputFile): Promise<Buffer> {
  checkInputFile(file, input);
  try {
    return await fs.promises.readFile(file);
  } catch (error) {
    throw new UserError(`无法读取文件「${file}」：${fileProblem(error)}。`);
  }
}

/** The same, for callers that read synchronously. */
export function readInputFileSync(file: string, input: InputFile): Buffer {
  checkInputFile(file, input);
  try {
    return fs.readFileSync(file);
  } catch (error) {
    throw new UserError(`无法读取文件「${file}」：${fileProblem(error)}。`);
  }
}
