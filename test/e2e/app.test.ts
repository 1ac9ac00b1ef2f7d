import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docxText } from '../helpers/docx';
import { HEADER, makeXlsx, row, tempDir, writeFile } from '../helpers/fixtures';
import { zhrdSatisfaction, ZHRD_RETURNED } from '../helpers/real-ledgers';
import { openWebApp, type WebApp } from '../helpers/web-app';
import { readSpreadsheetBuffer } from '../../electron/node/ledger/read-table';

// The whole product in Debian's Chromium, driven by Playwright, against the HTTP bridge on a
// fresh database: what a clerk does in a year, in one pass.

const TODAY = '2024-07-15';
let app: WebApp | undefined;
let page: Page;
let dir: string;

beforeAll(async () => {
  dir = tempDir('jianyi-e2e-');
  app = await openWebApp({
    db: path.join(dir, 'e2e.db'),
    today: TODAY,
    page: { viewport: { width: 1400, height: 900 }, acceptDownloads: true },
  });
  ({ page } = app);
}, 120_000);

afterAll(() => app?.close());

const nav = (key: string) => page.getByTestId(`nav-${key}`).click();

/**
 * Presses the OK button of the confirmation on screen once it has finished opening (a click
 * during its opening animation can land beside it), and waits until it has closed.
 */
async function confirmModal(): Promise<void> {
  const dialog = page.locator('.ant-modal-confirm');
  await dialog.waitFor();
  await page.waitForTimeout(400);
  await dialog.locator('.ant-modal-confirm-btns .ant-btn-primary').click();
  await dialog.waitFor({ state: 'hidden' });
}

/** Creates a session on the 会议 screen, and waits until it says so. */
async function createSession(name: string, year: string): Promise<void> {
  await nav('sessions');
  await page.getByTestId('new-session-name').fill(name);
  await page.getByTestId('new-session-year').fill(year);
  await page.getByTestId('create-session').click();
  await page.getByText(`已新建会议「${name}」`).waitFor();
}

/** Confirms the restore asked for, and waits until it is done and the page has loaded again. */
/** Confirms a restore and waits for the page to reload on the restored data (it does so itself). */
async function confirmRestore(): Promise<void> {
  const reloaded = page.waitForEvent('load', { timeout: 60_000 });
  await confirmModal();
  await page.getByText('已恢复；恢复前的数据另存为').waitFor();
  await reloaded;
  await page.getByTestId('nav-settings').waitFor();
}

async function ledger(name: string, rows: Parameters<typeof row>[0][]): Promise<string> {
  return writeFile(dir, name, await makeXlsx([{ name: '台账', rows: [HEADER, ...rows.map(row)] }]));
}

const GOOD_ROWS = Array.from({ length: 30 }, (_, i) => ({
  建议号: String(i + 1).padStart(4, '0'),
  标题: `关于第${i + 1}项民生实事的建议`,
  领衔代表: `代表${i % 7}`,
  类别: i % 2 ? '城市建设与管理' : '社会事业',
  主办单位: i % 3 ? '区教育局' : '区民政局',
  会办单位: i % 4 ? null : '区财政局',
  交办日期: '2024-3-10',
  答复日期: i < 25 ? '2024-5-20' : null,
  办理结果: i < 25 ? ['解决采纳', '正在解决', '计划解决', '留作参考'][i % 4]! : null,
  是否公开: i % 5 ? '是' : '否',
  代表评价: i < 25 ? '满意' : null,
}));

