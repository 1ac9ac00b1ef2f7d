import path from 'node:path';
import type { Store } from '../../../../db/store';
import type { IsoDate } from '../../../common/domain/dates';
import { UserError } from '../../../common/domain/errors';
import { rectificationContext } from '../../../common/documents/data/rectification-context';
import { writeFileAtomic } from '../../files/atomic-write';
import { loadDocumentSettings } from '../document-settings';
import { resolveTemplate } from '../template/library';
import { renderTemplate } from './render-template';
import { documentTarget, readyFolder } from './target';

export interface RectificationOptions {
  /** The review opinion: its id (the app), or its name as the clerk types it (the command line). */
  opinion: { id: number } | { name: string };
  out: string;
  template?: string;
  today: IsoDate;
  overwrite?: boolean;
  createFolder?: boolean;
}

/** The report answering a review opinion with its 整改清单 attached. */
export async function generateRectification(store: Store, options: RectificationOptions): Promise<{ file: string }> {
  const settings = loadDocumentSettings(store);
  const template = resolveTemplate(store, options.template, 'rectification');
  const opinion = 'id' in options.opinion ? store.reviews.get(options.opinion.id) : store.reviews.getByName(options.opinion.name);
  if (opinion.items.length === 0) throw new UserError(`审议意见「${opinion.name}」还没有整改事项，整改清单是空的。`);
  const session = opinion.sessionId !== null ? store.sessions.get(opinion.sessionId) : null;
  const context = rectificationContext(opinion, session?.issuingBody ?? '', options.today);
  const out = documentTarget(store, options.out, options);
  await readyFolder(path.dirname(out));
  const bytes = await renderTemplate(template, context, settings, context.title);
  await writeFileAtomic(out, bytes);
  return { file: out };
}
