import type { Db } from '../types';
import { replyDeadline } from '../../electron/common/domain/deadlines';

/**
 * Keeps proposals.effective_deadline equal to the domain rule (the stated 办理期限, or 交办 plus
 * the session's months). Written whenever a proposal's dates or the session's rules change, so
 * statistics never do calendar arithmetic per row.
 */
export function createDeadlineKeeper(db: Db) {
  const facts = db.prepare<
    [number],
    {
      id: number;
      assigned_date: string | null;
      deadline: string | null;
      extended: number;
      reply_months: number;
      extended_reply_months: number;
    }
  >(
    `SELECT p.id, p.assigned_date, p.deadline, p.extended, s.reply_months, s.extended_reply_months
       FROM proposals p JOIN sessions s ON s.id = p.session_id WHERE p.id = ?`,
  );
  const ofSession = db.prepare<[number], { id: number }>('SELECT id FROM proposals WHERE session_id = ?');
  const write = db.prepare<[{ deadline: string | null; id: number }]>(
    'UPDATE proposals SET effective_deadline = @deadline WHERE id = @id AND effective_deadline IS NOT @deadline',
  );

  const keeper = {
    refresh(proposalId: number): void {
      const row = facts.get(proposalId);
      if (!row) return;
      const deadline = replyDeadline(
        { assignedDate: row.assigned_date, deadline: row.deadline, extended: row.extended === 1 },
        { replyMonths: row.reply_months, extendedReplyMonths: row.extended_reply_months },
      );
      write.run({ deadline, id: proposalId });
    },
    refreshSession(sessionId: number): void {
      db.transaction(() => {
        for (const { id } of ofSession.all(sessionId)) keeper.refresh(id);
      })();
    },
  };
  return keeper;
}
