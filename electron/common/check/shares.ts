import {
  countsIn,
  previousSentence,
  quoteOf,
  statedValues,
  type CheckContext,
  type LabelledCount,
  type ParagraphInfo,
} from './context';
import { checkDistribution, type Candidate, type ShareItem } from './distribution';
import type { PercentFigure } from './figures';

/**
 * Shares in prose: a count followed by its percentage ("84 件，占 73.7%", "11件,占总数的16.4%",
 * "238件，76%", "99件（86.8%）"), grouped into the distributions they belong to (the shares of
 * one sentence or list, over one denominator), each checked with its plausible denominators.
 */

export interface ProseShare {
  paragraph: number;
  sentence: number;
  count: LabelledCount;
  percent: PercentFigure;
  /** The denominator the words name: 占总数的 → total, 占已答复的 → answered. */
  base: 'total' | 'answered' | null;
  /** For the last count of a list ("交通类172件、城建类80件、民政类50件，占59.68%"): the list's sum, which the share may be of. */
  chain: number | null;
}

/** The 、-joined list of counts ending at `count` ("交通类172件、城建类80件、民政类50件"), in order. */
function listOf(info: ParagraphInfo, count: LabelledCount): LabelledCount[] {
  const own = info.labelled.filter((l) => l.sentence === count.sentence && l.count.end <= count.count.start);
  const list = [count];
  for (let i = own.length - 1; i >= 0; i--) {
    const between = info.folded.slice(own[i]!.count.end, list[0]!.count.start);
    if (!/^\s*[、和及与][^，,；;。!?！？\d%]*$/.test(between)) break;
    list.unshift(own[i]!);
  }
  return list;
}

/** The sum of the 、-joined list of counts ending at `count`, or null when it stands alone. */
function chainSum(info: ParagraphInfo, count: LabelledCount): number | null {
  const list = listOf(info, count);
  return list.length > 1 ? list.reduce((a, l) => a + l.count.value, 0) : null;
}

