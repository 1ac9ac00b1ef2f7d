import { foldForMatch } from './text';

const YES = new Set(['是', '√', '✓', '✔', 'Y', 'YES', 'TRUE', '1', '已', '有']);
const NO = new Set(['', '否', '×', '✗', '✘', 'X', 'N', 'NO', 'FALSE', '0', '无', '未', '空']);

/** 是/否/√/empty and the usual variants. Returns null when the text is not a yes/no answer. */
export function parseYesNo(raw: string): boolean | null {
  const value = foldForMatch(raw).toUpperCase();
  if (YES.has(value)) return true;
  if (NO.has(value)) return false;
  return null;
}

export function formatYesNo(value: boolean): string {
  return value ? '是' : '否';
}
