import { sampleContext } from '../../../common/documents/data/samples';
import { compileTemplate } from '../../../common/documents/template/engine';
import { loadDocumentSettings } from '../../documents/document-settings';
import { renderTemplate } from '../../documents/generate/render-template';
import { checkWithSample } from '../../documents/template/check-sample';
import { estimateOutput } from '../../documents/template/check-size';
import { copyTemplate, listTemplates, resetTemplate, saveUserTemplate } from '../../documents/template/library';
import { base64, type Handlers, type HandlerContext } from './context';

/** The template library: list, preview with sample data, save (checked first), copy, reset. */
export function templateHandlers({ store, today }: HandlerContext) {
  return {
    'templates.preview': async ({ source }) => {
      const template = compileTemplate(source, '预览');
      const settings = loadDocumentSettings(store);
      return {
        fileName: '预览.docx',
        contentBase64: base64(await renderTemplate(template, sampleContext(template.meta.kind, settings), settings, '预览')),
      };
    },
    'templates.list': () => listTemplates(store),
    'templates.save': async ({ source, basedOn }) => {
      // Checked with the sample, then measured on the clerk's own records: a loop inside a loop
      // passes the sample and would freeze the real document for minutes.
      const check = async (template: Parameters<typeof checkWithSample>[0]) => {
        await checkWithSample(template);
        estimateOutput(store, template, today());
      };
      await saveUserTemplate(store, source, check, basedOn ?? null);
      return listTemplates(store);
    },
    'templates.copy': ({ from, to }) => {
      copyTemplate(store, from, to);
      return listTemplates(store);
    },
    'templates.reset': ({ name }) => {
      resetTemplate(store, name);
      return listTemplates(store);
    },
  } satisfies Partial<Handlers>;
}
