import type { DraftFacts } from './facts';
import { figuresOf, type CountFigure, type ParagraphFigures, type Sentence, type Span } from './figures';
import { labelOf, vocabularyOf, type CountLabel, type Vocabulary } from './labels';
import type { CheckOptions, DraftParagraph, Finding } from './model';

/**
 * One check run over a draft: every paragraph's figures and labelled counts, what the draft's
 * own text states about the session (its total, its answered count), and the findings so far.
 * The checks (shares, counts, rates, comparisons, sums, tables) read from it and add to it.
 */

export interface LabelledCount {
  paragraph: number;
  sentence: number;
  count: CountFigure;
  /** Null when the words name nothing known, or the count is part of a subset ("其中某局…"). */
  label: CountLabel | null;
}

export interface ParagraphInfo extends ParagraphFigures {
  index: number;
  text: string;
  labelled: LabelledCount[];
}

export type StatedKind = 'total' | 'answered' | 'feedbackReturned';

export interface StatedCount {
  value: number;
  paragraph: number;
  at: number;
}

export interface CheckContext {
  paragraphs: ParagraphInfo[];
  facts: DraftFacts | null;
  options: CheckOptions;
  vocabulary: Vocabulary;
  /** What the draft itself states: every total, answered and feedback-returned count it gives, in order. */
  stated: Record<StatedKind, StatedCount[]>;
  findings: Finding[];
}

/** A count introducing a subset: "46件中", "的31件建议中", "主办14件，其中". */
const SUBSET_AFTER = /^\s*(?:代表)?(?:建议|提案)?(?:中|当中|之中|[，,]\s*其中)/;
const WHOLE_LABELS = new Set(['total', 'answered', 'feedbackReturned']);

function labelCounts(info: ParagraphFigures, index: number, vocabulary: Vocabulary): LabelledCount[] {
  const out: LabelledCount[] = [];
  info.sentences.forEach((sentence, s) => {
    let subset = false;
    for (const count of info.counts) {
      if (count.start < sentence.start || count.start >= sentence.end) continue;
      const label = subset ? null : labelOf({ folded: info.folded, sentence, count, vocabulary });
      out.push({ paragraph: index, sentence: s, count, label });
      const after = info.folded.slice(count.end, sentence.end);
      if (SUBSET_AFTER.test(after) && !(label && WHOLE_LABELS.has(label.dim))) subset = true;
    }
  });
  return out;
}

export function createContext(
  paragraphs: readonly DraftParagraph[],
  facts: DraftFacts | null,
  options: CheckOptions,
): CheckContext {
  const vocabulary = vocabularyOf(facts);
  const infos = paragraphs.map((p, index): ParagraphInfo => {
    const figures = figuresOf(p.text);
    return { ...figures, index, text: p.text, labelled: labelCounts(figures, index, vocabulary) };
  });
  const stated: CheckContext['stated'] = { total: [], answered: [], feedbackReturned: [] };
  for (const info of infos) {
    for (const { label, count } of info.labelled) {
      const dim = label?.dim;
      if (dim === 'total' || dim === 'answered' || dim === 'feedbackReturned')
        stated[dim].push({ value: count.value, paragraph: info.index, at: count.start });
    }
  }
  return { paragraphs: infos, facts, options, vocabulary, stated, findings: [] };
}

/** The sentence before this one: earlier in the paragraph, else the last of the previous non-empty paragraph. */
export function previousSentence(
  ctx: CheckContext,
  paragraph: number,
  sentence: number,
): { paragraph: number; sentence: number } | null {
  if (sentence > 0) return { paragraph, sentence: sentence - 1 };
  for (let p = paragraph - 1; p >= 0; p--) {
    const n = ctx.paragraphs[p]!.sentences.length;
    if (n > 0) return { paragraph: p, sentence: n - 1 };
  }
  return null;
}

export function countsIn(ctx: CheckContext, paragraph: number, sentence: number): LabelledCount[] {
  return ctx.paragraphs[paragraph]!.labelled.filter((l) => l.sentence === sentence);
}

function sentenceAt(info: ParagraphFigures, at: number): { sentence: Sentence; index: number } | null {
  const index = info.sentences.findIndex((s) => s.start <= at && at < s.end);
  return index < 0 ? null : { sentence: info.sentences[index]!, index };
}

/** The clauses from the one holding `from` to the one holding `to`, trimmed, at most 80 characters. */
export function quoteOf(info: ParagraphInfo, from: number, to: number): string {
  const found = sentenceAt(info, from);
  let start = from;
  let end = to;
  if (found) {
    const clauses: Span[] = found.sentence.clauses;
    start = clauses.find((c) => c.start <= from && from < c.end)?.start ?? found.sentence.start;
    end = [...clauses].reverse().find((c) => c.start < to && to <= c.end)?.end ?? Math.max(to, found.sentence.end);
  }
  const text = info.text
    .slice(start, end)
    .trim()
    .replace(/[，,；;：:。]$/, '');
  return text.length > 80 ? `…${text.slice(-79)}` : text;
}

export function report(ctx: CheckContext, finding: Finding): void {
  const duplicate = ctx.findings.some(
    (f) => f.paragraph === finding.paragraph && f.start === finding.start && f.end === finding.end && f.kind === finding.kind,
  );
  if (!duplicate) ctx.findings.push(finding);
}

/** Every value the draft states for a kind of count (each is a plausible denominator). */
export function statedValues(ctx: CheckContext, kind: StatedKind): number[] {
  return ctx.stated[kind].map((s) => s.value);
}

/** The value the draft last stated before a place (else the first it states), for a rate's denominator. */
export function statedBefore(ctx: CheckContext, kind: StatedKind, paragraph: number, at: number): number | undefined {
  const list = ctx.stated[kind];
  const before = list.filter((s) => s.paragraph < paragraph || (s.paragraph === paragraph && s.at < at));
  return (before[before.length - 1] ?? list[0])?.value;
}
