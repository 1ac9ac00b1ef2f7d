import { type Unit, type UnitLetterhead } from '../../electron/common/entities/unit';
import type { Db } from '../types';
import { updateColumns } from './update-columns';
import { UserError } from '../../electron/common/domain/errors';

interface UnitRow {
  id: number;
  name: string;
  full_name: string;
  doc_prefix: string;
  contact_person: string;
  contact_phone: string;
  copy_to: string;
}

function fromRow(row: UnitRow): Unit {
  return {
    id: row.id,
    name: row.name,
    fullName: row.full_name,
    docPrefix: row.doc_prefix,
    contactPerson: row.contact_person,
    contactPhone: row.contact_phone,
    copyTo: row.copy_to,
  };
}

export function createUnitsRepo(db: Db, now: () => string) {
  const byName = db.prepare<[string], UnitRow>('SELECT * FROM units WHERE name = ?');
  const insert = db.prepare<[string, string]>('INSERT INTO units (name, created_at) VALUES (?, ?)');
  return {
    list(): Unit[] {
      return db.prepare<[], UnitRow>('SELECT * FROM units ORDER BY name').all().map(fromRow);
    },
    findByName(name: string): Unit | null {
      const row = byName.get(name);
      return row ? fromRow(row) : null;
    },
    /** Ids of the named units, creating those that do not exist yet. */
    ensure(names: Iterable<string>): Map<string, number> {
      const ids = new Map<string, number>();
      for (const name of names) {
        if (ids.has(name)) continue;
        const row = byName.get(name);
        ids.set(name, row ? row.id : Number(insert.run(name, now()).lastInsertRowid));
      }
      return ids;
    },
    updateLetterhead(id: number, letterhead: Partial<UnitLetterhead>): void {
      const map: Record<keyof UnitLetterhead, string> = {
        fullName: 'full_name',
        docPrefix: 'doc_prefix',
        contactPerson: 'contact_person',
        contactPhone: 'contact_phone',
        copyTo: 'copy_to',
      };
      if (updateColumns(db, 'units', map, id, letterhead) === 0) throw new UserError(`找不到编号为 ${id} 的单位。`);
    },
  };
}
