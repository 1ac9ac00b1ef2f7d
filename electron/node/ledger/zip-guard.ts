import zlib from 'node:zlib';
import { UserError } from '../../common/domain/errors';
import { copiedPart, EOCD_SIZE, SIG_CENTRAL, SIG_EOCD, SIG_LOCAL, writeZip, type ZipEntry } from '../files/zip-format';

export type { ZipEntry };

/**
 * Checks a zip archive (an .xlsx is one) before anything inflates it wholly in memory, and
 * inflates its parts with a hard bound. A hostile or broken archive is refused with a message
 * that names the file: too many parts, parts that together would inflate past a budget (a "zip
 * bomb"), headers that lie about a part's size (the inflated bytes are counted and inflation
 * stops as soon as they exceed the size the header declares), truncated or corrupt data,
 * encryption and compression methods other than stored and deflate.
 *
 * Only the central directory is trusted for sizes and offsets (as JSZip, which exceljs uses,
 * does); ZIP64 fields are read, so a part cannot hide a huge size behind 0xFFFFFFFF.
 */

export interface ZipLimits {
  /** Sum of the parts' uncompressed sizes, declared and actual. */
  maxUncompressedBytes: number;
  maxEntries: number;
}

const SIG_ZIP64_EOCD = 0x06064b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const MAX_COMMENT = 0xffff;

const MB = 1024 * 1024;

/** Sizes as a clerk reads them: "170 MB". */
function megabytes(bytes: number): string {
  return `${Math.ceil(bytes / MB)} MB`;
}

/** A part's name fit for a message: printable, not too long. */
export function printableName(name: string): string {
  const clean = name.replace(/[\u0000-\u001f\u007f-\u009f\ufffd]/g, '?');
  return clean.length > 60 ? `${clean.slice(0, 57)}…` : clean;
}

function corrupt(displayName: string, detail: string): UserError {
  return new UserError(
    `无法读取${displayName}：文件已损坏（${detail}）。请在 Excel 或 WPS 中打开它（可能会提示修复），另存为 .xlsx 后再导入。`,
  );
}

export function truncatedError(displayName: string): UserError {
  return new UserError(
    `无法读取${displayName}：文件不完整，末尾缺失（可能是下载、复制或保存时中断了）。请重新获取完整的文件后再导入。`,
  );
}

function u64(buffer: Buffer, offset: number): number {
  const value = buffer.readBigUInt64LE(offset);
  return value > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(value);
}

/** The end-of-central-directory record, searched from the end (it may be followed by a comment). */
function findEndOfCentralDirectory(buffer: Buffer): number {
  const last = buffer.length - EOCD_SIZE;
  const first = Math.max(0, last - MAX_COMMENT);
  for (let at = last; at >= first; at--) {
    if (buffer[at] === 0x50 && buffer[at + 1] === 0x4b && buffer.readUInt32LE(at) === SIG_EOCD) return at;
  }
  return -1;
}

/** Values from a ZIP64 extra field (id 1), in the order the spec gives, for fields that are saturated. */
function zip64Extra(
  buffer: Buffer,
  start: number,
  end: number,
  want: { uncompressed: boolean; compressed: boolean; offset: boolean },
): { uncompressed?: number; compressed?: number; offset?: number } | null {
  let at = start;
  while (at + 4 <= end) {
    const id = buffer.readUInt16LE(at);
    const size = buffer.readUInt16LE(at + 2);
    const body = at + 4;
    if (body + size > end) return null;
    if (id === 0x0001) {
      const out: { uncompressed?: number; compressed?: number; offset?: number } = {};
      let p = body;
      const take = (): number | undefined => {
        if (p + 8 > body + size) return undefined;
        const v = u64(buffer, p);
        p += 8;
        return v;
      };
      if (want.uncompressed) out.uncompressed = take();
      if (want.compressed) out.compressed = take();
      if (want.offset) out.offset = take();
      return out;
    }
    at = body + size;
  }
  return null;
}

/**
 * Reads and checks the central directory: the entry count and the sum of the declared
 * uncompressed sizes are within the limits, every part's data lies inside the file, and every
 * part uses a method that can be read. Nothing is inflated yet.
 */
