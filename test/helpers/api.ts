import type { OpenedStore } from '../../db/store';
import { createHandlers, type Handlers } from '../../electron/node/api/handlers';
import { generateDemo } from '../../electron/node/demo/generate';
import { newStore, tempDir } from './fixtures';

export interface ApiOptions {
  /** The day the handlers take for today (default 2024-07-15). */
  today?: string;
  /** Where relative paths are saved (default: the user's documents folder). */
  documentsDir?: string;
}

/** The API handlers over a store, as the app builds them, on a fixed day. */
export function handlersOver(store: OpenedStore & { file: string }, options: ApiOptions = {}): Handlers {
  const today = options.today ?? '2024-07-15';
  return createHandlers({
    store,
    databaseFile: store.file,
    today: () => today,
    version: 'test',
    documentsDir: options.documentsDir,
  });
}

/** A new, empty store and the API handlers over it. */
export async function newApi(options: ApiOptions = {}): Promise<{ store: OpenedStore & { file: string }; handlers: Handlers }> {
  const store = await newStore();
  return { store, handlers: handlersOver(store, options) };
}

/**
 * A new store holding the demo district (as on 2024-07-15), and the API over it saving the paths
 * the clerk types without a folder into a new folder of its own.
 */
export async function newDemoApi(documentsPrefix = 'jianyi-docs-') {
  const store = await newStore();
  const demo = generateDemo(store, { today: '2024-07-15' });
  const documents = tempDir(documentsPrefix);
  return { store, demo, documents, handlers: handlersOver(store, { documentsDir: documents }) };
}
