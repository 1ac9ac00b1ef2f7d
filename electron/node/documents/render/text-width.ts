/** Width of a text in body characters: CJK and full-width count 1, everything else 1/2. */
export function textWidthInChars(text: string): number {
  let width = 0;
  for (const char of text) width += char.codePointAt(0)! >= 0x2e80 ? 1 : 0.5;
  return width;
}

/**
 * The gap Word and WPS put between Chinese characters and digits (w:autoSpaceDN, on by default):
 * about a quarter of a character (LibreOffice draws a fifth).
 */
export const AUTOSPACE_GAP_CHARS = 0.25;

/**
 * Width of a line as a word processor prints it: textWidthInChars plus the gap at every change
 * between Chinese and digits ("2024年5月10日" has five), so a line placed by its width (the
 * signature's date, four characters from the right) ends where it should.
 */
export function printedWidthInChars(text: string): number {
  let gaps = 0;
  let previous: 'cjk' | 'digit' | null = null;
  for (const char of text) {
    const kind = /\d/.test(char) ? 'digit' : char.codePointAt(0)! >= 0x2e80 ? 'cjk' : null;
    if (kind && previous && kind !== previous) gaps += 1;
    previous = kind;
  }
  return textWidthInChars(text) + gaps * AUTOSPACE_GAP_CHARS;
}
