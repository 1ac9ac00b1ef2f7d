import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { RENDERER_DIR, startWeb, type WebServer } from '../../electron/node/web/main';
import { launchChromium } from './chromium';

export interface WebApp {
  server: WebServer;
  browser: Browser;
  page: Page;
  /** Closes the browser, then the server. */
  close(): Promise<void>;
}

/** The newest change under `dir` (its files, recursively), in ms since the epoch. */
function newestChange(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/**
 * Builds the UI when it is missing, or again when a source it is made of changed after the last
 * build, so a test never drives yesterday's screens. Built as `npm run build:renderer` does, in a
 * process of its own: built inside the test runner (NODE_ENV=test) it would be React's and antd's
 * development bundle, where the editor's drawer does not close on Esc. Built beside the old one
 * and moved in place, so a test already serving the old build is not left without one for long.
 */
function buildIfStale(): void {
  const built = path.join(RENDERER_DIR, 'index.html');
  const root = path.resolve(RENDERER_DIR, '..', '..');
  if (fs.existsSync(built)) {
    const sources = Math.max(newestChange(path.join(root, 'renderer')), newestChange(path.join(root, 'electron', 'common')));
    if (sources <= fs.statSync(built).mtimeMs) return;
  }
  const next = `${RENDERER_DIR}.next-${process.pid}`;
  const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  execFileSync(
    process.execPath,
    [
      vite,
      'build',
      '--config',
      path.join(root, 'renderer', 'vite.config.ts'),
      '--outDir',
      next,
      '--emptyOutDir',
      '--logLevel',
      'warn',
    ],
    { cwd: root, env: { ...process.env, NODE_ENV: 'production' }, stdio: 'inherit' },
  );
  fs.rmSync(RENDERER_DIR, { recursive: true, force: true });
  fs.renameSync(next, RENDERER_DIR);
}

/**
 * The app as the clerk uses it: the HTTP bridge on the database `db` (today fixed), and one
 * Chromium page open on it, where an uncaught error in the page fails the test. The page is
 * an office laptop's 1366×768 unless told otherwise.
 */
export async function openWebApp(options: {
  db: string;
  today: string;
  /** Where relative paths typed in the browser are saved. */
  documentsDir?: string;
  /** Options of the page, over a 1366×768 viewport. */
  page?: Parameters<Browser['newPage']>[0];
}): Promise<WebApp> {
  buildIfStale();
  const server = await startWeb({ db: options.db, port: 0, today: () => options.today, documentsDir: options.documentsDir });
  const browser = await launchChromium().catch(async (error: unknown) => {
    await server.close();
    throw error;
  });
  const close = async () => {
    await browser.close();
    await server.close();
  };
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, ...options.page });
    page.on('pageerror', (error) => {
      throw error;
    });
    await page.goto(server.url);
    return { server, browser, page, close };
  } catch (error) {
    await close();
    throw error;
  }
}
