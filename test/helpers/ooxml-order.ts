import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';

/**
 * Child-order check of WordprocessingML parts. The transitional schema lets the children of a
 * run's properties (rPr) and a row's (trPr) come in any order, and LibreOffice forgives every
 * order; Word expects the order in which ECMA-376 lists them, as it writes them. This reads that
 * order from wml.xsd (the vendored schema) and checks the children of every property container
 * of every word/*.xml part against it: out of order, unknown, or given twice.
 */

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const XS = 'http://www.w3.org/2001/XMLSchema';
export const WML_XSD = path.join(import.meta.dirname, '..', 'ooxml', 'xsd', 'wml.xsd');

export interface XmlElement {
  /** Namespace URI ('' when none). */
  ns: string;
  local: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  parent: XmlElement | null;
}

function unescape(value: string): string {
  return value.replace(/&(lt|gt|quot|apos|amp|#\d+|#x[0-9a-fA-F]+);/g, (_, e: string) => {
    if (e === 'lt') return '<';
    if (e === 'gt') return '>';
    if (e === 'quot') return '"';
    if (e === 'apos') return "'";
    if (e === 'amp') return '&';
    return String.fromCodePoint(e.startsWith('#x') ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
  });
}

const ATTRIBUTE = /([^\s=/>]+)\s*=\s*("([^"]*)"|'([^']*)')/g;
const OPEN = /<([^\s/>!?]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/y;
const CLOSE = /<\/([^\s>]+)\s*>/y;
const SKIP = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[[\s\S]*?\]\]>|<![^>]*>/y;

/**
 * The elements of an XML text, namespaces resolved (text, comments and processing
 * instructions are left out). Enough for machine-written parts; throws on a tag it cannot read.
 */
export function parseXml(text: string): XmlElement {
  const root: XmlElement = { ns: '', local: '#document', attrs: {}, children: [], parent: null };
  const scopes: Record<string, string>[] = [{ xml: 'http://www.w3.org/XML/1998/namespace' }];
  const names: string[] = [];
  let current = root;
  let i = text.indexOf('<');
  while (i >= 0 && i < text.length) {
    SKIP.lastIndex = i;
    const skipped = SKIP.exec(text);
    if (skipped) {
      i = text.indexOf('<', SKIP.lastIndex);
      continue;
    }
    CLOSE.lastIndex = i;
    const close = CLOSE.exec(text);
    if (close) {
      if (names.pop() !== close[1]) throw new Error(`mismatched </${close[1]}> at ${i}`);
      scopes.pop();
      current = current.parent!;
      i = text.indexOf('<', CLOSE.lastIndex);
      continue;
    }
    OPEN.lastIndex = i;
    const open = OPEN.exec(text);
    if (!open) throw new Error(`unreadable markup at ${i}: ${text.slice(i, i + 40)}`);
    const attrs: Record<string, string> = {};
    for (const a of open[2]!.matchAll(ATTRIBUTE)) attrs[a[1]!] = unescape(a[3] ?? a[4] ?? '');
    const scope = { ...scopes[scopes.length - 1]! };
    for (const [name, value] of Object.entries(attrs)) {
      if (name === 'xmlns') scope[''] = value;
      else if (name.startsWith('xmlns:')) scope[name.slice(6)] = value;
    }
    const [prefix, local] = open[1]!.includes(':') ? open[1]!.split(':', 2) : ['', open[1]!];
    const element: XmlElement = { ns: scope[prefix!] ?? '', local: local!, attrs, children: [], parent: current };
    current.children.push(element);
    if (!open[3]) {
      scopes.push(scope);
      names.push(open[1]!);
      current = element;
    }
    i = text.indexOf('<', OPEN.lastIndex);
  }
  if (names.length) throw new Error(`unclosed <${names.at(-1)}>`);
  return root;
}

function* descendants(element: XmlElement): Generator<XmlElement> {
  for (const child of element.children) {
    yield child;
    yield* descendants(child);
  }
}

/** The order of children of each complex type of wml.xsd, as the schema lists them. */
export class WmlOrder {
  private readonly types = new Map<string, XmlElement>();
  private readonly groups = new Map<string, XmlElement>();
  private readonly orders = new Map<string, string[]>();

  constructor(xsd = fs.readFileSync(WML_XSD, 'utf8')) {
    const schema = parseXml(xsd).children.find((e) => e.local === 'schema')!;
    for (const child of schema.children) {
      if (child.ns !== XS) continue;
      if (child.local === 'complexType') this.types.set(child.attrs.name!, child);
      if (child.local === 'group') this.groups.set(child.attrs.name!, child);
    }
  }

