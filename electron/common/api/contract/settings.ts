import { z } from 'zod';
import type { Unit } from '../../entities/unit';
import { documentSettingsSchema } from '../../documents/settings';
import { id, noInput, produced, text, type Operation } from './shared';

type DocumentSettings = z.infer<typeof documentSettingsSchema>;

/** The program itself, the document settings and the handling units' details. */
export const settingsOperations = {
  'app.info': {
    input: noInput,
    output: produced<{ version: string; database: string; today: string }>(),
  },
  'settings.documents.get': { input: noInput, output: produced<DocumentSettings>() },
  'settings.documents.set': { input: documentSettingsSchema, output: produced<DocumentSettings>() },
  'units.list': { input: noInput, output: produced<Unit[]>() },
  'units.update': {
    input: z.object({
      id,
      fullName: text(100).optional(),
      docPrefix: text(40).optional(),
      contactPerson: text(50).optional(),
      contactPhone: text(50).optional(),
      copyTo: text(500).optional(),
    }),
    output: produced<Unit[]>(),
  },
} as const satisfies Record<string, Operation>;
