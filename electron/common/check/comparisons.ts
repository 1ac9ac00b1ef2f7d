import { difference, printedFigure, sameNumber, unitsText } from './arith';
import { quoteOf, report, type CheckContext, type ParagraphInfo } from './context';
import type { FactRateKey } from './facts';
import type { ComparisonFigure, PercentFigure } from './figures';
import type { ProseShare } from './shares';
import { factRate, type RateFigure } from './rates';
import { percent as percentOf } from '../stats/rounding';

/**
 * Comparisons with last year: "解决率为85.1%（比去年同期的75%提高10.1个百分点）". The change
 * is the difference of the two printed figures in 百分点 (exact decimal arithmetic), its
 * direction word must agree with its sign, and with session facts last year's printed figure
 * must be the previous session's figure or the hand-entered baseline.
 */

type Figure = { units: bigint; decimals: number; value: string };

const KEY_OF_DIM: Partial<Record<string, FactRateKey>> = {
  answered: 'answered',
  onTime: 'onTime',
  closed: 'closed',
  published: 'published',
  met: 'met',
};

const RIGHT_WORD = { up: '提高', down: '下降', flat: '持平' } as const;
const COUNT_CHANGE = /^了?\s*(?:\d+|[一二两三四五六七八九十百千万]+)\s?(?:件|项|个|家|人|名|次|条|万|亿|元|所|处)/;

interface Current {
  figure: Figure | null;
  key: FactRateKey | null;
  word: string | null;
}

function currentOf(
  ctx: CheckContext,
  info: ParagraphInfo,
  c: ComparisonFigure,
  rates: RateFigure[],
  shares: ProseShare[],
): Current {
  const sentence = info.sentences.find((s) => s.start <= c.start && c.start < s.end);
  if (!sentence) return { figure: null, key: null, word: null };
  const earlier = info.comparisons.filter((x) => x.end <= c.start && x.start >= sentence.start).pop();
  const from = Math.max(sentence.start, earlier?.end ?? 0);
  const printed = info.percents.filter((p) => p.start >= from && p.end <= c.start).pop();
  const rateAt = (p: PercentFigure) => rates.find((r) => r.paragraph === info.index && r.percent.start === p.start);
  // A rate word right before 较/比 ("解决采纳率较2020年…") names a figure the sentence does not print.
  const named = /([\u4e00-\u9fa5]{1,6}率)\s*$/.exec(info.folded.slice(from, c.start));
  // The printed figure is the compared one only when nothing but punctuation stands between them.
  const adjacent = printed && /^\s*[，,（(]?\s*$/.test(info.folded.slice(printed.end, c.start));
  if (printed && adjacent && !(named && named.index + from > printed.end)) {
    const rate = rateAt(printed);
    if (rate) return { figure: printedFigure(printed.value), key: rate.key, word: rate.word };
    const share = shares.find((s) => s.paragraph === info.index && s.percent.start === printed.start);
    const dim = share?.count.label?.dim;
    const key = dim ? (KEY_OF_DIM[dim] ?? (share?.count.label?.code === 'A' ? 'adopted' : null)) : null;
    return { figure: printedFigure(printed.value), key, word: null };
  }
  if (!named) return { figure: null, key: null, word: null };
  const word = named[1]!;
  const fact = ctx.facts?.rates.find((r) => r.words.some((w) => word.endsWith(w)));
  if (fact) {
    const decimals = (c.previous?.decimals ?? ctx.options.decimals ?? 1) as 0 | 1 | 2 | 3;
    return {
      figure: printedFigure(percentOf(fact.numerator, fact.denominator, Math.min(decimals, 3) as 0 | 1 | 2 | 3)),
      key: fact.key,
      word,
    };
  }
  // Without records: the share the draft printed for the class the rate is named after (解决采纳率 → “解决采纳”).
  const share = shares.find((s) => s.count.label?.name && word.endsWith(`${s.count.label.name}率`) && s.paragraph <= info.index);
  return share ? { figure: printedFigure(share.percent.value), key: null, word } : { figure: null, key: null, word };
}

export function checkComparisons(ctx: CheckContext, rates: RateFigure[], shares: ProseShare[]): void {
  for (const info of ctx.paragraphs) {
    for (const c of info.comparisons) {
      // "较上年增加15件" compares counts, not rates.
      if (!c.delta && COUNT_CHANGE.test(info.folded.slice(c.wordSpan.end, c.wordSpan.end + 12))) continue;
      const current = currentOf(ctx, info, c, rates, shares);
      const fact = current.key ? factRate(ctx, current.key, current.word ?? '') : null;
      const quote = quoteOf(info, c.start, c.end);
      const base = { paragraph: info.index, quote };

      // Last year's figure against the records.
      if (c.previous && fact?.previous) {
        const recorded = printedFigure(fact.previous);
        if (!sameNumber(c.previous, recorded)) {
          const source = fact.previousSource === 'baseline' ? '录入的上年基数' : '上一届会议的统计';
          report(ctx, {
            ...base,
            severity: 'error',
            kind: 'comparison',
            printed: c.previous.printed,
            expected: `${fact.previous}%`,
            message: `上年${fact.label}（${source}）为 ${fact.previous}%，稿中写作 ${c.previous.printed}`,
            start: c.previous.start,
            end: c.previous.end,
          });
          continue;
        }
      }
      const previous: Figure | null = c.previous
        ? printedFigure(c.previous.value)
        : fact?.previous
          ? printedFigure(fact.previous)
          : null;
      if (!current.figure || !previous) continue;
      const diff = difference(current.figure, previous);
      const sign = diff.units > 0n ? 'up' : diff.units < 0n ? 'down' : 'flat';
      const magnitude = unitsText(diff.units < 0n ? -diff.units : diff.units, diff.decimals);
      const arithmetic = `${current.figure.value}% − ${previous.value}% = ${unitsText(diff.units, diff.decimals)} 个百分点`;
      if (sign !== c.direction) {
        report(ctx, {
          ...base,
          severity: 'error',
          kind: 'comparison',
          printed: c.word,
          expected: RIGHT_WORD[sign],
          message: `${arithmetic}，应为“${RIGHT_WORD[sign]}”，稿中写作“${c.word}”`,
          start: c.wordSpan.start,
          end: c.wordSpan.end,
        });
        continue;
      }
      if (!c.delta) continue;
      const delta = c.delta;
      const right = sameNumber(delta, { units: diff.units < 0n ? -diff.units : diff.units, decimals: diff.decimals });
      if (!delta.inPoints) {
        report(ctx, {
          ...base,
          severity: right ? 'warning' : 'error',
          kind: 'comparison',
          printed: delta.printed,
          expected: `${magnitude}个百分点`,
          message: `两个百分比之差以“百分点”计：${arithmetic}，稿中写作“${delta.printed}”`,
          start: delta.start,
          end: delta.end,
        });
      } else if (!right) {
        report(ctx, {
          ...base,
          severity: 'error',
          kind: 'comparison',
          printed: delta.printed.replace(/\s+/g, ''),
          expected: `${magnitude}个百分点`,
          message: `${arithmetic}，稿中写作 ${delta.printed.replace(/\s+/g, '')}`,
          start: delta.start,
          end: delta.end,
        });
      }
    }
  }
}
