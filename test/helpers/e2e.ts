import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { openStore, type OpenedStore } from '../../db/store';
import { demoDatabase } from './demo-db';
import { tempDir } from './fixtures';
import { openWebApp, type WebApp } from './web-app';

/**
 * The demo district on `today` in a new folder (prefix), its documents folder beside it, and the
 * app open on it in Chromium: what a browser test file starts from.
 */
export async function openDemoApp(
  prefix: string,
  today: string,
): Promise<{ app: WebApp; dir: string; db: string; documents: string }> {
  const dir = tempDir(prefix);
  const documents = path.join(dir, '文档');
  fs.mkdirSync(documents);
  const { db } = await demoDatabase(dir, today);
  const app = await openWebApp({ db, today, documentsDir: documents });
  return { app, dir, db, documents };
}

/**
 * A test file's app: opened on the demo before its tests (`take` receives the page and the
 * paths) and closed after them.
 */
export function useDemoApp(
  prefix: string,
  today: string,
  take: (opened: { page: Page; dir: string; db: string; documents: string }) => void,
): void {
  let app: WebApp | undefined;
  beforeAll(async () => {
    const opened = await openDemoApp(prefix, today);
    app = opened.app;
    take({ ...opened, page: opened.app.page });
  }, 120_000);
  afterAll(() => app?.close());
}

/** Reads the database file the app is serving, with a store of its own, closed after. */
export async function inDatabase<T>(db: string, read: (store: OpenedStore) => T): Promise<T> {
  const store = await openStore(db);
  try {
    return read(store);
  } finally {
    store.close();
  }
}

/** Clicks a dialog's button until the dialog is gone: a click while it is still opening can be lost under load. */
export async function answer(button: Locator): Promise<void> {
  await expect
    .poll(
      async () => {
        if (await button.isVisible()) await button.click({ timeout: 2000 }).catch(() => undefined);
        return button.isVisible();
      },
      { timeout: 20_000 },
    )
    .toBe(false);
}
