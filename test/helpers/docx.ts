import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { expect } from 'vitest';
import { checkPackageOrder } from './ooxml-order';
import { validatePackages } from './ooxml-validate';
import { unescapeXml } from '../../electron/common/domain/xml';

/** The parts of a .docx as XML text, by path inside the zip. */
export function docxParts(file: string | Buffer): Record<string, string> {
  const bytes = typeof file === 'string' ? fs.readFileSync(file) : file;
  const entries = unzipSync(new Uint8Array(bytes));
  return Object.fromEntries(
    Object.entries(entries)
      .filter(([name]) => name.endsWith('.xml') || name.endsWith('.rels'))
      .map(([name, data]) => [name, strFromU8(data)]),
  );
}

/** The text of each paragraph of document.xml, in order (runs joined, breaks as \n). */
export function paragraphsOf(xml: string): string[] {
  const out: string[] = [];
  for (const match of xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)) {
    let text = '';
    for (const piece of match[0].matchAll(/<w:t(?: [^>]*)?>([\s\S]*?)<\/w:t>|<w:br\/>|<w:tab\/>/g)) {
      text += piece[1] !== undefined ? unescapeXml(piece[1]) : piece[0] === '<w:tab/>' ? '\t' : '\n';
    }
    out.push(text);
  }
  return out;
}

/** All the text of a .docx body, paragraphs separated by new lines. */
export function docxText(file: string | Buffer): string {
  return paragraphsOf(docxParts(file)['word/document.xml'] ?? '').join('\n');
}

let sofficeInstalled: boolean | undefined;

/** Whether LibreOffice (soffice) is installed here. */
export function hasSoffice(): boolean {
  sofficeInstalled ??= spawnSync('soffice', ['--version'], { stdio: 'ignore' }).status === 0;
  return sofficeInstalled;
}

/**
 * Converts files with LibreOffice (headless, its profile kept in `outDir`) to `target` ("pdf",
 * "docx", or a filter with its options), writing the results into `outDir`.
 */
export function convertWithSoffice(files: string[], outDir: string, target: string): void {
  execFileSync(
    'soffice',
    [
      '--headless',
      '--norestore',
      `-env:UserInstallation=file://${path.join(outDir, '.lo-profile')}`,
      '--convert-to',
      target,
      '--outdir',
      outDir,
      ...files,
    ],
    {
      stdio: 'pipe',
      timeout: 240_000,
    },
  );
}

/** Converts documents with LibreOffice (headless), as a real client opens them; returns the PDFs. */
export function toPdf(files: string[], outDir: string): string[] {
  fs.mkdirSync(outDir, { recursive: true });
  convertWithSoffice(files, outDir, 'pdf');
  return files.map((f) => {
    const pdf = path.join(outDir, path.basename(f).replace(/\.docx$/, '.pdf'));
    if (!fs.existsSync(pdf)) throw new Error(`LibreOffice did not convert ${f}`);
    return pdf;
  });
}

/** Both OOXML checks on a package: the ISO/IEC 29500 schemas and the child order Word expects. */
export function expectValidOoxml(file: string): void {
  const { problems } = validatePackages([file]);
  expect(problems, `${path.basename(file)}: ${JSON.stringify(problems.slice(0, 5))}`).toEqual([]);
  const order = checkPackageOrder(file);
  expect(order, `${path.basename(file)}: ${JSON.stringify(order.slice(0, 5))}`).toEqual([]);
}

export interface PdfInfo {
  pages: number;
  /** Page sizes in points, e.g. [595, 842]. */
  sizes: [number, number][];
}

export function pdfInfo(pdf: string): PdfInfo {
  const out = execFileSync('pdfinfo', ['-l', '999', pdf], { encoding: 'utf8' });
  const pages = Number(/Pages:\s+(\d+)/.exec(out)?.[1]);
  const sizes = [...out.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/g)].map(
    (m) => [Math.round(Number(m[1])), Math.round(Number(m[2]))] as [number, number],
  );
  return { pages, sizes };
}

/** The text of each page, laid out as on the page. */
export function pdfPages(pdf: string): string[] {
  return execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' })
    .split('\f')
    .filter((page, i, all) => i < all.length - 1 || page.trim());
}
