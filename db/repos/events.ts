import { type EventInput, type EventRecord } from '../../electron/common/entities/event';
import type { Db } from '../types';

/** The append-only change log; the table's triggers refuse updates and deletes. */
export function createEventsRepo(db: Db, now: () => string, actor: string) {
  const insert = db.prepare('INSERT INTO events (at, actor, entity, entity_id, action, details) VALUES (?, ?, ?, ?, ?, ?)');
  return {
    append(event: EventInput): void {
      insert.run(now(), actor, event.entity, event.entityId, event.action, JSON.stringify(event.details ?? {}));
    },
    forEntity(entity: EventInput['entity'], entityId: number): EventRecord[] {
      return db
        .prepare<
          [string, number],
          {
            id: number;
            at: string;
            actor: string;
            entity: EventInput['entity'];
            entity_id: number;
            action: string;
            details: string;
          }
        >('SELECT * FROM events WHERE entity = ? AND entity_id = ? ORDER BY id')
        .all(entity, entityId)
        .map((row) => ({
          id: row.id,
          at: row.at,
          actor: row.actor,
          entity: row.entity,
          entityId: row.entity_id,
          action: row.action,
          details: JSON.parse(row.details) as unknown,
        }));
    },
    count(): number {
      return (db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n;
    },
  };
}
