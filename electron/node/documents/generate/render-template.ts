import type { DocumentSettings } from '../../../common/documents/settings';
import type { CompiledTemplate } from '../../../common/documents/template/engine';
import { renderDocx } from '../render/docx-renderer';

/** Fills a template and renders the .docx bytes. */
export async function renderTemplate(
  template: CompiledTemplate,
  context: object,
  settings: DocumentSettings,
  title: string,
): Promise<Buffer> {
  return renderDocx({ tree: template.render(context), meta: template.meta, settings, title });
}