export function readZipDirectory(buffer: Buffer, displayName: string, limits: ZipLimits): ZipEntry[] {
  const eocd = findEndOfCentralDirectory(buffer);
  if (eocd < 0) throw truncatedError(displayName);
  let count = buffer.readUInt16LE(eocd + 10);
  let cdSize = buffer.readUInt32LE(eocd + 12);
  let cdOffset = buffer.readUInt32LE(eocd + 16);
  if (buffer.readUInt16LE(eocd + 4) !== 0 || buffer.readUInt16LE(eocd + 6) !== 0) {
    throw corrupt(displayName, '它是分卷压缩文件的一部分');
  }
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const locator = eocd - 20;
    if (locator < 0 || buffer.readUInt32LE(locator) !== SIG_ZIP64_LOCATOR) throw corrupt(displayName, '目录记录不完整');
    const record = u64(buffer, locator + 8);
    if (record + 56 > buffer.length || buffer.readUInt32LE(record) !== SIG_ZIP64_EOCD) {
      throw corrupt(displayName, '目录记录不完整');
    }
    count = u64(buffer, record + 32);
    cdSize = u64(buffer, record + 40);
    cdOffset = u64(buffer, record + 48);
  }
  if (count > limits.maxEntries) {
    throw new UserError(
      `无法读取${displayName}：文件里有 ${count} 个组成部分，超过了上限 ${limits.maxEntries} 个（正常的台账只有几十个）。文件可能已损坏或是被故意构造的，为安全起见没有读取。`,
    );
  }
  if (cdOffset + cdSize > buffer.length) throw truncatedError(displayName);

  const entries: ZipEntry[] = [];
  let declared = 0;
  let at = cdOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > buffer.length || buffer.readUInt32LE(at) !== SIG_CENTRAL) {
      throw corrupt(displayName, '文件目录已损坏');
    }
    const flags = buffer.readUInt16LE(at + 8);
    const method = buffer.readUInt16LE(at + 10);
    const crc = buffer.readUInt32LE(at + 16);
    let compressedSize = buffer.readUInt32LE(at + 20);
    let uncompressedSize = buffer.readUInt32LE(at + 24);
    const nameLength = buffer.readUInt16LE(at + 28);
    const extraLength = buffer.readUInt16LE(at + 30);
    const commentLength = buffer.readUInt16LE(at + 32);
    let localOffset = buffer.readUInt32LE(at + 42);
    const nameStart = at + 46;
    const extraStart = nameStart + nameLength;
    const next = extraStart + extraLength + commentLength;
    if (next > buffer.length) throw corrupt(displayName, '文件目录已损坏');
    const name = buffer.toString('utf8', nameStart, extraStart);
    if (compressedSize === 0xffffffff || uncompressedSize === 0xffffffff || localOffset === 0xffffffff) {
      const big = zip64Extra(buffer, extraStart, extraStart + extraLength, {
        uncompressed: uncompressedSize === 0xffffffff,
        compressed: compressedSize === 0xffffffff,
        offset: localOffset === 0xffffffff,
      });
      // A saturated field without its 64-bit value is read as "larger than any budget".
      uncompressedSize = uncompressedSize === 0xffffffff ? (big?.uncompressed ?? Number.MAX_SAFE_INTEGER) : uncompressedSize;
      compressedSize = compressedSize === 0xffffffff ? (big?.compressed ?? Number.MAX_SAFE_INTEGER) : compressedSize;
      localOffset = localOffset === 0xffffffff ? (big?.offset ?? Number.MAX_SAFE_INTEGER) : localOffset;
    }
    declared += uncompressedSize;
    if (declared > limits.maxUncompressedBytes) {
      throw new UserError(
        `无法读取${displayName}：解压后超过 ${megabytes(limits.maxUncompressedBytes)}（上限；10 万行的台账解压后约 80 MB）。文件可能是被故意构造的“压缩炸弹”，或夹带了大量图片等与台账无关的内容，为安全起见没有读取。请删除无关内容后另存为 .xlsx 再导入。`,
      );
    }
    if (flags & 0x0001 || flags & 0x0040 || method === 99) {
      throw new UserError(
        `无法读取${displayName}：文件内容已加密（设置了密码），本软件无法读取。请在 Excel 或 WPS 中用密码打开，取消密码后另存为 .xlsx 再导入。`,
      );
    }
    if (method !== 0 && method !== 8) {
      throw corrupt(displayName, `组成部分「${printableName(name)}」使用了无法识别的压缩方式 ${method}`);
    }
    if (localOffset + 30 > buffer.length || buffer.readUInt32LE(localOffset) !== SIG_LOCAL) {
      throw localOffset >= buffer.length ? truncatedError(displayName) : corrupt(displayName, '文件目录与内容不符');
    }
    const dataOffset = localOffset + 30 + buffer.readUInt16LE(localOffset + 26) + buffer.readUInt16LE(localOffset + 28);
    if (dataOffset + compressedSize > buffer.length) throw truncatedError(displayName);
    if (method === 0 && compressedSize !== uncompressedSize) {
      throw corrupt(displayName, `组成部分「${printableName(name)}」的大小记录不一致`);
    }
    entries.push({ name, flags, method, crc, compressedSize, uncompressedSize, localOffset, dataOffset });
    at = next;
  }
  return entries;
}

