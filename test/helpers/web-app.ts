import type { Browser, Page } from 'playwright-core';
import { startWeb, type WebServer } from '../../electron/node/web/main';
import { launchChromium } from './chromium';

export interface WebApp {
  server: WebServer;
  browser: Browser;
  page: Page;
  /** Closes the browser, then the server. */
  close(): Promise<void>;
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
