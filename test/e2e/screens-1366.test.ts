import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../db/store';
import { EMPTY_PROPOSAL } from '../../electron/common/entities/proposal';
import { CANONICAL_HEADERS, LEDGER_FIELDS } from '../../electron/common/ledger/columns';
import { demoDatabase } from '../helpers/demo-db';
import { tempDir } from '../helpers/fixtures';
import { openWebApp, type WebApp } from '../helpers/web-app';

// The screens on a 1366×768 office laptop: headers that stay on one line, charts that show
// every unit in whole numbers, empty columns that give their room to titles, a mapping list
// that opens below its row and keeps its header in view.

const TODAY = '2024-07-15';
const NO_CATEGORIES = '区七届人大四次会议';
let app: WebApp | undefined;
let page: Page;
let dir: string;
let leadUnits: string[];
let db: string;

beforeAll(async () => {
  dir = tempDir('jianyi-screens-');
  ({ db } = await demoDatabase(dir, TODAY, (store, demo) => {
    leadUnits = [...new Set(store.proposals.ledger(demo.current.id).map((p) => p.leadUnit))].filter(Boolean);
    // A session typed in the app, nobody has filled in a category yet.
    const bare = store.sessions.create({ name: NO_CATEGORIES, year: 2025 });
    const unit = store.units.ensure(['区教育局']).get('区教育局')!;
    for (let i = 1; i <= 6; i++) {
      const id = store.proposals.insert(bare.id, {
        ...EMPTY_PROPOSAL,
        number: String(i),
        title: `关于第${i}片区增设公共停车泊位和充电设施的建议`,
      });
      store.proposals.setPeopleAndUnits(id, { leadDeputies: [], coDeputies: [], leadUnit: unit, coUnits: [] });
    }
  }));
  app = await openWebApp({ db, today: TODAY, documentsDir: dir });
  ({ page } = app);
}, 120_000);

afterAll(() => app?.close());

const nav = (key: string) => page.getByTestId(`nav-${key}`).click();

async function chooseSession(name: string) {
  await page.getByTestId('session-select').click();
  await page.locator('.ant-select-item-option', { hasText: name }).click();
  await expect.poll(() => page.getByTestId('session-select').textContent()).toContain(name);
}

/** How many lines the text of an element is laid out on. */
const lineCount = (locator: Locator) =>
  locator.evaluate((el) => {
    const range = el.ownerDocument.createRange();
    range.selectNodeContents(el);
    return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
  });