/**
 * Inflates one part. At most `entry.uncompressedSize` bytes are ever produced: a part whose data
 * inflates to more than its header declares is refused as soon as it passes that size, so a lying
 * header cannot make this allocate more than the budget readZipDirectory already checked.
 */
export function inflateEntry(buffer: Buffer, entry: ZipEntry, displayName: string): Buffer {
  const raw = buffer.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
  let data: Buffer;
  if (entry.method === 0) {
    data = raw;
  } else {
    try {
      // maxOutputLength must be at least 1; an empty part may then produce one byte, caught below.
      data = zlib.inflateRawSync(raw, { maxOutputLength: Math.max(1, entry.uncompressedSize) });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw sizeLie(displayName, entry);
      throw corrupt(displayName, `组成部分「${printableName(entry.name)}」的压缩数据无法解开`);
    }
  }
  if (data.length > entry.uncompressedSize) throw sizeLie(displayName, entry);
  if (data.length < entry.uncompressedSize) {
    throw corrupt(displayName, `组成部分「${printableName(entry.name)}」的数据不完整`);
  }
  if (zlib.crc32(data) >>> 0 !== entry.crc >>> 0) {
    throw corrupt(displayName, `组成部分「${printableName(entry.name)}」的校验值不符`);
  }
  return data;
}

function sizeLie(displayName: string, entry: ZipEntry): UserError {
  return new UserError(
    `无法读取${displayName}：文件已损坏或是被故意构造的：组成部分「${printableName(entry.name)}」解压后比文件中记录的 ${entry.uncompressedSize} 字节更大，为安全起见没有继续读取。`,
  );
}

/**
 * Checks the whole archive: the directory (see readZipDirectory), then every part inflated with
 * its bound and its checksum verified. Returns the directory and the inflated parts `keep` asks
 * for; the others are dropped as soon as they are checked.
 */
export function checkZip(
  buffer: Buffer,
  displayName: string,
  limits: ZipLimits,
  keep: (name: string) => boolean,
): { entries: ZipEntry[]; kept: Map<string, Buffer> } {
  const entries = readZipDirectory(buffer, displayName, limits);
  const kept = new Map<string, Buffer>();
  let inflated = 0;
  for (const entry of entries) {
    const data = inflateEntry(buffer, entry, displayName);
    inflated += data.length;
    // Cannot pass the sum of declared sizes, which is within the budget; kept as a second line.
    if (inflated > limits.maxUncompressedBytes) throw sizeLie(displayName, entry);
    if (keep(entry.name)) kept.set(entry.name, data);
  }
  return { entries, kept };
}

/**
 * A new archive with the same parts in the same order: a part found in `replace` is stored
 * (uncompressed) with its new content, every other part is copied as it was, still compressed.
 */
export function rebuildZip(buffer: Buffer, entries: readonly ZipEntry[], replace: ReadonlyMap<string, Buffer>): Buffer {
  return writeZip(
    entries.map((entry) => {
      const replaced = replace.get(entry.name);
      if (!replaced) return copiedPart(buffer, entry);
      return { name: entry.name, method: 0, crc: zlib.crc32(replaced) >>> 0, size: replaced.length, data: replaced };
    }),
  );
}
