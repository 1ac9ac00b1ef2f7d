// Migration 3: what real ledgers carry besides the first nineteen columns, and what a session's
// records do not say.
// - proposer_count (提案人数) and result_opinion (the deputy's opinion of the result, 同意 / 理解 …,
//   kept apart from the rating of the handling) are new proposal columns.
// - session_missing_facts lists, per session, the facts (办理结果, 代表评价, 是否见面 …) that the
//   ledger a session was first filled from had no column for, and that no later ledger or edit has
//   given since. The statistics print such a fact as "台账未提供", never as "0 件" or "0.0%".
//   Sessions from before this version have no rows: every figure stays as it was.
export const sql = /* sql */ `
ALTER TABLE proposals ADD COLUMN proposer_count INTEGER CHECK (proposer_count IS NULL OR proposer_count BETWEEN 1 AND 10000);
ALTER TABLE proposals ADD COLUMN result_opinion TEXT;

CREATE TABLE session_missing_facts (
  session_id  INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  fact        TEXT NOT NULL,
  PRIMARY KEY (session_id, fact)
);
`;
