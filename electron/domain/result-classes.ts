import { foldForMatch } from './text';

export const RESULT_CODES = ['A', 'B', 'C', 'D'] as const;
export type ResultCode = (typeof RESULT_CODES)[number];

export type ResultClassCount = 3 | 4;

/** The labels a new session prints, by class count. A three-class session merges B and C. */
export function defaultResultLabels(count: ResultClassCount): Partial<Record<ResultCode, string>> {
  return count === 4
    ? { A: '解决采纳', B: '正在解决', C: '计划解决', D: '留作参考' }
    : { A: '解决采纳', B: '正在解决或列入规划解决', D: '留作参考' };
}

/** Codes in use for a class count, in printing order. */
export function codesFor(count: ResultClassCount): ResultCode[] {
  return count === 4 ? ['A', 'B', 'C', 'D'] : ['A', 'B', 'D'];
}

// Wordings seen in ledgers of different localities, folded for matching.
const SYNONYMS: Record<ResultCode, string[]> = {
  A: [
    '解决采纳',
    '已经解决',
    '已解决或基本解决',
    '已经解决或基本解决',
    '已解决',
    '基本解决',
    '采纳',
    '已采纳',
    '解决',
    '甲',
    '甲类',
  ],
  B: ['正在解决', '正在解决或列入规划', '正在解决或列入规划解决', '列入规划', '列入规划解决', '乙', '乙类'],
  C: ['计划解决', '因条件限制需以后解决', '列入计划解决', '以后解决', '丙', '丙类'],
  D: ['留作参考', '作为参考', '参考', '丁', '丁类'],
};

export interface ResultParse {
  code: ResultCode | null;
}

/**
 * Maps a ledger's 办理结果 cell to a class code: the session's own labels first, then the
 * codes A–D, then common wordings. In a three-class session the planned class (C) folds into B.
 * Returns undefined when the text is not recognised; null for an empty cell.
 */
export function parseResult(
  raw: string,
  sessionLabels: Partial<Record<ResultCode, string>>,
  count: ResultClassCount,
): ResultCode | null | undefined {
  const text = foldForMatch(raw);
  if (!text) return null;
  const fold = (code: ResultCode): ResultCode => (count === 3 && code === 'C' ? 'B' : code);
  for (const code of RESULT_CODES) {
    const label = sessionLabels[code];
    if (label && foldForMatch(label) === text) return code;
  }
  const upper = text.toUpperCase().replace(/类$/, '');
  if ((RESULT_CODES as readonly string[]).includes(upper)) return fold(upper as ResultCode);
  for (const code of RESULT_CODES) {
    if (SYNONYMS[code].includes(text)) return fold(code);
  }
  return undefined;
}

/** The hint printed after an unrecognised result label. */
export function resultHint(sessionLabels: Partial<Record<ResultCode, string>>, count: ResultClassCount): string {
  const codes = codesFor(count);
  const labels = codes.map((code) => sessionLabels[code]).filter((label): label is string => Boolean(label));
  return `可填：${labels.join('、')}，或代码 ${codes.join('/')}`;
}