  private collect(node: XmlElement, out: string[]): void {
    for (const child of node.children) {
      if (child.ns !== XS) continue;
      switch (child.local) {
        case 'element':
          out.push((child.attrs.name ?? child.attrs.ref ?? '').replace(/^.*:/, ''));
          break;
        case 'group':
          this.collect(this.groups.get(child.attrs.ref!.replace(/^.*:/, ''))!, out);
          break;
        case 'extension': {
          // An extension's base comes first, then what it adds.
          const base = this.types.get(child.attrs.base!.replace(/^.*:/, ''));
          if (base) this.collect(base, out);
          this.collect(child, out);
          break;
        }
        case 'sequence':
        case 'choice':
        case 'all':
        case 'complexContent':
          this.collect(child, out);
          break;
      }
    }
  }

  /** Child names of a complex type, in the schema's order. */
  order(type: string): string[] {
    let order = this.orders.get(type);
    if (!order) {
      const node = this.types.get(type);
      if (!node) throw new Error(`wml.xsd has no type ${type}`);
      order = [];
      this.collect(node, order);
      this.orders.set(type, order);
    }
    return order;
  }
}

/** The complex type of each checked element, by its own name and its parent's. */
function typeOf(local: string, parent: string): string | null {
  switch (local) {
    case 'pPr':
      return ['style', 'lvl', 'pPrDefault'].includes(parent) ? 'CT_PPrGeneral' : 'CT_PPr';
    case 'rPr':
      return parent === 'pPr' ? 'CT_ParaRPr' : 'CT_RPr';
    case 'tblPr':
      return parent === 'tbl' ? 'CT_TblPr' : 'CT_TblPrBase';
    case 'sectPr':
      return 'CT_SectPr';
    case 'tcPr':
      return 'CT_TcPr';
    case 'trPr':
      return 'CT_TrPr';
    case 'pBdr':
      return 'CT_PBdr';
    case 'tblBorders':
      return 'CT_TblBorders';
    case 'tcBorders':
      return 'CT_TcBorders';
    case 'tblCellMar':
      return 'CT_TblCellMar';
    case 'tcMar':
      return 'CT_TcMar';
    case 'numPr':
      return 'CT_NumPr';
    case 'tbl':
      return 'CT_Tbl';
    case 'settings':
      return 'CT_Settings';
    case 'compat':
      return 'CT_Compat';
    case 'docDefaults':
      return 'CT_DocDefaults';
    case 'style':
      return 'CT_Style';
    case 'lvl':
      return 'CT_Lvl';
    case 'abstractNum':
      return 'CT_AbstractNum';
    case 'font':
      return 'CT_Font';
    case 'footnotePr':
      return parent === 'settings' ? 'CT_FtnDocProps' : 'CT_FtnProps';
    case 'endnotePr':
      return parent === 'settings' ? 'CT_EdnDocProps' : 'CT_EdnProps';
    default:
      return null;
  }
}

/** Containers whose children each stand once (a settings part or a style may repeat some). */
const ONCE = new Set([
  'pPr',
  'rPr',
  'tblPr',
  'tcPr',
  'trPr',
  'pBdr',
  'tblBorders',
  'tcBorders',
  'tblCellMar',
  'tcMar',
  'numPr',
  'font',
]);
const REPEATABLE = new Set(['headerReference', 'footerReference']);

export interface OrderProblem {
  part: string;
  element: string;
  problem: string;
}

/** Problems of the children order in one WordprocessingML part. */
export function checkPartOrder(order: WmlOrder, part: string, xml: string): OrderProblem[] {
  const problems: OrderProblem[] = [];
  for (const element of descendants(parseXml(xml))) {
    if (element.ns !== W) continue;
    const type = typeOf(element.local, element.parent?.local ?? '');
    if (!type) continue;
    const sequence = order.order(type);
    const kids = element.children.filter((c) => c.ns === W).map((c) => c.local);
    let last = -1;
    const seen = new Set<string>();
    for (const kid of kids) {
      const rank = sequence.indexOf(kid);
      if (rank < 0) problems.push({ part, element: element.local, problem: `unknown child ${kid}` });
      else if (rank < last) problems.push({ part, element: element.local, problem: `out of order: ${kids.join(' ')}` });
      last = Math.max(last, rank);
      if (seen.has(kid) && ONCE.has(element.local) && !REPEATABLE.has(kid))
        problems.push({ part, element: element.local, problem: `${kid} given twice` });
      seen.add(kid);
    }
  }
  return problems;
}

/** Problems of the children order in every word/*.xml part of a package (file or bytes). */
export function checkPackageOrder(file: string | Uint8Array, order = new WmlOrder()): OrderProblem[] {
  const bytes = typeof file === 'string' ? fs.readFileSync(file) : file;
  const parts = unzipSync(new Uint8Array(bytes));
  return Object.entries(parts)
    .filter(([name]) => /^word\/[^/]+\.xml$/.test(name))
    .flatMap(([name, data]) => checkPartOrder(order, name, strFromU8(data)));
}
