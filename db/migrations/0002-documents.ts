// Migration 2: what the document pipeline keeps. User templates (copies of the built-in ones,
// edited), the clerk's narrative sections of each annual report, application settings, and the
// parts of the report that answers a review opinion.
export const sql = /* sql */ `
CREATE TABLE templates (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE,
  kind        TEXT NOT NULL,
  source      TEXT NOT NULL,
  based_on    TEXT,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
);

-- The narrative of an annual report, kept apart from the generated figures so that
-- regenerating after the records change keeps every word the clerk wrote.
CREATE TABLE report_drafts (
  session_id  INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  section     TEXT NOT NULL,
  text        TEXT NOT NULL DEFAULT '',
  updated_at  TEXT NOT NULL,
  PRIMARY KEY (session_id, section)
);

CREATE TABLE app_settings (
  key         TEXT PRIMARY KEY,
  value       TEXT NOT NULL,
  updated_at  TEXT NOT NULL
);

ALTER TABLE review_opinions ADD COLUMN addressee TEXT NOT NULL DEFAULT '';
ALTER TABLE review_opinions ADD COLUMN doc_number TEXT NOT NULL DEFAULT '';
ALTER TABLE review_opinions ADD COLUMN report_date TEXT;
ALTER TABLE review_opinions ADD COLUMN report_text TEXT NOT NULL DEFAULT '';
`;
