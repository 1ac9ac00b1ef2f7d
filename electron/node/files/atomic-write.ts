import fs from 'node:fs';
import path from 'node:path';
import type { Writable } from 'node:stream';
import { UserError } from '../../common/domain/errors';
import { errorCode, fileProblem, systemCause } from '../../common/domain/system-errors';
import { removeLeftovers } from '../../../db/leftovers';

/**
 * Writes a file so that the target is either the old file or the complete new one, never a
 * half-written mix: the bytes go to a temporary file in the same folder, are flushed, then
 * renamed over the target. Failures become messages a clerk can act on.
 */
export async function writeFileAtomic(target: string, data: Buffer | Uint8Array | string): Promise<void> {
  await writeAtomic(target, async (temp) => {
    const handle = await fs.promises.open(temp, 'wx');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
  });
}

/**
 * As writeFileAtomic, for a file too large to hold in memory: `produce` writes it to the stream
 * it is given and ends it; the temporary file is renamed only once all of it is flushed to disk.
 * A failure of the disk while writing rejects at once, even if `produce` is waiting on the stream.
 */
export async function writeStreamAtomic(target: string, produce: (out: Writable) => Promise<void>): Promise<void> {
  await writeAtomic(target, async (temp) => {
    // flush: the file is fsynced before it is closed, as writeFileAtomic does.
    const out = fs.createWriteStream(temp, { flags: 'wx', flush: true });
    const failed = new Promise<never>((_, reject) => out.on('error', reject));
    const closed = new Promise<void>((resolve) => out.once('close', () => resolve()));
    const produced = produce(out);
    // Whichever settles first decides; the other one's failure is not an unhandled rejection.
    failed.catch(() => undefined);
    produced.catch(() => undefined);
    try {
      await Promise.race([produced, failed]);
      if (!out.writableFinished) out.end();
      await Promise.race([closed, failed]);
    } catch (error) {
      // The file is closed before it is removed (Windows cannot remove an open file).
      out.destroy();
      await closed;
      throw error;
    }
  });
}

/** Checks the target, has `write` create the temporary file beside it, then renames it over the target. */
async function writeAtomic(target: string, write: (temp: string) => Promise<void>): Promise<void> {
  const dir = path.dirname(path.resolve(target));
  const name = path.basename(target);
  assertNotOpenElsewhere(target);
  try {
    const stat = await fs.promises.stat(dir);
    if (!stat.isDirectory()) throw new UserError(`保存位置「${dir}」不是文件夹。`);
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError(`保存位置「${dir}」不存在，请先创建该文件夹或另选位置。`);
  }
  const temp = path.join(dir, `.${name}.${process.pid}.${Date.now()}.tmp`);
  try {
    await write(temp);
    await fs.promises.rename(temp, target);
  } catch (error) {
    await fs.promises.rm(temp, { force: true }).catch(() => undefined);
    throw explainWriteError(error, target);
  }
}

/**
 * Word, WPS and LibreOffice leave an owner file beside a document they have open (Word:
 * ~$name, or ~$ plus the name without its first two characters; LibreOffice: .~lock.name#;
 * WPS: .~name). Overwriting an open document would lose the clerk's unsaved edits or fail
 * half-way, so it is refused before anything is written.
 */
function assertNotOpenElsewhere(target: string): void {
  const dir = path.dirname(path.resolve(target));
  const name = path.basename(target);
  const owners = [`~$${name}`, `~$${name.slice(2)}`, `.~lock.${name}#`, `.~${name}`];
  if (owners.some((owner) => fs.existsSync(path.join(dir, owner)))) {
    throw new UserError(`文件「${target}」正在 Word、WPS 或其他程序中打开，不能覆盖。请先关闭它再重试；原文件和数据都没有改动。`);
  }
}

/** A failed write of `target`, in words: the file may be open elsewhere, the disk full… */
export function explainWriteError(error: unknown, target: string): Error {
  if (error instanceof UserError) return error;
  switch (systemCause(error)) {
    case 'file-in-use':
    case 'locked':
      return new UserError(
        `文件「${target}」正被其他程序（如 Word、WPS 或 Excel）打开，无法覆盖。请关闭该文件后重试，原文件未被改动。`,
      );
    case 'no-permission':
    case 'read-only':
      return new UserError(`没有权限写入「${target}」：文件可能正被 Word/WPS/Excel 打开，或所在文件夹是只读的。原文件未被改动。`);
    case 'disk-full':
      return new UserError(`磁盘空间不足，无法保存「${target}」。请清理磁盘后重试，原文件未被改动。`);
    case 'missing':
      return new UserError(`保存位置不存在：「${path.dirname(target)}」。`);
    case 'is-folder':
      return new UserError(`「${target}」是一个文件夹，不能作为文件保存。`);
    case 'io':
      return new UserError(`写入「${target}」时读写磁盘出错（U 盘被拔出或硬盘故障），原文件未被改动。请检查磁盘后重试。`);
    default:
      // A code the table does not name stays a code, never the system's English sentence.
      return new UserError(`无法保存「${target}」：${errorCode(error) ? `${fileProblem(error)}。` : (error as Error).message}`);
  }
}

const TEMP_NAME = /^\..+\.(\d+)\.\d+\.tmp$/;

/**
 * Removes the temporary files a write left behind when its process was killed (power cut, task
 * manager): they never carry a final name, but a clerk should not find them in the folder.
 * Files of a process still running are left alone.
 */
export function removeStaleTemps(dir: string): string[] {
  return removeLeftovers(dir, TEMP_NAME);
}
