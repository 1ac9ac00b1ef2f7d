import type { Db } from '../types';

/**
 * Sets the given fields of one row (by id): each field of `patch` that `columns` names is written
 * to its column, the others are passed over. Returns the number of rows changed (0: no row has that
 * id, for the caller to say what was not found), or null when nothing in the patch is a column and
 * nothing was written.
 */
export function updateColumns<K extends string>(
  db: Db,
  table: string,
  columns: Record<K, string>,
  id: number,
  patch: Partial<Record<K, unknown>>,
): number | null {
  const keys = (Object.keys(patch) as K[]).filter((k) => k in columns);
  if (keys.length === 0) return null;
  return db
    .prepare(`UPDATE ${table} SET ${keys.map((k) => `${columns[k]} = @${k}`).join(', ')} WHERE id = @id`)
    .run({ ...patch, id }).changes;
}
