/**
 * Data goes into templates escaped for the markup, not for HTML: every ASCII punctuation mark is
 * backslash-escaped (CommonMark allows that for all of them), so a title with * | # < _ prints
 * literally; a line break inside a value becomes U+2028, which the renderer prints as a line
 * break without ending the paragraph, the table cell or the heading it stands in.
 */

export const LINE_BREAK = '\u2028';

const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/g;

export function escapeMarkup(value: string): string {
  return value
    .replace(/\r\n?/g, '\n')
    .replace(ASCII_PUNCTUATION, (char) => `\\${char}`)
    .replace(/\n/g, LINE_BREAK);
}
