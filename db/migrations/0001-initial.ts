// Migration 1: every record of domain.md "Records the product keeps".
// Dates are ISO strings (YYYY-MM-DD); booleans are 0/1 and never NULL, so a ledger's
// empty yes/no cell and the stored value always agree.
export const sql = /* sql */ `
CREATE TABLE sessions (
  id                    INTEGER PRIMARY KEY,
  name                  TEXT NOT NULL UNIQUE,
  year                  INTEGER NOT NULL CHECK (year BETWEEN 1949 AND 2200),
  kind                  TEXT NOT NULL DEFAULT 'npc' CHECK (kind IN ('npc', 'cppcc')),
  issuing_body          TEXT NOT NULL DEFAULT '',
  result_class_count    INTEGER NOT NULL DEFAULT 4 CHECK (result_class_count IN (3, 4)),
  feedback_scale        TEXT CHECK (feedback_scale IN ('three', 'five')),
  resolution_numerator  TEXT NOT NULL DEFAULT 'AB' CHECK (resolution_numerator IN ('A', 'AB', 'ABC')),
  satisfied_numerator   TEXT NOT NULL DEFAULT 'top' CHECK (satisfied_numerator IN ('top', 'top2')),
  result_share_base     TEXT NOT NULL DEFAULT 'all' CHECK (result_share_base IN ('all', 'answered')),
  decimals              INTEGER NOT NULL DEFAULT 1 CHECK (decimals BETWEEN 0 AND 3),
  rounding              TEXT NOT NULL DEFAULT 'half-up' CHECK (rounding IN ('half-up', 'largest-remainder')),
  reply_months          INTEGER NOT NULL DEFAULT 3 CHECK (reply_months BETWEEN 1 AND 24),
  extended_reply_months INTEGER NOT NULL DEFAULT 6 CHECK (extended_reply_months BETWEEN 1 AND 36),
  cohandling_months     INTEGER NOT NULL DEFAULT 1 CHECK (cohandling_months BETWEEN 1 AND 12),
  return_days           INTEGER NOT NULL DEFAULT 7 CHECK (return_days BETWEEN 1 AND 60),
  return_working_days   INTEGER NOT NULL DEFAULT 1 CHECK (return_working_days IN (0, 1)),
  redo_months           INTEGER NOT NULL DEFAULT 1 CHECK (redo_months BETWEEN 1 AND 12),
  followup_b_months     INTEGER NOT NULL DEFAULT 1 CHECK (followup_b_months BETWEEN 1 AND 12),
  followup_c_months     INTEGER NOT NULL DEFAULT 3 CHECK (followup_c_months BETWEEN 1 AND 12),
  due_soon_days         INTEGER NOT NULL DEFAULT 7 CHECK (due_soon_days BETWEEN 0 AND 90),
  previous_session_id   INTEGER REFERENCES sessions(id) ON DELETE SET NULL,
  created_at            TEXT NOT NULL,
  updated_at            TEXT NOT NULL
);

CREATE TABLE session_categories (
  id          INTEGER PRIMARY KEY,
  session_id  INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  position    INTEGER NOT NULL,
  name        TEXT NOT NULL,
  UNIQUE (session_id, name)
);

-- The printed label of each result class; a three-class session has no row for C.
CREATE TABLE session_result_labels (
  session_id  INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  code        TEXT NOT NULL CHECK (code IN ('A', 'B', 'C', 'D')),
  label       TEXT NOT NULL,
  PRIMARY KEY (session_id, code)
);

-- Last year's printed figures typed by hand, e.g. resolution = '75' or published = '94.87'.
CREATE TABLE session_baselines (
  session_id  INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  metric      TEXT NOT NULL,
  value       TEXT NOT NULL,
  PRIMARY KEY (session_id, metric)
);

CREATE TABLE units (
  id              INTEGER PRIMARY KEY,
  name            TEXT NOT NULL UNIQUE,
  full_name       TEXT NOT NULL DEFAULT '',
  doc_prefix      TEXT NOT NULL DEFAULT '',
  contact_person  TEXT NOT NULL DEFAULT '',
  contact_phone   TEXT NOT NULL DEFAULT '',
  copy_to         TEXT NOT NULL DEFAULT '',
  created_at      TEXT NOT NULL
);

CREATE TABLE deputies (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE,
  delegation  TEXT NOT NULL DEFAULT '',
  phone       TEXT NOT NULL DEFAULT '',
  created_at  TEXT NOT NULL
);

CREATE TABLE proposals (
  id                 INTEGER PRIMARY KEY,
  session_id         INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  number             TEXT NOT NULL,
  number_key         TEXT NOT NULL,
  number_sort        INTEGER,
  title              TEXT NOT NULL,
  delegation         TEXT NOT NULL DEFAULT '',
  category_id        INTEGER REFERENCES session_categories(id) ON DELETE SET NULL,
  -- The one lead unit (主办单位); its handling row is in handlings with role 'lead'.
  lead_unit_id       INTEGER REFERENCES units(id) ON DELETE RESTRICT,
  content            TEXT NOT NULL DEFAULT '',
  assigned_date      TEXT,
  deadline           TEXT,
  extended           INTEGER NOT NULL DEFAULT 0 CHECK (extended IN (0, 1)),
  -- The stated deadline, or 交办 + the session's months: kept by the data layer, so that
  -- statistics compare two columns instead of doing calendar arithmetic per row.
  effective_deadline TEXT,
  reply_date         TEXT,
  reply_number       TEXT NOT NULL DEFAULT '',
  signer             TEXT NOT NULL DEFAULT '',
  contact_person     TEXT NOT NULL DEFAULT '',
  contact_phone      TEXT NOT NULL DEFAULT '',
  result_code        TEXT CHECK (result_code IN ('A', 'B', 'C', 'D')),
  reply_text         TEXT NOT NULL DEFAULT '',
  published          INTEGER NOT NULL DEFAULT 0 CHECK (published IN (0, 1)),
  met                INTEGER NOT NULL DEFAULT 0 CHECK (met IN (0, 1)),
  closed             INTEGER NOT NULL DEFAULT 0 CHECK (closed IN (0, 1)),
  is_key             INTEGER NOT NULL DEFAULT 0 CHECK (is_key IN (0, 1)),
  leader_supervised  INTEGER NOT NULL DEFAULT 0 CHECK (leader_supervised IN (0, 1)),
  leader_name        TEXT NOT NULL DEFAULT '',
  feedback           TEXT,
  notes              TEXT NOT NULL DEFAULT '',
  version            INTEGER NOT NULL DEFAULT 1,
  created_at         TEXT NOT NULL,
  updated_at         TEXT NOT NULL,
  -- Answered: a reply date or a result class is recorded. On time: answered and not known to
  -- be late (no reply date or no deadline to compare with counts as on time).
  answered           INTEGER GENERATED ALWAYS AS (reply_date IS NOT NULL OR result_code IS NOT NULL) VIRTUAL,
  on_time            INTEGER GENERATED ALWAYS AS (CASE
                       WHEN reply_date IS NULL AND result_code IS NULL THEN 0
                       WHEN reply_date IS NULL OR effective_deadline IS NULL THEN 1
                       WHEN reply_date <= effective_deadline THEN 1
                       ELSE 0 END) VIRTUAL,
  UNIQUE (session_id, number_key)
);
CREATE INDEX proposals_session ON proposals(session_id, number_sort);
-- Statistics read these indexes only, in their order, never the wide rows with reply texts.
CREATE INDEX proposals_stats ON proposals(session_id, category_id, result_code, feedback, published, met, closed, answered, on_time);
CREATE INDEX proposals_unit_stats ON proposals(session_id, lead_unit_id, result_code, feedback, answered, on_time);
CREATE INDEX proposals_open ON proposals(session_id, answered, effective_deadline);

CREATE TABLE proposal_deputies (
  proposal_id  INTEGER NOT NULL REFERENCES proposals(id) ON DELETE CASCADE,
  deputy_id    INTEGER NOT NULL REFERENCES deputies(id) ON DELETE RESTRICT,
  role         TEXT NOT NULL CHECK (role IN ('lead', 'co')),
  position     INTEGER NOT NULL,
  PRIMARY KEY (proposal_id, deputy_id)
);
CREATE INDEX proposal_deputies_deputy ON proposal_deputies(deputy_id);

-- One row per handling unit of a proposal: the lead unit(s) and the co-handling units,
-- each with its own dates and opinion text.
CREATE TABLE handlings (
  id             INTEGER PRIMARY KEY,
  proposal_id    INTEGER NOT NULL REFERENCES proposals(id) ON DELETE CASCADE,
  -- The proposal's session, repeated so that per-unit counts need no join.
  session_id     INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  unit_id        INTEGER NOT NULL REFERENCES units(id) ON DELETE RESTRICT,
  role           TEXT NOT NULL CHECK (role IN ('lead', 'co')),
  position       INTEGER NOT NULL,
  assigned_date  TEXT,
  due_date       TEXT,
  opinion_date   TEXT,
  opinion_text   TEXT NOT NULL DEFAULT '',
  UNIQUE (proposal_id, unit_id)
);
CREATE INDEX handlings_unit ON handlings(unit_id, role);
CREATE INDEX handlings_session ON handlings(session_id, role, unit_id);

CREATE TABLE consultations (
  id           INTEGER PRIMARY KEY,
  proposal_id  INTEGER NOT NULL REFERENCES proposals(id) ON DELETE CASCADE,
  stage        TEXT NOT NULL DEFAULT '' CHECK (stage IN ('', 'before', 'during', 'after')),
  form         TEXT NOT NULL DEFAULT '',
  face_to_face INTEGER NOT NULL DEFAULT 1 CHECK (face_to_face IN (0, 1)),
  date         TEXT,
  people       TEXT NOT NULL DEFAULT '',
  notes        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX consultations_proposal ON consultations(proposal_id);

CREATE TABLE milestones (
  id           INTEGER PRIMARY KEY,
  proposal_id  INTEGER NOT NULL REFERENCES proposals(id) ON DELETE CASCADE,
  due_date     TEXT,
  done_date    TEXT,
  description  TEXT NOT NULL DEFAULT ''
);
CREATE INDEX milestones_proposal ON milestones(proposal_id);

CREATE TABLE review_opinions (
  id             INTEGER PRIMARY KEY,
  session_id     INTEGER REFERENCES sessions(id) ON DELETE SET NULL,
  name           TEXT NOT NULL UNIQUE,
  title          TEXT NOT NULL DEFAULT '',
  received_date  TEXT,
  created_at     TEXT NOT NULL
);

CREATE TABLE rectification_items (
  id          INTEGER PRIMARY KEY,
  opinion_id  INTEGER NOT NULL REFERENCES review_opinions(id) ON DELETE CASCADE,
  position    INTEGER NOT NULL,
  aspect      TEXT NOT NULL,
  problem     TEXT NOT NULL DEFAULT '',
  suggestion  TEXT NOT NULL DEFAULT '',
  measures    TEXT NOT NULL DEFAULT '',
  units       TEXT NOT NULL DEFAULT '',
  deadline    TEXT NOT NULL DEFAULT ''
);
CREATE INDEX rectification_items_opinion ON rectification_items(opinion_id, position);

-- Append-only log of changes: who changed what, when.
CREATE TABLE events (
  id         INTEGER PRIMARY KEY,
  at         TEXT NOT NULL,
  actor      TEXT NOT NULL DEFAULT '',
  entity     TEXT NOT NULL,
  entity_id  INTEGER,
  action     TEXT NOT NULL,
  details    TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX events_entity ON events(entity, entity_id);
CREATE TRIGGER events_no_update BEFORE UPDATE ON events
  BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
CREATE TRIGGER events_no_delete BEFORE DELETE ON events
  BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
`;
