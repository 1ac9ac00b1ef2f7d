import type { Db } from '../connection';
import type { ResultCode } from '../../electron/domain/result-classes';
import type { CubeCell, UnitCubeCell } from '../../electron/stats/metrics';

/**
 * Aggregates for the statistics engine, computed by SQLite in one pass over a session: the
 * engine (electron/stats) turns these exact counts into printed figures.
 */

export interface DeadlineRow {
  id: number;
  number: string;
  title: string;
  assignedDate: string | null;
  deadline: string | null;
  extended: 0 | 1;
  replyDate: string | null;
  resultCode: ResultCode | null;
}

// Answered: a reply date or a result class is recorded. On time: answered and not known to be
// late (the reply date is on or before the stated deadline, or 交办 + the session's months).
const ANSWERED = '(p.reply_date IS NOT NULL OR p.result_code IS NOT NULL)';
const ON_TIME = `(CASE
    WHEN NOT ${ANSWERED} THEN 0
    WHEN p.reply_date IS NULL THEN 1
    ELSE p.reply_date <= COALESCE(p.deadline,
      jy_add_months(p.assigned_date, CASE WHEN p.extended = 1 THEN s.extended_reply_months ELSE s.reply_months END),
      '9999-12-31')
  END)`;

export function createStatsQueries(db: Db) {
  const cube = db.prepare<[number], CubeCell>(`
    SELECT p.category_id AS categoryId, p.result_code AS resultCode, p.feedback AS feedback,
           p.published AS published, p.met AS met, p.closed AS closed,
           ${ANSWERED} AS answered, ${ON_TIME} AS onTime, count(*) AS count
      FROM proposals p JOIN sessions s ON s.id = p.session_id
     WHERE p.session_id = ?
     GROUP BY 1, 2, 3, 4, 5, 6, 7, 8`);
  const unitCube = db.prepare<[number], UnitCubeCell>(`
    SELECT h.unit_id AS unitId, u.name AS unitName, h.role AS role, p.result_code AS resultCode,
           p.feedback AS feedback, ${ANSWERED} AS answered, ${ON_TIME} AS onTime, count(*) AS count
      FROM handlings h
      JOIN proposals p ON p.id = h.proposal_id
      JOIN sessions s ON s.id = p.session_id
      JOIN units u ON u.id = h.unit_id
     WHERE p.session_id = ?
     GROUP BY 1, 2, 3, 4, 5, 6, 7`);
  const deadlines = db.prepare<[number], DeadlineRow>(`
    SELECT id, number, title, assigned_date AS assignedDate, deadline, extended, reply_date AS replyDate,
           result_code AS resultCode
      FROM proposals WHERE session_id = ?
     ORDER BY number_sort IS NULL, number_sort, number_key`);
  return {
    cube: (sessionId: number) => cube.all(sessionId),
    unitCube: (sessionId: number) => unitCube.all(sessionId),
    deadlineRows: (sessionId: number) => deadlines.all(sessionId),
  };
}

export type StatsQueries = ReturnType<typeof createStatsQueries>;