describe('a clerk’s year in the browser', () => {
  it('creates a session', async () => {
    await createSession('区七届人大三次会议', '2024');
    await expect.poll(() => page.getByTestId('session-select').textContent()).toContain('区七届人大三次会议');
  });

  it('sees every error of a bad ledger, imports nothing, then imports the fixed one', async () => {
    await nav('import');
    const bad = await ledger('有错的台账.xlsx', [
      { ...GOOD_ROWS[0]!, 答复日期: '2024-13-45' },
      { ...GOOD_ROWS[1]!, 办理结果: '差不多' },
    ]);
    await page.locator('input[type=file]').setInputFiles(bad);
    await page.getByText('已选择：有错的台账.xlsx').waitFor();
    await page.getByTestId('preview').click();
    await page.getByTestId('import-error').first().waitFor();
    const errors = await page.getByTestId('import-error').allTextContents();
    expect(errors).toEqual([
      '第2行「答复日期」无法识别：2024-13-45',
      expect.stringMatching(/^第3行「办理结果」无法识别：差不多/),
    ]);
    expect(await page.getByTestId('commit').isDisabled()).toBe(true);

    const good = await ledger('台账.xlsx', GOOD_ROWS);
    await page.locator('input[type=file]').setInputFiles(good);
    await page.getByText('已选择：台账.xlsx').waitFor();
    await page.getByTestId('preview').click();
    await page.getByText('将新增').waitFor();
    await page.getByTestId('commit').click();
    await page.getByText('导入完成：新增 30 件').waitFor();
  });

  it('exports the ledger to a file it names, asking before it makes a folder or replaces the file', async () => {
    const out = path.join(dir, '导出', '台账.xlsx');
    await page.getByTestId('export-ledger').click();
    await page.getByTestId('export-ledger-out').fill(out);
    await page.locator('#export-ledger-save').click();
    await page.locator('.ant-modal-confirm-title', { hasText: '文件夹不存在' }).waitFor();
    await confirmModal();
    await page.getByText(`已导出 30 件：「${out}」`).waitFor();
    const workbook = await readSpreadsheetBuffer(fs.readFileSync(out), '台账.xlsx');
    expect(workbook.sheets[0]!.rows).toHaveLength(31);

    await page.getByTestId('export-ledger').click();
    await page.getByTestId('export-ledger-out').fill(out);
    await page.locator('#export-ledger-save').click();
    await page.locator('.ant-modal-confirm-title', { hasText: '文件已经存在' }).waitFor();
    await confirmModal();
    await expect.poll(() => page.getByText(`已导出 30 件：「${out}」`).count()).toBeGreaterThan(0);
  });

  it('filters the proposals and edits one', async () => {
    await nav('proposals');
    await expect.poll(() => page.getByTestId('row-count').textContent()).toBe('共 30 条');
    await page.getByPlaceholder('搜索标题、代表、单位、建议号').fill('第7项');
    await expect.poll(() => page.getByTestId('row-count').textContent()).toBe('共 1 条');
    await page.getByPlaceholder('搜索标题、代表、单位、建议号').fill('第27项');
    await page.getByText('关于第27项民生实事的建议').click();
    await page.getByTestId('edit-title').fill('关于第27项民生实事的建议（修改后）');
    await page.getByTestId('edit-reply').fill('您提出的建议收悉。\n一、基本情况\n已经落实。');
    await page.getByTestId('save-proposal').click();
    await page.getByText('已保存').first().waitFor();

    // Its units' rows, a consultation and a follow-up milestone.
    await page.getByRole('tab', { name: '承办单位' }).click();
    await page.getByTestId('opinion-区教育局').fill('已会同街道现场查看。');
    await page.getByTestId('save-opinion-区教育局').click();
    await page.getByRole('tab', { name: /面商/ }).click();
    await page.getByTestId('consultation-notes').fill('现场走访');
    await page.getByTestId('add-consultation').click();
    await page.getByRole('tab', { name: '面商（1）' }).waitFor();
    await page.getByRole('tab', { name: /跟踪事项/ }).click();
    await page.getByTestId('milestone-text').fill('完成施工招标');
    await page.getByTestId('add-milestone').click();
    await page.getByRole('tab', { name: '跟踪事项（1）' }).waitFor();
    await page.getByRole('tab', { name: '修改记录' }).click();
    await page.locator('.ant-timeline').getByText('记录面商').waitFor();
    await page.keyboard.press('Escape');
    await page.getByText('关于第27项民生实事的建议（修改后）').waitFor();
  });

  it('shows the overview with the engine’s figures and charts', async () => {
    await nav('overview');
    await page.getByTestId('chart-category').locator('canvas').waitFor();
    await expect.poll(() => page.getByTestId('stat-total').textContent()).toContain('30');
    await expect.poll(() => page.getByTestId('rates-table').textContent()).toContain('已答复 25 件 / 全部 30 件');
  });

  it('generates a batch of letters and the report, and keeps an edited narrative section', async () => {
    await nav('documents');
    const out = path.join(dir, '答复函');
    await page.getByTestId('letters-out').fill(out);
    await page.getByTestId('generate-letters').click();
    // The folder does not exist yet: the clerk is asked before it is made.
    await page.locator('.ant-modal-confirm-title', { hasText: '文件夹不存在' }).waitFor();
    expect(fs.existsSync(out)).toBe(false);
    await page.getByRole('button', { name: '新建文件夹' }).click();
    await page.getByTestId('letters-result').waitFor();
    await expect.poll(() => page.getByTestId('letters-result').textContent()).toContain('已生成 30 份');
    expect(fs.readdirSync(out)).toHaveLength(30);
    await page.getByTestId('preview-letter').click();
    await page.getByTestId('docx-preview').locator('section').first().waitFor();

    await page.getByRole('tab', { name: '办理情况报告' }).click();
    const words = '今年首次把面商写进了办理流程。';
    await page.getByTestId('draft-achievements').fill(words);
    await page.getByTestId('save-draft-achievements').click();
    await page.getByText('已保存草稿').first().waitFor();
    const report = path.join(dir, '报告.docx');
    await page.getByTestId('report-out').fill(report);
    await page.getByTestId('generate-report').click();
    await page.getByText(`已生成：${report}`).waitFor();
    expect(docxText(report)).toContain(words);
    await page.getByText(`已生成：${report}`).waitFor({ state: 'hidden' });

    // The records change; the regenerated report keeps the clerk's words and has the new figures.
    await nav('proposals');
    await page.getByPlaceholder('搜索标题、代表、单位、建议号').fill('第30项');
    await page.getByText('关于第30项民生实事的建议').click();
    await page.getByTestId('edit-reply').fill('答复。');
    await page.getByTestId('save-proposal').click();
    await page.getByText('已保存').first().waitFor();
    await page.keyboard.press('Escape');
    await nav('documents');
    await page.getByRole('tab', { name: '办理情况报告' }).click();
    await page.getByTestId('report-out').fill(report);
    await page.getByTestId('generate-report').click();
    // The report is there from the first time: replaced only when the clerk says so.
    await page.locator('.ant-modal-confirm-title', { hasText: '文件已经存在' }).waitFor();
    await page.getByRole('button', { name: /^覆\s?盖$/ }).click();
    await page.getByText(`已生成：${report}`).waitFor();
    expect(docxText(report)).toContain(words);
  });

  it('edits a rectification list and generates its report', async () => {
    await nav('documents');
    await page.getByRole('tab', { name: '审议意见与整改清单' }).click();
    await page.getByRole('button', { name: '新建' }).click();
    await page.getByPlaceholder('名称（便于查找）').fill('年度审议意见');
    await page.getByPlaceholder('审议意见标题，如 关于……的审议意见').fill('关于代表建议办理情况报告的审议意见');
    const cells = page.locator('.ant-table-tbody tr').first().locator('textarea');
    await cells.nth(0).fill('一、办理责任');
    await cells.nth(1).fill('个别单位答复不够具体');
    await cells.nth(3).fill('建立答复质量抽查制度');
    await page.getByTestId('save-opinion').click();
    await page.getByText('已保存').first().waitFor();
    const out = path.join(dir, '整改.docx');
    await page.getByPlaceholder('如 D:\\报告\\审议意见办理报告.docx').fill(out);
    await page.getByRole('button', { name: '生成报告和整改清单' }).click();
    await page.getByText(`已生成：${out}`).waitFor();
    expect(docxText(out)).toContain('建立答复质量抽查制度');
  });

  it('reports a template error at its line', async () => {
    await nav('templates');
    await page.getByText('答复函（信函格式）').first().click();
    await page.getByTestId('copy-name').fill('我的答复函');
    await page.getByTestId('copy-template').click();
    await page.getByText('模板「我的答复函」').waitFor();
    await page.getByTestId('preview-template').click();
    await page.getByTestId('docx-preview').locator('section').first().waitFor();
    const source = await page.getByTestId('template-source').inputValue();
    const broken = source.replace('::: addressee', '::: adressee');
    const line = broken.split('\n').findIndex((l) => l.includes('adressee')) + 1;
    await page.getByTestId('template-source').fill(broken);
    await page.getByTestId('save-template').click();
    await page.getByTestId('template-error').waitFor();
    await expect.poll(() => page.getByTestId('template-error').textContent()).toContain(`第${line}行：未知的块「adressee」`);
    // Put back as saved: an unsaved template would be asked about when the screen is left.
    await page.getByTestId('template-source').fill(source);
  });

  it('backs up and restores', async () => {
    await nav('settings');
    const backup = path.join(dir, '备份.db');
    await page.getByTestId('backup-file').fill(backup);
    await page.getByTestId('backup').click();
    await page.getByText(`已备份到 ${backup}`).waitFor();

    await createSession('误建的会议', '2025');

    await nav('settings');
    await page.getByTestId('restore-file').fill(backup);
    await page.getByTestId('restore').click();
    await confirmRestore();
    await nav('sessions');
    await page.getByText('区七届人大三次会议').first().waitFor();
    expect(await page.getByText('误建的会议').count()).toBe(0);

    // The automatic backups: one before the import, and the database as it was before the
    // restore, which undoes the restore.
    await nav('settings');
    await expect.poll(() => page.getByTestId('database-path').textContent()).toContain('.db');
    const table = page.getByTestId('auto-backups');
    await table.getByText('导入台账前的自动备份').first().waitFor();
    const undo = table.locator('tr', { hasText: '恢复备份前保存的数据库' });
    await undo.getByRole('button', { name: '恢复到此备份' }).click();
    await confirmRestore();
    await nav('sessions');
    await page.getByText('误建的会议').first().waitFor();
  });

  it('imports a system’s export with a two-row header and tick columns, told what is missing before anything is written', async () => {
    await nav('import');
    const file = writeFile(dir, '满意度测评表.xlsx', await zhrdSatisfaction(ZHRD_RETURNED).bytes());
    await page.getByTestId('import-target').getByText('新建一届会议').click();
    await page.getByTestId('import-new-session').fill('自治县十五届人大二次会议');
    await page.getByTestId('import-year').fill('2019');
    await page.locator('input[type=file]').setInputFiles(file);
    await page.getByText('已选择：满意度测评表.xlsx').waitFor();
    await page.getByTestId('preview').click();
    await page.getByText('表头在第 2–3 行').waitFor();
    const missing = await page.getByTestId('import-missing').allTextContents();
    expect(missing[0]).toContain('这份台账里没有找到「办理结果」列：导入后所有建议都会算作尚未答复');
    await page.getByText('勾选列：打 √ 的表示「满意」').waitFor();
    await page.getByText('不导入：是「领衔代表」的工作单位或职务，台账不记录').waitFor();
    await page.getByTestId('commit').click();
    await page.getByText('导入完成：新增 4 件').waitFor();
    await nav('overview');
    await page.getByTestId('chart-result-missing').waitFor();
    await expect.poll(() => page.getByTestId('stat-resolution').textContent()).toContain('台账未提供');
    await expect.poll(() => page.getByTestId('rates-table').textContent()).toContain('评价为满意 2 件 / 已反馈评价 3 件');
  });
});
