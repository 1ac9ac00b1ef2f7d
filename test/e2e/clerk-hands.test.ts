import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { answer, inDatabase, useDemoApp } from '../helpers/e2e';

// The clerk's hands on the screens the first pass missed: the 整改清单, templates and settings ask
// before unsaved edits go; every date field reads dates as people write them; letters say where
// they went; a refusal is worded for a clerk; the last deletion can be undone after coming back.

const TODAY = '2024-07-15';
const CURRENT = '区七届人大三次会议';
let page: Page, documents: string, db: string;

useDemoApp('jianyi-hands-', TODAY, (opened) => ({ page, db, documents } = opened));

const nav = (key: string) => page.getByTestId(`nav-${key}`).click();
const leavePrompt = () => page.locator('.ant-modal-confirm-title', { hasText: '有未保存的修改' });

const proposalOf = (number: string) =>
  inDatabase(db, (store) => store.proposals.ledger(store.sessions.getByName(CURRENT).id).find((p) => p.number === number)!);

const stay = () => answer(page.locator('.ant-modal-confirm-btns').getByRole('button', { name: '留下继续编辑' }));
const goAnyway = () => answer(page.locator('.ant-modal-confirm-btns').getByRole('button', { name: /^放弃修改/ }));

/** Tries to leave for `to` with unsaved edits, is asked, stays: what was typed in `field` is still there. */
async function leaveAndStay(to: string, field: Locator, typed: string) {
  await nav(to);
  await leavePrompt().waitFor();
  await stay();
  expect(await field.inputValue()).toBe(typed);
}

async function openProposal(number: string) {
  await nav('proposals');
  await page.getByPlaceholder(/^搜索标题/).fill(number);
  await page.getByTestId('proposals-table').locator('.ant-table-row').first().click();
  await page.getByTestId('edit-title').waitFor();
}

/** Closes the editor (its ×), throwing its edits away when it asks; its 保存 button is in sight until then. */
async function closeEditor() {
  const discard = page.getByTestId('discard-edits');
  const open = page.getByTestId('save-proposal');
  await expect
    .poll(
      async () => {
        if (await discard.isVisible()) await discard.click({ timeout: 2000 }).catch(() => undefined);
        else if (await open.isVisible())
          await page
            .locator('.ant-drawer-close')
            .click({ timeout: 2000 })
            .catch(() => undefined);
        return open.isVisible();
      },
      { timeout: 20_000 },
    )
    .toBe(false);
}

