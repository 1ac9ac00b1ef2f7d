import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBridge } from '../../electron/node/api/http-bridge';
import { launchChromium } from '../helpers/chromium';
import { newApi } from '../helpers/api';
import { tempDir } from '../helpers/fixtures';

// The browser's side of the one-time link: Chromium keeps the cookie the link sets, follows the
// redirect to the clean address, and keeps two servers on one computer apart.

type Server = Awaited<ReturnType<typeof startBridge>>;
let browser: Browser;
let one: Server;
let two: Server;

beforeAll(async () => {
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><meta charset="utf-8"><title>界面</title><p>界面</p>');
  const { handlers } = await newApi();
  one = await startBridge({ handlers, staticDir: dir });
  two = await startBridge({ handlers, staticDir: dir });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await one?.close();
  await two?.close();
});

/** An API call as the UI makes it (renderer/src/api.ts): relative to the page, with its cookies. */
const call = (page: Page) =>
  page.evaluate(async () => {
    const response = await fetch('./api/sessions.list', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    return { status: response.status, body: await response.text() };
  });

describe('the one-time link in a browser', () => {
  it('lets the browser in, leaves a clean address, and two servers’ tabs keep working side by side', async () => {
    const context = await browser.newContext();
    const first = await context.newPage();
    await first.goto(one.url);
    expect(first.url()).toBe(`${one.origin}/`);
    await expect(first.title()).resolves.toBe('界面');
    expect(await call(first)).toEqual({ status: 200, body: '{"ok":true,"value":[]}' });

    const second = await context.newPage();
    await second.goto(two.url);
    expect(await call(second)).toMatchObject({ status: 200 });
    // The first tab, after the second server let the same browser in:
    expect(await call(first)).toMatchObject({ status: 200 });
    await first.reload();
    expect(await call(first)).toMatchObject({ status: 200 });
    await context.close();
  });

  it('refuses a link already used and a visit without one, in words, to another browser', async () => {
    const other = await browser.newContext();
    const page = await other.newPage();
    await page.goto(one.url);
    await expect(page.locator('h1').textContent()).resolves.toBe('这个链接已经用过');
    expect(await call(page)).toMatchObject({ status: 403, body: expect.stringContaining('终端里显示的') });
    await page.goto(`${one.origin}/`);
    await expect(page.locator('body').textContent()).resolves.toContain('终端里显示的链接');
    // A new link from the terminal lets it in.
    await page.goto(one.newLink());
    await expect(page.title()).resolves.toBe('界面');
    expect(await call(page)).toMatchObject({ status: 200 });
    await other.close();
  });
});
