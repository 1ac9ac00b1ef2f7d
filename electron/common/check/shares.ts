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

/** The sum of the 、-joined list of counts ending at `count`, or null when it stands alone. */
function chainSum(info: ParagraphInfo, count: LabelledCount): number | null {
  const own = info.labelled.filter((l) => l.sentence === count.sentence && l.count.end <= count.count.start);
  let sum = count.count.value;
  let length = 1;
  let next = count;
  for (let i = own.length - 1; i >= 0; i--) {
    const between = info.folded.slice(own[i]!.count.end, next.count.start);
    if (!/^\s*[、和及与][^，,；;。!?！？\d%]*$/.test(between)) break;
    sum += own[i]!.count.value;
    length++;
    next = own[i]!;
  }
  return length > 1 ? sum : null;
}

const LINK =
  /^\s*(?:[（(]\s*)?(?:[，,、]\s*)?(?:(?:所)?占(?:[\u4e00-\u9fa5]{0,8}?(?:总数|总量|总件数|全部|总和)|比|已答复(?:建议)?(?:总数)?|已办复(?:建议)?(?:总数)?)?的?(?:比例|比重)?(?:为|是|达|达到)?|比例为|比重为|占比为?)?\s*$/;
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
    if (link.length > 20 || !LINK.test(link)) continue;
    if (shares.some((s) => s.count === count)) continue;
    const base = TOTAL_BASE.test(link) ? 'total' : ANSWERED_BASE.test(link) ? 'answered' : null;
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
      }));
      checkDistribution(ctx, items, candidatesFor(ctx, group, numerators));
    }
  });
  return byParagraph.flat();
}
