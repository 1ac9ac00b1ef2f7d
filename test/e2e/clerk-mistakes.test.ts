import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { docxText } from '../helpers/docx';
import { inDatabase, useDemoApp } from '../helpers/e2e';

// A clerk makes mistakes: closes the editor with changes, reloads, types a bad year or a date
// written the way people write dates, leaves a screen with unsaved text, saves a report under a
// name without .docx. Nothing typed is lost and nothing saved is other than what was typed.

const TODAY = '2024-07-15';
let page: Page, documents: string, db: string;

useDemoApp('jianyi-mistakes-', TODAY, (opened) => ({ page, db, documents } = opened));

const nav = (key: string) => page.getByTestId(`nav-${key}`).click();
const confirmTitle = (text: string) => page.locator('.ant-modal-confirm-title', { hasText: text });

async function openProposal(number: string) {
  await nav('proposals');
  await page.getByPlaceholder(/^搜索标题/).fill(number);
  await page.locator('.ant-table-row').first().click();
  await page.getByTestId('edit-title').waitFor();
}

const readProposal = (number: string) =>
  inDatabase(db, (store) =>
    store.proposals.ledger(store.sessions.getByName('区七届人大三次会议').id).find((p) => p.number === number)!,
  );

describe('a clerk who makes mistakes', () => {
  it('is asked before the editor throws changes away: 继续编辑, 放弃, 保存', async () => {
    await openProposal('0007');
    const before = await readProposal('0007');
    await page.getByTestId('edit-reply').fill('第一稿，还没有保存。');
    await page.keyboard.press('Escape');
    await page.getByText('这件建议的修改还没有保存').waitFor();
    await page.getByTestId('keep-editing').click();
    await page.getByText('这件建议的修改还没有保存').waitFor({ state: 'hidden' });
    expect(await page.getByTestId('edit-reply').inputValue()).toBe('第一稿，还没有保存。');
    // The × of the drawer asks too.
    await page.locator('.ant-drawer-close').click();
    await page.getByTestId('discard-edits').click();
    await page.getByTestId('edit-title').waitFor({ state: 'hidden' });
    expect((await readProposal('0007')).replyText).toBe(before.replyText);

    await openProposal('0007');
    await page.getByTestId('edit-reply').fill('第二稿，关闭时保存。');
    await page.keyboard.press('Escape');
    await page.getByTestId('save-and-close').click();
    await page.getByTestId('edit-title').waitFor({ state: 'hidden' });
    expect((await readProposal('0007')).replyText).toBe('第二稿，关闭时保存。');
  });

  it('gets unsaved editor changes back after a reload, and is warned before the window goes', async () => {
    await openProposal('0008');
    await page.getByTestId('edit-reply').fill('刷新前打的字');
    // What the browser (and the desktop shell) asks before the window goes: the page says no.
    const warned = await page.evaluate(`(() => {
      const event = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    })()`);
    expect(warned).toBe(true);
    page.once('dialog', (dialog) => void dialog.accept());
    await page.reload();
    await page.getByTestId('draft-restored').waitFor();
    expect(await page.getByTestId('edit-reply').inputValue()).toBe('刷新前打的字');
    await page.getByTestId('save-proposal').click();
    await page.getByText('已保存').first().waitFor();
    expect((await readProposal('0008')).replyText).toBe('刷新前打的字');
    await page.keyboard.press('Escape');
  });

  it('types dates as people write them, and is told when one cannot be read', async () => {
    await openProposal('0009');
    for (const [typed, iso] of [
      ['2024/6/20', '2024-06-20'],
      ['20240621', '2024-06-21'],
      ['2024年6月22日', '2024-06-22'],
      ['2024.6.23', '2024-06-23'],
    ] as const) {
      await page.getByTestId('edit-reply-date').fill(typed);
      await page.getByTestId('edit-title').click();
      expect(await page.getByTestId('edit-reply-date').inputValue()).toBe(iso);
    }
    await page.getByTestId('save-proposal').click();
    await page.getByText('已保存').first().waitFor();
    expect((await readProposal('0009')).replyDate).toBe('2024-06-23');
    await page.getByTestId('edit-reply-date').fill('明天');
    await page.getByTestId('save-proposal').click();
    await page.getByText('答复日期「明天」无法识别').waitFor();
    expect((await readProposal('0009')).replyDate).toBe('2024-06-23');
    await page.getByTestId('edit-reply-date').fill('2024-06-23');
    await page.keyboard.press('Escape');
    await page.getByTestId('edit-title').waitFor({ state: 'hidden' });
  });

  it('is refused a year or a period out of range, with the range, and nothing is saved instead', async () => {
    await nav('sessions');
    await page.getByTestId('new-session-name').fill('一九〇〇年的会议');
    await page.getByTestId('new-session-year').fill('1800');
    await page.getByTestId('create-session').click();
    await page.getByText('年份应为 1949 到 2200 之间的整数，填的是 1800').waitFor();
    await page.getByTestId('new-session-year').fill('20260');
    await page.getByTestId('create-session').click();
    await page.getByText('填的是 20260').waitFor();
    await page.getByTestId('deadline-replyMonths').fill('0');
    await page.getByTestId('save-session').click();
    await page.getByText('答复期限应为 1 到 24 之间的整数，填的是 0').waitFor();
    await inDatabase(db, (store) => {
      expect(store.sessions.list().map((s) => s.name)).not.toContain('一九〇〇年的会议');
      expect(store.sessions.getByName('区七届人大三次会议').deadlines.replyMonths).toBe(3);
    });
    await page.getByTestId('deadline-replyMonths').fill('3');
  });

  it('creates a session on import only when asked, with the year asked for', async () => {
    await nav('import');
    await page.getByTestId('import-target').getByText('新建一届会议').click();
    await page.getByTestId('import-new-session').fill('区七届人大三次会议');
    await page.getByText('已经有这届会议，请选“已有的会议”').waitFor();
    await page.getByTestId('import-new-session').fill('区七届人大四次会议');
    expect(await page.getByTestId('preview').isDisabled()).toBe(true);
    await page.getByTestId('import-year').fill('1800');
    await page.getByText('年份应为 1949 到 2200 之间的整数，填的是 1800').waitFor();
    expect(await page.getByTestId('preview').isDisabled()).toBe(true);
  });

  it('has report text saved as it is typed, kept across a reload, and in the generated report', async () => {
    await nav('documents');
    await page.getByRole('tab', { name: '办理情况报告' }).click();
    await page.getByTestId('draft-problems').fill('个别答复针对性不强。');
    // Leaving the screen at once asks first.
    await page.getByTestId('nav-overview').click();
    await confirmTitle('有未保存的修改').waitFor();
    await page.getByRole('button', { name: '留下继续编辑' }).click();
    await page.getByTestId('draft-state-problems').getByText('已自动保存').waitFor();
    await page.reload();
    await nav('documents');
    await page.getByRole('tab', { name: '办理情况报告' }).click();
    await expect.poll(() => page.getByTestId('draft-problems').inputValue()).toBe('个别答复针对性不强。');

    // A name without .docx, relative: saved as 报告.docx in the documents folder, full path shown.
    await page.getByTestId('report-out').fill('报告');
    await page.getByTestId('generate-report').click();
    const file = path.join(documents, '报告.docx');
    await page.getByText(`已生成：${file}`).waitFor();
    expect(docxText(file)).toContain('个别答复针对性不强。');
    expect(fs.existsSync(path.join(process.cwd(), '报告'))).toBe(false);
    await page.getByText(`已生成：${file}`).waitFor({ state: 'hidden' });
    // Again: asked before the file is replaced; declining leaves it as it is.
    const before = fs.readFileSync(file);
    await page.getByTestId('generate-report').click();
    await confirmTitle('文件已经存在').waitFor();
    // A click while the dialog is still opening can be lost under load: click until it closes.
    const asked = confirmTitle('文件已经存在');
    await expect
      .poll(
        async () => {
          if (await asked.isVisible())
            await page
              .getByRole('button', { name: /^取\s?消$/ })
              .click({ timeout: 2000 })
              .catch(() => undefined);
          return asked.isVisible();
        },
        { timeout: 20_000 },
      )
      .toBe(false);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    // A folder that is not there: asked before it is made.
    await page.getByTestId('report-out').fill(path.join(documents, '2024年', '报告.docx'));
    await page.getByTestId('generate-report').click();
    await confirmTitle('文件夹不存在').waitFor();
    await page.getByRole('button', { name: '新建文件夹' }).click();
    await page.getByText('已生成：').first().waitFor();
    expect(fs.existsSync(path.join(documents, '2024年', '报告.docx'))).toBe(true);
  });
});
