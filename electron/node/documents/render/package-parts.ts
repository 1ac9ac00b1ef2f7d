import { escapeXml, unescapeXml } from '../../../common/domain/xml';
import { fontFacts } from './fonts';

/**
 * What the docx library leaves out of a package, written into its parts before they are zipped:
 * a font table naming every font the document uses (the library's is empty), the document's
 * language in the core properties, and extended properties naming the product.
 */

export type Parts = Map<string, string | Uint8Array>;

export const PRODUCT_NAME = '建议办理助手';
const LANGUAGE = 'zh-CN';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** Every font named in the WordprocessingML parts (run fonts of the body, styles, headers, footers). */
export function fontsNamed(parts: Parts): string[] {
  const names = new Set<string>();
  for (const [path, data] of parts) {
    if (typeof data !== 'string' || !/^word\/[^/]+\.xml$/.test(path) || path === 'word/fontTable.xml') continue;
    for (const m of data.matchAll(/<w:rFonts\b[^>]*>/g)) {
      for (const a of m[0].matchAll(/\bw:(?:ascii|hAnsi|eastAsia|cs)="([^"]*)"/g)) if (a[1]) names.add(unescapeXml(a[1]));
    }
  }
  return [...names];
}

/** fontTable.xml declaring `fonts`, children in the order of CT_Font. */
export function fontTableXml(fonts: readonly string[]): string {
  const entries = fonts.map((name) => {
    const f = fontFacts(name);
    return (
      `<w:font w:name="${escapeXml(name)}">` +
      (f.altName ? `<w:altName w:val="${escapeXml(f.altName)}"/>` : '') +
      (f.panose ? `<w:panose1 w:val="${f.panose}"/>` : '') +
      `<w:charset w:val="${f.charset}"/><w:family w:val="${f.family}"/><w:pitch w:val="${f.pitch}"/></w:font>`
    );
  });
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:fonts xmlns:w="${W}">${entries.join('')}</w:fonts>`;
}

/** docProps/app.xml: the application, and the issuing unit as the company. */
export function appXml(company: string): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" ' +
    'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
    `<Application>${escapeXml(PRODUCT_NAME)}</Application>` +
    (company ? `<Company>${escapeXml(company)}</Company>` : '') +
    '</Properties>'
  );
}

/** The core properties with the document's language (title and creator the library writes). */
function withLanguage(core: string): string {
  if (core.includes('<dc:language>')) return core;
  return core.replace('</cp:coreProperties>', `<dc:language>${LANGUAGE}</dc:language></cp:coreProperties>`);
}

export interface PackageFacts {
  /** The issuing unit, or '' when the document names none. */
  company: string;
}

/** Completes the parts of a compiled package in place. */
export function finishParts(parts: Parts, facts: PackageFacts): void {
  parts.set('word/fontTable.xml', fontTableXml(fontsNamed(parts)));
  parts.set('docProps/app.xml', appXml(facts.company));
  const core = parts.get('docProps/core.xml');
  if (typeof core === 'string') parts.set('docProps/core.xml', withLanguage(core));
}
