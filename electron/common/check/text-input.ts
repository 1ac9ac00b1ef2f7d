import type { DraftParagraph } from './model';

/**
 * Reads a draft saved as plain text (.txt) or Markdown (.md) into paragraphs. Text is UTF-8
 * with or without a BOM, else GB18030 (what Chinese Windows' Notepad and Word's "纯文本" save),
 * as the ledger's CSV reader decides. Each non-empty line of a .txt is one paragraph, as Word
 * writes them; in Markdown a paragraph may wrap over several lines, and the syntax (headings,
 * emphasis, lists, quotes, links, table pipes) is removed. A table row's cells are joined by tabs,
 * as in a .txt saved from Word, so the checker reads both the same way.
 */

export class TextReadError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'TextReadError';
  }
}

/** The text of a file: UTF-8 (BOM optional) when the bytes are valid UTF-8, else GB18030. */
function decodeText(bytes: Uint8Array): string {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    const le = bytes[0] === 0xff;
    return new TextDecoder(le ? 'utf-16le' : 'utf-16be').decode(bytes.subarray(2));
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    try {
      return new TextDecoder('gb18030').decode(bytes);
    } catch {
      throw new TextReadError('文件的编码无法识别（既不是 UTF-8，也不是 GB18030）');
    }
  }
}

// Zero-width characters and soft hyphens carry no text; C0 controls other than tab and line feed are noise.
const INVISIBLE = /[\u00ad\u200b\u200c\u200d\u2060\ufeff]|[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

function clean(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(INVISIBLE, '');
}

/** A .txt draft: one paragraph per non-empty line. */
export function textParagraphs(text: string): DraftParagraph[] {
  return clean(text)
    .split('\n')
    .map((line) => line.replace(/\s+$/, ''))
    .filter((line) => line.trim() !== '')
    .map((line) => ({ text: line, where: 'body' as const }));
}

/** Inline Markdown: emphasis, code, links and images, HTML tags, escapes. */
function stripInline(line: string): string {
  return line
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/<\/?[A-Za-z][^>]*>/g, '')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/\*(?!\s)(.+?)(?<!\s)\*/g, '$1')
    .replace(/(?<![\w_])_(?!\s)(.+?)(?<!\s)_(?![\w_])/g, '$1')
    .replace(/~~(.+?)~~/g, '$1')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\\([\\`*_{}[\]()#+\-.!|~>])/g, '$1');
}

const TABLE_RULE = /^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;

/** A Markdown draft (see the module comment). */
export function markdownParagraphs(source: string): DraftParagraph[] {
  const out: DraftParagraph[] = [];
  let open: string[] = [];
  let fenced = false;
  const flush = () => {
    // Chinese prose wraps without spaces; a wrapped line of Latin text gets one back.
    const text = open.reduce(
      (acc, line) => (acc && /[\x21-\x7e]$/.test(acc) && /^[\x21-\x7e]/.test(line) ? `${acc} ${line}` : acc + line),
      '',
    );
    if (text.trim()) out.push({ text, where: 'body' });
    open = [];
  };
  for (const raw of clean(source).split('\n')) {
    if (/^\s*(```|~~~)/.test(raw)) {
      flush();
      fenced = !fenced;
      continue;
    }
    if (fenced) {
      if (raw.trim()) out.push({ text: raw, where: 'body' });
      continue;
    }
    const line = raw.trim();
    if (!line || /^(-{3,}|\*{3,}|_{3,})$/.test(line) || /^:::/.test(line)) {
      flush();
      continue;
    }
    if (TABLE_RULE.test(line) && line.includes('-')) continue;
    if (/^\|.*\|$/.test(line) || (line.includes('|') && /^\|/.test(line))) {
      flush();
      const cells = line
        .replace(/^\|/, '')
        .replace(/\|$/, '')
        .split(/(?<!\\)\|/)
        .map((c) => stripInline(c.trim()));
      out.push({ text: cells.join('\t'), where: 'table' });
      continue;
    }
    const heading = /^#{1,6}\s+(.*?)\s*#*$/.exec(line);
    if (heading) {
      flush();
      out.push({ text: stripInline(heading[1]!), where: 'body' });
      continue;
    }
    const item = /^(?:>\s*)*(?:[-*+]\s+|\d+[.)]\s+)?(.*)$/.exec(line)!;
    const isItem = /^(?:>\s*)*(?:[-*+]\s+|\d+[.)]\s+)/.test(line);
    if (isItem) flush();
    open.push(stripInline(item[1]!));
    if (isItem) flush();
  }
  flush();
  return out;
}

/** A plain-text or Markdown draft from its bytes. */
export function readTextDraft(bytes: Uint8Array, format: 'txt' | 'md'): DraftParagraph[] {
  const text = decodeText(bytes);
  return format === 'md' ? markdownParagraphs(text) : textParagraphs(text);
}
