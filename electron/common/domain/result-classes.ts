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

/**
 * The letter a ledger or a class mark uses for each stored class. Four classes are A–D; three
 * classes are A, B, C with C for 留作参考 (stored as D), as the three-class systems print them.
 */
export function letterOf(code: ResultCode, count: ResultClassCount): string {
  return count === 3 && code === 'D' ? 'C' : code;
}

// Wordings seen in ledgers of different localities (folded for matching), by the class they
// mean in the four-class scheme. Researched layouts: docs/ledger-layouts.md.
const SYNONYMS: Record<ResultCode, string[]> = {
  A: [
    '解决采纳',
    '已经解决',
    '已解决或基本解决',
    '已经解决或基本解决',
    '解决或基本解决',
    '已解决或采纳',
    '解决或采纳',
    '采纳或解决',
    '已解决',
    '基本解决',
    '采纳',
    '已采纳',
    '解决',
    '甲',
    '甲类',
  ],
  B: ['正在解决', '正在解决或列入规划', '正在解决或列入规划解决', '列入规划', '列入规划解决', '正在办理', '乙', '乙类'],
  C: [
    '计划解决',
    '因条件限制需以后解决',
    '列入计划解决',
    '列入计划拟解决',
    '列入计划',
    '计划解决或准备采纳',
    '以后解决',
    '丙',
    '丙类',
  ],
  D: ['留作参考', '作为参考', '参考', '因条件限制无法解决', '暂不能解决', '丁', '丁类'],
};

/** Longer wordings read by their key words, in this order (留作参考 inside a sentence wins). */
const KEY_WORDS: [ResultCode, RegExp][] = [
  ['D', /留作参考|作为参考|无法解决|暂不能解决|暂难解决|难以解决|不能解决/],
  ['C', /以后解决|计划解决|列入计划|拟解决|准备采纳/],
  ['B', /正在解决|正在办理|正在落实/],
  ['A', /^(已经?)?(基本)?(解决|采纳)|已解决|已采纳/],
];

/** Words for "not answered yet": the cell says so, so it is no class and not an error. */
const PENDING = new Set(['处理中', '办理中', '未答复', '未办复', '待答复', '未办结']);

/** How a result cell was read, for the import preview's legend. */
type ResultReading = { code: ResultCode; by: 'session-label' | 'wording' | 'letter' } | { code: null; by: 'pending' };

export interface ResultScheme {
  labels: Partial<Record<ResultCode, string>>;
  count: ResultClassCount;
  /**
   * True when the ledger's own labels show three letters with C for 留作参考 (a bare "C" in that
   * file then means 留作参考 whatever the session's class count).
   */
  cMeansReference?: boolean;
}

function fold3(code: ResultCode, count: ResultClassCount): ResultCode {
  return count === 3 && code === 'C' ? 'B' : code;
}

function byWording(text: string, scheme: ResultScheme): ResultCode | null {
  for (const code of RESULT_CODES) {
    const label = scheme.labels[code];
    if (label && foldForMatch(label) === text) return code;
  }
  for (const code of RESULT_CODES) if (SYNONYMS[code].includes(text)) return fold3(code, scheme.count);
  if (/不予|未予|不同意|不采纳/.test(text)) return null;
  for (const [code, words] of KEY_WORDS) if (words.test(text)) return fold3(code, scheme.count);
  return null;
}

function byLetter(letter: string, scheme: ResultScheme): ResultCode {
  const code = letter as ResultCode;
  if (code === 'C' && (scheme.count === 3 || scheme.cMeansReference)) return 'D';
  return fold3(code, scheme.count);
}

const LETTER_FIRST = /^([A-D])(?:类)?[.、:：\-—_\s]*(.*)$/;
const LETTER_LAST = /^(.*?)[\-—_:：]([A-D])(?:类)?$/;
const BRACKETED = /^(.*?)[(（]([^()（）]*)[)）]$/;

/**
 * Reads a 办理结果 cell: the session's own labels first, then wordings ("解决采纳", "列入计划拟解决"),
 * then a code with or without a wording ("A", "A类", "A.解决或基本解决", "A（已解决或采纳）",
 * "已答复-A"). A wording, when there is one, decides the class; a bare letter is read in the
 * session's scheme. Undefined when the text is not recognised, null for an empty cell.
 */
export function readResult(raw: string, scheme: ResultScheme): ResultReading | null | undefined {
  const text = foldForMatch(raw).toUpperCase();
  if (!text) return null;
  if (PENDING.has(text)) return { code: null, by: 'pending' };
  for (const code of RESULT_CODES) {
    const label = scheme.labels[code];
    if (label && foldForMatch(label).toUpperCase() === text) return { code, by: 'session-label' };
  }
  const direct = byWording(text, scheme);
  if (direct) return { code: direct, by: 'wording' };
  const bare = /^([A-D])类?$/.exec(text);
  if (bare) return { code: byLetter(bare[1]!, scheme), by: 'letter' };
  for (const pattern of [LETTER_FIRST, LETTER_LAST]) {
    const match = pattern.exec(text);
    if (!match) continue;
    const [letter, words] = pattern === LETTER_FIRST ? [match[1]!, match[2]!] : [match[2]!, match[1]!];
    const wording = words.replace(/^[(（]|[)）]$/g, '');
    const meant = wording ? byWording(wording, scheme) : null;
    if (meant) return { code: meant, by: 'wording' };
    if (!wording || /^(已答复|已办复|答复|类)$/.test(wording)) return { code: byLetter(letter, scheme), by: 'letter' };
  }
  const bracketed = BRACKETED.exec(text);
  if (bracketed) {
    for (const part of [bracketed[2]!, bracketed[1]!]) {
      const meant = byWording(part, scheme);
      if (meant) return { code: meant, by: 'wording' };
    }
  }
  return undefined;
}

/** The class code of a 办理结果 cell (see readResult); null for empty or "not answered yet". */
export function parseResult(
  raw: string,
  sessionLabels: Partial<Record<ResultCode, string>>,
  count: ResultClassCount,
): ResultCode | null | undefined {
  const reading = readResult(raw, { labels: sessionLabels, count });
  return reading === undefined ? undefined : (reading?.code ?? null);
}

/**
 * Whether a file's result labels show the three-letter scheme in which C is 留作参考, such as
 * "C.因条件所限等原因暂不能解决，留作参考".
 */
export function labelsShowCForReference(values: Iterable<string>): boolean {
  for (const raw of values) {
    const match = LETTER_FIRST.exec(foldForMatch(raw).toUpperCase());
    if (match && match[1] === 'C' && match[2] && KEY_WORDS[0]![1].test(match[2])) return true;
  }
  return false;
}

/** The scheme's letters with their labels, for the preview: "A 解决采纳、B 正在解决…". */
export function describeScheme(scheme: ResultScheme): string {
  const labels = { ...defaultResultLabels(scheme.count), ...scheme.labels };
  return codesFor(scheme.count)
    .map((code) => `${letterOf(code, scheme.count)} ${labels[code] ?? code}`)
    .join('、');
}

/** The hint printed after an unrecognised result label. */
export function resultHint(sessionLabels: Partial<Record<ResultCode, string>>, count: ResultClassCount): string {
  const codes = codesFor(count);
  const labels = codes.map((code) => sessionLabels[code]).filter((label): label is string => Boolean(label));
  return `可填：${labels.join('、')}，或代码 ${codes.map((c) => letterOf(c, count)).join('/')}`;
}
