import { foldForMatch, stripControlChars } from '../../../common/domain/text';

// Characters Windows forbids in names, and names it reserves for devices.
const FORBIDDEN = /[<>:"/\\|?*\u0000-\u001F\u007F]/g;
const RESERVED = /^(CON|PRN|AUX|NUL|COM[1-9]|LPT[1-9])(\..*)?$/i;
/** Keeps full paths under Windows' 260-character limit with room for the folder. */
const MAX_NAME = 100;

/** A file name that is safe on Windows, Linux and in a zip: forbidden characters replaced. */
export function safeFileName(name: string, extension: string): string {
  let base = stripControlChars(name)
    .replace(/\s+/g, ' ')
    .replace(FORBIDDEN, '_')
    .trim()
    .replace(/[. ]+$/, '');
  if (!base || RESERVED.test(base)) base = `_${base}`;
  const chars = [...base];
  if (chars.length > MAX_NAME) base = chars.slice(0, MAX_NAME).join('').trim();
  return `${base}${extension}`;
}

/** The digits of a plain 建议号 as the clerk wrote them: "001" of "001" or "第001号"; null otherwise. */
function writtenDigits(number: string): string | null {
  return /^第?(\d+)号?$/.exec(foldForMatch(number.trim()))?.[1] ?? null;
}

/**
 * How wide the numbers of a session's file names are: 0 (each as written) when every plain
 * number has the same length, else the longest, so "7" and "12" sort as 07 and 12.
 */
export function numberWidth(numbers: readonly string[]): number {
  const lengths = new Set(numbers.map(writtenDigits).flatMap((d) => (d === null ? [] : [d.length])));
  return lengths.size > 1 ? Math.max(...lengths) : 0;
}

/**
 * 001-关于加快园区转型升级的建议.docx: the 建议号 as written, zero-padded to `width` (see
 * numberWidth) so names sort by number in any file manager. A long title is shortened, never the
 * number or the suffix (a co-handling unit, a deputy) that tells files apart.
 */
export function letterFileName(number: string, title: string, suffix = '', width = 0): string {
  const digits = writtenDigits(number);
  const prefix = digits === null ? number.trim() : digits.padStart(width, '0');
  const room = Math.max(10, MAX_NAME - [...`${prefix}-${suffix}`].length);
  const shortTitle = [...title].length > room ? [...title].slice(0, room).join('') : title;
  return safeFileName(`${prefix}-${shortTitle}${suffix}`, '.docx');
}
