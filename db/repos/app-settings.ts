import type { z } from 'zod';
import type { Db } from '../types';

/** Application settings stored as JSON by key, each read through its own schema. */
export function createAppSettingsRepo(db: Db, now: () => string) {
  return {
    /** The stored value merged over the defaults; a stored value that no longer fits is ignored. */
    get<T extends object>(key: string, schema: z.ZodType<T>, defaults: T): T {
      const row = db.prepare<[string], { value: string }>('SELECT value FROM app_settings WHERE key = ?').get(key);
      if (!row) return defaults;
      try {
        const parsed = schema.safeParse(deepMerge(defaults, JSON.parse(row.value) as object));
        return parsed.success ? parsed.data : defaults;
      } catch {
        return defaults;
      }
    },
    set<T extends object>(key: string, schema: z.ZodType<T>, value: T): T {
      const checked = schema.parse(value);
      db.prepare(
        `INSERT INTO app_settings (key, value, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
      ).run(key, JSON.stringify(checked), now());
      return checked;
    },
  };
}

function deepMerge<T extends object>(base: T, patch: object): T {
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [key, value] of Object.entries(patch)) {
    const current = out[key];
    out[key] =
      value && typeof value === 'object' && !Array.isArray(value) && current && typeof current === 'object'
        ? deepMerge(current as object, value as object)
        : value;
  }
  return out as T;
}
