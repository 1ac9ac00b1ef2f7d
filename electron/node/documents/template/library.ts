import { type TemplateEntry } from '../../../common/documents/template/entry';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Store } from '../../../../db/store';
import { UserError } from '../../../common/domain/errors';
import { readInputFileSync } from '../../files/input-file';
import { compileTemplate, type CompiledTemplate } from '../../../common/documents/template/engine';
import { KIND_LABELS, renameTemplate, splitTemplate, type TemplateKind } from '../../../common/documents/template/front-matter';

/**
 * Where templates come from: the built-in ones shipped in templates/ (read only), and the
 * clerk's own, kept in the database. A user template may take a built-in's name: it then
 * replaces it until it is reset.
 */

const MARKER = 'reply-letter.md';

/** The built-in templates folder, found upwards from this module (source, bundle or app). */
export function builtinTemplatesDir(): string {
  const override = process.env.JIANYI_TEMPLATES_DIR;
  if (override) return override;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = path.join(dir, 'templates');
    if (fs.existsSync(path.join(candidate, MARKER))) return candidate;
    dir = path.dirname(dir);
  }
  throw new Error('built-in templates folder not found');
}

interface Builtin {
  name: string;
  file: string;
  source: string;
  kind: TemplateKind;
  description: string;
}

let builtinCache: Builtin[] | null = null;

export function builtinTemplates(): Builtin[] {
  if (builtinCache) return builtinCache;
  const dir = builtinTemplatesDir();
  builtinCache = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.md') && f !== 'README.md')
    .sort()
    .map((file) => {
      const source = fs.readFileSync(path.join(dir, file), 'utf8');
      const { meta } = splitTemplate(source, file);
      return { name: meta.name, file, source, kind: meta.kind, description: meta.description };
    });
  return builtinCache;
}

export function listTemplates(store: Store | null): TemplateEntry[] {
  const user = store?.templates.list() ?? [];
  const userNames = new Set(user.map((t) => t.name));
  const entries: TemplateEntry[] = builtinTemplates().map((b) => ({
    name: b.name,
    kind: b.kind,
    kindLabel: KIND_LABELS[b.kind],
    description: b.description,
    origin: 'builtin',
    basedOn: null,
    overridden: userNames.has(b.name),
    source: b.source,
  }));
  for (const t of user) {
    const { meta } = splitTemplate(t.source, t.name);
    entries.push({
      name: t.name,
      kind: meta.kind,
      kindLabel: KIND_LABELS[meta.kind],
      description: meta.description,
      origin: 'user',
      basedOn: t.basedOn,
      overridden: false,
      source: t.source,
    });
  }
  return entries;
}

/** A template file is text of a few pages; anything far larger is not one. */
const TEMPLATE_FILE = { what: '模板文件', maxBytes: 2 * 1024 * 1024 };

/**
 * Reads a template file the clerk named by its path. Only a regular file is read, and only after
 * its size is checked: a folder, a device or a pipe that happens to end in .md is refused rather
 * than read (a pipe would block), and so is a file of gigabytes.
 */
export function readTemplateFile(file: string): string {
  return readInputFileSync(file, TEMPLATE_FILE).toString('utf8');
}

/** The template to use: a user template of that name, else a built-in, else a file path. */
export function resolveTemplate(
  store: Store | null,
  nameOrFile: string | undefined,
  kind: TemplateKind,
  /** Other kinds that take the same data (statistics tables use the report's). */
  alsoKinds: readonly TemplateKind[] = [],
): CompiledTemplate {
  let source: string;
  let origin: string;
  if (nameOrFile === undefined) {
    const builtin = builtinTemplates().find((b) => b.kind === kind);
    if (!builtin) throw new UserError(`没有「${KIND_LABELS[kind]}」的内置模板。`);
    const user = store?.templates.findByName(builtin.name);
    source = user?.source ?? builtin.source;
    origin = builtin.name;
  } else {
    const user = store?.templates.findByName(nameOrFile);
    const builtin = builtinTemplates().find((b) => b.name === nameOrFile);
    if (user) {
      source = user.source;
      origin = user.name;
    } else if (builtin) {
      source = builtin.source;
      origin = builtin.name;
    } else if (nameOrFile.endsWith('.md') && fs.existsSync(nameOrFile)) {
      source = readTemplateFile(nameOrFile);
      origin = path.basename(nameOrFile);
    } else {
      const names = listTemplates(store)
        .filter((t) => t.kind === kind || alsoKinds.includes(t.kind))
        .map((t) => t.name);
      throw new UserError(
        `找不到模板「${nameOrFile}」。可用的${KIND_LABELS[kind]}模板：${names.join('、') || '无'}；也可以给出 .md 模板文件的路径。`,
      );
    }
  }
  const template = compileTemplate(source, origin);
  if (template.meta.kind !== kind && !alsoKinds.includes(template.meta.kind)) {
    throw new UserError(`模板「${origin}」是${KIND_LABELS[template.meta.kind]}模板，不能用来生成${KIND_LABELS[kind]}。`);
  }
  return template;
}

/**
 * Saves a user template after checking it: a template with an error is refused with its line
 * and column, and nothing is stored. `check` renders it with sample data to catch missing fields;
 * it is awaited before anything is written, so a check that fails late still refuses the save.
 */
export async function saveUserTemplate(
  store: Store,
  source: string,
  check: (template: CompiledTemplate) => Promise<void> | void,
  basedOn: string | null = null,
): Promise<CompiledTemplate> {
  const name = splitTemplate(source, '新模板').meta.name;
  const template = compileTemplate(source, name);
  await check(template);
  store.templates.save({ name, kind: template.meta.kind, source, basedOn });
  return template;
}

/** A user copy of a template under a new name, to edit. */
export function copyTemplate(store: Store, fromName: string, toName: string): void {
  const entry =
    listTemplates(store).find((t) => t.name === fromName && !t.overridden) ??
    listTemplates(store).find((t) => t.name === fromName);
  if (!entry) throw new UserError(`找不到模板「${fromName}」。`);
  if (listTemplates(store).some((t) => t.name === toName)) throw new UserError(`已经有名为「${toName}」的模板，请换一个名称。`);
  store.templates.save({
    name: toName,
    kind: entry.kind,
    source: renameTemplate(entry.source, toName),
    basedOn: entry.origin === 'builtin' ? entry.name : entry.basedOn,
  });
}

/** Removes a user template; a built-in it replaced is in force again. */
export function resetTemplate(store: Store, name: string): void {
  store.templates.remove(name);
}
