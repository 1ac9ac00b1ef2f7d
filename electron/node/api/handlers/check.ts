import type { Store } from '../../../../db/store';
import type { CheckResult } from '../../../common/api/contract';
import { UserError } from '../../../common/domain/errors';
import { annotateDocx, checkDraft, readDraft, sessionFacts } from '../../check';
import { renderReport } from '../../documents/generate/report';
import { writeFileAtomic } from '../../files/atomic-write';
import { checkOutputFile } from '../../files/output-path';
import { userPath, type Handlers, type HandlerContext } from './context';

/** Proofreading a report draft, or the report the product would generate, against the records. */
export function checkHandlers(ctx: HandlerContext) {
  const { store } = ctx;
  return {
    'check.draft': ({ fileName, contentBase64, sessionId }) =>
      checkDraftFile(store, fileName, Buffer.from(contentBase64, 'base64'), sessionId, ctx.today()),

    'check.report': async ({ sessionId }) => {
      const bytes = await renderReport(store, store.sessions.get(sessionId), ctx.today());
      return checkDraftFile(store, '办理情况报告.docx', bytes, sessionId, ctx.today());
    },

    'check.annotate': async ({ fileName, contentBase64, sessionId, out, overwrite, createFolder }) => {
      const bytes = Buffer.from(contentBase64, 'base64');
      const result = checkDraftFile(store, fileName, bytes, sessionId, ctx.today());
      if (result.format !== 'docx') throw new UserError('只有 .docx 的报告稿可以另存带批注的副本。');
      const target = checkOutputFile(userPath(ctx, out), {
        kind: 'docx',
        databaseFile: ctx.databaseFile,
        overwrite,
        createFolder,
        addExtension: true,
      });
      await writeFileAtomic(target, annotateDocx(bytes, result.findings));
      return { file: target, comments: result.findings.length };
    },
  } satisfies Partial<Handlers>;
}

/** Reads a draft and checks it, against a session's records when one is named. */
function checkDraftFile(store: Store, fileName: string, bytes: Buffer, sessionId: number | null, today: string): CheckResult {
  const draft = readDraft({ name: fileName, bytes });
  const session = sessionId === null ? null : store.sessions.get(sessionId);
  const against = session ? sessionFacts(store, session, today) : null;
  const findings = checkDraft(draft.paragraphs, against?.facts ?? null, against?.options ?? {});
  return {
    format: draft.format,
    against: session?.name ?? null,
    paragraphs: draft.paragraphs.map((p) => ({ text: p.text, where: p.where })),
    findings,
  };
}
