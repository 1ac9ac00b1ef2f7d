import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkDraft, factsFromStatistics, readDraft, type DraftFacts, type DraftParagraph } from '../electron/node/check/index';
import { generateDemo } from '../electron/node/demo/generate';
import { generateReport } from '../electron/node/documents/generate/report';
import { UNIT_TABLE_ROWS } from '../electron/common/documents/data/report-context';
import { percent } from '../electron/common/stats/rounding';
import { sessionStatistics } from '../electron/node/stats/session-statistics';
import { newStore, tempDir } from './helpers/fixtures';
import { unitsSession } from './helpers/units-session';

/**
 * The generated report is right by construction: the checker must find nothing in it. Then every
 * figure in turn is changed (a count +1, a percentage +0.1 at its own precision) and the checker
 * must report that paragraph's figure.
 */

const TODAY = '2024-07-01';
let paragraphs: DraftParagraph[] = [];
let facts: DraftFacts;
const OPTIONS = { decimals: 1, rounding: 'half-up' } as const;

beforeAll(async () => {
  const store = await newStore();
  const { current } = generateDemo(store, { today: TODAY });
  const out = path.join(tempDir('jianyi-check-report-'), '报告.docx');
  const { file } = await generateReport(store, { session: current, out, today: TODAY });
  paragraphs = readDraft(file).paragraphs;
  facts = factsFromStatistics(sessionStatistics(store, current, TODAY), current);
  store.close();
});

interface Figure {
  paragraph: number;
  start: number;
  end: number;
  value: string;
  context: string;
}

/** A cell of the per-unit table (its header has many columns): its figures are in no other place. */
function unitTable(p: DraftParagraph, all: DraftParagraph[]): boolean {
  if (!p.cell) return false;
  const header = all.filter((q) => q.cell?.table === p.cell!.table && q.cell.row === 0);
  return header.length > 3;
}

/** Every figure of the report: counts (…件), percentages (…%), changes (…个百分点), bare counts in table cells. */
function figuresOf(all: DraftParagraph[]): Figure[] {
  const out: Figure[] = [];
  all.forEach((p, paragraph) => {
    for (const m of p.text.matchAll(/\d+(?:\.\d+)?(?=\s?(?:件|%|个百分点))/g)) {
      out.push({
        paragraph,
        start: m.index,
        end: m.index + m[0].length,
        value: m[0],
        context: p.text.slice(Math.max(0, m.index - 12), m.index + m[0].length + 6),
      });
    }
    if (p.cell && /^\d+$/.test(p.text))
      out.push({ paragraph, start: 0, end: p.text.length, value: p.text, context: `表格：${p.text}` });
  });
  return out;
}

function bumped(value: string): string {
  const [whole, fraction] = value.split('.');
  if (fraction === undefined) return String(Number(whole) + 1);
  const units = (BigInt(`${whole}${fraction}`) + 1n).toString().padStart(fraction.length + 1, '0');
  return `${units.slice(0, -fraction.length)}.${units.slice(-fraction.length)}`;
}

function mutate(all: DraftParagraph[], f: Figure): { mutated: DraftParagraph[]; at: [number, number] } {
  const next = bumped(f.value);
  const mutated = all.map((p, i) =>
    i === f.paragraph ? { ...p, text: p.text.slice(0, f.start) + next + p.text.slice(f.end) } : p,
  );
  return { mutated, at: [f.start, f.start + next.length] };
}

describe('the facts from the statistics engine', () => {
  it('carry the counts, the rates with their denominators and last year’s figures', () => {
    expect(facts.total).toBeGreaterThan(200);
    expect(facts.categories.reduce((a, c) => a + c.count, 0)).toBe(facts.total);
    expect(facts.results.map((r) => r.code)).toEqual(['A', 'B', 'C', 'D']);
    expect(facts.counts.unanswered).toBe(facts.total - facts.answered);
    const closed = facts.rates.find((r) => r.key === 'closed')!;
    expect(closed.denominator).toBe(facts.answered);
    expect(closed.basis).toContain(`已答复 ${facts.answered} 件`);
    // 解决率 counts A + B in this session; 解决采纳率 (A over all items) is there besides.
    const resolution = facts.rates.find((r) => r.key === 'resolution')!;
    const adopted = facts.rates.find((r) => r.key === 'adopted')!;
    expect(resolution.numerator).toBe(facts.results[0]!.count + facts.results[1]!.count);
    expect(adopted).toMatchObject({ label: '解决采纳率', numerator: facts.results[0]!.count, denominator: facts.total });
    // The demo's previous session gives last year's figures.
    expect(resolution.previous).toMatch(/^\d+\.\d$/);
    expect(resolution.previousSource).toBe('session');
  });
});

