import { describe, expect, it } from 'vitest';
import { UNIT_TABLE_ROWS, type ReportContext } from '../electron/common/documents/data/report-context';
import { plainText, type Block } from '../electron/common/documents/markup/document';
import { compileTemplate } from '../electron/common/documents/template/engine';
import { percent } from '../electron/common/stats/rounding';
import { prepareReport } from '../electron/node/documents/generate/report';
import { builtinTemplates } from '../electron/node/documents/template/library';
import { sessionStatistics } from '../electron/node/stats/session-statistics';
import { newStore } from './helpers/fixtures';
import { unitsSession } from './helpers/units-session';

const TODAY = '2024-12-01';
/** The per-unit tables of the built-in report and statistics tables, with the line above each. */
function unitTables(context: ReportContext): { title: string; rows: string[][] }[] {
  const found: { title: string; rows: string[][] }[] = [];
  for (const kind of ['annual-report', 'statistics-tables']) {
    const builtin = builtinTemplates().find((b) => b.kind === kind)!;
    const walk = (blocks: Block[]) =>
      blocks.forEach((block, i) => {
        if (block.type === 'section') walk(block.blocks);
        if (block.type !== 'table') return;
        const rows = block.rows.map((row) => row.map((cell) => cell.runs.map(plainText).join('\n').trim()));
        if (rows[0]![0] !== '主办单位') return;
        const above = blocks[i - 1]!;
        found.push({ title: above.type === 'paragraph' ? plainText(above.runs) : '', rows });
      });
    walk(compileTemplate(builtin.source, builtin.name).render(context).blocks);
  }
  return found;
}

describe('the per-unit table of the report', () => {
  it('lists the units with most lead items and sums the rest exactly in one row when a session names hundreds', async () => {
    const store = await newStore();
    // 20 large units, then 230 with one to three items each.
    const session = unitsSession(store, '多单位会议', 250, (i) => (i <= 20 ? 30 - i : 1 + (i % 3)));
    const stats = sessionStatistics(store, session, TODAY);
    const leading = stats.byUnit.filter((u) => u.leadCount > 0);
    expect(leading).toHaveLength(250);
    const { context } = prepareReport(store, session, TODAY);

    expect(context.units).toHaveLength(UNIT_TABLE_ROWS);
    expect(context).toMatchObject({ unitCount: 250, listedUnits: UNIT_TABLE_ROWS - 1, otherUnits: 250 - UNIT_TABLE_ROWS + 1 });
    // The first rows are the units with most lead items, as the statistics order them.
    const listed = leading.slice(0, UNIT_TABLE_ROWS - 1);
    expect(context.units.slice(0, -1).map((u) => [u.unit, u.leadCount, u.coCount])).toEqual(
      listed.map((u) => [u.unit, u.leadCount, u.coCount]),
    );
    expect(context.units[0]).toMatchObject({ unit: '多单位会议单位1', leadCount: 29 });

    // The last row: the exact sums of the others, its rates worked out from those sums.
    const others = leading.slice(UNIT_TABLE_ROWS - 1);
    const sum = (f: (u: (typeof others)[number]) => number) => others.reduce((a, u) => a + f(u), 0);
    const other = context.units.at(-1)!;
    expect(other.unit).toBe(`其他${others.length}个单位`);
    expect(other.leadCount).toBe(sum((u) => u.leadCount));
    expect(other.coCount).toBe(sum((u) => u.coCount));
    expect(other.results).toEqual(context.resultCodes.map((r, k) => ({ code: r.code, count: sum((u) => u.results[k]!.count) })));
    const decimals = stats.options.decimals;
    const share = (part: Parameters<typeof sum>[0], whole: Parameters<typeof sum>[0]) =>
      `${percent(sum(part), sum(whole), decimals)}%`;
    expect(other.onTimePercent).toBe(
      share(
        (u) => u.onTime,
        (u) => u.leadCount,
      ),
    );
    expect(other.satisfiedPercent).toBe(
      share(
        (u) => u.satisfied,
        (u) => u.feedbackReturned,
      ),
    );

    // So the table adds up to the session: every lead item once, each result class in full.
    const total = (f: (u: ReportContext['units'][number]) => number) => context.units.reduce((a, u) => a + f(u), 0);
    expect(total((u) => u.leadCount)).toBe(stats.total);
    for (const [k, r] of context.resultCodes.entries()) {
      expect(
        total((u) => u.results[k]!.count),
        r.code,
      ).toBe(stats.byResult.find((b) => b.code === r.code)!.count);
    }

    // Both built-in templates print it so and say so above the table.
    const tables = unitTables(context);
    expect(tables).toHaveLength(2);
    for (const table of tables) {
      expect(table.title).toMatch(/^表[34] {2}按主办单位统计（共250个单位，按主办件数列出前99个，其余151个合为“其他”一行）$/);
      expect(table.rows).toHaveLength(1 + UNIT_TABLE_ROWS);
      expect(table.rows.at(-1)!.slice(0, 3)).toEqual(['其他151个单位', String(other.leadCount), String(other.coCount)]);
    }
    store.close();
  });

  it('lists every unit, as before, up to the limit', async () => {
    const store = await newStore();
    for (const units of [60, UNIT_TABLE_ROWS]) {
      const session = unitsSession(store, `${units}单位会议`, units, (i) => 1 + (i % 4));
      const stats = sessionStatistics(store, session, TODAY);
      const { context } = prepareReport(store, session, TODAY);
      expect(context).toMatchObject({ unitCount: units, listedUnits: units, otherUnits: 0 });
      expect(context.units.map((u) => u.unit)).toEqual(stats.byUnit.filter((u) => u.leadCount > 0).map((u) => u.unit));
      expect(context.units.some((u) => u.unit.startsWith('其他'))).toBe(false);
      for (const table of unitTables(context)) {
        expect(table.title).toMatch(/^表[34] {2}按主办单位统计$/);
        expect(table.rows).toHaveLength(1 + units);
      }
    }
    // One unit over: the other row always sums at least two units.
    const over = unitsSession(store, '超限会议', UNIT_TABLE_ROWS + 1, () => 1);
    const { context } = prepareReport(store, over, TODAY);
    expect(context.units).toHaveLength(UNIT_TABLE_ROWS);
    expect(context.units.at(-1)).toMatchObject({ unit: '其他2个单位', leadCount: 2 });
    store.close();
  });
});
