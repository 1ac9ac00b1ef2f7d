import { describe, expect, it } from 'vitest';
import { DEFAULT_DOCUMENT_SETTINGS } from '../electron/common/documents/settings';
import { compileTemplate } from '../electron/common/documents/template/engine';
import { renderTemplate } from '../electron/node/documents/generate/render-template';
import { docxText } from './helpers/docx';

// A template is the clerk's own text: one with loops nested eight deep over the units asks for
// 15^8 paragraphs. It is stopped at its time or memory limit with a reason, and the program
// stays responsive meanwhile.

const HEAD = '---\nname: 嵌套的模板\nkind: annual-report\n---\n# 报告\n\n';
const nested = (depth: number) => HEAD + '{{#each @root.units}}'.repeat(depth) + '{{name}}' + '{{/each}}'.repeat(depth) + '\n';
const context = { units: Array.from({ length: 15 }, (_, i) => ({ name: `单位${i + 1}` })) };

describe('rendering within bounds', () => {
  it('stops a runaway template at its time limit, with the event loop free all along', async () => {
    const template = compileTemplate(nested(8), '嵌套的模板');
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 50);
    const started = Date.now();
    await expect(
      renderTemplate(template, context, DEFAULT_DOCUMENT_SETTINGS, '报告', undefined, { timeoutMs: 1500, memoryMb: 1536 }),
    ).rejects.toThrow(/用模板「嵌套的模板」生成「报告」超过 1.5 秒还没有完成，已停止。模板里可能有多层嵌套的循环/);
    clearInterval(ticker);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(ticks).toBeGreaterThan(10);

    // The next document gets a fresh worker.
    const fine = compileTemplate(nested(1), '一层循环');
    const bytes = await renderTemplate(fine, context, DEFAULT_DOCUMENT_SETTINGS, '报告');
    expect(docxText(bytes)).toContain('单位15');
  });

  it('stops one that asks for more memory than its ceiling', async () => {
    const template = compileTemplate(nested(6), '嵌套的模板');
    await expect(
      renderTemplate(template, context, DEFAULT_DOCUMENT_SETTINGS, '报告', undefined, { timeoutMs: 60_000, memoryMb: 64 }),
    ).rejects.toThrow(/生成的内容太多（超过 64 MB 内存），已停止/);
  });
});
