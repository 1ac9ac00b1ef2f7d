import path from 'node:path';
import { openStore, type OpenedStore } from '../../db/store';
import { generateDemo } from '../../electron/node/demo/generate';

/**
 * The demo database as of `today`, written to `dir`/demo.db: `extend` may add to it (or read from
 * it) before it is closed, and what it returns comes back as `extra`.
 */
export async function demoDatabase<T = undefined>(
  dir: string,
  today: string,
  extend?: (store: OpenedStore, demo: ReturnType<typeof generateDemo>) => T | Promise<T>,
): Promise<{ db: string; extra: T }> {
  const db = path.join(dir, 'demo.db');
  const store = await openStore(db);
  try {
    const demo = generateDemo(store, { today });
    return { db, extra: (await extend?.(store, demo)) as T };
  } finally {
    store.close();
  }
}
