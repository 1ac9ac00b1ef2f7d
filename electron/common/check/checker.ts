import { checkComparisons } from './comparisons';
import { createContext } from './context';
import { checkCounts } from './counts';
import type { DraftFacts } from './facts';
import type { CheckOptions, DraftParagraph, Finding } from './model';
import { checkRates, findRates } from './rates';
import { checkShares } from './shares';
import { checkSums } from './sums';
import { checkTables } from './tables';

/**
 * Proofreads a report draft's figures: shares against their plausible denominators and both
 * rounding methods, counts and rates against the records (when facts are given), comparisons
 * with last year in 百分点, parts against their wholes, statistics tables. Without facts only
 * what the draft says about itself is checked. Findings come in reading order, errors and
 * warnings together; a figure gets at most one finding of each kind.
 */
export function checkDraft(
  paragraphs: readonly DraftParagraph[],
  facts: DraftFacts | null,
  options: CheckOptions = {},
): Finding[] {
  const ctx = createContext(paragraphs, facts, options);
  const shares = checkShares(ctx);
  checkCounts(ctx);
  const rates = findRates(ctx);
  checkRates(ctx, rates);
  checkComparisons(ctx, rates, shares);
  checkSums(ctx);
  checkTables(ctx, paragraphs);
  return ctx.findings.sort(
    (a, b) => a.paragraph - b.paragraph || a.start - b.start || (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1),
  );
}
