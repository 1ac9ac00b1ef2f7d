import zlib from 'node:zlib';
import { UserError } from '../../common/domain/errors';
import { escapeXml } from '../../common/domain/xml';
import { inflateEntry, readZipDirectory, type ZipEntry } from '../ledger/zip-guard';
import { copiedPart, writeZip, type ZipPart } from '../files/zip-format';
import {
  decodeXmlText,
  mainPartName,
  scanDocumentXml,
  type ScannedParagraph,
  type ScannedRun,
} from '../../common/check/docx-text';
import type { Finding } from '../../common/check/model';

/**
 * A copy of a .docx with a Word comment (w:comment) at each finding, around the printed figure:
 * w:commentRangeStart / w:commentRangeEnd and a run with w:commentReference, the runs split where
 * the figure starts and ends inside them. The comments go into the package's comments part (a new
 * one with its relationship and content type, or the existing one, with new ids). Every other
 * part is copied byte for byte, still compressed; the original buffer is only read. A finding in
 * a text box is anchored before the text box in its host paragraph (Word does not keep comments
 * inside text boxes).
 */

interface AnnotateOptions {
  author?: string;
  initials?: string;
  /** The comments' date (default: now). */
  date?: Date;
}

const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const COMMENTS_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments';
/** The parts' date in the archive: 1980-01-01, the first day MS-DOS dates can say. */
const DOS_DATE_1980 = 0x21;
const COMMENTS_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml';

interface Edit {
  from: number;
  to: number;
  text: string;
  /** At one offset: range ends first, then splits, then range starts. */
  order: number;
}

interface CharPlace {
  run: ScannedRun;
  /** XML offset of the character, and just after it. */
  at: number;
  after: number;
  first: boolean;
  last: boolean;
  tagStart: number;
  contentStart: number;
}

function placeOf(paragraph: ScannedParagraph, xml: string, index: number): CharPlace | null {
  for (const run of paragraph.runsXml) {
    const segments = run.segments.filter((s) => s.length > 0);
    for (const [i, s] of segments.entries()) {
      if (index < s.at || index >= s.at + s.length) continue;
      const { offsets } = decodeXmlText(xml.slice(s.contentStart, s.contentEnd), s.contentStart);
      const k = index - s.at;
      return {
        run,
        at: offsets[k]!,
        after: offsets[k + 1] ?? s.contentEnd,
        first: i === 0 && k === 0,
        last: i === segments.length - 1 && k === s.length - 1,
        tagStart: s.tagStart,
        contentStart: s.contentStart,
      };
    }
  }
  return null;
}

