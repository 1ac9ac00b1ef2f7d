import path from 'node:path';
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { answer, inDatabase, useDemoApp } from '../helpers/e2e';

// A clerk deletes the wrong proposals, the wrong session, imports the wrong file: each time the
// screen says where the backup is and one click undoes it.

const TODAY = '2024-07-15';
const CURRENT = '区七届人大三次会议';
let page: Page, dir: string, db: string;

useDemoApp('jianyi-undo-', TODAY, (opened) => ({ page, dir, db } = opened));

const nav = (key: string) => page.getByTestId(`nav-${key}`).click();

const countOf = (name: string) =>
  inDatabase(db, (store) => {
    const session = store.sessions.findByName(name);
    return session ? store.proposals.countBySession(session.id) : null;
  });

async function undoAndWait() {
  const reloaded = page.waitForEvent('load', { timeout: 60_000 });
  await page.getByTestId('undo-last').click();
  await answer(page.locator('.ant-modal-confirm-btns .ant-btn-primary'));
  await reloaded;
}

describe('every mistake undoable', () => {
  it('deletes two proposals from the list, names them first, and undoes it', async () => {
    await nav('proposals');
    const rows = page.getByTestId('proposals-table').locator('.ant-table-row');
    await rows.first().waitFor();
    const before = await countOf(CURRENT);
    const numbers = [
      (await rows.nth(0).locator('.ant-table-cell').nth(1).textContent())!,
      (await rows.nth(1).locator('.ant-table-cell').nth(1).textContent())!,
    ];
    await rows.nth(0).locator('.ant-checkbox-input').check();
    await rows.nth(1).locator('.ant-checkbox-input').check();
    await page.getByTestId('delete-selected').click();
    const list = await page.getByTestId('delete-list').textContent();
    for (const n of numbers) expect(list).toContain(n);
    await answer(page.getByTestId('confirm-delete'));
    const notice = page.getByTestId('undo-notice');
    await notice.waitFor();
    await expect.poll(() => notice.textContent()).toContain(`已删除 2 件建议：${numbers.join('、')}`);
    expect(await notice.textContent()).toMatch(/这之前的数据已自动备份在「.+删除前\.db」/);
    expect(await countOf(CURRENT)).toBe(before! - 2);

    await undoAndWait();
    expect(await countOf(CURRENT)).toBe(before);
  });

  it('deletes one proposal from its editor', async () => {
    await nav('proposals');
    const before = await countOf(CURRENT);
    await page.getByTestId('proposals-table').locator('.ant-table-row').first().click();
    await page.getByTestId('delete-proposal').click();
    await answer(page.getByTestId('confirm-delete'));
    await page.getByTestId('undo-notice').waitFor();
    await page.getByTestId('edit-title').waitFor({ state: 'hidden' });
    expect(await countOf(CURRENT)).toBe(before! - 1);
    await undoAndWait();
    expect(await countOf(CURRENT)).toBe(before);
  });

  it('deletes a whole session only once its name is typed, and undoes it', async () => {
    await nav('sessions');
    await page.getByTestId('delete-session').click();
    const ok = page.locator('.ant-modal-footer .ant-btn-dangerous');
    expect(await ok.isDisabled()).toBe(true);
    await page.getByTestId('delete-session-name').fill('区七届人大');
    expect(await ok.isDisabled()).toBe(true);
    await page.getByTestId('delete-session-name').fill(CURRENT);
    await ok.click();
    await page.getByTestId('undo-notice').waitFor();
    expect(await countOf(CURRENT)).toBeNull();
    await undoAndWait();
    expect(await countOf(CURRENT)).toBe(260);
  });

  it('after an import, says where the backup is and offers to undo the import', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('台账');
    sheet.addRow(['建议号', '标题']);
    sheet.addRow(['0001', '导错了的标题']);
    const file = path.join(dir, '导错的台账.xlsx');
    fs.writeFileSync(file, Buffer.from(await workbook.xlsx.writeBuffer()));
    const titleOf = () =>
      inDatabase(
        db,
        (store) => store.proposals.ledger(store.sessions.getByName(CURRENT).id).find((p) => p.number === '0001')!.title,
      );
    const before = await titleOf();

    await page.getByTestId('session-select').click();
    await page.locator('.ant-select-item-option', { hasText: CURRENT }).click();
    await nav('import');
    await page.locator('input[type=file]').setInputFiles(file);
    await page.getByText('已选择：导错的台账.xlsx').waitFor();
    await page.getByTestId('preview').click();
    await page.getByTestId('import-columns').waitFor();
    await page.getByTestId('commit').click();
    const notice = page.getByTestId('undo-notice');
    await notice.waitFor();
    expect(await notice.textContent()).toMatch(/已导入「导错的台账\.xlsx」：新增 0 件，更新 1 件/);
    expect(await notice.textContent()).toMatch(/已自动备份在「.+导入前\.db」/);
    expect(await page.getByTestId('undo-last').textContent()).toBe('撤销这次导入');
    expect(await titleOf()).toBe('导错了的标题');

    // The proposal's history says what the import changed, field by field.
    await nav('proposals');
    await page.getByPlaceholder(/^搜索标题/).fill('导错了的标题');
    await page.locator('.ant-table-row', { hasText: '导错了的标题' }).first().click();
    await page.getByRole('tab', { name: '修改记录' }).click();
    await expect
      .poll(() => page.getByTestId('history-change').first().textContent())
      .toBe(`「标题」：${before.length > 40 ? `${before.slice(0, 40)}……` : before} → 导错了的标题`);
    await page.keyboard.press('Escape');
    await page.getByTestId('edit-title').waitFor({ state: 'hidden' });

    await undoAndWait();
    expect(await titleOf()).toBe(before);
  });
});
