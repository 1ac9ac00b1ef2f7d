import { Packer } from 'docx';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { sampleContext } from '../electron/common/documents/data/samples';
import { buildDocument, packageFinisher } from '../electron/node/documents/render/docx-renderer';
import { DocxPacker } from '../electron/node/documents/render/pack';
import { DEFAULT_DOCUMENT_SETTINGS } from '../electron/common/documents/settings';
import { resolveTemplate } from '../electron/node/documents/template/library';
import type { TemplateKind } from '../electron/common/documents/template/front-matter';

function parts(bytes: Uint8Array, finish?: (parts: Map<string, string | Uint8Array>) => void): Record<string, string> {
  const map = new Map<string, string | Uint8Array>(
    Object.entries(unzipSync(bytes)).map(([name, data]) => [name, strFromU8(data)]),
  );
  finish?.(map);
  return Object.fromEntries(
    [...map].map(([name, data]) => [
      name,
      // Creation times differ between two runs; everything else must not.
      String(data).replace(/<dcterms:(created|modified)[^>]*>[^<]*</g, '<dcterms:$1><'),
    ]),
  );
}

describe('the batch packer writes what the docx library writes', () => {
  it('part for part, across documents of different content and kinds sharing one packer', async () => {
    const packer = new DocxPacker();
    const cases: [TemplateKind, (context: Record<string, unknown>, i: number) => void][] = [
      [
        'reply-letter',
        (c, i) => Object.assign(c, { replyText: `第${i}份答复。`.repeat(i * 40 + 1), mark: ['A', 'B', ''][i % 3] }),
      ],
      [
        'reply-letter',
        (c, i) => Object.assign(c, { addressee: `代表${i}`, contact: { person: i % 2 ? '' : '李明', phone: '1' } }),
      ],
      ['annual-report', () => undefined],
      ['rectification', () => undefined],
      ['cohandling-opinion', () => undefined],
    ];
    for (const [round, [kind, vary]] of cases.entries()) {
      for (let i = 0; i < 3; i++) {
        const template = resolveTemplate(null, undefined, kind);
        const context = sampleContext(kind) as Record<string, unknown>;
        vary(context, i + round);
        const tree = template.render(context);
        const settings = i === 2 ? { ...DEFAULT_DOCUMENT_SETTINGS, redHeader: false } : DEFAULT_DOCUMENT_SETTINGS;
        const key = JSON.stringify([settings, template.meta.header, template.meta.orientation]);
        const input = { tree, meta: template.meta, settings };
        const ours = packer.pack(buildDocument(input), key, packageFinisher(input));
        const theirs = await Packer.toBuffer(buildDocument(input));
        // The same parts once the library's package gets what renderDocx adds (font table, properties).
        expect(parts(ours)).toEqual(parts(theirs, packageFinisher(input)));
      }
    }
  });

  it('gives the same bytes for the same document', () => {
    const template = resolveTemplate(null, undefined, 'reply-letter');
    const build = () =>
      buildDocument({
        tree: template.render(sampleContext('reply-letter')),
        meta: template.meta,
        settings: DEFAULT_DOCUMENT_SETTINGS,
      });
    const a = new DocxPacker().pack(build(), 'k');
    const b = new DocxPacker().pack(build(), 'k');
    expect(parts(a)).toEqual(parts(b));
  });
});
