import type { TemplateKind } from './front-matter';

export interface TemplateEntry {
  name: string;
  kind: TemplateKind;
  kindLabel: string;
  description: string;
  origin: 'builtin' | 'user';
  /** For a user template: the built-in it was copied from. */
  basedOn: string | null;
  /** True for a built-in that a user template of the same name replaces. */
  overridden: boolean;
  source: string;
}
