import { codesFor } from '../domain/result-classes';
import { FEEDBACK_VALUES } from '../domain/feedback';
import {
  countsIn,
  previousSentence,
  quoteOf,
  report,
  statedBefore,
  statedValues,
  type CheckContext,
  type LabelledCount,
  type ParagraphInfo,
} from './context';

/**
 * Parts that must add up to a stated whole:
 * - a remainder sentence: "46件中，已提前办结18件，还有28件" (18 + 28 = 46);
 * - answered and not yet answered: "已答复249件…尚有11件正在办理" against the total;
 * - a complete breakdown: counts of every result class (or category, or feedback value) listed
 *   in one sentence must add up to a whole the text makes plausible (the total, the answered
 *   items, the feedback returned, a count stated just before).
 */

const WHOLE_AFTER = /^\s*(?:代表)?(?:建议|提案)?(?:中|当中|之中|[，,]\s*其中)/;
const REMAINDER = /(?:还有|尚有|另有|其余|剩余|其他|其它)(?:的)?\s*$/;

function sumText(parts: readonly number[]): string {
  return parts.length <= 8
    ? `${parts.join(' + ')} = ${parts.reduce((a, b) => a + b, 0)}`
    : `各项之和为 ${parts.reduce((a, b) => a + b, 0)}`;
}

function remainderSentences(ctx: CheckContext, info: ParagraphInfo): void {
  info.sentences.forEach((sentence, s) => {
    const counts = countsIn(ctx, info.index, s);
    counts.forEach((whole, w) => {
      if (!WHOLE_AFTER.test(info.folded.slice(whole.count.end, sentence.end))) return;
      const after = counts.slice(w + 1);
      const last = after.findIndex((c) =>
        REMAINDER.test(info.folded.slice(Math.max(sentence.start, c.count.start - 6), c.count.start)),
      );
      if (last < 1) return;
      const parts = after.slice(0, last + 1);
      // A breakdown of the whole: every part smaller, in the same unit ("…1155条，其中…1160条" is not one).
      const unit = (c: LabelledCount) => c.count.printed.trim().slice(-1);
      if (parts.some((p) => p.count.value > whole.count.value || unit(p) !== unit(whole))) return;
      const sum = parts.reduce((a, c) => a + c.count.value, 0);
      if (sum === whole.count.value) return;
      const rest = parts[parts.length - 1]!;
      const expected = whole.count.value - (sum - rest.count.value);
      report(ctx, {
        severity: 'error',
        kind: 'sum',
        paragraph: info.index,
        quote: quoteOf(info, whole.count.start, rest.count.end),
        printed: rest.count.printed.replace(/\s+/g, ''),
        expected: expected >= 0 ? `${expected}件` : `${whole.count.value}件`,
        message: `${sumText(parts.map((p) => p.count.value))} 件，与前文的 ${whole.count.value} 件不符`,
        start: rest.count.start,
        end: rest.count.end,
      });
    });
  });
}

function answeredAndOpen(ctx: CheckContext, info: ParagraphInfo): void {
  if (ctx.facts) return;
  for (const open of info.labelled) {
    if (open.label?.dim !== 'unanswered') continue;
    const total = statedBefore(ctx, 'total', info.index, open.count.start);
    if (total === undefined) continue;
    const answered = info.labelled
      .filter((l) => l.sentence === open.sentence && l.label?.dim === 'answered' && l.count.start < open.count.start)
      .pop();
    if (!answered || answered.count.value + open.count.value === total) continue;
    report(ctx, {
      severity: 'error',
      kind: 'sum',
      paragraph: info.index,
      quote: quoteOf(info, answered.count.start, open.count.end),
      printed: open.count.printed.replace(/\s+/g, ''),
      expected: `${total - answered.count.value}件`,
      message: `已答复 ${answered.count.value} 件 + 尚未答复 ${open.count.value} 件 = ${answered.count.value + open.count.value} 件，与总数 ${total} 件不符`,
      start: open.count.start,
      end: open.count.end,
    });
  }
}

