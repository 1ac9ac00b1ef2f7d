import { stripNotXml } from './text';

/** Writing and reading the text of XML parts by hand (the Office packages' small parts). */

/**
 * Text for an element or a double-quoted attribute: what XML forbids dropped, markup escaped.
 * (The single quote needs no escape inside double quotes.)
 */
export function escapeXml(text: string): string {
  return stripNotXml(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** The text an element or attribute holds: the five named entities and character references read. */
export function unescapeXml(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/gi, (_m, e: string) => {
    const named = NAMED[e.toLowerCase()];
    if (named) return named;
    const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });
}
