import { parseProposalNumber } from '../../../common/domain/proposal-number';
import { stripControlChars } from '../../../common/domain/text';

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

/**
 * 0012-关于加快园区转型升级的建议.docx: sorts by number in any file manager. A long title is
 * shortened, never the number or the suffix (a co-handling unit, a deputy) that tells files apart.
 */
export function letterFileName(number: string, title: string, suffix = ''): string {
  const parsed = parseProposalNumber(number);
  const prefix = parsed && /^\d+$/.test(parsed.key) ? parsed.key.padStart(4, '0') : number;
  const room = Math.max(10, MAX_NAME - [...`${prefix}-${suffix}`].length);
  const shortTitle = [...title].length > room ? [...title].slice(0, room).join('') : title;
  return safeFileName(`${prefix}-${shortTitle}${suffix}`, '.docx');
}
