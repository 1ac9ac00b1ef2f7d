import path from 'node:path';
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
      // The screen sends the draft's bytes and name, not where it lies: a copy of the same name is
      // refused wherever it would go, as it may be the original, and the draft's name as a path
      // (in the documents folder, or in full when given so) is protected as the CLI protects its file.
      const typed = userPath(ctx, out);
      const named = path.extname(typed) === '' ? `${typed}.docx` : typed;
      if (sameName(path.basename(named), path.basename(fileName))) {
        throw new UserError(
          `批注副本「${path.basename(named)}」与要核对的原稿同名，可能会把原稿替换掉：批注副本要另存为一个新文件，原稿保持不动。请另选文件名，例如「${path.basename(fileName).replace(/\.docx$/i, '')}-核对批注.docx」。没有写入任何文件。`,
        );
      }
      const target = checkOutputFile(typed, {
        kind: 'docx',
        databaseFile: ctx.databaseFile,
        overwrite,
        createFolder,
        addExtension: true,
        protect: [userPath(ctx, fileName)],
      });
      await writeFileAtomic(target, annotateDocx(bytes, result.findings));
      return { file: target, comments: result.findings.length };
    },
  } satisfies Partial<Handlers>;
}

/** Whether two file names are the same, ignoring case as Windows does. */
function sameName(a: string, b: string): boolean {
  return a.normalize('NFC').toLowerCase() === b.normalize('NFC').toLowerCase();
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
