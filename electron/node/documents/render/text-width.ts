/** Width of a text in body characters: CJK and full-width count 1, everything else 1/2. */
export function textWidthInChars(text: string): number {
  let width = 0;
  for (const char of text) width += char.codePointAt(0)! >= 0x2e80 ? 1 : 0.5;
  return width;
}
