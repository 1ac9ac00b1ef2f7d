import { loadDocumentSettings, saveDocumentSettings } from '../../documents/document-settings';
import type { Handlers, HandlerContext } from './context';

/** The program itself, the document settings and the units' letterheads. */
export function settingsHandlers(ctx: HandlerContext) {
  const { store } = ctx;
  return {
    'app.info': () => ({ version: ctx.version, database: ctx.databaseFile, today: ctx.today() }),

    'settings.documents.get': () => loadDocumentSettings(store),
    'settings.documents.set': (settings) => saveDocumentSettings(store, settings),

    'units.list': () => store.units.list(),
    'units.update': ({ id, ...letterhead }) => {
      store.units.updateLetterhead(id, letterhead);
      return store.units.list();
    },
  } satisfies Partial<Handlers>;
}
