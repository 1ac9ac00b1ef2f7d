import type { Db } from '../types';
import { createDeadlineKeeper } from './effective-deadlines';
import { UserError } from '../../electron/common/domain/errors';
import { codesFor, defaultResultLabels, type ResultCode } from '../../electron/common/domain/result-classes';
import {
  DEFAULT_SESSION_SETTINGS,
  RATE_KEYS,
  RECORDED_FACTS,
  sessionSettingsSchema,
  type RecordedFact,
  type RateKey,
  type Session,
  type SessionSettings,
} from '../../electron/common/domain/session';

interface SessionRow {
  id: number;
  name: string;
  year: number;
  kind: 'npc' | 'cppcc';
  issuing_body: string;
  result_class_count: 3 | 4;
  feedback_scale: 'three' | 'five' | null;
  resolution_numerator: 'A' | 'AB' | 'ABC';
  satisfied_numerator: 'top' | 'top2';
  result_share_base: 'all' | 'answered';
  joint_letters: 'one' | 'per-deputy';
  decimals: number;
  rounding: 'half-up' | 'largest-remainder';
  reply_months: number;
  extended_reply_months: number;
  cohandling_months: number;
  return_days: number;
  return_working_days: number;
  redo_months: number;
  followup_b_months: number;
  followup_c_months: number;
  due_soon_days: number;
  previous_session_id: number | null;
}

function settingsToColumns(settings: SessionSettings): Omit<SessionRow, 'id' | 'name' | 'year' | 'previous_session_id'> {
  const d = settings.deadlines;
  return {
    kind: settings.kind,
    issuing_body: settings.issuingBody,
    result_class_count: settings.resultClassCount,
    feedback_scale: settings.feedbackScale,
    resolution_numerator: settings.resolutionNumerator,
    satisfied_numerator: settings.satisfiedNumerator,
    result_share_base: settings.resultShareBase,
    joint_letters: settings.jointLetters,
    decimals: settings.decimals,
    rounding: settings.rounding,
    reply_months: d.replyMonths,
    extended_reply_months: d.extendedReplyMonths,
    cohandling_months: d.cohandlingMonths,
    return_days: d.returnDays,
    return_working_days: d.returnWorkingDays ? 1 : 0,
    redo_months: d.redoMonths,
    followup_b_months: d.followupBMonths,
    followup_c_months: d.followupCMonths,
    due_soon_days: d.dueSoonDays,
  };
}

function rowToSettings(row: SessionRow): SessionSettings {
  return {
    kind: row.kind,
    issuingBody: row.issuing_body,
    resultClassCount: row.result_class_count,
    feedbackScale: row.feedback_scale,
    resolutionNumerator: row.resolution_numerator,
    satisfiedNumerator: row.satisfied_numerator,
    resultShareBase: row.result_share_base,
    jointLetters: row.joint_letters,
    decimals: row.decimals,
    rounding: row.rounding,
    deadlines: {
      replyMonths: row.reply_months,
      extendedReplyMonths: row.extended_reply_months,
      cohandlingMonths: row.cohandling_months,
      returnDays: row.return_days,
      returnWorkingDays: row.return_working_days === 1,
      redoMonths: row.redo_months,
      followupBMonths: row.followup_b_months,
      followupCMonths: row.followup_c_months,
      dueSoonDays: row.due_soon_days,
    },
  };
}

export interface NewSession {
  name: string;
  year: number;
  settings?: Partial<SessionSettings>;
  categories?: string[];
  resultLabels?: Partial<Record<ResultCode, string>>;
  previousSessionId?: number | null;
}

export interface CategoryRow {
  id: number;
  name: string;
  position: number;
}