describe('the clerk’s hands', () => {
  it('is asked before unsaved 整改清单 edits go, by leaving the screen or opening another opinion', async () => {
    await nav('documents');
    await page.getByRole('tab', { name: '审议意见与整改清单' }).click();
    const measures = page.getByTestId('item-measures-0');
    await expect.poll(() => measures.inputValue()).not.toBe('');
    await measures.fill('整改措施：还没有保存的一稿。');

    await leaveAndStay('overview', measures, '整改措施：还没有保存的一稿。');
    expect(await page.getByTestId('nav-documents').isVisible()).toBe(true);

    // 新建 (and choosing another opinion) would throw the draft away too: asked, stays.
    await page.getByTestId('new-opinion').click();
    await leavePrompt().waitFor();
    await stay();
    expect(await measures.inputValue()).toBe('整改措施：还没有保存的一稿。');

    // 成文日期 reads dates as people write them, and refuses one it cannot read.
    await page.getByTestId('opinion-date').fill('2024.11.20');
    await page.getByTestId('opinion-text').click();
    expect(await page.getByTestId('opinion-date').inputValue()).toBe('2024-11-20');
    await page.getByTestId('opinion-date').fill('十一月');
    await page.getByTestId('save-opinion').click();
    await page.getByTestId('opinion-date-problem').getByText('成文日期「十一月」无法识别').waitFor();
    await page.getByTestId('opinion-date').fill('2024年11月20日');
    await page.getByTestId('save-opinion').click();
    await page.getByText('已保存').first().waitFor();
    const saved = await inDatabase(db, (store) => {
      const [first] = store.reviews.list();
      return store.reviews.get(first!.id);
    });
    expect(saved.report.date).toBe('2024-11-20');
    expect(saved.items[0]!.measures).toBe('整改措施：还没有保存的一稿。');
    // Saved: leaving asks nothing.
    await nav('overview');
    await expect.poll(() => page.getByRole('tab', { name: '审议意见与整改清单' }).count()).toBe(0);
    expect(await leavePrompt().isVisible()).toBe(false);
  });

  it('is asked before unsaved session settings, document settings and template edits go', async () => {
    await nav('sessions');
    await page.getByTestId('deadline-dueSoonDays').fill('17');
    await nav('overview');
    await leavePrompt().waitFor();
    await stay();
    expect(await page.getByTestId('deadline-dueSoonDays').inputValue()).toBe('17');
    await nav('overview');
    await goAnyway();
    await expect.poll(() => page.getByTestId('deadline-dueSoonDays').count()).toBe(0);

    await nav('settings');
    const font = page.getByLabel('正文字体');
    await expect.poll(() => font.inputValue()).not.toBe('');
    await font.fill('楷体');
    await leaveAndStay('templates', font, '楷体');
    await nav('templates');
    await goAnyway();

    await page.locator('.ant-table-row').first().click();
    await page.getByTestId('copy-name').fill('我的答复函');
    await page.getByTestId('copy-template').click();
    const source = page.getByTestId('template-source');
    await expect.poll(() => source.getAttribute('readonly')).toBeNull();
    await source.fill(`${await source.inputValue()}\n还没有保存的一行`);
    await nav('settings');
    await leavePrompt().waitFor();
    await stay();
    // Opening another template asks too.
    await page.locator('.ant-table-row').first().click();
    await leavePrompt().waitFor();
    await stay();
    expect(await source.inputValue()).toContain('还没有保存的一行');
    await page.getByTestId('save-template').click();
    await page.getByText('模板已保存').first().waitFor();
    await nav('sessions');
    await page.getByTestId('deadline-dueSoonDays').waitFor();
    expect(await leavePrompt().isVisible()).toBe(false);
    expect(await page.getByTestId('deadline-dueSoonDays').inputValue()).not.toBe('17');
  });

  it('types 承办单位, 面商 and 跟踪事项 dates as people write them, and is told when one cannot be read', async () => {
    await openProposal('0010');
    const { id } = await proposalOf('0010');
    const consultations = () => inDatabase(db, (store) => store.handling.consultations(id));
    const before = (await consultations()).length;
    // 承办单位: the unit's opinion date, saved with its record.
    await page.getByRole('tab', { name: '承办单位' }).click();
    const unitDate = page.locator('[data-testid^="opinion-date-"]').first();
    const unit = (await unitDate.getAttribute('data-testid'))!.replace('opinion-date-', '');
    await unitDate.fill('2024年6月1日');
    await page.getByTestId(`save-opinion-${unit}`).click();
    await page.getByText('已保存').first().waitFor();
    const opinionDate = () => inDatabase(db, (store) => store.handling.handlings(id).find((h) => h.unit === unit)!.opinionDate);
    await expect.poll(opinionDate).toBe('2024-06-01');
    await unitDate.fill('六月一日');
    await page.getByTestId(`save-opinion-${unit}`).click();
    await page.getByTestId(`opinion-date-problem-${unit}`).getByText('意见日期「六月一日」无法识别').waitFor();
    expect(await opinionDate()).toBe('2024-06-01');

    await page.getByRole('tab', { name: /^面商/ }).click();
    await page.getByTestId('consultation-date').fill('2024年5月6日');
    await page.getByTestId('consultation-notes').fill('走访领衔代表');
    await page.getByTestId('add-consultation').click();
    await page.locator('.ant-table-row', { hasText: '走访领衔代表' }).getByText('2024-05-06').waitFor();
    expect((await consultations()).map((c) => c.date)).toContain('2024-05-06');

    await page.getByTestId('consultation-date').fill('2024-13-45');
    await page.getByTestId('consultation-notes').fill('日期写错了');
    await page.getByTestId('add-consultation').click();
    await page.getByText('面商日期「2024-13-45」无法识别').waitFor();
    expect(await consultations()).toHaveLength(before + 1);

    await page.getByRole('tab', { name: /^跟踪事项/ }).click();
    await page.getByTestId('milestone-date').fill('20241120');
    await page.getByTestId('milestone-text').fill('完成施工招标');
    await page.getByTestId('add-milestone').click();
    await page.locator('.ant-table-row', { hasText: '完成施工招标' }).getByText('2024-11-20').waitFor();
    await page.getByTestId('milestone-date').fill('2024/11/31');
    await page.getByTestId('milestone-text').fill('日期不存在');
    await page.getByTestId('add-milestone').click();
    await page.getByText('计划日期「2024/11/31」无法识别').waitFor();
    expect(await inDatabase(db, (store) => store.handling.milestones(id).map((m) => m.description))).toEqual(['完成施工招标']);
    await closeEditor();
  });

  it('says in the clerk’s words why a title over the limit is refused', async () => {
    await openProposal('0011');
    const before = (await proposalOf('0011')).title;
    await page.getByTestId('edit-title').fill('长'.repeat(501));
    await page.getByTestId('save-proposal').click();
    const dialog = page.getByTestId('error-dialog');
    await dialog.waitFor();
    const said = (await dialog.textContent()) ?? '';
    expect(said).toContain('「标题」太长：最多 500 个字');
    for (const word of ['期望', '实际接收', '无效输入', 'expected']) expect(said).not.toContain(word);
    await answer(page.locator('.ant-modal-confirm-btns .ant-btn-primary'));
    expect((await proposalOf('0011')).title).toBe(before);
    await closeEditor();
  });

  it('shows the full folder the letters went to when the folder was typed as a relative name', async () => {
    await nav('documents');
    await page.getByRole('tab', { name: '答复函' }).click();
    await page.getByTestId('letters-out').fill('答复函-第一批');
    await page.getByTestId('letters-only').fill('0001');
    await page.getByTestId('generate-letters').click();
    await page.locator('.ant-modal-confirm-title', { hasText: '文件夹不存在' }).waitFor();
    await answer(page.getByRole('button', { name: '新建文件夹' }));
    const folder = path.join(documents, '答复函-第一批');
    const result = page.getByTestId('letters-result');
    await expect.poll(() => result.textContent(), { timeout: 30_000 }).toContain(`已生成 1 份，保存在文件夹「${folder}」`);
    expect(fs.readdirSync(folder).filter((f) => f.endsWith('.docx'))).toHaveLength(1);
  });

  it('still offers to undo the last deletion after leaving the screen and coming back', async () => {
    await nav('proposals');
    const rows = page.getByTestId('proposals-table').locator('.ant-table-row');
    await page.getByPlaceholder(/^搜索标题/).fill('');
    await rows.first().waitFor();
    const number = (await rows.nth(0).locator('.ant-table-cell').nth(1).textContent())!;
    await rows.nth(0).locator('.ant-checkbox-input').check();
    await page.getByTestId('delete-selected').click();
    await answer(page.getByTestId('confirm-delete'));
    await page.getByTestId('undo-notice').waitFor();

    await nav('overview');
    await expect.poll(() => page.getByTestId('undo-notice').count()).toBe(0);
    await nav('proposals');
    const notice = page.getByTestId('undo-notice');
    await expect.poll(() => notice.textContent()).toContain('上一次操作：删除');
    await nav('sessions');
    await expect.poll(() => notice.textContent()).toContain('上一次操作：删除');

    const reloaded = page.waitForEvent('load', { timeout: 60_000 });
    await page.getByTestId('undo-last').click();
    await answer(page.locator('.ant-modal-confirm-btns .ant-btn-primary'));
    await reloaded;
    expect((await proposalOf(number)).number).toBe(number);
    await page.getByTestId('nav-sessions').waitFor();
    await nav('proposals');
    await page.getByTestId('proposals-table').locator('.ant-table-row').first().waitFor();
    expect(await page.getByTestId('undo-notice').count()).toBe(0);
  });
});
