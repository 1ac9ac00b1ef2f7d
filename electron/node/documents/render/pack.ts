import { crc32, deflateRawSync } from 'node:zlib';
import { Packer, type Document } from 'docx';
import { Zip, type ZipInputFile } from 'fflate';
import type { Parts } from './package-parts';

/**
 * Writes a document's parts into the .docx zip, doing once per batch what is the same for every
 * document of the batch. The `docx` library turns every part of every document into XML and
 * compresses it in JavaScript; in a batch of letters 26 of the 29 parts (styles, theme,
 * numbering, settings, font table…) depend only on the settings, not on the letter. This packer
 * runs the library's own compiler, but (1) formats those setting-only parts once per batch and
 * (2) compresses with Node's zlib, reusing the compressed bytes of any part that comes out the
 * same as last time. Entries carry a fixed date, so the same document always gives the same
 * bytes. A test checks the result part for part against the library's own Packer.
 */

interface Formatter {
  format(input: unknown, context: unknown): unknown;
}
interface Compiler {
  formatter: Formatter;
  compile(file: Document): Parts;
}

/** The library's compiler class (Packer.toBuffer uses an instance); not in its type definitions. */
const CompilerClass = (Packer as unknown as { compiler: Compiler }).compiler.constructor as new () => Compiler;

interface Entry {
  data: string | Uint8Array;
  size: number;
  crc: number;
  compressed: Uint8Array;
}

const FIXED_DATE = new Date(2000, 0, 1);

/** The parts of a document whose XML depends only on the settings and page setup, by name. */
function settingOnlyParts(document: Document): Map<unknown, string> {
  const parts = new Map<unknown, string>([
    [document.Styles, 'styles'],
    [document.Numbering, 'numbering'],
    [document.Settings, 'settings'],
    [document.FontTable.View, 'fontTable'],
    [document.Theme, 'theme'],
    [document.AppProperties, 'app'],
    [document.Comments, 'comments'],
    [document.FootNotes.View, 'footnotes'],
    [document.Endnotes.View, 'endnotes'],
  ]);
  // Footers hold only page numbers and the letter format's lower rule, which follow from the
  // settings and the template's page setup (the batch key); their count fixes their order.
  const footers = document.Footers;
  footers.forEach((footer, i) => parts.set(footer.View, `footer${i}/${footers.length}`));
  parts.delete(undefined);
  return parts;
}

export class DocxPacker {
  private readonly compiler = new CompilerClass();
  private readonly entries = new Map<string, Entry>();
  private readonly formatted = new Map<string, unknown>();
  private batchKey: string | null = null;
  private current = new Map<unknown, string>();

  constructor() {
    const format = this.compiler.formatter.format.bind(this.compiler.formatter);
    this.compiler.formatter.format = (input: unknown, context: unknown) => {
      const name = this.current.get(input);
      if (name === undefined) return format(input, context);
      if (!this.formatted.has(name)) this.formatted.set(name, format(input, context));
      return this.formatted.get(name);
    };
  }

  private entry(path: string, data: string | Uint8Array): Entry {
    const cached = this.entries.get(path);
    if (
      cached &&
      (cached.data === data ||
        (typeof data !== 'string' && typeof cached.data !== 'string' && Buffer.from(cached.data).equals(data)))
    ) {
      return cached;
    }
    const raw = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    const entry = { data, size: raw.length, crc: crc32(raw) >>> 0, compressed: deflateRawSync(raw, { level: 6 }) };
    this.entries.set(path, entry);
    return entry;
  }

  /**
   * The .docx bytes. `batchKey` names what the setting-only parts depend on (the settings and the
   * template's page setup); documents packed with the same key share them. `finish` may change
   * the compiled parts before they are zipped (see package-parts.ts).
   */
  pack(document: Document, batchKey: string, finish?: (parts: Parts) => void): Buffer {
    if (batchKey !== this.batchKey) {
      this.formatted.clear();
      this.batchKey = batchKey;
    }
    this.current = settingOnlyParts(document);
    let parts: Parts;
    try {
      parts = this.compiler.compile(document);
    } finally {
      this.current = new Map();
    }
    finish?.(parts);
    const chunks: Uint8Array[] = [];
    const zip = new Zip((error, chunk) => {
      if (error) throw error;
      chunks.push(chunk);
    });
    for (const [path, data] of parts) {
      const entry = this.entry(path, data);
      const file: ZipInputFile = { filename: path, size: entry.size, crc: entry.crc, compression: 8, mtime: FIXED_DATE };
      zip.add(file);
      file.ondata!(null, entry.compressed as Uint8Array<ArrayBuffer>, true);
    }
    zip.end();
    return Buffer.concat(chunks as Uint8Array<ArrayBuffer>[]);
  }
}