export function createSessionsRepo(db: Db, now: () => string) {
  const deadlines = createDeadlineKeeper(db);
  const byId = db.prepare<[number], SessionRow>('SELECT * FROM sessions WHERE id = ?');
  const byName = db.prepare<[string], SessionRow>('SELECT * FROM sessions WHERE name = ?');
  const all = db.prepare<[], SessionRow>('SELECT * FROM sessions ORDER BY year DESC, id DESC');
  const categories = db.prepare<[number], CategoryRow>(
    'SELECT id, name, position FROM session_categories WHERE session_id = ? ORDER BY position, id',
  );
  const labels = db.prepare<[number], { code: ResultCode; label: string }>(
    'SELECT code, label FROM session_result_labels WHERE session_id = ? ORDER BY code',
  );
  const baselines = db.prepare<[number], { metric: string; value: string }>(
    'SELECT metric, value FROM session_baselines WHERE session_id = ?',
  );
  const missing = db.prepare<[number], { fact: string }>('SELECT fact FROM session_missing_facts WHERE session_id = ?');
  const insertMissing = db.prepare<[number, string]>(
    'INSERT OR IGNORE INTO session_missing_facts (session_id, fact) VALUES (?, ?)',
  );
  const deleteMissing = db.prepare<[number, string]>('DELETE FROM session_missing_facts WHERE session_id = ? AND fact = ?');
  const insertCategory = db.prepare<[number, number, string]>(
    'INSERT INTO session_categories (session_id, position, name) VALUES (?, ?, ?)',
  );
  const previousByYear = db.prepare<[string, number, number], { id: number }>(
    'SELECT id FROM sessions WHERE kind = ? AND year = ? AND id <> ? ORDER BY id DESC LIMIT 1',
  );

  function hydrate(row: SessionRow): Session {
    const resultLabels: Partial<Record<ResultCode, string>> = {};
    for (const { code, label } of labels.all(row.id)) resultLabels[code] = label;
    const base: Partial<Record<RateKey, string>> = {};
    const absent = new Set(missing.all(row.id).map((f) => f.fact));
    for (const { metric, value } of baselines.all(row.id)) {
      if ((RATE_KEYS as readonly string[]).includes(metric)) base[metric as RateKey] = value;
    }
    return {
      id: row.id,
      name: row.name,
      year: row.year,
      previousSessionId: row.previous_session_id,
      ...rowToSettings(row),
      categories: categories.all(row.id).map((c) => c.name),
      resultLabels,
      baselines: base,
      missingFacts: RECORDED_FACTS.filter((f) => absent.has(f)),
    };
  }

  const repo = {
    get(id: number): Session {
      const row = byId.get(id);
      if (!row) throw new UserError(`找不到编号为 ${id} 的会议。`);
      return hydrate(row);
    },

    findByName(name: string): Session | null {
      const row = byName.get(name.trim());
      return row ? hydrate(row) : null;
    },

    /** The session by name, or a clear message listing the ones that exist. */
    getByName(name: string): Session {
      const found = repo.findByName(name);
      if (found) return found;
      const names = all.all().map((s) => s.name);
      throw new UserError(
        `找不到会议「${name}」。` + (names.length ? `数据库中现有的会议：${names.join('、')}。` : '数据库中还没有任何会议。'),
      );
    },

    list(): Session[] {
      return all.all().map(hydrate);
    },

    create(input: NewSession): Session {
      const name = input.name.trim();
      if (!name) throw new UserError('会议名称不能为空。');
      if (byName.get(name)) throw new UserError(`会议「${name}」已经存在。`);
      const settings = sessionSettingsSchema.parse({ ...DEFAULT_SESSION_SETTINGS, ...input.settings });
      const cols = settingsToColumns(settings);
      const stampNow = now();
      const id = db.transaction(() => {
        const result = db
          .prepare(
            `INSERT INTO sessions (name, year, ${Object.keys(cols).join(', ')}, previous_session_id, created_at, updated_at)
             VALUES (@name, @year, ${Object.keys(cols)
               .map((k) => '@' + k)
               .join(', ')}, @previous_session_id, @created_at, @updated_at)`,
          )
          .run({ ...cols, name, year: input.year, previous_session_id: null, created_at: stampNow, updated_at: stampNow });
        const sessionId = Number(result.lastInsertRowid);
        const previous =
          input.previousSessionId !== undefined
            ? input.previousSessionId
            : (previousByYear.get(settings.kind, input.year - 1, sessionId)?.id ?? null);
        if (previous !== null) db.prepare('UPDATE sessions SET previous_session_id = ? WHERE id = ?').run(previous, sessionId);
        repo.setResultLabels(sessionId, { ...defaultResultLabels(settings.resultClassCount), ...input.resultLabels });
        repo.addCategories(sessionId, input.categories ?? []);
        return sessionId;
      })();
      return repo.get(id);
    },

    updateSettings(id: number, patch: Partial<SessionSettings>): Session {
      const current = repo.get(id);
      const merged = sessionSettingsSchema.parse({
        ...current,
        ...patch,
        deadlines: { ...current.deadlines, ...patch.deadlines },
      });
      const cols = settingsToColumns(merged);
      db.prepare(
        `UPDATE sessions SET ${Object.keys(cols)
          .map((k) => `${k} = @${k}`)
          .join(', ')}, updated_at = @updated_at WHERE id = @id`,
      ).run({ ...cols, id, updated_at: now() });
      if (patch.resultClassCount !== undefined && patch.resultClassCount !== current.resultClassCount) {
        // Three classes merge 计划解决 into 正在解决: existing C records become B, or the figures
        // would count a class the session no longer has.
        if (merged.resultClassCount === 3)
          db.prepare(
            "UPDATE proposals SET result_code = 'B', version = version + 1 WHERE session_id = ? AND result_code = 'C'",
          ).run(id);
        repo.setResultLabels(id, defaultResultLabels(merged.resultClassCount));
      }
      if (
        merged.deadlines.replyMonths !== current.deadlines.replyMonths ||
        merged.deadlines.extendedReplyMonths !== current.deadlines.extendedReplyMonths
      ) {
        deadlines.refreshSession(id);
      }
      return repo.get(id);
    },

    /** These facts are now given (by a ledger column or an edit): the statistics may report them. */
    markGiven(id: number, facts: Iterable<RecordedFact>): void {
      for (const fact of facts) deleteMissing.run(id, fact);
    },

    /** The ledger a session is first filled from has no column for these facts. */
    markMissing(id: number, facts: Iterable<RecordedFact>): void {
      for (const fact of facts) insertMissing.run(id, fact);
    },

    setPrevious(id: number, previousId: number | null): void {
      if (previousId === id) throw new UserError('会议不能把自己设为上一年度的会议。');
      db.prepare('UPDATE sessions SET previous_session_id = ?, updated_at = ? WHERE id = ?').run(previousId, now(), id);
    },

    categories(id: number): CategoryRow[] {
      return categories.all(id);
    },

    /** Appends categories that are not there yet, keeping the existing order. */
    addCategories(id: number, names: readonly string[]): void {
      const existing = categories.all(id);
      const known = new Set(existing.map((c) => c.name));
      let position = existing.reduce((max, c) => Math.max(max, c.position), 0);
      for (const name of names) {
        if (!known.has(name)) {
          known.add(name);
          insertCategory.run(id, ++position, name);
        }
      }
    },

    /** Replaces the category list (order included); a category still in use cannot go. */
    setCategories(id: number, names: readonly string[]): void {
      db.transaction(() => {
        const existing = categories.all(id);
        const wanted = new Set(names);
        for (const category of existing) {
          if (wanted.has(category.name)) continue;
          const used = db.prepare('SELECT count(*) AS n FROM proposals WHERE category_id = ?').get(category.id) as { n: number };
          if (used.n > 0)
            throw new UserError(`类别「${category.name}」下还有 ${used.n} 件建议，不能删除；请先把它们改到其他类别。`);
          db.prepare('DELETE FROM session_categories WHERE id = ?').run(category.id);
        }
        repo.addCategories(id, names);
        const update = db.prepare('UPDATE session_categories SET position = ? WHERE session_id = ? AND name = ?');
        names.forEach((name, index) => update.run(index + 1, id, name));
      })();
    },

    setResultLabels(id: number, resultLabels: Partial<Record<ResultCode, string>>): void {
      const count = (byId.get(id)?.result_class_count ?? 4) as 3 | 4;
      db.transaction(() => {
        db.prepare('DELETE FROM session_result_labels WHERE session_id = ?').run(id);
        const insert = db.prepare('INSERT INTO session_result_labels (session_id, code, label) VALUES (?, ?, ?)');
        // Only the classes in use: a three-class session has no C label.
        for (const code of codesFor(count)) {
          const label = resultLabels[code]?.trim();
          if (label) insert.run(id, code, label);
        }
      })();
    },

    /**
     * Deletes a session with its proposals, categories, drafts and settings. A session that
     * another names as its previous one is unlinked there; review opinions stay, unassigned.
     */
    remove(id: number): void {
      const result = db.prepare('DELETE FROM sessions WHERE id = ?').run(id);
      if (result.changes === 0) throw new UserError(`找不到编号为 ${id} 的会议，它可能已被删除。`);
    },

    setBaselines(id: number, values: Partial<Record<RateKey, string | null>>): void {
      db.transaction(() => {
        for (const [metric, value] of Object.entries(values)) {
          if (!(RATE_KEYS as readonly string[]).includes(metric)) throw new UserError(`未知的对比指标「${metric}」。`);
          if (value === null || value === undefined || value.trim() === '') {
            db.prepare('DELETE FROM session_baselines WHERE session_id = ? AND metric = ?').run(id, metric);
          } else {
            if (!/^\d{1,3}(\.\d{1,3})?$/.test(value.trim()) || Number(value) > 100) {
              throw new UserError(`上年对比数「${value}」不是 0 到 100 之间、最多三位小数的百分数。`);
            }
            db.prepare(
              'INSERT INTO session_baselines (session_id, metric, value) VALUES (?, ?, ?) ON CONFLICT (session_id, metric) DO UPDATE SET value = excluded.value',
            ).run(id, metric, value.trim());
          }
        }
      })();
    },
  };
  return repo;
}

export type SessionsRepo = ReturnType<typeof createSessionsRepo>;
