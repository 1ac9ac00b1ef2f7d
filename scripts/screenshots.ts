// npm run screenshots: pictures of the main screens for the README, from the demo database,
// taken in Debian's Chromium through the HTTP bridge (as the end-to-end tests run).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openStore } from '../db/store';
import { generateDemo } from '../electron/node/demo/generate';
import { startWeb } from '../electron/node/web/main';
import { launchChromium } from '../test/helpers/chromium';

const TODAY = '2024-07-15';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jianyi-shots-'));
const db = path.join(dir, 'demo.db');
const store = await openStore(db);
generateDemo(store, { today: TODAY });
store.close();

const server = await startWeb({ db, port: 0, today: () => TODAY });
const browser = await launchChromium();
// An office laptop's screen: what most clerks have.
const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
await page.goto(server.url);
const out = path.join('docs', 'images');
fs.mkdirSync(out, { recursive: true });
const shot = async (screen: string, wait: () => Promise<unknown>) => {
  await page.getByTestId(`nav-${screen}`).click();
  await wait();
  await page.waitForTimeout(800);
  await page.screenshot({ path: path.join(out, `ui-${screen}.png`) });
};
await shot('proposals', () => page.getByText('关于').first().waitFor());
await shot('overview', () => page.getByTestId('chart-category').locator('canvas').waitFor());
await shot('import', () => page.getByTestId('preview').waitFor());
await shot('documents', () => page.getByTestId('letters-out').waitFor());
await page.getByTestId('preview-letter').click();
await page.getByTestId('docx-preview').locator('section').first().waitFor();
await page.waitForTimeout(800);
await page.screenshot({ path: path.join(out, 'ui-documents.png') });
await shot('sessions', () => page.getByTestId('save-session').waitFor());
await page.getByTestId('nav-settings').click();
await page.getByTestId('auto-backups').getByText('程序启动时的自动备份').waitFor();
await page.getByTestId('auto-backups').scrollIntoViewIfNeeded();
await page.waitForTimeout(800);
await page.screenshot({ path: path.join(out, 'ui-settings.png') });
// A deletion, with where its backup is and the button that undoes it.
await page.getByTestId('nav-proposals').click();
const rows = page.getByTestId('proposals-table').locator('.ant-table-row');
await rows.first().waitFor();
await rows.nth(2).locator('.ant-checkbox-input').check();
await rows.nth(3).locator('.ant-checkbox-input').check();
await page.getByTestId('delete-selected').click();
await page.getByTestId('confirm-delete').click();
await page.getByTestId('undo-notice').waitFor();
await page.waitForTimeout(800);
await page.screenshot({ path: path.join(out, 'ui-undo.png') });
await browser.close();
await server.close();
fs.rmSync(dir, { recursive: true, force: true });
console.log(`已更新 ${out} 中的界面截图。`);
