import type { Db } from '../types';
import type { CubeCell, LeadUnitCell, OpinionCount, UnitCount } from '../../electron/common/stats/metrics';

/**
 * Aggregates for the statistics engine. Each query reads one covering index in its own order
 * (see migration 1), so SQLite streams the groups without sorting and never touches the wide
 * rows that hold reply texts; the engine (electron/common/stats) turns the exact counts into figures.
 */

interface OpenDeadlineCount {
  /** Null when no deadline can be known (no 交办日期 and no stated 办理期限). */
  deadline: string | null;
  count: number;
}

interface UrgentRow {
  id: number;
  number: string;
  title: string;
  deadline: string;
}

export function createStatsQueries(db: Db) {
  const cube = db.prepare<[number], CubeCell>(`
    SELECT category_id AS categoryId, result_code AS resultCode, feedback, published, met, closed,
           answered, on_time AS onTime, count(*) AS count
      FROM proposals INDEXED BY proposals_stats
     WHERE session_id = ?
     GROUP BY category_id, result_code, feedback, published, met, closed, answered, on_time`);
  const leadUnits = db.prepare<[number], LeadUnitCell>(`
    SELECT lead_unit_id AS unitId, result_code AS resultCode, feedback, answered, on_time AS onTime, count(*) AS count
      FROM proposals INDEXED BY proposals_unit_stats
     WHERE session_id = ? AND lead_unit_id IS NOT NULL
     GROUP BY lead_unit_id, result_code, feedback, answered, on_time`);
  const coUnits = db.prepare<[number], UnitCount>(`
    SELECT unit_id AS unitId, count(*) AS count
      FROM handlings INDEXED BY handlings_session
     WHERE session_id = ? AND role = 'co'
     GROUP BY unit_id`);
  const opinions = db.prepare<[number], OpinionCount>(`
    SELECT result_opinion AS opinion, count(*) AS count
      FROM proposals INDEXED BY proposals_result_opinion
     WHERE session_id = ? AND result_opinion IS NOT NULL
     GROUP BY result_opinion`);
  const unitNames = db.prepare<[], { id: number; name: string }>('SELECT id, name FROM units');
  const open = db.prepare<[number], OpenDeadlineCount>(`
    SELECT effective_deadline AS deadline, count(*) AS count
      FROM proposals INDEXED BY proposals_open
     WHERE session_id = ? AND answered = 0
     GROUP BY effective_deadline`);
  const urgent = db.prepare<[number, string, number], UrgentRow>(`
    SELECT id, number, title, effective_deadline AS deadline
      FROM proposals INDEXED BY proposals_open
     WHERE session_id = ? AND answered = 0 AND effective_deadline <= ?
     ORDER BY effective_deadline, number_sort
     LIMIT ?`);
  return {
    cube: (sessionId: number) => cube.all(sessionId),
    /** The deputies' opinions of the result (同意 / 理解 …), for the 同意率. */
    opinions: (sessionId: number) => opinions.all(sessionId),
    leadUnits: (sessionId: number) => leadUnits.all(sessionId),
    coUnits: (sessionId: number) => coUnits.all(sessionId),
    unitNames: () => new Map(unitNames.all().map((u) => [u.id, u.name])),
    openDeadlines: (sessionId: number) => open.all(sessionId),
    /** Unanswered items whose deadline is on or before `until`, earliest first. */
    urgent: (sessionId: number, until: string, limit: number) => urgent.all(sessionId, until, limit),
  };
}
