import { type Deputy } from '../../electron/common/entities/deputy';
import type { Db } from '../types';

export function createDeputiesRepo(db: Db, now: () => string) {
  const byName = db.prepare<[string], Deputy>('SELECT id, name, delegation, phone FROM deputies WHERE name = ?');
  const insert = db.prepare<[string, string, string]>('INSERT INTO deputies (name, delegation, created_at) VALUES (?, ?, ?)');
  const setDelegation = db.prepare<[string, number]>("UPDATE deputies SET delegation = ? WHERE id = ? AND delegation = ''");
  return {
    list(): Deputy[] {
      return db.prepare<[], Deputy>('SELECT id, name, delegation, phone FROM deputies ORDER BY name').all();
    },
    /** Ids of the named deputies, creating missing ones; fills in a delegation not known yet. */
    ensure(names: Iterable<string>, delegation = ''): Map<string, number> {
      const ids = new Map<string, number>();
      for (const name of names) {
        if (ids.has(name)) continue;
        const row = byName.get(name);
        if (row) {
          if (delegation && !row.delegation) setDelegation.run(delegation, row.id);
          ids.set(name, row.id);
        } else {
          ids.set(name, Number(insert.run(name, delegation, now()).lastInsertRowid));
        }
      }
      return ids;
    },
  };
}