describe('the generated report', () => {
  it('comes out clean, with the records and without them', () => {
    expect(paragraphs.some((p) => p.text.includes('占总数的'))).toBe(true);
    expect(checkDraft(paragraphs, facts, OPTIONS)).toEqual([]);
    expect(checkDraft(paragraphs, null, OPTIONS)).toEqual([]);
    expect(checkDraft(paragraphs, null)).toEqual([]);
  });

  it('has the figures this test changes', () => {
    const figures = figuresOf(paragraphs);
    expect(figures.length).toBeGreaterThan(40);
    const text = figures.map((f) => f.context).join('\n');
    for (const word of [
      '共收到代表建议',
      '占总数的',
      '答复率',
      '按期答复率',
      '较上年',
      '个百分点',
      '公开率',
      '见面率',
      '满意率',
      '表格',
    ])
      expect(text).toContain(word);
  });

  it('with the records: every changed figure is reported in its paragraph', () => {
    for (const figure of figuresOf(paragraphs)) {
      const { mutated } = mutate(paragraphs, figure);
      const found = checkDraft(mutated, facts, OPTIONS);
      expect(found.length, `${figure.context}：${figure.value} → ${bumped(figure.value)}`).toBeGreaterThan(0);
      const table = paragraphs[figure.paragraph]!.cell?.table;
      expect(
        found.some(
          (f) => f.paragraph === figure.paragraph || (table !== undefined && paragraphs[f.paragraph]?.cell?.table === table),
        ),
      ).toBe(true);
    }
  });

  it('with the records: the changed figure itself is the one marked', () => {
    let exact = 0;
    for (const figure of figuresOf(paragraphs)) {
      const { mutated, at } = mutate(paragraphs, figure);
      const found = checkDraft(mutated, facts, OPTIONS);
      const marked = found.some((f) => f.paragraph === figure.paragraph && f.start <= at[0] && at[1] <= f.end);
      expect(marked, `${figure.context}：${found.map((f) => f.message).join('；')}`).toBe(true);
      if (marked) exact++;
    }
    expect(exact).toBe(figuresOf(paragraphs).length);
  });

  it('without the records: every changed figure the text can check against itself is reported', () => {
    // 按期答复率 has no numerator in the text, nor has any figure of the per-unit table: only the records can check them.
    const figures = figuresOf(paragraphs).filter(
      (f) =>
        !/按期答复率$/.test(paragraphs[f.paragraph]!.text.slice(0, f.start)) && !unitTable(paragraphs[f.paragraph]!, paragraphs),
    );
    for (const figure of figures) {
      const { mutated } = mutate(paragraphs, figure);
      const found = checkDraft(mutated, null, OPTIONS);
      expect(found.length, `${figure.context}：${figure.value} → ${bumped(figure.value)}`).toBeGreaterThan(0);
    }
  });

  it('the messages say what the figure should be and why', () => {
    const share = paragraphs.findIndex((p) => p.text.includes('占总数的'));
    const text = paragraphs[share]!.text;
    const m = /涉及(.+?)方面的(\d+)件，占总数的(\d+\.\d)%/.exec(text)!;
    const figure = {
      paragraph: share,
      start: m.index + m[0].length - m[3]!.length - 1,
      end: m.index + m[0].length - 1,
      value: m[3]!,
      context: '',
    };
    const found = checkDraft(mutate(paragraphs, figure).mutated, facts, OPTIONS);
    expect(found).toHaveLength(1);
    expect(found[0]!.kind).toBe('share');
    expect(found[0]!.expected).toBe(`${m[3]}%`);
    expect(found[0]!.message).toMatch(
      new RegExp(
        `^${m[2]} / ${facts.total} = \\d+\\.\\d\\d %，按四舍五入或最大余数法保留一位小数都应为 ${m[3]!.replace('.', '\\.')}%，稿中写作 ${bumped(m[3]!).replace('.', '\\.')}%$`,
      ),
    );

    const rate = paragraphs.findIndex((p) => /答复率\d/.test(p.text));
    const r = /(?<!按期)答复率(\d+\.\d)%/.exec(paragraphs[rate]!.text)!;
    const at = r.index + r[0].length - r[1]!.length - 1;
    const rateFound = checkDraft(
      mutate(paragraphs, { paragraph: rate, start: at, end: at + r[1]!.length, value: r[1]!, context: '' }).mutated,
      facts,
      OPTIONS,
    );
    const answered = facts.rates.find((x) => x.key === 'answered')!;
    expect(rateFound.map((f) => f.message)).toEqual([
      `答复率：${answered.basis} = ${percent(answered.numerator, answered.denominator, 2)} %，保留一位小数应为 ${r[1]}%，稿中写作 ${bumped(r[1]!)}%`,
    ]);
  });
});

