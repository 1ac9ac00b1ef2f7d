import type { Store } from '../../../db/store';
import { DEFAULT_DOCUMENT_SETTINGS, documentSettingsSchema, type DocumentSettings } from '../../common/documents/settings';

const KEY = 'documents';

/** The office's document settings, GB/T 9704 defaults where nothing was set. */
export function loadDocumentSettings(store: Store): DocumentSettings {
  return store.settings.get(KEY, documentSettingsSchema, DEFAULT_DOCUMENT_SETTINGS);
}

export function saveDocumentSettings(store: Store, settings: DocumentSettings): DocumentSettings {
  return store.settings.set(KEY, documentSettingsSchema, settings);
}