describe('the screens at 1366×768', () => {
  it('overview: 上年 and 变化 on one line, every unit charted, a chart of nothing but 未分类 explained', async () => {
    await chooseSession('区七届人大三次会议');
    await nav('overview');
    const rates = page.getByTestId('rates-table');
    await rates.waitFor();
    for (const header of ['指标', '上年', '变化']) {
      expect(await lineCount(rates.locator('th', { hasText: header }).first())).toBe(1);
    }
    const units = page.getByTestId('chart-units');
    await units.locator('canvas').waitFor();
    const description = (await units.getAttribute('aria-label')) ?? '';
    expect(leadUnits.length).toBeGreaterThan(12);
    for (const unit of leadUnits) expect(description).toContain(unit);

    await chooseSession(NO_CATEGORIES);
    await nav('overview');
    const missing = page.getByTestId('chart-category-missing');
    await missing.waitFor();
    await expect.poll(() => missing.textContent()).toContain('全部 6 件都没有填写类别');
    expect(await page.getByTestId('chart-category').count()).toBe(0);
  });

  it('proposals: a column nobody filled in is hidden, and the title takes its room', async () => {
    await chooseSession(NO_CATEGORIES);
    await nav('proposals');
    const table = page.getByTestId('proposals-table');
    await table.locator('.ant-table-row').first().waitFor();
    const headers = await table.locator('th').allTextContents();
    expect(headers).toContain('标题');
    expect(headers).not.toContain('类别');
    expect(headers).not.toContain('答复日期');
    const title = await table.locator('th', { hasText: '标题' }).boundingBox();
    expect(title!.width).toBeGreaterThan(400);
    // No horizontal scroll bar: everything fits the window.
    const body = table.locator('.ant-table-body, .ant-table-tbody-virtual-holder').first();
    expect(await body.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
    // The clerk can still show it, and is told why it was hidden.
    await page.getByRole('button', { name: '显示的列' }).click();
    await page.getByText('类别（本会议都没有填写）').click();
    await expect.poll(() => table.locator('th').allTextContents()).toContain('类别');
  });

  it('import: the mapping list opens below its row, and the header stays in view while scrolling', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('台账');
    sheet.addRow(LEDGER_FIELDS.map((f) => CANONICAL_HEADERS[f]));
    sheet.addRow(LEDGER_FIELDS.map((f) => (f === 'number' ? '1' : f === 'title' ? '关于建议' : null)));
    const file = path.join(dir, '全部列的台账.xlsx');
    fs.writeFileSync(file, Buffer.from(await workbook.xlsx.writeBuffer()));
    await nav('import');
    await page.locator('input[type=file]').setInputFiles(file);
    await page.getByText('已选择：全部列的台账.xlsx').waitFor();
    await page.getByTestId('preview').click();
    const columns = page.getByTestId('import-columns');
    await columns.waitFor();

    const last = page.getByTestId(`map-${LEDGER_FIELDS.length - 1}`);
    await last.scrollIntoViewIfNeeded();
    // Bring the last row to the bottom of the window, where a flipping list would open upwards.
    await last.evaluate((el) => el.scrollIntoView({ block: 'end' }));
    await last.click();
    const list = page.locator('.ant-select-dropdown:visible');
    await list.waitFor();
    const select = (await last.boundingBox())!;
    const opened = (await list.boundingBox())!;
    expect(opened.y).toBeGreaterThanOrEqual(select.y + select.height - 1);
    // … and the page scrolls so that all of it can be seen.
    await expect.poll(async () => (await list.boundingBox())!.y + (await list.boundingBox())!.height).toBeLessThanOrEqual(769);
    await page.keyboard.press('Escape');

    const header = columns.locator('thead th', { hasText: '对应台账的' }).first();
    const box = (await header.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y).toBeLessThan(768);
  });

  it('letters: every incomplete one listed, exported for chasing the units, named by the 建议号 as written', async () => {
    await chooseSession('区七届人大三次会议');
    const store = await openStore(db);
    const session = store.sessions.getByName('区七届人大三次会议');
    const ledger = store.proposals.ledger(session.id);
    store.close();
    const unanswered = ledger.filter((p) => !p.replyText);
    expect(unanswered.length).toBeGreaterThan(5);

    await nav('documents');
    const out = path.join(dir, '答复函');
    fs.mkdirSync(out);
    await page.getByTestId('letters-out').fill(out);
    await page.getByTestId('generate-letters').click();
    await page.getByTestId('letters-result').waitFor();
    const names = fs.readdirSync(out).sort();
    expect(names).toHaveLength(ledger.length);
    // The demo's numbers are written 0001…0260: the names keep them as they are.
    expect(names[0]!.startsWith(`${ledger[0]!.number}-`)).toBe(true);

    const listed = (await page.getByTestId('letters-incomplete').textContent()) ?? '';
    expect(listed).not.toContain('……');
    for (const p of unanswered) expect(listed).toContain(p.number);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-missing').click()]);
    expect(download.suggestedFilename()).toBe('答复函待补清单-区七届人大三次会议.xlsx');
    const saved = path.join(dir, download.suggestedFilename());
    await download.saveAs(saved);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(saved);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual([undefined, '建议号', '标题', '主办单位', '联系人', '联系电话', '缺少']);
    const numbers: string[] = [];
    sheet.eachRow((row, i) => {
      if (i > 1) numbers.push(String(row.getCell(1).value));
    });
    for (const p of unanswered) expect(numbers).toContain(p.number);
    const first = unanswered[0]!;
    const row = sheet.getRow(numbers.indexOf(first.number) + 2);
    expect(row.getCell(3).value).toBe(first.leadUnit);
    expect(String(row.getCell(6).value)).toContain('答复正文');
  });
});