/** The cell of the per-unit table at a row and column (row 0 is the header). */
function unitCell(all: DraftParagraph[], row: number, cell: number): number {
  return all.findIndex((p) => unitTable(p, all) && p.cell!.row === row && p.cell!.cell === cell);
}

const withText = (all: DraftParagraph[], index: number, text: string) => all.map((p, i) => (i === index ? { ...p, text } : p));

describe('the per-unit table of the generated report', () => {
  it('each unit’s counts and rates are checked against the records, and only with them', () => {
    const first = facts.units![0]!;
    expect(paragraphs[unitCell(paragraphs, 1, 0)]!.text).toBe(first.name);
    const lead = unitCell(paragraphs, 1, 1);
    const wrong = withText(paragraphs, lead, String(first.leadCount + 1));
    const found = checkDraft(wrong, facts, OPTIONS);
    expect(found.map((f) => [f.paragraph, f.kind, f.message])).toEqual([
      [lead, 'count', `台账记录${first.name}主办 ${first.leadCount} 件，表中写作 ${first.leadCount + 1} 件`],
    ]);
    expect(found[0]!.quote).toContain(first.name);
    expect(checkDraft(wrong, null, OPTIONS)).toEqual([]);

    const onTime = unitCell(paragraphs, 1, 7);
    const printed = paragraphs[onTime]!.text;
    expect(printed).toBe(`${percent(first.onTime, first.leadCount, 1)}%`);
    const rate = checkDraft(withText(paragraphs, onTime, `${bumped(printed.slice(0, -1))}%`), facts, OPTIONS);
    expect(rate.map((f) => [f.paragraph, f.kind, f.expected])).toEqual([[onTime, 'rate', printed]]);
    expect(rate[0]!.message).toContain(
      `${first.name}按期答复率：台账记录按期答复 ${first.onTime} 件 / 主办 ${first.leadCount} 件`,
    );
    // Every figure of the table is among those the tests above change.
    const cells = figuresOf(paragraphs).filter((f) => unitTable(paragraphs[f.paragraph]!, paragraphs));
    expect(cells.length).toBeGreaterThan(facts.units!.filter((u) => u.leadCount > 0).length * 6);
  });

  it('a 其他N个单位 row is the exact sum of the units the table does not list', async () => {
    const store = await newStore();
    // Ten units with many items, the rest with one to three: the table lists the first ones.
    const current = unitsSession(store, '多单位会议', UNIT_TABLE_ROWS + 20, (i) => ((i - 1) % 3) + 1 + (i <= 10 ? 10 : 0));
    const out = path.join(tempDir('jianyi-check-units-'), '报告.docx');
    const { file } = await generateReport(store, { session: current, out, today: TODAY });
    const all = readDraft(file).paragraphs;
    const many = factsFromStatistics(sessionStatistics(store, current, TODAY), current);
    store.close();
    expect(checkDraft(all, many, OPTIONS)).toEqual([]);
    const row = UNIT_TABLE_ROWS;
    const name = unitCell(all, row, 0);
    expect(all[name]!.text).toBe('其他21个单位');
    const rest = many.units!.slice(UNIT_TABLE_ROWS - 1);
    const lead = rest.reduce((a, u) => a + u.leadCount, 0);
    const count = unitCell(all, row, 1);
    expect(all[count]!.text).toBe(String(lead));
    expect(checkDraft(withText(all, count, String(lead + 1)), many, OPTIONS).map((f) => f.message)).toEqual([
      `台账记录表中未列出的21个单位主办 ${lead} 件，表中写作 ${lead + 1} 件`,
    ]);
    expect(checkDraft(withText(all, name, '其他20个单位'), many, OPTIONS).map((f) => [f.kind, f.printed, f.expected])).toEqual([
      ['count', '20个', '21个'],
    ]);
    // Every figure of the row, changed, is reported in its cell.
    for (let cell = 1; cell < 9; cell++) {
      const at = unitCell(all, row, cell);
      const text = all[at]!.text;
      const changed = text.endsWith('%') ? `${bumped(text.slice(0, -1))}%` : bumped(text);
      const found = checkDraft(withText(all, at, changed), many, OPTIONS);
      expect(
        found.some((f) => f.paragraph === at),
        `${cell}：${text} → ${changed}`,
      ).toBe(true);
    }
  });
});
