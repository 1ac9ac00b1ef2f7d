/**
 * The zip format as this program reads and writes it (an .xlsx or a .docx is a zip package): the
 * records' signatures, a part as the central directory describes it (read by ledger/zip-guard.ts),
 * and writing an archive from parts whose bytes are ready as stored: each part's local header and
 * data, then the central directory and its end record. Names are written as UTF-8 (flag bit 11);
 * there are no data descriptors, the sizes being known, and no ZIP64 (the packages written here
 * are far below 4 GB).
 */

export const SIG_LOCAL = 0x04034b50;
export const SIG_CENTRAL = 0x02014b50;
export const SIG_EOCD = 0x06054b50;
export const EOCD_SIZE = 22;

/** A part as the central directory describes it. */
export interface ZipEntry {
  name: string;
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  uncompressedSize: number;
  /** Offset of the local file header. */
  localOffset: number;
  /** Offset of the compressed data (after the local header). */
  dataOffset: number;
}

/** One part as it goes into an archive: `data` is the bytes as stored (deflated when method is 8). */
export interface ZipPart extends Pick<ZipEntry, 'name' | 'method' | 'crc'> {
  /** Size of the uncompressed content. */
  size: number;
  data: Buffer;
}

/** A part copied from the archive it was read from byte for byte, still compressed. */
export function copiedPart(archive: Buffer, entry: ZipEntry): ZipPart {
  return {
    name: entry.name,
    method: entry.method,
    crc: entry.crc >>> 0,
    size: entry.uncompressedSize,
    data: archive.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize),
  };
}

const LOCAL_SIZE = 30;
const CENTRAL_SIZE = 46;
const FLAGS = 0x0800;
const VERSION = 20;

type Field = readonly [offset: number, bytes: 2 | 4, value: number];

function record(length: number, fields: readonly Field[]): Buffer {
  const out = Buffer.alloc(length);
  for (const [at, bytes, value] of fields) {
    if (bytes === 2) out.writeUInt16LE(value, at);
    else out.writeUInt32LE(value, at);
  }
  return out;
}

/** The fields a local header and a central directory entry share, from flags to the name's length. */
function partFields(at: number, part: ZipPart, name: Buffer, dosDate: number): Field[] {
  return [
    [at, 2, FLAGS],
    [at + 2, 2, part.method],
    [at + 6, 2, dosDate],
    [at + 8, 4, part.crc],
    [at + 12, 4, part.data.length],
    [at + 16, 4, part.size],
    [at + 20, 2, name.length],
  ];
}

/** The archive of `parts` in order; `dosDate` is every part's modification date (MS-DOS format, time 00:00). */
export function writeZip(parts: readonly ZipPart[], dosDate = 0): Buffer {
  const body: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name, 'utf8');
    const local = record(LOCAL_SIZE, [[0, 4, SIG_LOCAL], [4, 2, VERSION], ...partFields(6, part, name, dosDate)]);
    const header = record(CENTRAL_SIZE, [
      [0, 4, SIG_CENTRAL],
      [4, 2, VERSION],
      [6, 2, VERSION],
      ...partFields(8, part, name, dosDate),
      [42, 4, offset],
    ]);
    body.push(local, name, part.data);
    central.push(header, name);
    offset += local.length + name.length + part.data.length;
  }
  const centralSize = central.reduce((n, b) => n + b.length, 0);
  const end = record(EOCD_SIZE, [
    [0, 4, SIG_EOCD],
    [8, 2, parts.length],
    [10, 2, parts.length],
    [12, 4, centralSize],
    [16, 4, offset],
  ]);
  return Buffer.concat([...body, ...central, end]);
}
