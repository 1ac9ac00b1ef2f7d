import { report, statedValues, type CheckContext } from './context';
import { recordedCount } from './counts';
import { checkDistribution, type Candidate, type ShareItem } from './distribution';
import type { PercentFigure } from './figures';
import { nameLabel } from './labels';
import { INTEGER, PERCENT, rowsOf, TOTAL_ROW, type Cell, type Row, type TableParagraph } from './table-rows';
import { checkUnitTables, hasRateColumn, unitTables } from './unit-table';

/**
 * Statistics tables: rows of a name, a count and its share ("经济发展 | 52 | 20.0%"), from a
 * .docx table or from tab-separated lines of a .txt (Markdown tables are read as such lines).
 * The shares are one distribution (checked like a sentence's), the rows must add up to the
 * "合计" row when there is one, and with session facts each named row's count is the records'.
 * The per-unit table (a header naming units, 主办, 会办, the rates) is checked in unit-table.ts; its
 * percentages are rates, never one distribution of shares.
 */

interface Item {
  label: string;
  count: Cell & { value: number };
  percent: (Cell & { figure: PercentFigure }) | null;
  quote: string;
}

function itemOf(row: Row): Item | null {
  const cells = row.cells.filter((c) => c.text);
  const labelCell = cells[0];
  if (!labelCell || INTEGER.test(labelCell.text) || PERCENT.test(labelCell.text)) return null;
  const ints = cells.slice(1).filter((c) => INTEGER.test(c.text));
  const pcts = cells.slice(1).filter((c) => PERCENT.test(c.text));
  if (ints.length !== 1 || pcts.length > 1) return null;
  const count = ints[0]!;
  const value = Number(INTEGER.exec(count.text)![1]!.replace(/,/g, ''));
  const quote = row.cells.map((c) => c.text).join(' | ');
  let percent: Item['percent'] = null;
  const pct = pcts[0];
  if (pct && pct.paragraph >= 0) {
    const v = PERCENT.exec(pct.text)![1]!;
    const [whole, fraction = ''] = v.split('.');
    const figure: PercentFigure = {
      value: v,
      units: BigInt(`${whole}${fraction}`),
      decimals: fraction.length,
      start: pct.start,
      end: pct.end,
      printed: '',
    };
    percent = { ...pct, figure };
  }
  return { label: labelCell.text.replace(/\s+/g, ''), count: { ...count, value }, percent, quote };
}

export function checkTables(ctx: CheckContext, paragraphs: readonly TableParagraph[]): void {
  const rows = rowsOf(paragraphs);
  const units = unitTables(rows, ctx.vocabulary);
  checkUnitTables(ctx, units.values());
  const tables = new Map<string, Item[]>();
  for (const row of rows) {
    const unitTable = units.get(row.table);
    if (unitTable && hasRateColumn(unitTable)) continue;
    const item = itemOf(row);
    if (!item) continue;
    if (!tables.has(row.table)) tables.set(row.table, []);
    tables.get(row.table)!.push(item);
  }
  // Every table's 合计 is a denominator the document makes plausible for its other tables too.
  const totals = [...tables.values()].flatMap((items) => items.filter((i) => TOTAL_ROW.test(i.label)).map((i) => i.count.value));
  for (const items of tables.values()) {
    const totalRow = items.find((i) => TOTAL_ROW.test(i.label));
    const parts = items.filter((i) => i !== totalRow);
    if (parts.length === 0) continue;
    const labels = parts.map((p) => nameLabel(p.label, ctx.vocabulary));
    const candidates: Candidate[] = [];
    if (totalRow) candidates.push({ value: totalRow.count.value, source: 'named' });
    const facts = ctx.facts;
    for (const v of [facts?.total, ...statedValues(ctx, 'total'), ...totals])
      if (v !== undefined) candidates.push({ value: v, source: 'total' });
    for (const v of [facts?.counts.answered, ...statedValues(ctx, 'answered')])
      if (v !== undefined) candidates.push({ value: v, source: 'answered' });
    if (labels.some((l) => l?.dim === 'feedback'))
      for (const v of [facts?.counts.feedbackReturned, ...statedValues(ctx, 'feedbackReturned')])
        if (v !== undefined) candidates.push({ value: v, source: 'feedback' });
    const shareItem = (i: Item): ShareItem | null =>
      i.percent && i.percent.paragraph >= 0
        ? {
            paragraph: i.percent.paragraph,
            count: i.count.value,
            percent: {
              ...i.percent.figure,
              printed: ctx.paragraphs[i.percent.paragraph]!.text.slice(i.percent.start, i.percent.end),
            },
            quote: i.quote,
          }
        : null;
    checkDistribution(
      ctx,
      parts.map(shareItem).filter((s): s is ShareItem => s !== null),
      candidates,
    );
    if (totalRow) {
      const own = shareItem(totalRow);
      if (own) checkDistribution(ctx, [own], candidates);
      const sum = parts.reduce((a, p) => a + p.count.value, 0);
      if (sum !== totalRow.count.value && totalRow.count.paragraph >= 0) {
        const values = parts.map((p) => p.count.value);
        report(ctx, {
          severity: 'error',
          kind: 'sum',
          paragraph: totalRow.count.paragraph,
          quote: totalRow.quote,
          printed: ctx.paragraphs[totalRow.count.paragraph]!.text.slice(totalRow.count.start, totalRow.count.end),
          expected: String(sum),
          message: `表中各行${values.length <= 8 ? ` ${values.join(' + ')} = ${sum}` : `之和为 ${sum}`} 件，“${totalRow.label}”一行写作 ${totalRow.count.value}`,
          start: totalRow.count.start,
          end: totalRow.count.end,
        });
      }
    }
    if (!facts) continue;
    parts.forEach((part, i) => {
      const label = labels[i];
      if (!label || part.count.paragraph < 0) return;
      const recorded = recordedCount(facts, label);
      if (!recorded || recorded.count === part.count.value) return;
      const printed = ctx.paragraphs[part.count.paragraph]!.text.slice(part.count.start, part.count.end);
      report(ctx, {
        severity: 'error',
        kind: 'count',
        paragraph: part.count.paragraph,
        quote: part.quote,
        printed,
        expected: String(recorded.count),
        message: `台账记录${recorded.what}为 ${recorded.count} 件，表中写作 ${printed}`,
        start: part.count.start,
        end: part.count.end,
      });
    });
  }
}
