import {
  checkable,
  halfUp,
  largestRemainderRange,
  precisionWords,
  shownQuotient,
  unitsText,
  type LargestRemainderRange,
} from './arith';
import { report, type CheckContext } from './context';
import type { PercentFigure } from './figures';
import type { Finding } from './model';

/**
 * The check of one distribution: shares printed for counts over one denominator. A share is
 * right when it equals its count over the denominator rounded half up, or the largest-remainder
 * share of the whole distribution (the sibling shares). The text may make several denominators
 * plausible (the total, the answered items, a count stated just before); a share is an error only
 * when no plausible denominator gives it under either method. Method warnings: a share right
 * only under the method the session does not use, a distribution mixing the methods, and a
 * complete largest-remainder distribution whose shares do not add up to 100.
 */

export interface ShareItem {
  paragraph: number;
  count: number;
  percent: PercentFigure;
  quote: string;
  /** Other counts the share may be of (the sum of a list it follows). */
  alternatives?: number[];
  /**
   * Wholes this share alone may be of, when its words make it a subset ("…中", "其中"): counts
   * stated before it in its sentence or in the one before, even another share's numerator
   * ("重点建议40件，占15.4%；重点建议中已办结30件，占75%"). Checked half up; they can make it right,
   * and name the denominator of an error, but are never the group's own denominator.
   */
  denominators?: number[];
}

export interface Candidate {
  value: number;
  /**
   * Where the denominator comes from, for choosing the one a message names. 'sum' (the listed
   * counts' own total) can make a share right but is never the ground for an error.
   */
  source: 'named' | 'stated' | 'total' | 'answered' | 'feedback' | 'sum';
}

interface Fit {
  halfUp: boolean;
  largestRemainder: boolean;
}

/** The largest-remainder shares an item may have (two when its remainder ties at the cutoff). */
function lrOptions(range: LargestRemainderRange, index: number): bigint[] {
  const floor = range.floors[index]!;
  const state = range.state[index]!;
  return state === 'up' ? [floor + 1n] : state === 'down' ? [floor] : [floor, floor + 1n];
}

function fits(items: readonly ShareItem[], denominator: number): (Fit | null)[] {
  const counts = items.map((i) => i.count);
  const sum = counts.reduce((a, b) => a + b, 0);
  const ranges = new Map<number, LargestRemainderRange | null>();
  // Of the shares tied at the cutoff, any `slots` may get the extra unit: the ones printed with
  // it are taken in order, as many as there are slots, and the ones printed without it likewise.
  const tiedUsed = new Map<number, { up: number; down: number }>();
  return items.map((item, index) => {
    const p = item.percent;
    if (!checkable(p) || denominator <= 0 || item.count > denominator) return null;
    if (!ranges.has(p.decimals))
      ranges.set(p.decimals, sum <= denominator ? largestRemainderRange(counts, denominator, p.decimals) : null);
    const range = ranges.get(p.decimals);
    let largestRemainder = false;
    if (range) {
      const floor = range.floors[index]!;
      if (range.state[index] !== 'tie') largestRemainder = lrOptions(range, index)[0] === p.units;
      else {
        const used = tiedUsed.get(p.decimals) ?? { up: 0, down: 0 };
        tiedUsed.set(p.decimals, used);
        const ties = range.state.filter((s) => s === 'tie').length;
        if (p.units === floor + 1n && used.up < range.slots) {
          used.up++;
          largestRemainder = true;
        } else if (p.units === floor && used.down < ties - range.slots) {
          used.down++;
          largestRemainder = true;
        }
      }
    }
    return { halfUp: halfUp(item.count, denominator, p.decimals) === p.units, largestRemainder };
  });
}

const ORDER: Candidate['source'][] = ['named', 'stated', 'total', 'answered', 'feedback', 'sum'];

/**
 * The shares an item should have over a denominator: half up, and under largest remainder the
 * ones other than the printed one (two when tied at the cutoff), or null when the distribution's
 * counts exceed the denominator.
 */
