// Word refuses packages LibreOffice opens: a child element out of schema order, an invalid value.
// Every document kind the product writes is checked here against the ISO/IEC 29500 transitional
// schemas (scripts/ooxml/validate.py, Python with lxml) and for the order of children Word
// expects (test/helpers/ooxml-order.ts); both are shown to fail on a package put out of order.
import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { sampleContext } from '../electron/common/documents/data/samples';
import { DEFAULT_DOCUMENT_SETTINGS } from '../electron/common/documents/settings';
import { TEMPLATE_KINDS, type TemplateKind } from '../electron/common/documents/template/front-matter';
import { renderTemplate } from '../electron/node/documents/generate/render-template';
import { resolveTemplate } from '../electron/node/documents/template/library';
import { demoStore, documentsOfEveryKind, OTHER_SETTINGS } from './helpers/document-kinds';
import { checkPackageOrder, WmlOrder } from './helpers/ooxml-order';
import { validatePackages } from './helpers/ooxml-validate';
import { tempDir } from './helpers/fixtures';

let dir: string;
let files: { kind: TemplateKind; file: string }[];
const order = new WmlOrder();

beforeAll(async () => {
  dir = tempDir('jianyi-ooxml-');
  const { store, demo } = await demoStore();
  const standard = await documentsOfEveryKind(store, demo, path.join(dir, '默认'));
  const other = await documentsOfEveryKind(store, demo, path.join(dir, '其他设置'), OTHER_SETTINGS, 'per-deputy');
  // And each built-in template with its sample data, as the template editor previews it.
  const samples: { kind: TemplateKind; file: string }[] = [];
  for (const kind of TEMPLATE_KINDS) {
    const template = resolveTemplate(null, undefined, kind);
    const file = path.join(dir, `样例-${kind}.docx`);
    fs.writeFileSync(file, await renderTemplate(template, sampleContext(kind), DEFAULT_DOCUMENT_SETTINGS, '样例'));
    samples.push({ kind, file });
  }
  files = [...standard.all, ...other.all, ...samples];
}, 120_000);

/** The package with one part changed. */
function mutated(file: string, part: string, change: (xml: string) => string): string {
  const parts = unzipSync(new Uint8Array(fs.readFileSync(file)));
  const before = strFromU8(parts[part]!);
  const after = change(before);
  expect(after, `the mutation changes ${part}`).not.toBe(before);
  parts[part] = strToU8(after);
  const out = path.join(dir, `变体-${path.basename(file)}`);
  fs.writeFileSync(out, zipSync(parts));
  return out;
}

describe('every document kind is a package Word opens', () => {
  it('is generated for every template kind, in both kinds of settings', () => {
    expect(new Set(files.map((f) => f.kind))).toEqual(new Set(TEMPLATE_KINDS));
    expect(files.length).toBeGreaterThan(20);
  });

  it('validates against the ISO/IEC 29500 transitional schemas', () => {
    const result = validatePackages(files.map((f) => f.file));
    expect(result.packages).toBe(files.length);
    expect(result.problems).toEqual([]);
  });

  it('writes the children of every property element in the order Word expects', () => {
    for (const { file } of files) expect(checkPackageOrder(file, order), file).toEqual([]);
  });
});

describe('the checks fail on what LibreOffice forgives', () => {
  it('catch jc moved before spacing in a paragraph’s properties', () => {
    const letter = files.find((f) => f.kind === 'reply-letter')!.file;
    const bad = mutated(letter, 'word/document.xml', (xml) =>
      xml.replace(/<w:pPr>(<w:spacing [^>]*\/>)((?:(?!<\/w:pPr>).)*?)(<w:jc [^>]*\/>)/, '<w:pPr>$3$1$2'),
    );
    const schema = validatePackages([bad]).problems;
    expect(schema.length).toBeGreaterThan(0);
    expect(schema[0]).toMatchObject({ part: 'word/document.xml' });
    expect(schema[0]!.message).toMatch(/spacing.*not expected/);
    expect(checkPackageOrder(bad, order)).toEqual([
      expect.objectContaining({
        part: 'word/document.xml',
        element: 'pPr',
        problem: expect.stringMatching(/^out of order: jc spacing/),
      }),
    ]);
  });

  it('catch rFonts moved to the end of a run’s properties, which only the order check sees', () => {
    const letter = files.find((f) => f.kind === 'reply-letter')!.file;
    const bad = mutated(letter, 'word/document.xml', (xml) =>
      xml.replace(/<w:rPr>(<w:rFonts [^>]*\/>)((?:(?!<\/w:rPr>).)*?)<\/w:rPr>/, '<w:rPr>$2$1</w:rPr>'),
    );
    const problems = checkPackageOrder(bad, order);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ part: 'word/document.xml', element: 'rPr' });
    expect(problems[0]!.problem).toMatch(/^out of order: .* rFonts$/);
    // The transitional schema lets rPr's children come in any order: the schema check passes it.
    expect(validatePackages([bad]).problems).toEqual([]);
  });

  it('catch a value the schema does not allow, and a part with no content type', () => {
    const letter = files.find((f) => f.kind === 'reply-letter')!.file;
    const bad = mutated(letter, 'word/document.xml', (xml) => xml.replace('w:lineRule="exact"', 'w:lineRule="exactly"'));
    expect(
      validatePackages([bad])
        .problems.map((p) => p.message)
        .join('\n'),
    ).toMatch(/lineRule.*exactly/);
    const parts = unzipSync(new Uint8Array(fs.readFileSync(letter)));
    parts['word/extra.bin'] = strToU8('x');
    const extra = path.join(dir, '多一个部件.docx');
    fs.writeFileSync(extra, zipSync(parts));
    expect(validatePackages([extra]).problems).toEqual([
      expect.objectContaining({ part: '(package)', message: 'part word/extra.bin has no content type' }),
    ]);
  });
});
