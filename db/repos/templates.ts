import { type StoredTemplate } from '../../electron/common/entities/template';
import type { Db } from '../types';
import { UserError } from '../../electron/common/domain/errors';

/** User templates. Checking a template before it is saved is the document layer's job. */
export function createTemplatesRepo(db: Db, now: () => string) {
  const columns = 'id, name, kind, source, based_on AS basedOn, updated_at AS updatedAt';
  return {
    list(): StoredTemplate[] {
      return db.prepare<[], StoredTemplate>(`SELECT ${columns} FROM templates ORDER BY kind, name`).all();
    },
    findByName(name: string): StoredTemplate | null {
      return db.prepare<[string], StoredTemplate>(`SELECT ${columns} FROM templates WHERE name = ?`).get(name) ?? null;
    },
    /** Inserts or replaces the template of that name. */
    save(input: { name: string; kind: string; source: string; basedOn: string | null }): void {
      const stamp = now();
      db.prepare(
        `INSERT INTO templates (name, kind, source, based_on, created_at, updated_at) VALUES (@name, @kind, @source, @basedOn, @stamp, @stamp)
         ON CONFLICT (name) DO UPDATE SET kind = excluded.kind, source = excluded.source, updated_at = excluded.updated_at`,
      ).run({ ...input, stamp });
    },
    remove(name: string): void {
      if (db.prepare('DELETE FROM templates WHERE name = ?').run(name).changes === 0)
        throw new UserError(`没有名为「${name}」的自定义模板。`);
    },
  };
}
