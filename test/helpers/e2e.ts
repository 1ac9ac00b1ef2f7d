import fs from 'node:fs';
import path from 'node:path';
import type { Locator } from 'playwright-core';
import { expect } from 'vitest';
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