function expectedShares(items: readonly ShareItem[], item: ShareItem, denominator: number): { hu: string; lr: string[] | null } {
  const d = item.percent.decimals as 0 | 1 | 2 | 3;
  const hu = unitsText(halfUp(item.count, denominator, d), d);
  const sum = items.reduce((a, i) => a + i.count, 0);
  if (sum > denominator) return { hu, lr: null };
  const range = largestRemainderRange(
    items.map((i) => i.count),
    denominator,
    d,
  );
  const all = lrOptions(range, items.indexOf(item));
  const others = all.filter((u) => u !== item.percent.units);
  return { hu, lr: (others.length ? others : all).map((u) => unitsText(u, d)) };
}

function finding(ctx: CheckContext, item: ShareItem, fields: Pick<Finding, 'severity' | 'kind' | 'expected' | 'message'>): void {
  report(ctx, {
    ...fields,
    paragraph: item.paragraph,
    quote: item.quote,
    printed: item.percent.printed,
    start: item.percent.start,
    end: item.percent.end,
  });
}

const METHOD_NAMES = { 'half-up': '四舍五入', 'largest-remainder': '最大余数法' } as const;

/** Checks one distribution against its plausible denominators and reports what is wrong. */
export function checkDistribution(ctx: CheckContext, items: readonly ShareItem[], candidates: readonly Candidate[]): void {
  const usable = items.filter((i) => checkable(i.percent));
  if (usable.length === 0) return;
  const unique: Candidate[] = [];
  for (const c of [...candidates].sort((a, b) => ORDER.indexOf(a.source) - ORDER.indexOf(b.source))) {
    if (c.value > 0 && !unique.some((u) => u.value === c.value)) unique.push(c);
  }
  if (unique.every((c) => c.source === 'sum')) return; // no plausible denominator: nothing can be said
  const table = unique.map((c) => ({ candidate: c, fits: fits(usable, c.value) }));
  const score = (t: (typeof table)[number]) => t.fits.filter((f) => f && (f.halfUp || f.largestRemainder)).length;
  let best = table[0]!;
  for (const t of table) if (score(t) > score(best)) best = t;

  const session = ctx.options.rounding;
  const bestFits = best.fits;
  const huOnly = usable.filter((_, i) => bestFits[i]?.halfUp && !bestFits[i]?.largestRemainder);
  let warned = false;
  usable.forEach((item, i) => {
    const fit = bestFits[i];
    if (fit && (fit.halfUp || fit.largestRemainder)) {
      const D = best.candidate.value;
      const d = item.percent.decimals;
      const { hu, lr: lrs } = expectedShares(usable, item, D);
      const lr = lrs?.join('% 或 ') ?? null;
      const quotient = `${item.count} / ${D} = ${shownQuotient(item.count, D, d)} %`;
      // Right under the session's method over another plausible denominator: nothing to say.
      const sessionFits = table.some((t) => (session === 'half-up' ? t.fits[i]?.halfUp : t.fits[i]?.largestRemainder));
      if (session === 'half-up' && !fit.halfUp && !sessionFits) {
        warned = true;
        finding(ctx, item, {
          severity: 'warning',
          kind: 'method',
          expected: `${hu}%`,
          message: `${quotient}，本次会议按四舍五入${precisionWords(d)}应为 ${hu}%，稿中的 ${item.percent.printed} 是最大余数法的结果`,
        });
      } else if (session === 'largest-remainder' && !fit.largestRemainder && lr !== null && !sessionFits) {
        warned = true;
        finding(ctx, item, {
          severity: 'warning',
          kind: 'method',
          expected: `${lr}%`,
          message: `${quotient}，本次会议按最大余数法${precisionWords(d)}应为 ${lr}%，稿中的 ${item.percent.printed} 是四舍五入的结果`,
        });
      } else if (!session && fit.largestRemainder && !fit.halfUp && huOnly.length > 0) {
        warned = true;
        finding(ctx, item, {
          severity: 'warning',
          kind: 'method',
          expected: `${hu}%`,
          message: `同一组比例混用了两种取舍方法：${quotient}，${item.percent.printed} 是最大余数法的结果，而同组的其他比例按四舍五入（四舍五入应为 ${hu}%）`,
        });
      }
      return;
    }
    // Not right over the best denominator: right over another plausible one is no error.
    if (table.some((t) => t.fits[i] && (t.fits[i]!.halfUp || t.fits[i]!.largestRemainder))) return;
    if (!checkable(item.percent)) return;
    const d = item.percent.decimals;
    const numerators = [item.count, ...(item.alternatives ?? [])];
    if (numerators.slice(1).some((n) => unique.some((c) => c.value >= n && halfUp(n, c.value, d) === item.percent.units))) return;
    if ((item.denominators ?? []).some((D) => D >= item.count && halfUp(item.count, D, d) === item.percent.units)) return;
    // What the message names: the denominator the words name (else any plausible one) and the
    // numerator (the count, or the list's sum it follows) whose share comes closest to the printed one.
    const named = unique.filter((c) => c.source === 'named');
    const subsetOf: Candidate[] = (item.denominators ?? []).map((value) => ({ value, source: 'stated' }));
    const grounds = named.length ? named : [...unique.filter((c) => c.source !== 'sum'), ...subsetOf];
    const pairs = numerators.flatMap((n) => grounds.filter((c) => c.value >= n).map((c) => ({ n, D: c.value })));
    if (pairs.length === 0) return;
    const distance = ({ n, D }: { n: number; D: number }) => {
      const gap = halfUp(n, D, d) - item.percent.units;
      return gap < 0n ? -gap : gap;
    };
    const { n, D } = pairs.reduce((a, p) => (distance(p) < distance(a) ? p : a));
    const own = n === item.count;
    const hu = unitsText(halfUp(n, D, d), d);
    const lrs = own ? expectedShares(usable, item, D).lr : null;
    const lr = lrs?.join('% 或 ') ?? null;
    const quotient = `${n} / ${D} = ${shownQuotient(n, D, d)} %`;
    const expected = session === 'largest-remainder' && lrs && !lrs.includes(hu) ? lrs[0]! : hu;
    const words =
      lr === null || lr === hu
        ? `按四舍五入${own ? '或最大余数法' : ''}${precisionWords(d)}${own ? '都' : ''}应为 ${hu}%`
        : `${precisionWords(d) ? `${precisionWords(d)}，` : ''}按四舍五入应为 ${hu}%，按最大余数法应为 ${lr}%`;
    finding(ctx, item, {
      severity: 'error',
      kind: 'share',
      expected: `${expected}%`,
      message: `${own ? '' : '所列各项合计 '}${quotient}，${words}，稿中写作 ${item.percent.printed}`,
    });
  });

  // A complete distribution (its counts make up the denominator) whose shares do not add up to 100:
  // right share by share under half-up, but a reader adds them up. Not said when the session rounds half up.
  const D = best.candidate.value;
  const sum = usable.reduce((a, i) => a + i.count, 0);
  const decimals = usable[0]!.percent.decimals;
  const allFit = bestFits.every((f) => f && (f.halfUp || f.largestRemainder));
  if (session === 'half-up' || warned || !allFit || usable.length < 2 || sum !== D || best.candidate.source === 'sum') return;
  if (usable.some((i) => i.percent.decimals !== decimals)) return;
  const printedSum = usable.reduce((a, i) => a + i.percent.units, 0n);
  if (printedSum === 100n * 10n ** BigInt(decimals)) return;
  const last = usable[usable.length - 1]!;
  finding(ctx, last, {
    severity: 'warning',
    kind: 'sum',
    expected: '100%',
    message: `这一组比例覆盖全部 ${D} 件，各项之和却是 ${unitsText(printedSum, decimals)}%：各项单独四舍五入时会这样，如需合计为 100%，可改用${METHOD_NAMES['largest-remainder']}`,
  });
}
