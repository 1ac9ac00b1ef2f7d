import { foldText } from './names';
import { chineseDigit, readChineseNumeral } from '../domain/chinese-numerals';

/**
 * The figures of one paragraph: counts (230件, 一百一十四件), percentages (35.8%, 35.8％,
 * 百分之三十五点八), changes in 百分点 and the "较上年（94.87%）提高5.13个百分点" construction,
 * with the sentences and clauses they sit in. Everything is found in the folded text (same
 * length as the draft's), so every offset is an offset in the paragraph as printed.
 */

export interface Span {
  start: number;
  end: number;
}

export interface CountFigure extends Span {
  value: number;
  /** As printed: "230件", "114 件". */
  printed: string;
}

export interface PercentFigure extends Span {
  /** The number in ASCII digits: "35.8". */
  value: string;
  units: bigint;
  decimals: number;
  /** As printed: "35.8%", "35.8％", "百分之三十五点八". */
  printed: string;
}

export type DirectionWord = 'up' | 'down' | 'flat';

export interface ComparisonFigure extends Span {
  /** Last year's figure as printed, when the sentence gives it. */
  previous: PercentFigure | null;
  direction: DirectionWord;
  /** The direction word as printed: 提高, 下降, 持平… */
  word: string;
  wordSpan: Span;
  /** The change as printed, when given; `inPoints` false when written with % instead of 个百分点. */
  delta: (PercentFigure & { inPoints: boolean }) | null;
}

export interface Sentence extends Span {
  /** Clauses separated by ；; and ，, (a share list runs over several). */
  clauses: Span[];
}

export interface ParagraphFigures {
  /** The folded text: same length as the paragraph. */
  folded: string;
  sentences: Sentence[];
  counts: CountFigure[];
  percents: PercentFigure[];
  comparisons: ComparisonFigure[];
}

function percentFigure(value: string, start: number, end: number, printed: string): PercentFigure {
  const [whole, fraction = ''] = value.split('.');
  return { value, units: BigInt(`${whole}${fraction}`), decimals: fraction.length, start, end, printed };
}

/** "三十五点八" → "35.8"; null when not a simple numeral. */
function chineseDecimal(text: string): string | null {
  if (text === '百') return '100';
  const [whole, fraction] = text.split('点');
  const n = readChineseNumeral(whole!);
  if (n === null) return null;
  if (fraction === undefined) return String(n);
  let digits = '';
  for (const ch of fraction) {
    const digit = chineseDigit(ch);
    if (digit === null) return null;
    digits += String(digit);
  }
  return digits ? `${n}.${digits}` : null;
}

const NUMBER = String.raw`(?<![\d.]|\d,)(\d{1,3}(?:,\d{3})+(?![\d,])|\d+)`;
const COUNT = new RegExp(String.raw`${NUMBER}\s?(件|项|条)(?![件项条次])`, 'g');
const CHINESE_COUNT =
  /(?<![第每逐这那哪某几零〇一二两三四五六七八九十百千万])([零〇一二两三四五六七八九十百千万]+)(件|项)(?![件项次])/g;
const PERCENT = /(?<![\d.])(\d+(?:\.\d+)?)\s?%/g;
const CHINESE_PERCENT = /百分之([\d.]+|[零〇一二两三四五六七八九十百点]+)/g;
const PREVIOUS = String.raw`(?:上年|去年|上一年|前一年|上届|\d{4}\s?年)(?:同期|度)?`;
const UP = '提高|提升|上升|增长|增加';
const DOWN = '下降|降低|减少|回落|下滑';
const COMPARISON = new RegExp(
  String.raw`(?:(?:较|比|与|和)\s*${PREVIOUS}|同比)(?:相比|比较)?(?:的)?\s*(?:[（(]\s*)?(?:(\d+(?:\.\d+)?)\s?%\s*(?:[）)]\s*)?)?[，,]?\s*(?:有所|分别)?((?:基本)?持平|${UP}|${DOWN})了?\s*(?:(\d+(?:\.\d+)?)\s?(个百分点|百分点|%))?`,
  'g',
);

/** Last year's figure in brackets before the change: "满意率为87.9%（上年为87.1%），提高0.9个百分点". */
const BRACKET_COMPARISON = new RegExp(
  String.raw`[（(]\s*${PREVIOUS}(?:的)?(?:为|是)?\s*(\d+(?:\.\d+)?)\s?%\s*[）)]\s*[，,]?\s*(?:有所|分别)?((?:基本)?持平|${UP}|${DOWN})了?\s*(?:(\d+(?:\.\d+)?)\s?(个百分点|百分点|%))?`,
  'g',
);
/** Last year's figure after the change: "同比上升1.3个百分点，上年为97.3%", "…（上年为97.3%）". */
const PREVIOUS_AFTER = new RegExp(
  String.raw`^\s*(?:[，,]\s*(?:而)?|[（(]\s*)${PREVIOUS}(?:的)?(?:为|是)\s*(\d+(?:\.\d+)?)\s?%\s*[）)]?`,
);

const SENTENCE_END = /[。！？!?\n]/;
const CLAUSE_END = /[；;，,：:]/;

