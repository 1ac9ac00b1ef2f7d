/** Chinese numerals, read and written: 一百一十四 ⇄ 114. One table for the whole product. */

const DIGIT_CHARS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const DIGITS: Record<string, number> = { ...Object.fromEntries(DIGIT_CHARS.map((c, i) => [c, i])), 〇: 0, 两: 2 };
const POWERS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** One digit character (一, 〇, 两 …) as a number; null for anything else. */
export function chineseDigit(ch: string): number | null {
  return DIGITS[ch] ?? null;
}

/** A simple numeral ("一百一十四", "十六", "两") as a number; null when it is not one. */
export function readChineseNumeral(text: string): number | null {
  if (!text) return null;
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  for (const ch of text) {
    if (ch in DIGITS) {
      if (digit !== null && digit !== 0) return null; // "一二" is not a number
      digit = DIGITS[ch]!;
    } else if (ch in POWERS) {
      section += (digit ?? 1) * POWERS[ch]!;
      digit = null;
    } else if (ch === '万') {
      total += (section + (digit ?? 0)) * 10000;
      section = 0;
      digit = null;
    } else return null;
  }
  return total + section + (digit ?? 0);
}

/** 1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 101 → 一百零一, 110 → 一百一十. */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 99_999) return String(n);
  if (n < 10) return DIGIT_CHARS[n]!;
  const units = ['', '十', '百', '千', '万'];
  const digits = String(n).split('').map(Number);
  let out = '';
  let zero = false;
  digits.forEach((d, i) => {
    const unit = units[digits.length - 1 - i]!;
    if (d === 0) {
      zero = out.length > 0;
      return;
    }
    if (zero) out += '零';
    zero = false;
    out += (d === 1 && unit === '十' && out === '' ? '' : DIGIT_CHARS[d]) + unit;
  });
  return out;
}
