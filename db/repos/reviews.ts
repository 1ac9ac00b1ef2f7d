import { type RectificationItem, type ReviewOpinion, type OpinionReport } from '../../electron/common/entities/review';
import type { Db } from '../types';
import { UserError } from '../../electron/common/domain/errors';

export function createReviewsRepo(db: Db, now: () => string) {
  const repo = {
    list(): Omit<ReviewOpinion, 'items' | 'report'>[] {
      return db
        .prepare<[], { id: number; session_id: number | null; name: string; title: string; received_date: string | null }>(
          'SELECT id, session_id, name, title, received_date FROM review_opinions ORDER BY id',
        )
        .all()
        .map((r) => ({ id: r.id, sessionId: r.session_id, name: r.name, title: r.title, receivedDate: r.received_date }));
    },
    getByName(name: string): ReviewOpinion {
      const row = db.prepare<[string], { id: number }>('SELECT id FROM review_opinions WHERE name = ?').get(name);
      if (!row) {
        const names = repo.list().map((o) => o.name);
        throw new UserError(
          `找不到审议意见「${name}」。` + (names.length ? `现有：${names.join('、')}。` : '数据库中还没有审议意见。'),
        );
      }
      return repo.get(row.id);
    },
    get(id: number): ReviewOpinion {
      const row = db
        .prepare<
          [number],
          {
            id: number;
            session_id: number | null;
            name: string;
            title: string;
            received_date: string | null;
            addressee: string;
            doc_number: string;
            report_date: string | null;
            report_text: string;
          }
        >(
          'SELECT id, session_id, name, title, received_date, addressee, doc_number, report_date, report_text FROM review_opinions WHERE id = ?',
        )
        .get(id);
      if (!row) throw new UserError(`找不到编号为 ${id} 的审议意见。`);
      const items = db
        .prepare<[number], RectificationItem>(
          'SELECT aspect, problem, suggestion, measures, units, deadline FROM rectification_items WHERE opinion_id = ? ORDER BY position, id',
        )
        .all(id);
      return {
        id: row.id,
        sessionId: row.session_id,
        name: row.name,
        title: row.title,
        receivedDate: row.received_date,
        items,
        report: { addressee: row.addressee, docNumber: row.doc_number, date: row.report_date, text: row.report_text },
      };
    },
    create(input: {
      name: string;
      title?: string;
      sessionId?: number | null;
      receivedDate?: string | null;
      items?: RectificationItem[];
    }): number {
      return db.transaction(() => {
        const id = Number(
          db
            .prepare('INSERT INTO review_opinions (session_id, name, title, received_date, created_at) VALUES (?, ?, ?, ?, ?)')
            .run(input.sessionId ?? null, input.name.trim(), input.title ?? '', input.receivedDate ?? null, now())
            .lastInsertRowid,
        );
        repo.setItems(id, input.items ?? []);
        return id;
      })();
    },
    rename(opinionId: number, input: { name: string; title: string; sessionId: number | null }): void {
      const clash = db
        .prepare<[string, number], { id: number }>('SELECT id FROM review_opinions WHERE name = ? AND id <> ?')
        .get(input.name.trim(), opinionId);
      if (clash) throw new UserError(`已经有名为「${input.name}」的审议意见。`);
      const result = db
        .prepare('UPDATE review_opinions SET name = ?, title = ?, session_id = ? WHERE id = ?')
        .run(input.name.trim(), input.title, input.sessionId, opinionId);
      if (result.changes === 0) throw new UserError(`找不到编号为 ${opinionId} 的审议意见。`);
    },
    setReport(opinionId: number, report: OpinionReport): void {
      const result = db
        .prepare('UPDATE review_opinions SET addressee = ?, doc_number = ?, report_date = ?, report_text = ? WHERE id = ?')
        .run(report.addressee, report.docNumber, report.date, report.text, opinionId);
      if (result.changes === 0) throw new UserError(`找不到编号为 ${opinionId} 的审议意见。`);
    },
    /** Replaces the items, in the given order. */
    setItems(opinionId: number, items: readonly RectificationItem[]): void {
      db.transaction(() => {
        db.prepare('DELETE FROM rectification_items WHERE opinion_id = ?').run(opinionId);
        const insert = db.prepare(
          'INSERT INTO rectification_items (opinion_id, position, aspect, problem, suggestion, measures, units, deadline) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
        );
        items.forEach((item, i) =>
          insert.run(opinionId, i + 1, item.aspect, item.problem, item.suggestion, item.measures, item.units, item.deadline),
        );
      })();
    },
  };
  return repo;
}