/** Sentences end at 。！？ and line ends; clauses at ；，： (both widths). */
function sentencesOf(folded: string): Sentence[] {
  const sentences: Sentence[] = [];
  let start = 0;
  let clauseStart = 0;
  let clauses: Span[] = [];
  const close = (end: number, next: number) => {
    if (end > clauseStart) clauses.push({ start: clauseStart, end });
    if (end > start && folded.slice(start, end).trim()) sentences.push({ start, end, clauses });
    start = next;
    clauseStart = next;
    clauses = [];
  };
  for (let i = 0; i < folded.length; i++) {
    const ch = folded[i]!;
    if (SENTENCE_END.test(ch)) close(i + 1, i + 1);
    else if (CLAUSE_END.test(ch) && !(/[,:]/.test(ch) && /\d/.test(folded[i - 1] ?? '') && /\d/.test(folded[i + 1] ?? ''))) {
      clauses.push({ start: clauseStart, end: i + 1 });
      clauseStart = i + 1;
    }
  }
  close(folded.length, folded.length);
  return sentences;
}

/** "两项合计137件": the number of items a total is of, not a count. */
const LIST_SIZE = /^\s*(?:合计|共计|总计)/;

function findCounts(folded: string, text: string): CountFigure[] {
  const counts: CountFigure[] = [];
  const listSize = (m: RegExpMatchArray) => m[2] === '项' && LIST_SIZE.test(folded.slice(m.index! + m[0].length));
  for (const m of folded.matchAll(COUNT)) {
    // "2019年" never reaches here (no 件); "第3件" is an ordinal.
    if (folded[m.index - 1] === '第' || listSize(m)) continue;
    const value = Number(m[1]!.replace(/,/g, ''));
    if (!Number.isSafeInteger(value)) continue;
    counts.push({ value, start: m.index, end: m.index + m[0].length, printed: text.slice(m.index, m.index + m[0].length) });
  }
  for (const m of folded.matchAll(CHINESE_COUNT)) {
    const value = readChineseNumeral(m[1]!);
    if (value === null || listSize(m)) continue;
    counts.push({ value, start: m.index, end: m.index + m[0].length, printed: text.slice(m.index, m.index + m[0].length) });
  }
  return counts.sort((a, b) => a.start - b.start);
}

function findPercents(folded: string, text: string): PercentFigure[] {
  const percents: PercentFigure[] = [];
  for (const m of folded.matchAll(PERCENT)) {
    const end = m.index + m[0].length;
    percents.push(percentFigure(m[1]!, m.index, end, text.slice(m.index, end)));
  }
  for (const m of folded.matchAll(CHINESE_PERCENT)) {
    const value = /^[\d.]+$/.test(m[1]!) ? m[1]! : chineseDecimal(m[1]!);
    if (!value || !/^\d+(\.\d+)?$/.test(value)) continue;
    const end = m.index + m[0].length;
    percents.push(percentFigure(value, m.index, end, text.slice(m.index, end)));
  }
  return percents.sort((a, b) => a.start - b.start);
}

function findComparisons(folded: string, text: string): ComparisonFigure[] {
  const out: ComparisonFigure[] = [];
  const matches = [...folded.matchAll(COMPARISON), ...folded.matchAll(BRACKET_COMPARISON)].sort((a, b) => a.index - b.index);
  for (const m of matches) {
    const whole = m[0];
    if (out.some((c) => c.end > m.index && m.index + whole.length > c.start)) continue;
    let previous: PercentFigure | null = null;
    if (m[1] !== undefined) {
      const at = m.index + whole.search(new RegExp(String.raw`(?<![\d.])${m[1].replace('.', '\\.')}\s?%`));
      const end = folded.indexOf('%', at) + 1;
      previous = percentFigure(m[1], at, end, text.slice(at, end));
    }
    const word = m[2]!;
    const wordAt = m.index + whole.indexOf(word, previous ? previous.end - m.index : 0);
    const direction: DirectionWord = word.endsWith('持平') ? 'flat' : new RegExp(`^(?:${UP})$`).test(word) ? 'up' : 'down';
    let delta: ComparisonFigure['delta'] = null;
    if (m[3] !== undefined) {
      const at = wordAt + word.length + whole.slice(wordAt + word.length - m.index).indexOf(m[3]);
      const end = m.index + whole.length;
      delta = { ...percentFigure(m[3], at, end, text.slice(at, end)), inPoints: m[4] !== '%' };
    }
    let end = m.index + whole.length;
    const after = previous ? null : PREVIOUS_AFTER.exec(folded.slice(end));
    if (after) {
      const at = end + after[0].lastIndexOf(after[1]!);
      const close = folded.indexOf('%', at) + 1;
      previous = percentFigure(after[1]!, at, close, text.slice(at, close));
      end += after[0].length;
    }
    out.push({
      start: m.index,
      end,
      previous,
      direction,
      word: text.slice(wordAt, wordAt + word.length),
      wordSpan: { start: wordAt, end: wordAt + word.length },
      delta,
    });
  }
  return out;
}

/** Every figure of a paragraph. Percentages that are last year's figure or a change are not listed as percentages. */
export function figuresOf(text: string): ParagraphFigures {
  const folded = foldText(text);
  const comparisons = findComparisons(folded, text);
  const inComparison = (p: PercentFigure) =>
    comparisons.some((c) => (c.previous && c.previous.start === p.start) || (c.delta && c.delta.start === p.start));
  return {
    folded,
    sentences: sentencesOf(folded),
    counts: findCounts(folded, text),
    percents: findPercents(folded, text).filter((p) => !inComparison(p)),
    comparisons,
  };
}
