import type { Run } from '../../../common/documents/markup/document';
import { textWidthInChars } from './text-width';

/**
 * GB/T 9704 asks that a title which needs more than one line be broken where the words allow,
 * into lines of similar length ("词意完整，排列对称，长短适宜"). Word boundaries come from ICU's
 * Chinese word segmentation (Intl.Segmenter); the break that leaves the lines most even wins.
 */
const segmenter = new Intl.Segmenter('zh-CN', { granularity: 'word' });

export function balanceTitle(text: string, capacity: number): string[] {
  const width = textWidthInChars(text);
  if (width <= capacity || capacity <= 0) return [text];
  const lines = Math.ceil(width / capacity);
  const boundaries: { index: number; width: number }[] = [];
  let consumed = 0;
  for (const { segment, index } of segmenter.segment(text)) {
    if (index > 0) boundaries.push({ index, width: consumed });
    consumed += textWidthInChars(segment);
  }
  const out: string[] = [];
  let start = 0;
  let startWidth = 0;
  for (let line = 1; line < lines; line++) {
    const target = (width * line) / lines;
    const candidates = boundaries.filter(
      (b) => b.index > start && b.width - startWidth <= capacity && width - b.width <= capacity * (lines - line),
    );
    if (candidates.length === 0) return [text]; // no acceptable break: let the word processor wrap
    const best = candidates.reduce((a, b) => (Math.abs(b.width - target) < Math.abs(a.width - target) ? b : a));
    out.push(text.slice(start, best.index));
    start = best.index;
    startWidth = best.width;
  }
  out.push(text.slice(start));
  return out;
}

/** Runs of a title with balanced line breaks, unless the author already broke it. */
export function balancedTitleRuns(runs: readonly Run[], capacity: number): Run[] {
  if (runs.some((r) => r.break) || runs.length !== 1) return [...runs];
  const [run] = runs;
  return balanceTitle(run!.text, capacity).flatMap((text, i) => [
    ...(i > 0 ? [{ text: '', break: true }] : []),
    { ...run!, text },
  ]);
}
