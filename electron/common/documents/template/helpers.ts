import type { HelperDelegate, HelperOptions } from 'handlebars';
import { formatChineseDate, isIsoDate } from '../../domain/dates';
import { compareRates } from '../../stats/compare';
import { percent, type Decimals } from '../../stats/rounding';
import { escapeMarkup } from '../markup/escape';
import { chineseNumeral } from '../../domain/chinese-numerals';

/**
 * Helpers for official text. Each documented line is shown to clerks by `templates list` and in
 * the template editor. Helpers only format the values they are given: none reads files, the
 * clock, the network or the database.
 */

export { chineseNumeral };

/** 文号: 青发改〔2024〕45号 — year in full in 六角括号, no 第, no leading zeros. */
export function docNumber(prefix: string, year: number | string, serial: number | string): string {
  const n = String(serial).replace(/^0+(?=\d)/, '');
  return `${prefix}〔${year}〕${n}号`;
}

interface HelperDoc {
  name: string;
  usage: string;
  description: string;
}

export const HELPER_DOCS: HelperDoc[] = [
  { name: 'percentOf', usage: '{{percentOf 24 67}}', description: '按本届会议设定的小数位四舍五入的百分比：35.8%' },
  {
    name: 'pointChange',
    usage: '{{pointChange "85.1" "75"}}',
    description: '两个印出的百分数之差：提高10.1个百分点 / 下降… / 持平',
  },
  { name: 'cn', usage: '{{cn 11}}', description: '中文数字：十一' },
  { name: 'ordinal', usage: '{{ordinal @index}}', description: '列举用语（从 0 数起）：一是、二是……' },
  { name: 'date', usage: '{{date replyDate}}', description: '日期：2024年10月30日' },
  { name: 'docNumber', usage: '{{docNumber "青发改" 2024 45}}', description: '发文字号：青发改〔2024〕45号' },
  { name: 'join', usage: '{{join coUnits}}', description: '用顿号连接：区教育局、区民政局' },
  { name: 'countOf', usage: '{{countOf coUnits}}', description: '列表的项数' },
  { name: 'paragraphs', usage: '{{paragraphs replyText}}', description: '多段正文：每行一段，首行缩进两字' },
  { name: 'prose', usage: '{{prose replyText}}', description: '多段正文，并把以“一、”“（一）”开头的行排成一级、二级标题' },
  { name: 'inc', usage: '{{inc @index}}', description: '加一（从 1 编号）' },
  { name: 'eq', usage: '{{#if (eq resultCode "A")}}', description: '相等' },
  { name: 'gt', usage: '{{#if (gt total 0)}}', description: '大于' },
  { name: 'and', usage: '{{#if (and a b)}}', description: '并且' },
  { name: 'or', usage: '{{#if (or a b)}}', description: '或者' },
  { name: 'not', usage: '{{#if (not a)}}', description: '不是' },
];

type Helpers = Record<string, HelperDelegate>;

function proseLines(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

// A clerk's line that starts like a heading of the official hierarchy becomes that heading.
// These look at plain prose before it is escaped, never at markup.
// Only short lines: a long paragraph that happens to start with 一、 stays a paragraph.
const HEADING_MARKS: [RegExp, string][] = [
  [/^[一二三四五六七八九十]{1,3}、\S/, '## '],
  [/^（[一二三四五六七八九十]{1,3}）\S/, '### '],
];
const HEADING_MAX_CHARS = 40;

function headingMark(line: string): string {
  if ([...line].length > HEADING_MAX_CHARS) return '';
  return HEADING_MARKS.find(([pattern]) => pattern.test(line))?.[1] ?? '';
}

function rootDecimals(options: HelperOptions): Decimals {
  const root = options.data?.root as { options?: { decimals?: number } } | undefined;
  const decimals = root?.options?.decimals;
  return (typeof decimals === 'number' && decimals >= 0 && decimals <= 3 ? decimals : 1) as Decimals;
}

function asText(value: unknown): string {
  if (value === null || value === undefined) return '';
  try {
    return String(value);
  } catch {
    // An object with no usable toString (made without a prototype, or whose toString is data).
    return Object.prototype.toString.call(value);
  }
}

function asNumber(value: unknown): number {
  try {
    return Number(value);
  } catch {
    return Number.NaN;
  }
}

/** The helpers, given the SafeString class of the Handlebars instance they are registered on. */
export function createHelpers(SafeString: new (text: string) => unknown): Helpers {
  const markup = (text: string) => new SafeString(text);
  // `esc` is inserted by the engine around every {{value}}: data is always escaped for the markup.
  const esc: HelperDelegate = (value: unknown) => {
    if (value instanceof SafeString) return value;
    return markup(escapeMarkup(asText(value)));
  };
  return {
    esc,
    percentOf: (numerator: unknown, denominator: unknown, options: HelperOptions) => {
      const n = asNumber(numerator);
      const d = asNumber(denominator);
      if (!Number.isInteger(n) || !Number.isInteger(d) || n < 0 || d < 0) return '';
      return `${percent(n, d, rootDecimals(options))}%`;
    },
    pointChange: (current: unknown, previous: unknown) => {
      if (current === null || current === undefined || previous === null || previous === undefined) return '';
      return compareRates(asText(current), asText(previous)).text;
    },
    cn: (n: unknown) => chineseNumeral(asNumber(n)),
    ordinal: (index: unknown) => `${chineseNumeral(asNumber(index) + 1)}是`,
    date: (iso: unknown) => (typeof iso === 'string' && isIsoDate(iso) ? formatChineseDate(iso) : asText(iso)),
    docNumber: (prefix: unknown, year: unknown, serial: unknown) => docNumber(asText(prefix), asText(year), asText(serial)),
    join: (list: unknown, separator: unknown) =>
      Array.isArray(list) ? list.map(asText).join(typeof separator === 'string' ? separator : '、') : asText(list),
    countOf: (list: unknown) => (Array.isArray(list) ? list.length : 0),
    paragraphs: (text: unknown) => markup(proseLines(asText(text)).map(escapeMarkup).join('\n\n')),
    prose: (text: unknown) =>
      markup(
        proseLines(asText(text))
          .map((line) => `${headingMark(line)}${escapeMarkup(line)}`)
          .join('\n\n'),
      ),
    inc: (n: unknown) => asNumber(n) + 1,
    eq: (a: unknown, b: unknown) => a === b,
    gt: (a: unknown, b: unknown) => asNumber(a) > asNumber(b),
    and: (...args: unknown[]) => args.slice(0, -1).every(Boolean),
    or: (...args: unknown[]) => args.slice(0, -1).some(Boolean),
    not: (a: unknown) => !a,
  };
}
