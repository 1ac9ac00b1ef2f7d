import path from 'node:path';
import type { Store } from '../../../../db/store';
import type { IsoDate } from '../../../common/domain/dates';
import type { Session } from '../../../common/domain/session';
import { termsOf } from '../../../common/domain/terms';
import { reportContext } from '../../../common/documents/data/report-context';
import { writeFileAtomic } from '../../files/atomic-write';
import { sessionStatistics } from '../../stats/session-statistics';
import { loadDocumentSettings } from '../document-settings';
import { resolveTemplate } from '../template/library';
import { safeFileName } from './file-names';
import { renderTemplate } from './render-template';
import { documentTarget, readyFolder } from './target';

type ReportContext = ReturnType<typeof reportContext>;

export interface ReportOptions {
  session: Session;
  out: string;
  template?: string;
  today: IsoDate;
  /** Replace a document already there (only a Word document). Off: an edited report is never lost. */
  overwrite?: boolean;
  /** Create the folder when it does not exist. */
  createFolder?: boolean;
}

/** The report's file name, as the preview offers it and the demo writes it. */
export function reportFileName(session: Session): string {
  return safeFileName(`办理情况报告-${session.name}`, '.docx');
}

function reportTitle(session: Session): string {
  return `${session.name}${termsOf(session.kind).itemTerm}办理情况报告`;
}

/** What the report of a session is filled with: figures from the statistics engine, narrative from the drafts. */
export function reportContextOf(store: Store, session: Session, today: IsoDate): ReportContext {
  return reportContext(session, sessionStatistics(store, session, today), store.drafts.get(session.id), today);
}

/**
 * The annual handling report, ready to render: template chosen and checked, figures from the
 * statistics engine, narrative from the drafts. The one path for the generated file, its preview
 * and its check, so that what the clerk previews or checks is what is written.
 */
export function prepareReport(
  store: Store,
  session: Session,
  today: IsoDate,
  templateName?: string,
): { context: ReportContext; render: () => Promise<Buffer> } {
  const settings = loadDocumentSettings(store);
  const template = resolveTemplate(store, templateName, 'annual-report', ['statistics-tables']);
  const context = reportContextOf(store, session, today);
  return {
    context,
    render: () => renderTemplate(template, context, settings, reportTitle(session), session.issuingBody),
  };
}

/** The report's bytes, as they would be written. */
export async function renderReport(store: Store, session: Session, today: IsoDate, templateName?: string): Promise<Buffer> {
  return prepareReport(store, session, today, templateName).render();
}

/** The annual handling report, written to `out` (checked before anything is rendered). */
export async function generateReport(store: Store, options: ReportOptions): Promise<{ file: string; context: ReportContext }> {
  const { context, render } = prepareReport(store, options.session, options.today, options.template);
  const out = documentTarget(store, options.out, options);
  await readyFolder(path.dirname(out));
  await writeFileAtomic(out, await render());
  return { file: out, context };
}
