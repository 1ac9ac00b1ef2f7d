import type { Db } from '../types';

/** The clerk's own sections of an annual report, by section key. */
export function createDraftsRepo(db: Db, now: () => string) {
  return {
    get(sessionId: number): Record<string, string> {
      const rows = db
        .prepare<[number], { section: string; text: string }>('SELECT section, text FROM report_drafts WHERE session_id = ?')
        .all(sessionId);
      return Object.fromEntries(rows.map((r) => [r.section, r.text]));
    },
    set(sessionId: number, section: string, text: string): void {
      db.prepare(
        `INSERT INTO report_drafts (session_id, section, text, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (session_id, section) DO UPDATE SET text = excluded.text, updated_at = excluded.updated_at`,
      ).run(sessionId, section, text, now());
    },
  };
}
