// Text normalisation shared by every input path.

// C0 controls except tab and line feed, DEL, and the C1 block: invalid in XML, so they would
// make a .docx or .xlsx that Word refuses to open. Carriage returns become line feeds first.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
// Lone surrogates cannot be encoded as UTF-8 XML either.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Removes characters that cannot be stored in an Office file; keeps tabs and line breaks. */
export function stripControlChars(value: string): string {
  return value.replace(/\r\n?/g, '\n').replace(CONTROL, '').replace(LONE_SURROGATE, '');
}

/** Cleans a free-text cell: control characters out, outer whitespace trimmed. */
function cleanText(value: string): string {
  // String.prototype.trim removes the same characters (U+3000 included) in linear time; the
  // regular expression it replaces was quadratic on long runs of inner spaces.
  return stripControlChars(value).trim();
}

/**
 * Folds full-width letters, digits and punctuation to their half-width forms (NFKC) and removes
 * all whitespace, for comparing short codes and header names, never for stored prose.
 */
export function foldForMatch(value: string): string {
  return value.normalize('NFKC').replace(/[\s\u3000]+/g, '');
}

/** Separators allowed between several units or deputies in one cell. */
const LIST_SEPARATOR = /[、,，;；\n]+/;

export function splitList(value: string): string[] {
  const seen = new Set<string>();
  const items: string[] = [];
  for (const part of cleanText(value).split(LIST_SEPARATOR)) {
    const item = cleanText(part);
    if (item && !seen.has(item)) {
      seen.add(item);
      items.push(item);
    }
  }
  return items;
}

export function joinList(items: readonly string[]): string {
  return items.join('、');
}
