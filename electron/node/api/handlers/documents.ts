import path from 'node:path';
import { generateLetters, previewReplyLetter, type LetterBatchOptions } from '../../documents/generate/letters';
import { missingListWorkbook } from '../../documents/generate/missing-list';
import { generateRectification } from '../../documents/generate/rectification';
import { generateReport, renderReport, reportFileName } from '../../documents/generate/report';
import { base64, userPath, type Handlers, type HandlerContext, type Input } from './context';

/** Reply letters (at once or as a job), the report, previews, and the review opinions' lists. */
export function documentHandlers(ctx: HandlerContext) {
  const { store, jobs } = ctx;

  const batchOptions = (input: Input<'documents.letters'>): LetterBatchOptions => {
    const folder = userPath(ctx, input.outDir);
    return {
      session: store.sessions.get(input.sessionId),
      outDir: folder,
      only: input.only,
      template: input.template,
      kind: input.cohandling ? 'cohandling-opinion' : 'reply-letter',
      feedbackForms: input.feedbackForms && !input.cohandling,
      zipFile: input.zip ? path.join(folder, input.cohandling ? '会办意见.zip' : '答复函.zip') : undefined,
      overwrite: input.overwrite,
      createFolder: input.createFolder,
      today: ctx.today(),
    };
  };

  /** Where one document goes and how: the clerk's path, the write permissions, the template, today. */
  const oneDocument = (input: { out: string; overwrite?: boolean; createFolder?: boolean; template?: string }) => ({
    out: userPath(ctx, input.out),
    overwrite: input.overwrite,
    createFolder: input.createFolder,
    template: input.template,
    today: ctx.today(),
  });

  return {
    'documents.letters': async (input) => {
      const options = batchOptions(input);
      return { ...(await generateLetters(store, options)), folder: options.outDir };
    },
    'jobs.startLetters': (input) => {
      const options = batchOptions(input);
      const { jobId } = jobs.startLetters((signal, onProgress) => generateLetters(store, { ...options, signal, onProgress }));
      return { jobId, folder: options.outDir };
    },
    'documents.missingList': async ({ sessionId, only }) => {
      const { fileName, bytes, count } = await missingListWorkbook(store, store.sessions.get(sessionId), only);
      return { fileName, contentBase64: base64(bytes), count };
    },
    'jobs.status': ({ jobId }) => jobs.letterStatus(jobId),
    'jobs.cancel': ({ jobId }) => jobs.cancel(jobId),

    'documents.report': async (input) => {
      const { file } = await generateReport(store, { session: store.sessions.get(input.sessionId), ...oneDocument(input) });
      return { file };
    },

    'documents.preview': async (input) => {
      if (input.kind === 'reply-letter') {
        const { fileName, bytes } = await previewReplyLetter(store, input.proposalId, {
          template: input.template,
          today: ctx.today(),
        });
        return { fileName, contentBase64: base64(bytes) };
      }
      const session = store.sessions.get(input.sessionId);
      const bytes = await renderReport(store, session, ctx.today(), input.template);
      return { fileName: reportFileName(session), contentBase64: base64(bytes) };
    },

    'documents.rectification': async (input) => {
      const { file } = await generateRectification(store, {
        opinion: { id: input.opinionId },
        ...oneDocument(input),
      });
      return { file };
    },
    'opinions.list': () => store.reviews.list(),
    'opinions.get': ({ id }) => store.reviews.get(id),
    'opinions.save': ({ id, name, title, sessionId, report, items }) =>
      store.transaction(() => {
        const opinionId = id ?? store.reviews.create({ name, title, sessionId });
        if (id) store.reviews.rename(id, { name, title, sessionId });
        store.reviews.setItems(opinionId, items);
        store.reviews.setReport(opinionId, report);
        store.events.append({
          entity: 'opinion',
          entityId: opinionId,
          action: id ? '修改整改清单' : '新建审议意见',
          details: { items: items.length },
        });
        return store.reviews.get(opinionId);
      }),
  } satisfies Partial<Handlers>;
}