const LINK =
  /^\s*(?:[（(]\s*)?(?:[，,、]\s*)?(?:(?:所|[两二三四五六七八九十]项)?(?:合计|共计|总计|累计|共|分别)?占(?:[\u4e00-\u9fa5]{0,8}?(?:总数|总量|总件数|全部|总和)|比|已答复(?:建议)?(?:总数)?|已办复(?:建议)?(?:总数)?)?的?(?:比例|比重)?(?:为|是|达|达到)?|比例为|比重为|占比为?)?\s*$/;
/** "分别占20%、12.7%": the shares of a list's counts, one each, in order. */
const RESPECTIVELY = /分别/;
const PERCENT_JOIN = /^\s*[、，,和及与]\s*$/;
const TOTAL_BASE = /总数|全部|总量|总件数|总和/;
const ANSWERED_BASE = /已答复|已办复|答复总数/;

/** The shares of one paragraph, in order. */
function sharesOf(info: ParagraphInfo): ProseShare[] {
  const shares: ProseShare[] = [];
  for (const percent of info.percents) {
    const own = info.labelled.filter((l) => l.count.end <= percent.start);
    const count = own[own.length - 1];
    if (!count) continue;
    const sentence = info.sentences[count.sentence]!;
    if (percent.start >= sentence.end) continue;
    const link = info.folded.slice(count.count.end, percent.start);
    // "占 比 30 %": spaces inside the words do not change them.
    if (link.length > 20 || !LINK.test(link.replace(/\s+/g, ''))) continue;
    if (shares.some((s) => s.count === count || s.percent === percent)) continue;
    const base = TOTAL_BASE.test(link) ? 'total' : ANSWERED_BASE.test(link) ? 'answered' : null;
    if (RESPECTIVELY.test(link)) {
      // Each count of the list with the percentage in its place; nothing when the two lists differ in length.
      const list = listOf(info, count);
      const run = [percent];
      for (const next of info.percents.filter((p) => p.start > percent.start)) {
        if (!PERCENT_JOIN.test(info.folded.slice(run[run.length - 1]!.end, next.start))) break;
        run.push(next);
      }
      if (list.length !== run.length) continue;
      list.forEach((c, i) =>
        shares.push({ paragraph: info.index, sentence: c.sentence, count: c, percent: run[i]!, base, chain: null }),
      );
      continue;
    }
    shares.push({ paragraph: info.index, sentence: count.sentence, count, percent, base, chain: chainSum(info, count) });
  }
  return shares;
}

/** Shares of one sentence split where a new whole is stated between them ("…；其中在已答复的249件中…"). */
function groupsOf(info: ParagraphInfo, shares: ProseShare[]): ProseShare[][] {
  const groups: ProseShare[][] = [];
  for (const share of shares) {
    const group = groups[groups.length - 1];
    const last = group?.[group.length - 1];
    // A list may run over sentences ("…提案94件，占53.7%。…提案36件，占20.6%。"): the next sentence
    // goes on with the same distribution when a share is all it says before its count.
    const next = last && share.sentence === last.sentence + 1;
    let split =
      !last ||
      (last.sentence !== share.sentence && !next) ||
      (last.base !== null && share.base !== null && last.base !== share.base);
    if (!split && last) {
      const between = info.labelled.filter((l) => l.count.start > last.percent.end && l.count.start < share.count.count.start);
      const words = info.folded.slice(last.percent.end, share.count.count.start);
      split = between.length > 0 || /其中/.test(words);
    }
    if (split) groups.push([share]);
    else group!.push(share);
  }
  return groups;
}

/**
 * Every denominator the text makes plausible for a group. The sentence before gives its counts,
 * except those that are another distribution's numerators (unless this sentence goes on "其中…").
 * A group whose words name the total (占总数的) when the total is unknown gets none: nothing to say.
 */
function candidatesFor(ctx: CheckContext, group: ProseShare[], numeratorsOfAll: ReadonlySet<LabelledCount>): Candidate[] {
  const first = group[0]!;
  const out: Candidate[] = [];
  const numerators = new Set(group.map((s) => s.count));
  // Counts stated before the group in its sentence, and in the sentence before.
  for (const l of countsIn(ctx, first.paragraph, first.sentence)) {
    if (l.count.start >= first.count.count.start || numerators.has(l)) continue;
    const whole = /^\s*(?:代表)?(?:建议|提案)?(?:中|当中|[，,]\s*其中)/.test(
      ctx.paragraphs[first.paragraph]!.folded.slice(l.count.end),
    );
    out.push({ value: l.count.value, source: whole ? 'named' : 'stated' });
  }
  const before = previousSentence(ctx, first.paragraph, first.sentence);
  const info = ctx.paragraphs[first.paragraph]!;
  const sentence = info.sentences[first.sentence]!;
  const goesOn = /^\s*其中/.test(info.folded.slice(sentence.start, sentence.end));
  if (before)
    for (const l of countsIn(ctx, before.paragraph, before.sentence))
      if (goesOn || !numeratorsOfAll.has(l)) out.push({ value: l.count.value, source: 'stated' });
  const facts = ctx.facts;
  const total = [facts?.total, ...statedValues(ctx, 'total')];
  const answered = [facts?.counts.answered, ...statedValues(ctx, 'answered')];
  const feedback = [facts?.counts.feedbackReturned, ...statedValues(ctx, 'feedbackReturned')];
  const base = group.find((s) => s.base)?.base ?? null;
  const known = (list: (number | undefined)[]) => list.some((v) => v !== undefined) || out.some((c) => c.source === 'named');
  if ((base === 'total' && !known(total)) || (base === 'answered' && !known(answered))) return [];
  // The distribution's own total: the shares of the listed classes over the items they classify.
  if (group.length > 1) out.push({ value: group.reduce((a, s) => a + s.count.count.value, 0), source: 'sum' });
  for (const v of total) if (v !== undefined) out.push({ value: v, source: base === 'total' ? 'named' : 'total' });
  for (const v of answered) if (v !== undefined) out.push({ value: v, source: base === 'answered' ? 'named' : 'answered' });
  if (group.some((s) => s.count.label?.dim === 'feedback'))
    for (const v of feedback) if (v !== undefined) out.push({ value: v, source: 'feedback' });
  return out;
}

/** Words that make a count a subset of one stated before: "重点建议中已办结30件", "其中…". */
const SUBSET_WORDS = /(?:建议|提案|件|的|这些|上述)(?:当|之)?中|其中/;

/**
 * Wholes a share alone may be of, when its words make it a subset of something stated before
 * ("其中重点建议40件，占15.4%；重点建议中已办结30件，占75%"): the counts before it in its
 * sentence and in the sentence before, even those that are another share's numerator.
 */
function wholesBefore(ctx: CheckContext, share: ProseShare, shares: readonly ProseShare[]): number[] {
  const info = ctx.paragraphs[share.paragraph]!;
  const sentence = info.sentences[share.sentence]!;
  const earlierShare = shares.filter((s) => s.sentence === share.sentence && s.percent.end <= share.count.count.start).pop();
  const from = Math.max(sentence.start, earlierShare?.percent.end ?? 0);
  if (!SUBSET_WORDS.test(info.folded.slice(from, share.count.count.start))) return [];
  const own = countsIn(ctx, share.paragraph, share.sentence).filter((l) => l.count.end <= share.count.count.start);
  const before = previousSentence(ctx, share.paragraph, share.sentence);
  const earlier = before ? countsIn(ctx, before.paragraph, before.sentence) : [];
  return [...own, ...earlier].map((l) => l.count.value);
}

/** Checks every share of the draft. */
export function checkShares(ctx: CheckContext): ProseShare[] {
  const byParagraph = ctx.paragraphs.map((info) => sharesOf(info));
  const numerators = new Set(byParagraph.flat().map((s) => s.count));
  ctx.paragraphs.forEach((info, p) => {
    for (const group of groupsOf(info, byParagraph[p]!)) {
      const items: ShareItem[] = group.map((s) => ({
        paragraph: s.paragraph,
        count: s.count.count.value,
        percent: s.percent,
        quote: quoteOf(info, s.count.count.start, s.percent.end),
        ...(s.chain !== null ? { alternatives: [s.chain] } : {}),
        denominators: wholesBefore(ctx, s, byParagraph[p]!),
      }));
      checkDistribution(ctx, items, candidatesFor(ctx, group, numerators));
    }
  });
  return byParagraph.flat();
}