/** Whether the parts name every class of their dimension (with records: every class that has items). */
function complete(ctx: CheckContext, dim: string, parts: LabelledCount[]): boolean {
  const names = parts.map((p) => (dim === 'result' ? p.label!.code! : p.label!.name!));
  if (new Set(names).size !== names.length) return false;
  const facts = ctx.facts;
  let needed: string[];
  if (dim === 'result') {
    // The classes cover every item only once every item is answered (the records say so, or the draft).
    if (!(facts ? facts.answered === facts.total : allAnswered(ctx))) return false;
    needed = facts ? facts.results.filter((r) => r.count > 0).map((r) => r.code) : codesFor(ctx.vocabulary.scheme.count);
  } else if (dim === 'category') {
    if (!facts) return false;
    needed = facts.categories.filter((c) => c.count > 0).map((c) => c.name);
  } else {
    // The values cover the feedback returned, which the draft or the records must give.
    if (facts?.counts.feedbackReturned === undefined && ctx.stated.feedbackReturned.length === 0) return false;
    needed = facts?.feedback.length
      ? facts.feedback.filter((f) => f.count > 0).map((f) => f.label)
      : FEEDBACK_VALUES.three.every((v) => names.includes(v))
        ? [...FEEDBACK_VALUES.three]
        : [...FEEDBACK_VALUES.five];
  }
  return needed.length >= 2 && needed.every((n) => names.includes(n));
}

const ALL_ANSWERED =
  /(?:全部|均已|均)(?:按期|按时)?(?:办理并|予以)?(?:答复|办复|办结|办理完毕)|已全部(?:按期)?(?:答复|办复|办结|办理完毕)/;

/** Whether the draft says every item was answered ("全部按期办理并答复", "已全部办理完毕"). */
function allAnswered(ctx: CheckContext): boolean {
  const total = ctx.stated.total[0]?.value;
  if (total !== undefined && ctx.stated.answered.some((a) => a.value === total)) return true;
  return ctx.paragraphs.some((p) => ALL_ANSWERED.test(p.folded));
}

function breakdowns(ctx: CheckContext, info: ParagraphInfo): void {
  info.sentences.forEach((_, s) => {
    const counts = countsIn(ctx, info.index, s);
    for (const dim of ['result', 'category', 'feedback']) {
      const parts = counts.filter((c) => c.label?.dim === dim);
      if (parts.length < 2 || !complete(ctx, dim, parts)) continue;
      const sum = parts.reduce((a, p) => a + p.count.value, 0);
      const first = parts[0]!;
      const wholes: number[] = counts
        .filter((c) => c.count.start < first.count.start && !parts.includes(c))
        .map((c) => c.count.value);
      const before = previousSentence(ctx, info.index, s);
      if (before) wholes.push(...countsIn(ctx, before.paragraph, before.sentence).map((c) => c.count.value));
      const facts = ctx.facts;
      wholes.push(
        ...[facts?.total, facts?.answered].filter((v): v is number => v !== undefined),
        ...statedValues(ctx, 'total'),
        ...statedValues(ctx, 'answered'),
      );
      if (dim === 'feedback')
        wholes.push(
          ...(facts?.counts.feedbackReturned !== undefined ? [facts.counts.feedbackReturned] : []),
          ...statedValues(ctx, 'feedbackReturned'),
        );
      if (wholes.length === 0 || wholes.includes(sum)) continue;
      const named = wholes[0]!;
      const last = parts[parts.length - 1]!;
      report(ctx, {
        severity: 'error',
        kind: 'sum',
        paragraph: info.index,
        quote: quoteOf(info, first.count.start, last.count.end),
        printed: `${sum}件`,
        expected: `${named}件`,
        message: `所列各项合计 ${sumText(parts.map((p) => p.count.value))} 件，与${counts.some((c) => c.count.value === named && c.count.start < first.count.start) ? '前文所写' : '总数'}的 ${named} 件不符`,
        start: last.count.start,
        end: last.count.end,
      });
    }
  });
}

export function checkSums(ctx: CheckContext): void {
  for (const info of ctx.paragraphs) {
    remainderSentences(ctx, info);
    answeredAndOpen(ctx, info);
    breakdowns(ctx, info);
  }
}
