import fs from 'node:fs';
import path from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateReport } from '../../electron/node/documents/generate/report';
import { docxParts } from '../helpers/docx';
import { demoDatabase } from '../helpers/demo-db';
import { tempDir, writeFile } from '../helpers/fixtures';
import { openWebApp, type WebApp } from '../helpers/web-app';

// The night before a deadline: a clerk opens a draft on the 核对 screen, sees each slip marked in
// the text beside the list, jumps between them, and saves a copy with Word comments.

const TODAY = '2024-07-15';
let app: WebApp | undefined;
let page: Page;
let dir: string;
let draft: string;
let wrong: string;

beforeAll(async () => {
  dir = tempDir('jianyi-check-ui-');
  const report = path.join(dir, '报告.docx');
  const { db } = await demoDatabase(dir, TODAY, (store, { current }) =>
    generateReport(store, { session: current, out: report, today: TODAY }),
  );
  // The clerk's draft: the generated report with one share typed wrong.
  const xml = docxParts(report)['word/document.xml']!;
  const share = /占总数的(\d+)\.(\d)%/.exec(xml.replace(/<[^>]+>/g, ''))!;
  wrong = `${share[1]}.${(Number(share[2]) + 1) % 10}%`;
  const entries = unzipSync(new Uint8Array(fs.readFileSync(report)));
  entries['word/document.xml'] = strToU8(xml.replace(`${share[1]}.${share[2]}%`, wrong));
  draft = writeFile(dir, '报告稿.docx', Buffer.from(zipSync(entries)));

  app = await openWebApp({ db, today: TODAY, documentsDir: dir });
  ({ page } = app);
}, 120_000);

afterAll(() => app?.close());

describe('the 核对 screen', () => {
  it('marks the one slip of a published report checked on its own figures', async () => {
    await page.getByTestId('nav-check').click();
    await page.locator('input[type=file]').setInputFiles(path.resolve('test/fixtures/seeds/001_182f98c6bb5e3834.txt'));
    await page.getByText('已选择：001_182f98c6bb5e3834.txt').waitFor();
    await page.getByTestId('check-against').click(); // another district's report: its own figures only
    await page.getByTestId('check-run').click();
    await page.getByText('发现 1 处错误、0 处提示（只核对稿子自身）').waitFor();
    expect(await page.getByTestId('mark-0').textContent()).toBe('35.9%');
    await expect.poll(() => page.getByTestId('finding-item-0').textContent()).toContain('24 / 67 = 35.82 %');
  });

  it('finds nothing wrong in the report the program generates', async () => {
    await page.getByTestId('check-generated').click();
    await page.getByTestId('check-clean').waitFor();
  });

  it('checks a Word draft against the records, jumps to each finding, saves a commented copy', async () => {
    await page.locator('input[type=file]').setInputFiles(draft);
    await page.getByText('已选择：报告稿.docx').waitFor();
    await page.getByTestId('check-against').click(); // back to checking against the session's records
    await page.getByTestId('check-run').click();
    await page.getByTestId('check-findings').waitFor();
    const count = await page.locator('[data-testid^="finding-item-"]').count();
    expect(count).toBeGreaterThanOrEqual(1);
    await expect.poll(() => page.getByTestId('check-findings').textContent()).toContain(`稿中写作 ${wrong}`);
    expect(await page.locator('mark', { hasText: wrong }).count()).toBeGreaterThanOrEqual(1);
    if (count > 1) {
      await page.getByTestId('check-next').click();
      expect(await page.getByTestId('check-position').textContent()).toBe(`2 / ${count}`);
    }
    await page.getByTestId('check-annotate-out').fill('报告稿-核对批注.docx');
    await page.getByTestId('check-annotate').click();
    const copy = path.join(dir, '报告稿-核对批注.docx');
    await page.getByText(`已另存带 ${count} 条批注的副本：${copy}（原稿未改动）`).waitFor();
    expect(docxParts(copy)['word/comments.xml']).toContain(`稿中写作 ${wrong}`);
  });
});
