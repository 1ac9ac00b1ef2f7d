import { describe, expect, it } from 'vitest';
import { compileTemplate } from '../electron/common/documents/template/engine';
import { dispatch } from '../electron/node/api/dispatch';
import { describeEstimate, estimateOutput, OUTPUT_LIMIT } from '../electron/node/documents/template/check-size';
import { checkWithSample } from '../electron/node/documents/template/check-sample';
import { listTemplates } from '../electron/node/documents/template/library';
import { reportContextOf } from '../electron/node/documents/generate/report';
import { newApi, newDemoApi } from './helpers/api';

// The sample data a template is checked with has two or three of everything. A loop nested in a
// loop over every unit passes it and then freezes the real document: the template is measured
// on the clerk's own records before it is taken.

const HEAD = '---\nname: 嵌套的报告\nkind: annual-report\n---\n# 报告\n\n';
const nested = (depth: number) => HEAD + '{{#each @root.units}}'.repeat(depth) + '{{unit}}' + '{{/each}}'.repeat(depth) + '\n';

/** Units listed in the demo report's per-unit table. */
function estimateUnits(store: Parameters<typeof listTemplates>[0] & object): number {
  const session = store.sessions.list()[0]!;
  return reportContextOf(store, session, '2024-07-15').units.length;
}

describe('the size of a template on real records', () => {
  it('measures every built-in template on the demo district, and each fits', async () => {
    const { store } = await newDemoApi();
    const builtins = listTemplates(store).filter((t) => t.origin === 'builtin');
    expect(new Set(builtins.map((t) => t.kind)).size).toBeGreaterThanOrEqual(5);
    for (const entry of builtins) {
      const estimate = estimateOutput(store, compileTemplate(entry.source, entry.name), '2024-07-15');
      expect(estimate, entry.name).not.toBeNull();
      expect(estimate!.characters).toBeGreaterThan(50);
      expect(estimate!.characters).toBeLessThan(OUTPUT_LIMIT);
      expect(describeEstimate(estimate!)).toMatch(/^用.+的实际数据填写：约 [\d,.]+ (万字|字)，约 [\d,]+ 页/);
    }
  });

  it('counts exactly what a loop without nesting produces', async () => {
    const { store } = await newDemoApi();
    const template = compileTemplate(nested(1), '一层');
    const estimate = estimateOutput(store, template, '2024-07-15')!;
    const units = estimateUnits(store);
    expect(units).toBeGreaterThan(10);
    // Each unit's name once, and the heading and the newlines around them.
    expect(estimate.characters).toBeGreaterThan(units * 3);
    expect(estimate.characters).toBeLessThan(units * 20 + 100);
  });

  it('refuses a template nested eight deep in milliseconds, naming the session and the cause', async () => {
    const { store } = await newDemoApi();
    const template = compileTemplate(nested(8), '嵌套的报告');
    await checkWithSample(template); // the sample cannot tell
    const started = Date.now();
    expect(() => estimateOutput(store, template, '2024-07-15')).toThrow(
      /模板「嵌套的报告」用「区七届人大三次会议」（\d+ 件代表建议）的实际数据填写，内容超过 300 万字.*\{\{#each\}\} 套在另一个/,
    );
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it('templates.save refuses it and stores nothing; an empty database has nothing to measure', async () => {
    const { store, handlers } = await newDemoApi();
    const result = await dispatch(handlers, 'templates.save', { source: nested(8) });
    expect(result).toMatchObject({ ok: false, error: { message: expect.stringContaining('超过 300 万字') } });
    expect(store.templates.findByName('嵌套的报告')).toBeFalsy();
    expect((await dispatch(handlers, 'templates.save', { source: nested(2) })).ok).toBe(true);

    const empty = await newApi();
    expect(estimateOutput(empty.store, compileTemplate(nested(8), '嵌套的报告'), '2024-07-15')).toBeNull();
    expect((await dispatch(empty.handlers, 'templates.save', { source: nested(8) })).ok).toBe(true);
  });
});
