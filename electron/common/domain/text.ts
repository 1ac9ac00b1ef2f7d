// Text normalisation shared by every input path.

// What XML 1.0 does not allow in text: C0 controls but tab and line ends, U+FFFE, U+FFFF, and
// lone surrogate halves (which cannot be encoded as UTF-8 either). One of them in a .docx or
// .xlsx and Word, Excel, WPS and LibreOffice refuse the whole file.
const NOT_XML =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// DEL and the C1 block: allowed by XML but never meant in typed or pasted prose.
const DEL_AND_C1 = /[\u007F-\u009F]/g;

/** Removes what XML 1.0 forbids, and nothing else: for every writer of an Office file. */
export function stripNotXml(value: string): string {
  return value.replace(NOT_XML, '');
}

/**
 * Cleans text on its way in (import, edit): carriage returns become line feeds, and what cannot
 * be stored in an Office file goes, with DEL and the C1 controls; tabs and line breaks stay.
 */
export function stripControlChars(value: string): string {
  return stripNotXml(value.replace(/\r\n?/g, '\n')).replace(DEL_AND_C1, '');
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
