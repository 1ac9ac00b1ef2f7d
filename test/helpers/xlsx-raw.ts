import zlib from 'node:zlib';
import { strToU8, zipSync, type Zippable } from 'fflate';

/**
 * .xlsx files written part by part, for what exceljs cannot or will not write: 100,000 rows in a
 * second, whole-sheet merges, whole-column drop-down lists, archives whose headers lie.
 */

const CONTENT_TYPES = (sheets: number) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${Array.from(
    { length: sheets },
    (_, i) =>
      `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
  ).join(
    '',
  )}<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`;

const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function columnName(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export interface RawSheet {
  name: string;
  /** Text cells, row by row; null for an empty cell. */
  rows: (string | number | null)[][];
  /** XML inserted after </sheetData> (merges, validations…). */
  after?: string;
  /** XML inserted before <sheetData> (column widths…). */
  before?: string;
}

/** Builds an .xlsx with shared strings, the way Excel and WPS store text. */
export function rawXlsx(sheets: RawSheet[], options: { workbookExtra?: string; level?: number } = {}): Buffer {
  const strings: string[] = [];
  const index = new Map<string, number>();
  const files: Zippable = {
    '[Content_Types].xml': strToU8(CONTENT_TYPES(sheets.length)),
    '_rels/.rels': strToU8(ROOT_RELS),
  };
  sheets.forEach((sheet, s) => {
    const parts: string[] = [
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">',
      sheet.before ?? '',
      '<sheetData>',
    ];
    sheet.rows.forEach((row, r) => {
      parts.push(`<row r="${r + 1}">`);
      row.forEach((value, c) => {
        if (value === null || value === '') return;
        const ref = `${columnName(c)}${r + 1}`;
        if (typeof value === 'number') {
          parts.push(`<c r="${ref}"><v>${value}</v></c>`);
          return;
        }
        let i = index.get(value);
        if (i === undefined) {
          i = strings.length;
          strings.push(value);
          index.set(value, i);
        }
        parts.push(`<c r="${ref}" t="s"><v>${i}</v></c>`);
      });
      parts.push('</row>');
    });
    parts.push('</sheetData>', sheet.after ?? '', '</worksheet>');
    files[`xl/worksheets/sheet${s + 1}.xml`] = strToU8(parts.join(''));
  });
  files['xl/workbook.xml'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${sheets
      .map((sheet, s) => `<sheet name="${escapeXml(sheet.name)}" sheetId="${s + 1}" r:id="rId${s + 1}"/>`)
      .join('')}</sheets>${options.workbookExtra ?? ''}</workbook>`,
  );
  files['xl/_rels/workbook.xml.rels'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
      .map(
        (_, s) =>
          `<Relationship Id="rId${s + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${s + 1}.xml"/>`,
      )
      .join(
        '',
      )}<Relationship Id="rId${sheets.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
  );
  files['xl/sharedStrings.xml'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${strings.length}" uniqueCount="${strings.length}">${strings
      .map((t) => `<si><t xml:space="preserve">${escapeXml(t)}</t></si>`)
      .join('')}</sst>`,
  );
  return Buffer.from(zipSync(files, { level: (options.level ?? 6) as 6 }));
}

export interface CraftedEntry {
  name: string;
  /** Raw deflate data (method 8) or the stored bytes (method 0). */
  data: Buffer;
  method: 0 | 8;
  crc: number;
  /** The uncompressed size written in both headers: the truth, or a lie. */
  declaredSize: number;
  /** Set the "encrypted" flag. */
  encrypted?: boolean;
}

/** A zip written byte by byte, with whatever sizes and flags the test wants to claim. */
export function craftZip(entries: CraftedEntry[]): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const flags = 0x0800 | (e.encrypted ? 1 : 0);
    // Both headers hold the same fields from "version needed" to the name's length: the local
    // one from byte 4, the central one from byte 6 (after "version made by").
    const fields = (header: Buffer, at: number) => {
      header.writeUInt16LE(20, at);
      header.writeUInt16LE(flags, at + 2);
      header.writeUInt16LE(e.method, at + 4);
      header.writeUInt32LE(e.crc >>> 0, at + 10);
      header.writeUInt32LE(e.data.length, at + 14);
      header.writeUInt32LE(e.declaredSize, at + 18);
      header.writeUInt16LE(name.length, at + 22);
    };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    fields(local, 4);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4);
    fields(header, 6);
    header.writeUInt32LE(offset, 42);
    parts.push(local, name, e.data);
    central.push(header, name);
    offset += 30 + name.length + e.data.length;
  }
  const size = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(size, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, ...central, end]);
}

/** An entry compressed honestly from its content. */
export function deflatedEntry(name: string, content: Buffer | string): CraftedEntry {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  return { name, data: zlib.deflateRawSync(bytes), method: 8, crc: zlib.crc32(bytes), declaredSize: bytes.length };
}

const MiB = 1024 * 1024;

/**
 * Raw deflate data for `mebibytes` MiB of zero bytes, built without ever holding them: one MiB
 * compressed and flushed to a byte boundary, repeated, then an empty final block. Also returns
 * the true CRC-32, so the entry can be honest about everything but its purpose.
 */
export function deflatedZeros(mebibytes: number): { data: Buffer; crc: number; size: number } {
  const zeros = Buffer.alloc(MiB);
  const segment = zlib.deflateRawSync(zeros, { finishFlush: zlib.constants.Z_SYNC_FLUSH });
  const final = zlib.deflateRawSync(Buffer.alloc(0));
  let crc = 0;
  for (let i = 0; i < mebibytes; i++) crc = zlib.crc32(zeros, crc);
  return { data: Buffer.concat([...Array.from({ length: mebibytes }, () => segment), final]), crc, size: mebibytes * MiB };
}

/** An entry holding `zeros` (from deflatedZeros) under `name`, claiming `declaredSize`: the truth unless told. */
export function zerosEntry(name: string, zeros: ReturnType<typeof deflatedZeros>, declaredSize = zeros.size): CraftedEntry {
  return { name, data: zeros.data, method: 8, crc: zeros.crc, declaredSize };
}

/** The parts of an .xlsx (or any zip) as text, for looking at the XML. */
export function unzipText(buffer: Buffer): Map<string, string> {
  const out = new Map<string, string>();
  // A minimal reader: the central directory is trusted (the file comes from the code under test).
  const eocd = buffer.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = buffer.readUInt16LE(eocd + 10);
  let at = buffer.readUInt32LE(eocd + 16);
  for (let i = 0; i < count; i++) {
    const method = buffer.readUInt16LE(at + 10);
    const compressed = buffer.readUInt32LE(at + 20);
    const nameLength = buffer.readUInt16LE(at + 28);
    const extra = buffer.readUInt16LE(at + 30);
    const comment = buffer.readUInt16LE(at + 32);
    const local = buffer.readUInt32LE(at + 42);
    const name = buffer.toString('utf8', at + 46, at + 46 + nameLength);
    const dataAt = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28);
    const raw = buffer.subarray(dataAt, dataAt + compressed);
    out.set(name, (method === 8 ? zlib.inflateRawSync(raw) : raw).toString('utf8'));
    at += 46 + nameLength + extra + comment;
  }
  return out;
}
