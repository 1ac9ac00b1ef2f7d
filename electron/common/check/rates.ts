import { checkable, halfUp, precisionWords, shownQuotient, unitsText } from './arith';
import { quoteOf, report, statedBefore, type CheckContext, type ParagraphInfo } from './context';
import { RATE_WORDS, type FactRate, type FactRateKey } from './facts';
import type { PercentFigure } from './figures';
import { namesAUnit, type LabelDim } from './labels';

/**
 * Rates: "答复率95.8%", "主动公开率达100%", "解决采纳率为92.54%". With session facts a rate is
 * recomputed from the engine's numerator and denominator at the printed precision; without, a
 * rate whose numerator the same sentence states ("主动公开67件，主动公开率达100%") is checked
 * over the total the draft states. Last year's figures, targets ("确保…达到100%"), approximate
 * figures ("90%以上") and a named unit's own rates are not the session's rates and are skipped.
 */

export interface RateFigure {
  paragraph: number;
  sentence: number;
  percent: PercentFigure;
  /** The rate word as printed (folded): 答复率. */
  word: string;
  wordStart: number;
  key: FactRateKey;
}

const CONNECT = String.raw`\s*(?:为|是|达到|达|均为|均达到|均达|保持在|保持|提升至|提高到|提高至|[:：])?\s*`;
const NOT_THIS_YEAR = /上年|去年|上一年|前年|同期|\d{4}\s?年/;
const TARGET = /确保|力争|争取|目标|不低于|要求|预计|计划(?!解决)|力求/;
const APPROXIMATE = /^\s*(?:以上|以下|左右|多|余|上下)/;
const COMPOUND = /(?:基本|和|或|及|与|、|按期|按时|如期|平均|人均)$/;

function wordsOf(ctx: CheckContext): Map<string, FactRateKey> {
  const words = new Map<string, FactRateKey>();
  for (const rate of ctx.facts?.rates ?? []) for (const w of rate.words) if (!words.has(w)) words.set(w, rate.key);
  for (const [key, list] of Object.entries(RATE_WORDS) as [FactRateKey, readonly string[]][])
    for (const w of list) if (!words.has(w)) words.set(w, key);
  return words;
}

export function findRates(ctx: CheckContext): RateFigure[] {
  const words = wordsOf(ctx);
  const alternation = [...words.keys()].sort((a, b) => b.length - a.length).join('|');
  const pattern = new RegExp(`(${alternation})${CONNECT}$`);
  const out: RateFigure[] = [];
  for (const info of ctx.paragraphs) {
    for (const percent of info.percents) {
      const s = info.sentences.findIndex((x) => x.start <= percent.start && percent.start < x.end);
      if (s < 0) continue;
      const sentence = info.sentences[s]!;
      const before = info.folded.slice(Math.max(sentence.start, percent.start - 30), percent.start);
      const m = pattern.exec(before);
      if (!m) continue;
      const wordStart = percent.start - before.length + m.index;
      // "满意和基本满意率", "按期办结率": another measure that ends in the same word.
      if (COMPOUND.test(info.folded.slice(Math.max(0, wordStart - 2), wordStart))) continue;
      const clause = sentence.clauses.find((c) => c.start <= wordStart && wordStart < c.end) ?? sentence;
      const lead = info.folded.slice(clause.start, wordStart);
      if (NOT_THIS_YEAR.test(lead) || namesAUnit(info.folded.slice(sentence.start, wordStart))) continue;
      if (TARGET.test(info.folded.slice(sentence.start, percent.start))) continue;
      if (APPROXIMATE.test(info.folded.slice(percent.end, percent.end + 3))) continue;
      out.push({ paragraph: info.index, sentence: s, percent, word: m[1]!, wordStart, key: words.get(m[1]!)! });
    }
  }
  return out;
}

/** The count dimension that is a rate's numerator, for reading it from the sentence. */
const NUMERATOR_DIM: Partial<Record<FactRateKey, LabelDim>> = {
  answered: 'answered',
  onTime: 'onTime',
  closed: 'closed',
  published: 'published',
  met: 'met',
};

function rateFinding(
  ctx: CheckContext,
  info: ParagraphInfo,
  rate: RateFigure,
  numerator: number,
  denominator: number,
  basis: string,
) {
  const p = rate.percent;
  if (!checkable(p) || denominator <= 0) return;
  const expected = halfUp(numerator, denominator, p.decimals);
  if (expected === p.units) return;
  const shown = unitsText(expected, p.decimals);
  report(ctx, {
    severity: 'error',
    kind: 'rate',
    paragraph: info.index,
    quote: quoteOf(info, rate.wordStart, p.end),
    printed: p.printed,
    expected: `${shown}%`,
    message: `${rate.word}：${basis} = ${shownQuotient(numerator, denominator, p.decimals)} %，${precisionWords(p.decimals) || '取整'}应为 ${shown}%，稿中写作 ${p.printed}`,
    start: p.start,
    end: p.end,
  });
}

export function factRate(ctx: CheckContext, key: FactRateKey, word: string): FactRate | null {
  const rates = ctx.facts?.rates ?? [];
  return rates.find((r) => r.words.includes(word)) ?? rates.find((r) => r.key === key) ?? null;
}

export function checkRates(ctx: CheckContext, rates: readonly RateFigure[]): void {
  for (const rate of rates) {
    const info = ctx.paragraphs[rate.paragraph]!;
    if (ctx.facts) {
      const fact = ctx.facts.rates.find((r) => r.words.includes(rate.word));
      if (fact) rateFinding(ctx, info, rate, fact.numerator, fact.denominator, fact.basis);
      continue;
    }
    // Without records: the numerator stated just before in the sentence, over the stated total.
    const dim = NUMERATOR_DIM[rate.key];
    if (!dim) continue;
    const numerator = info.labelled
      .filter((l) => l.sentence === rate.sentence && l.count.end <= rate.wordStart && l.label?.dim === dim)
      .pop();
    const denominator = statedBefore(ctx, rate.key === 'closed' ? 'answered' : 'total', rate.paragraph, rate.wordStart);
    if (!numerator || denominator === undefined) continue;
    const whole = rate.key === 'closed' ? '已答复' : '全部';
    rateFinding(
      ctx,
      info,
      rate,
      numerator.count.value,
      denominator,
      `${numerator.count.value} 件 / ${whole} ${denominator} 件（稿中所写）`,
    );
  }
}
