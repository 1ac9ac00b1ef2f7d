import { sampleContext } from '../../../common/documents/data/samples';
import { DEFAULT_DOCUMENT_SETTINGS } from '../../../common/documents/settings';
import type { CompiledTemplate } from '../../../common/documents/template/engine';
import { renderDocx } from '../render/docx-renderer';

/** Fills the template with sample data and renders it: any error is thrown as a TemplateError. */
export async function checkWithSample(template: CompiledTemplate): Promise<void> {
  await renderDocx({
    tree: template.render(sampleContext(template.meta.kind)),
    meta: template.meta,
    settings: DEFAULT_DOCUMENT_SETTINGS,
  });
}
