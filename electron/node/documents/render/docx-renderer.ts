import { Document } from 'docx';
import type { Block, DocumentTree } from '../../../common/documents/markup/document';
import { plainText } from '../../../common/documents/markup/document';
import { RenderContext, type RenderInput } from './context';
import { DocxPacker } from './pack';
import { finishParts, PRODUCT_NAME, type Parts } from './package-parts';
import { xmlText } from './runs';
import { sections } from './sections';

/**
 * Draws a document tree as a GB/T 9704 document with the `docx` library. Every length comes from
 * the settings or, where the standard fixes it, from layout.ts; the traps measured in
 * shared/docs/gbt9704.md are handled in this folder and nowhere else: LineRuleType.EXACT (not
 * EXACTLY), East Asian fonts on every run (runs.ts), both indent forms, explicit table grids
 * (tables.ts), exact A4 twips, portrait sizes passed with the landscape orientation (sections.ts).
 *
 * Where each part is decided: layout.ts (every fixed measure), letter-head.ts (信函格式),
 * ordinary-head.ts (普通公文版头), blocks.ts (正文), tables.ts, closing.ts (署名, 版记),
 * sections.ts (page setup, page numbers), package-parts.ts and fonts.ts (font table, properties).
 */

export type { RenderInput } from './context';

function firstOf<T extends Block['type']>(blocks: readonly Block[], type: T): Extract<Block, { type: T }> | undefined {
  for (const block of blocks) {
    if (block.type === type) return block as Extract<Block, { type: T }>;
    if (block.type === 'section') {
      const inner = firstOf(block.blocks, type);
      if (inner) return inner;
    }
  }
  return undefined;
}

const oneLine = (text: string) => xmlText(text.replace(/\s*\n\s*/g, '')).trim();

/**
 * The document's properties: its title is the title it prints (the caller's name for it when
 * it prints none); its creator the issuing unit, as the signature, the caller or the header
 * names it.
 */
export function documentProperties(
  tree: DocumentTree,
  input: { title?: string; creator?: string },
): { title: string; creator: string } {
  const title = firstOf(tree.blocks, 'title');
  const signature = firstOf(tree.blocks, 'signature');
  const signer = signature && signature.lines.length > 1 ? oneLine(plainText(signature.lines[0]!)) : '';
  const issuer = tree.header.issuer ? oneLine(plainText(tree.header.issuer)) : '';
  return {
    title: (title && oneLine(plainText(title.runs))) || oneLine(input.title ?? ''),
    creator: signer || oneLine(input.creator ?? '') || issuer,
  };
}

export function buildDocument(input: RenderInput): Document {
  const ctx = new RenderContext(input);
  const { title, creator } = documentProperties(input.tree, input);
  return new Document({
    creator: creator || PRODUCT_NAME,
    lastModifiedBy: creator || PRODUCT_NAME,
    title,
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: ctx.runOptions({}),
          paragraph: { spacing: ctx.exact },
        },
      },
    },
    sections: sections(ctx),
  });
}

/** What renderDocx does to the compiled parts (font table, language, product); tests apply it too. */
export function packageFinisher(input: RenderInput): (parts: Parts) => void {
  const { creator } = documentProperties(input.tree, input);
  return (parts) => finishParts(parts, { company: creator });
}

const sharedPacker = new DocxPacker();

/** The .docx bytes; pass the same packer through a batch so that shared parts are zipped once. */
export async function renderDocx(input: RenderInput, packer: DocxPacker = sharedPacker): Promise<Buffer> {
  const batchKey = JSON.stringify([input.settings, input.meta.header, input.meta.orientation, input.meta.pageNumbers]);
  return packer.pack(buildDocument(input), batchKey, packageFinisher(input));
}
