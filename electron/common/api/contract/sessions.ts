import { z } from 'zod';
import type { Session } from '../../domain/session';
import { RATE_KEYS, sessionSettingsSchema } from '../../domain/session';
import type { SessionStatistics } from '../../stats/statistics';
import type { UndoStatus } from './undo';
import { id, isoDate, produced, resultCode, sessionKind, text, year, noInput, type Operation } from './shared';

/** Any of a session's settings, each checked as the domain defines it. */
const sessionSettingsPatch = sessionSettingsSchema.partial();

/** Sessions, their settings, their statistics and the report's narrative drafts. */
export const sessionOperations = {
  'sessions.list': {
    input: noInput,
    output: produced<(Session & { proposalCount: number })[]>(),
  },
  'sessions.create': {
    input: z.object({
      name: text(100).min(1, '请填写会议名称'),
      year,
      kind: sessionKind.default('npc'),
      /** Copy the settings, categories, labels and rules of this session. */
      copyFrom: id.optional(),
    }),
    output: produced<Session>(),
  },
  'sessions.update': {
    input: z.object({
      id,
      settings: sessionSettingsPatch.optional(),
      categories: z.array(text(100).min(1)).max(100).optional(),
      resultLabels: z.record(resultCode, text(40)).optional(),
      baselines: z.partialRecord(z.enum(RATE_KEYS), z.string().max(10).nullable()).optional(),
    }),
    output: produced<Session>(),
  },
  /** Deletes a session and everything in it, after a backup; `name` must be the session's (a stale screen is refused). */
  'sessions.delete': {
    input: z.object({ id, name: text(100) }),
    output: produced<{ deleted: string; proposals: number; undo: UndoStatus }>(),
  },
  'stats.overview': {
    input: z.object({ sessionId: id, today: isoDate.optional() }),
    output: produced<SessionStatistics>(),
  },
  'drafts.get': {
    input: z.object({ sessionId: id }),
    output: produced<Record<string, string>>(),
  },
  'drafts.set': {
    input: z.object({
      sessionId: id,
      section: z.enum(['achievements', 'practices', 'problems', 'nextSteps']),
      text: text(100_000),
      /** The text as the editor loaded it: a save over someone else's later save is refused. */
      expected: text(100_000).optional(),
    }),
    output: produced<Record<string, string>>(),
  },
} as const satisfies Record<string, Operation>;
