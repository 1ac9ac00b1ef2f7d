import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../../common/domain/errors';

/**
 * The one rule for every file the program writes (documents, ledger exports, backups): it is
 * never the database or anything of it, it has its kind's extension, an existing file is replaced
 * only when the clerk asked for it (and only if it is a file of that kind), and a missing folder
 * is created only when asked. Nothing is written before these checks pass.
 */

type OutputKind = 'docx' | 'zip' | 'xlsx' | 'db';

const EXTENSIONS: Record<OutputKind, string> = { docx: '.docx', zip: '.zip', xlsx: '.xlsx', db: '.db' };
const KIND_WORDS: Record<OutputKind, string> = { docx: 'Word 文档', zip: '压缩包', xlsx: 'Excel 表格', db: '数据库备份' };

interface OutputOptions {
  kind: OutputKind;
  /**
   * The database in use: it, its -wal/-shm/-journal files and its backup folder are never written.
   * Null where no database is open (the CLI's check without --db).
   */
  databaseFile: string | null;
  /** Files that must stay as they are, such as the draft an annotated copy is made of. */
  protect?: string[];
  /** Replace a file of the same name (only a file of the same kind). */
  overwrite?: boolean;
  /** Create the folder when it does not exist. */
  createFolder?: boolean;
  /** Add the kind's extension when the name has none ("报告" → "报告.docx"). */
  addExtension?: boolean;
}

/** Where the database keeps what belongs to it: the file and its companions, and its backup folder. */
function databaseParts(databaseFile: string): { files: string[]; folder: string } {
  const file = path.resolve(databaseFile);
  const base = path.basename(file).replace(/\.[^.]*$/, '');
  return {
    files: ['', '-wal', '-shm', '-journal'].map((suffix) => file + suffix),
    folder: path.join(path.dirname(file), `${base}-自动备份`),
  };
}

const same = (a: string, b: string) => (process.platform === 'win32' ? a.toLowerCase() === b.toLowerCase() : a === b);
const inside = (child: string, parent: string) => {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
};

/** The real path of a file that may not exist yet: its folder's real path and its name. */
function realTarget(target: string): string {
  try {
    return fs.realpathSync(target);
  } catch {
    try {
      return path.join(fs.realpathSync(path.dirname(target)), path.basename(target));
    } catch {
      return target;
    }
  }
}

/** True when the file is a package of the kind (a .docx has word/document.xml, an .xlsx xl/workbook.xml). */
function isKind(file: string, kind: OutputKind): boolean {
  if (kind === 'db') return false;
  try {
    const bytes = fs.readFileSync(file);
    // An empty file (made by 新建 in a file manager) holds nothing to lose.
    if (bytes.length === 0) return true;
    const names = zipNames(bytes);
    if (kind === 'zip') return true;
    return names.includes(kind === 'docx' ? 'word/document.xml' : 'xl/workbook.xml');
  } catch {
    return false;
  }
}

/** The entry names of a zip, from its central directory, without inflating anything. */
function zipNames(bytes: Buffer): string[] {
  const names: string[] = [];
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 66_000); i--) {
    if (bytes.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new Error('not a zip');
  const count = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  for (let n = 0; n < count && at + 46 <= bytes.length; n++) {
    if (bytes.readUInt32LE(at) !== 0x02014b50) break;
    const nameLength = bytes.readUInt16LE(at + 28);
    const extra = bytes.readUInt16LE(at + 30);
    const comment = bytes.readUInt16LE(at + 32);
    names.push(bytes.toString('utf8', at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extra + comment;
  }
  return names;
}

/**
 * Checks a file the program is about to write and returns its full path (with the extension
 * added when asked). Throws a UserError that says what is wrong and what to do; nothing is
 * written, no folder is made, unless the checks pass (the folder is made last, when asked).
 */
export function checkOutputFile(file: string, options: OutputOptions): string {
  const ext = EXTENSIONS[options.kind];
  let target = path.resolve(file);
  if (path.extname(target) === '' && options.addExtension) target += ext;
  if (path.extname(target).toLowerCase() !== ext) {
    throw new UserError(`${KIND_WORDS[options.kind]}的文件名应以 ${ext} 结尾：「${target}」。没有写入任何文件。`);
  }
  const real = realTarget(target);
  if (options.databaseFile) {
    const { files, folder } = databaseParts(options.databaseFile);
    const realFolder = realTarget(folder);
    if (files.some((f) => same(realTarget(f), real) || same(f, target))) {
      throw new UserError(`「${target}」是正在使用的数据库文件，不能把${KIND_WORDS[options.kind]}保存到这里。请另选文件名。`);
    }
    if (inside(real, realFolder) || inside(target, folder)) {
      throw new UserError(`「${target}」在数据库的自动备份文件夹里，那里只放备份，不能保存其他文件。请另选位置。`);
    }
  }
  if ((options.protect ?? []).some((f) => same(realTarget(path.resolve(f)), real))) {
    throw new UserError(`「${target}」就是要核对的原稿：批注副本要另存为一个新文件，原稿保持不动。请另选文件名。`);
  }
  const dir = path.dirname(target);
  if (fs.existsSync(target)) {
    const stat = fs.statSync(target);
    if (stat.isDirectory()) throw new UserError(`「${target}」是一个文件夹，不能作为文件保存。`);
    if (!options.overwrite) {
      throw new UserError(
        `「${target}」已经存在。要用新生成的替换它，请选择“覆盖已有文件”；或者换一个文件名。原文件没有改动。`,
        [],
        'exists',
      );
    }
    if (!isKind(target, options.kind)) {
      const word = KIND_WORDS[options.kind];
      throw new UserError(
        `「${target}」已经存在，而且不是${/^[A-Za-z]/.test(word) ? ' ' : ''}${word}，不能覆盖它。请另选文件名。原文件没有改动。`,
      );
    }
  } else if (!fs.existsSync(dir)) {
    if (!options.createFolder) {
      throw new UserError(`保存位置「${dir}」不存在。要新建这个文件夹，请确认；或者另选位置。`, [], 'no-folder');
    }
    try {
      fs.mkdirSync(dir, { recursive: true });
    } catch {
      throw new UserError(`无法新建文件夹「${dir}」：上级文件夹是只读的，或同名的文件已存在。`);
    }
  } else if (!fs.statSync(dir).isDirectory()) {
    throw new UserError(`保存位置「${dir}」不是文件夹。`);
  }
  return target;
}

/** The same rule for a folder of letters: never the database's own backup folder; made only when asked. */
export function checkOutputFolder(
  dir: string,
  options: Omit<OutputOptions, 'kind' | 'overwrite' | 'addExtension' | 'databaseFile'> & { databaseFile: string },
): string {
  const target = path.resolve(dir);
  const { files, folder } = databaseParts(options.databaseFile);
  if (files.some((f) => same(f, target))) throw new UserError(`「${target}」是正在使用的数据库文件，不是文件夹。`);
  if (inside(realTarget(target), realTarget(folder)) || inside(target, folder)) {
    throw new UserError(`「${target}」是数据库的自动备份文件夹，那里只放备份，不能保存公文。请另选文件夹。`);
  }
  if (!fs.existsSync(target)) {
    if (!options.createFolder) {
      throw new UserError(`文件夹「${target}」不存在。要新建这个文件夹，请确认；或者另选文件夹。`, [], 'no-folder');
    }
  } else if (!fs.statSync(target).isDirectory()) {
    throw new UserError(`「${target}」不是文件夹。`);
  }
  return target;
}