function preserveTag(xml: string, place: CharPlace): Edit | null {
  const tag = xml.slice(place.tagStart, place.contentStart);
  if (/xml:space\s*=\s*["']preserve["']/.test(tag)) return null;
  const text = tag.replace(/\s+xml:space\s*=\s*("[^"]*"|'[^']*')/, '').replace(/^<w:t/, '<w:t xml:space="preserve"');
  return { from: place.tagStart, to: place.contentStart, text, order: 1 };
}

function split(place: CharPlace, markup: string): string {
  return `</w:t></w:r>${markup}${place.run.openTag}${place.run.rPr}<w:t xml:space="preserve">`;
}

/** The edits that put comment `id` around [start, end) of a paragraph; null when the text is not there. */
function editsFor(xml: string, paragraph: ScannedParagraph, host: number | null, finding: Finding, id: number): Edit[] | null {
  const startMark = `<w:commentRangeStart w:id="${id}"/>`;
  const endMark = `<w:commentRangeEnd w:id="${id}"/><w:r><w:commentReference w:id="${id}"/></w:r>`;
  if (host !== null) return [{ from: host, to: host, text: startMark + endMark, order: 2 }];
  const first = placeOf(paragraph, xml, finding.start);
  const last = placeOf(paragraph, xml, finding.end - 1);
  if (!first || !last || finding.end <= finding.start) return null;
  const edits: Edit[] = [];
  if (first.first) edits.push({ from: first.run.start, to: first.run.start, text: startMark, order: 2 });
  else {
    edits.push({ from: first.at, to: first.at, text: split(first, startMark), order: 2 });
    const tag = preserveTag(xml, first);
    if (tag) edits.push(tag);
  }
  if (last.last) edits.push({ from: last.run.end, to: last.run.end, text: endMark, order: 0 });
  else {
    edits.push({ from: last.after, to: last.after, text: split(last, endMark), order: 0 });
    const tag = preserveTag(xml, last);
    if (tag) edits.push(tag);
  }
  return edits;
}

function applyEdits(xml: string, edits: Edit[]): string {
  const seen = new Set<string>();
  const unique = edits.filter((e) => {
    if (e.to === e.from) return true;
    const key = `${e.from}:${e.to}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  unique.sort((a, b) => a.from - b.from || a.order - b.order);
  let out = '';
  let cursor = 0;
  for (const e of unique) {
    out += xml.slice(cursor, e.from) + e.text;
    cursor = Math.max(cursor, e.to);
  }
  return out + xml.slice(cursor);
}

function commentXml(id: number, text: string, options: Required<AnnotateOptions>): string {
  const date = options.date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const paragraphs = text
    .split('\n')
    .map((line) => `<w:p><w:r><w:annotationRef/></w:r><w:r><w:t xml:space="preserve">${escapeXml(line)}</w:t></w:r></w:p>`)
    .join('');
  return `<w:comment w:id="${id}" w:author="${escapeXml(options.author)}" w:date="${date}" w:initials="${escapeXml(options.initials)}">${paragraphs}</w:comment>`;
}

function relsPathOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

function resolveTarget(part: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const segments = part.split('/').slice(0, -1);
  for (const s of target.split('/')) {
    if (s === '..') segments.pop();
    else if (s !== '.') segments.push(s);
  }
  return segments.join('/');
}

/** Relationship attributes of a .rels part. */
function relationships(rels: string): { id: string; type: string; target: string }[] {
  return [...rels.matchAll(/<Relationship\b([^>]*?)\/?>/g)].map((m) => ({
    id: /\bId\s*=\s*"([^"]*)"/.exec(m[1]!)?.[1] ?? '',
    type: /\bType\s*=\s*"([^"]*)"/.exec(m[1]!)?.[1] ?? '',
    target: /\bTarget\s*=\s*"([^"]*)"/.exec(m[1]!)?.[1] ?? '',
  }));
}

const BROKEN =
  '无法生成带批注的副本：这份文档不是有效的 .docx 文件，或者已经损坏。请在 Word 或 WPS 中打开并另存为 .docx 后再试。';

/** zip-guard's checks with this file's message (its own speak of ledgers). */
function guarded<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof UserError) throw new UserError(BROKEN);
    throw error;
  }
}

function readPackage(original: Buffer): { entries: ZipEntry[]; text: (name: string) => string | undefined } {
  const entries = guarded(() =>
    readZipDirectory(original, '这份文档', { maxUncompressedBytes: 500 * 1024 * 1024, maxEntries: 5000 }),
  );
  const byName = new Map(entries.map((e) => [e.name, e]));
  return {
    entries,
    text: (name) => {
      const entry = byName.get(name);
      return entry ? guarded(() => inflateEntry(original, entry, '这份文档').toString('utf8')) : undefined;
    },
  };
}

/** The annotated copy (see the module comment). Findings whose figure is not where they say are left out. */
export function annotateDocx(original: Buffer, findings: readonly Finding[], options: AnnotateOptions = {}): Buffer {
  const settings: Required<AnnotateOptions> = { author: '建议办理助手', initials: 'JY', date: new Date(), ...options };
  const pkg = readPackage(original);
  const main = mainPartName(pkg.text('_rels/.rels'));
  const xml = pkg.text(main);
  if (xml === undefined) throw new UserError('无法生成带批注的副本：文档里没有 Word 正文部分。');
  const relsPath = relsPathOf(main);
  let rels =
    pkg.text(relsPath) ??
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
  const existing = relationships(rels).find((r) => r.type === COMMENTS_TYPE);
  const commentsPath = existing ? resolveTarget(main, existing.target) : resolveTarget(main, 'comments.xml');
  let comments = pkg.text(commentsPath);
  const usedIds = [
    ...(comments ?? '').matchAll(/<w:comment\b[^>]*\bw:id="(-?\d+)"/g),
    ...xml.matchAll(/<w:comment(?:RangeStart|Reference)\b[^>]*\bw:id="(-?\d+)"/g),
  ].map((m) => Number(m[1]));
  let nextId = usedIds.length ? Math.max(...usedIds) + 1 : 0;

  const paragraphs = scanDocumentXml(xml);
  const edits: Edit[] = [];
  const added: string[] = [];
  for (const finding of findings) {
    const paragraph = paragraphs[finding.paragraph];
    if (!paragraph) continue;
    const squash = (s: string) => s.replace(/\s+/g, '');
    if (squash(paragraph.text.slice(finding.start, finding.end)) !== squash(finding.printed)) continue;
    const host = paragraph.where === 'textbox' ? (paragraph.host ?? null) : null;
    if (paragraph.where === 'textbox' && host === null) continue;
    const id = nextId;
    const own = editsFor(xml, paragraph, host, finding, id);
    if (!own) continue;
    nextId++;
    edits.push(...own);
    added.push(commentXml(id, host !== null ? `文本框中“${finding.quote}”：${finding.message}` : finding.message, settings));
  }

  const replaced = new Map<string, Buffer>();
  replaced.set(main, Buffer.from(applyEdits(xml, edits), 'utf8'));
  if (comments === undefined) {
    comments = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:comments xmlns:w="${W_NS}">${added.join('')}</w:comments>`;
  } else if (/<w:comments\b[^>]*\/>/.test(comments)) {
    comments = comments.replace(/<w:comments\b([^>]*)\/>/, `<w:comments$1>${added.join('')}</w:comments>`);
  } else {
    const close = comments.lastIndexOf('</w:comments>');
    comments = comments.slice(0, close) + added.join('') + comments.slice(close);
  }
  replaced.set(commentsPath, Buffer.from(comments, 'utf8'));
  if (!existing) {
    const ids = new Set(relationships(rels).map((r) => r.id));
    let n = 1;
    while (ids.has(`rId${n}`)) n++;
    const target = commentsPath.slice(main.lastIndexOf('/') + 1);
    rels = rels.replace(
      /<\/Relationships>\s*$/,
      `<Relationship Id="rId${n}" Type="${COMMENTS_TYPE}" Target="${target}"/></Relationships>`,
    );
    replaced.set(relsPath, Buffer.from(rels, 'utf8'));
  }
  const types = pkg.text('[Content_Types].xml') ?? '';
  if (!new RegExp(`PartName="/${commentsPath.replace(/[.]/g, '\\.')}"`).test(types)) {
    const override = `<Override PartName="/${commentsPath}" ContentType="${COMMENTS_CONTENT_TYPE}"/>`;
    replaced.set('[Content_Types].xml', Buffer.from(types.replace(/<\/Types>\s*$/, `${override}</Types>`), 'utf8'));
  }

  // A part given new content is deflated; every other part is copied as it was, still compressed.
  const written = (name: string, data: Buffer): ZipPart => ({
    name,
    method: 8,
    crc: zlib.crc32(data) >>> 0,
    size: data.length,
    data: zlib.deflateRawSync(data),
  });
  const parts: ZipPart[] = pkg.entries.map((entry) => {
    const data = replaced.get(entry.name);
    return data ? written(entry.name, data) : copiedPart(original, entry);
  });
  for (const [name, data] of replaced) if (!pkg.entries.some((e) => e.name === name)) parts.push(written(name, data));
  return writeZip(parts, DOS_DATE_1980);
}
