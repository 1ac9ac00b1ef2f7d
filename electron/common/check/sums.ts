import { readChineseNumeral } from '../domain/chinese-numerals';
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
 * - done and open parts of a stated whole: "46件建议中，18件已办结，27件正在办理";
 * - a stated total of a list: "…84件、…52件，两项合计137件";
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
      checkParts(ctx, info, whole, after.slice(0, last + 1));
    });
  });
}

/**
 * Parts stated as a breakdown of a whole must add up to it: an error at the last part, with the
 * count it should have. Not a breakdown when a part is larger than the whole or counts in another
 * unit ("…1155条，其中…1160条" is not one).
 */
function checkParts(ctx: CheckContext, info: ParagraphInfo, whole: LabelledCount, parts: LabelledCount[]): void {
  const unit = (c: LabelledCount) => c.count.printed.trim().slice(-1);
  if (parts.some((p) => p.count.value > whole.count.value || unit(p) !== unit(whole))) return;
  const sum = parts.reduce((a, c) => a + c.count.value, 0);
  if (sum === whole.count.value) return;
  const last = parts[parts.length - 1]!;
  const expected = whole.count.value - (sum - last.count.value);
  report(ctx, {
    severity: 'error',
    kind: 'sum',
    paragraph: info.index,
    quote: quoteOf(info, whole.count.start, last.count.end),
    printed: last.count.printed.replace(/\s+/g, ''),
    expected: expected >= 0 ? `${expected}件` : `${whole.count.value}件`,
    message: `${sumText(parts.map((p) => p.count.value))} 件，与前文的 ${whole.count.value} 件不符`,
    start: last.count.start,
    end: last.count.end,
  });
}

const DONE = /已经?(?:办结|答复|办复|解决|落实|完成)|办理完毕/;
const OPEN = /正在(?:办理|解决|答复|推进)|(?:尚|仍)在办理|(?:尚未|未)(?:办结|答复|办复)|在办/;

/**
 * "46件建议中，18件已办结，27件正在办理": a whole, then its parts, one a clause, each saying
 * whether it is done or still open, some of each. The parts must add up to the whole.
 */
function doneAndOpen(ctx: CheckContext, info: ParagraphInfo): void {
  info.sentences.forEach((sentence, s) => {
    const counts = countsIn(ctx, info.index, s);
    counts.forEach((whole, w) => {
      if (!WHOLE_AFTER.test(info.folded.slice(whole.count.end, sentence.end))) return;
      const parts: LabelledCount[] = [];
      for (const c of counts.slice(w + 1)) {
        parts.push(c);
        if (WHOLE_AFTER.test(info.folded.slice(c.count.end, sentence.end))) break;
      }
      const clauseOf = (c: LabelledCount) => sentence.clauses.find((x) => x.start <= c.count.start && c.count.start < x.end);
      const clauses = parts.map(clauseOf);
      if (parts.length < 2 || clauses.some((c, i) => !c || clauses.indexOf(c) !== i)) return;
      const words = parts.map((p, i) => {
        const clause = clauses[i]!;
        const text = info.folded.slice(clause.start, p.count.start) + info.folded.slice(p.count.end, clause.end);
        return REMAINDER.test(info.folded.slice(clause.start, p.count.start))
          ? 'rest'
          : OPEN.test(text)
            ? 'open'
            : DONE.test(text)
              ? 'done'
              : null;
      });
      if (words.includes(null) || words.includes('rest') || !words.includes('done') || !words.includes('open')) return;
      checkParts(ctx, info, whole, parts);
    });
  });
}

/** "…84件、…52件，两项合计137件": the words between a 、-joined list and the total stated for it. */
const LIST_TOTAL =
  /^\s*[，,]\s*(?:(\d+|[两二三四五六七八九十]+)项|以上|上述(?:各项)?|二者|两者)?(?:合计|共计|总计)(?:为|是|有|达)?\s*$/;
const LIST_JOIN = /^\s*[、和及与][^，,；;。!?！？\d%]*$/;

function listTotals(ctx: CheckContext, info: ParagraphInfo): void {
  for (const total of info.labelled) {
    const before = info.labelled.filter((l) => l.sentence === total.sentence && l.count.end <= total.count.start);
    const last = before[before.length - 1];
    const words = last ? LIST_TOTAL.exec(info.folded.slice(last.count.end, total.count.start)) : null;
    if (!last || !words) continue;
    const list = [last];
    for (let i = before.length - 2; i >= 0; i--) {
      if (!LIST_JOIN.test(info.folded.slice(before[i]!.count.end, list[0]!.count.start))) break;
      list.unshift(before[i]!);
    }
    const stated = words[1] === undefined ? null : /\d/.test(words[1]) ? Number(words[1]) : readChineseNumeral(words[1]);
    const unit = (c: LabelledCount) => c.count.printed.trim().slice(-1);
    if (list.length < 2 || (stated !== null && stated !== list.length) || list.some((c) => unit(c) !== unit(total))) continue;
    const sum = list.reduce((a, c) => a + c.count.value, 0);
    if (sum === total.count.value) continue;
    report(ctx, {
      severity: 'error',
      kind: 'sum',
      paragraph: info.index,
      quote: quoteOf(info, list[0]!.count.start, total.count.end),
      printed: total.count.printed.replace(/\s+/g, ''),
      expected: `${sum}件`,
      message: `所列各项 ${sumText(list.map((c) => c.count.value))} 件，稿中合计写作 ${total.count.printed.replace(/\s+/g, '')}`,
      start: total.count.start,
      end: total.count.end,
    });
  }
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
    doneAndOpen(ctx, info);
    listTotals(ctx, info);
    answeredAndOpen(ctx, info);
    breakdowns(ctx, info);
  }
}
