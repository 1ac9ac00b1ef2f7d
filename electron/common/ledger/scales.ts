import { SCALE_NAMES, type FeedbackScale } from '../domain/feedback';
import { labelsShowCForReference, type ResultScheme } from '../domain/result-classes';
import { cellText } from './header';
import type { LedgerContext, LedgerIssue } from './parsed-ledger';
import type { FieldColumns } from './row-cells';
import type { TableRow } from './table';

/** Which result scheme and which feedback scale a file uses, against the session's. */

/** The file's own result scheme: "C.…留作参考" means its bare C is 留作参考 too. */
export function resultSchemeOf(
  dataRows: readonly TableRow[],
  columns: FieldColumns,
  context: LedgerContext,
): ResultScheme & { cMeansReference: boolean } {
  const resultValues = new Set<string>();
  const resultColumn = columns.plain.get('result');
  if (resultColumn) for (const r of dataRows) resultValues.add(cellText(r.cells[resultColumn.index]));
  for (const c of columns.ticks.get('result') ?? []) resultValues.add(c.choice!);
  const cMeansReference = labelsShowCForReference(resultValues);
  return { labels: context.resultLabels, count: context.resultClassCount, cMeansReference };
}

/** A row whose feedback belongs to one scale only (满意 is in both). */
export interface ScaleRow {
  row: number;
  value: string;
  scale: FeedbackScale;
}

/**
 * One feedback scale per session: the session's own, or the one most of the file's rows use. A row
 * of the other scale is an error.
 */
export function settleFeedbackScale(
  context: LedgerContext,
  scaleRows: readonly ScaleRow[],
  column: string,
  errors: LedgerIssue[],
): FeedbackScale | null {
  let feedbackScale = context.feedbackScale;
  if (feedbackScale) {
    for (const s of scaleRows) {
      if (s.scale !== feedbackScale) {
        errors.push({
          row: s.row,
          column,
          message: `「${s.value}」属于${SCALE_NAMES[s.scale]}，但会议「${context.sessionName ?? ''}」使用${SCALE_NAMES[feedbackScale]}`,
        });
      }
    }
  } else if (scaleRows.length > 0) {
    const threes = scaleRows.filter((s) => s.scale === 'three');
    const fives = scaleRows.filter((s) => s.scale === 'five');
    feedbackScale = threes.length >= fives.length ? 'three' : 'five';
    const majority = feedbackScale === 'three' ? threes : fives;
    const minority = feedbackScale === 'three' ? fives : threes;
    const example = majority[0]!;
    for (const s of minority) {
      errors.push({
        row: s.row,
        column,
        message: `「${s.value}」属于${SCALE_NAMES[s.scale]}，而第${example.row}行「${example.value}」等 ${majority.length} 行属于${SCALE_NAMES[example.scale]}；同一届会议只能使用一种评价等级`,
      });
    }
  }
  return feedbackScale;
}
