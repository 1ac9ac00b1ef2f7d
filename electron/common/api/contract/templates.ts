import { z } from 'zod';
import type { TemplateEntry } from '../../documents/template/entry';
import { noInput, produced, text, type Operation } from './shared';

/** The template library: list, preview, save, copy and reset templates. */
export const templateOperations = {
  'templates.preview': {
    input: z.object({ source: text(500_000) }),
    output: produced<{ fileName: string; contentBase64: string }>(),
  },
  'templates.list': { input: noInput, output: produced<TemplateEntry[]>() },
  'templates.save': {
    input: z.object({ source: text(500_000), basedOn: text(200).nullable().optional() }),
    output: produced<TemplateEntry[]>(),
  },
  'templates.copy': {
    input: z.object({ from: text(200).min(1), to: text(60).min(1, '请填写新模板的名称') }),
    output: produced<TemplateEntry[]>(),
  },
  'templates.reset': { input: z.object({ name: text(200).min(1) }), output: produced<TemplateEntry[]>() },
} as const satisfies Record<string, Operation>;
