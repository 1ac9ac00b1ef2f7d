import { quoteOf, report, type CheckContext } from './context';
import type { DraftFacts } from './facts';
import type { CountLabel } from './labels';

/**
 * Counts against the records: a count whose words name a category, a result class, a feedback
 * value, the total or one of the handled counts (已答复, 办结, 公开, 见面…) must be the number the
 * records give. Only with session facts; a name the records do not know is not compared.
 */

const WHAT: Record<string, string> = {
  total: '全部建议',
  answered: '已答复的',
  unanswered: '尚未答复的',
  onTime: '按期答复的',
  closed: '已办结的',
  published: '已公开的',
  met: '与代表见面沟通的',
  feedbackReturned: '已反馈评价的',
};

/** The records' count for a label and how a message names it, or null when the records do not give it. */
export function recordedCount(facts: DraftFacts, label: CountLabel): { count: number; what: string } | null {
  switch (label.dim) {
    case 'category': {
      const c = facts.categories.find((x) => x.name === label.name);
      return c ? { count: c.count, what: `“${c.name}”方面的` } : null;
    }
    case 'result': {
      const rows = facts.results.filter((r) => r.code === label.code);
      if (rows.length === 0) return null;
      return { count: rows.reduce((a, r) => a + r.count, 0), what: `办理结果为“${rows[0]!.label}”的` };
    }
    case 'feedback': {
      const f = facts.feedback.find((x) => x.label === label.name);
      return f ? { count: f.count, what: `评价为“${f.label}”的` } : null;
    }
    default: {
      const count = label.dim === 'total' ? facts.total : facts.counts[label.dim];
      return count === undefined ? null : { count, what: WHAT[label.dim] ?? '' };
    }
  }
}

export function checkCounts(ctx: CheckContext): void {
  const facts = ctx.facts;
  if (!facts) return;
  for (const info of ctx.paragraphs) {
    for (const { count, label } of info.labelled) {
      if (!label) continue;
      const recorded = recordedCount(facts, label);
      if (!recorded || recorded.count === count.value) continue;
      report(ctx, {
        severity: 'error',
        kind: 'count',
        paragraph: info.index,
        quote: quoteOf(info, count.start, count.end),
        printed: count.printed.replace(/\s+/g, ''),
        expected: `${recorded.count}件`,
        message: `台账记录${recorded.what}为 ${recorded.count} 件，稿中写作 ${count.printed.replace(/\s+/g, '')}`,
        start: count.start,
        end: count.end,
      });
    }
  }
}
