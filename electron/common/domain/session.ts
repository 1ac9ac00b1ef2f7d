import { termsOf } from './terms';
import { z } from 'zod';
import type { ResultCode } from './result-classes';

const ROUNDING_METHODS = ['half-up', 'largest-remainder'] as const;

export const deadlineRulesSchema = z.object({
  /** Reply due this many months after 交办. */
  replyMonths: z.number().int().min(1).max(24),
  /** With an approved extension. */
  extendedReplyMonths: z.number().int().min(1).max(36),
  /** A co-handling unit's opinion is due this many months after 交办. */
  cohandlingMonths: z.number().int().min(1).max(12),
  /** An item outside a unit's remit goes back within this many days… */
  returnDays: z.number().int().min(1).max(60),
  /** …counted as working days (Monday to Friday) when true. */
  returnWorkingDays: z.boolean(),
  /** A dissatisfied deputy's item is answered again within this many months. */
  redoMonths: z.number().int().min(1).max(12),
  /** Progress reports on 正在解决 (B) and 计划解决 (C) items, every this many months. */
  followupBMonths: z.number().int().min(1).max(12),
  followupCMonths: z.number().int().min(1).max(12),
  /** An open item is "due soon" this many days before its deadline. */
  dueSoonDays: z.number().int().min(0).max(90),
});
export type DeadlineRules = z.infer<typeof deadlineRulesSchema>;

export const DEFAULT_DEADLINE_RULES: DeadlineRules = {
  replyMonths: 3,
  extendedReplyMonths: 6,
  cohandlingMonths: 1,
  returnDays: 7,
  returnWorkingDays: true,
  redoMonths: 1,
  followupBMonths: 1,
  followupCMonths: 3,
  dueSoonDays: 7,
};

/** The years a session may have (the database refuses others too: migration 1's CHECK). */
export const SESSION_YEARS = { min: 1949, max: 2200 } as const;

export const sessionSettingsSchema = z.object({
  kind: z.enum(['npc', 'cppcc']),
  issuingBody: z.string().max(100),
  resultClassCount: z.union([z.literal(3), z.literal(4)]),
  feedbackScale: z.enum(['three', 'five']).nullable(),
  /** Which classes count as resolved in 解决率: A, A+B or A+B+C. */
  resolutionNumerator: z.enum(['A', 'AB', 'ABC']),
  /** 满意率 counts the top value only, or the top two (满意 + 基本满意). */
  satisfiedNumerator: z.enum(['top', 'top2']),
  /** Result shares over all items or over answered items. */
  resultShareBase: z.enum(['all', 'answered']),
  /**
   * Joint proposals: one letter to all who signed ("张三等3名代表"), or one letter to each of them
   * (lead and co-signers, 逐人答复).
   */
  jointLetters: z.enum(['one', 'per-deputy']),
  decimals: z.number().int().min(0).max(3),
  rounding: z.enum(ROUNDING_METHODS),
  deadlines: deadlineRulesSchema,
});
export type SessionSettings = z.infer<typeof sessionSettingsSchema>;

export const DEFAULT_SESSION_SETTINGS: SessionSettings = {
  kind: 'npc',
  issuingBody: '',
  resultClassCount: 4,
  feedbackScale: null,
  resolutionNumerator: 'AB',
  satisfiedNumerator: 'top',
  resultShareBase: 'all',
  jointLetters: 'one',
  decimals: 1,
  rounding: 'half-up',
  deadlines: DEFAULT_DEADLINE_RULES,
};

/** Metrics that can have a comparison baseline. */
export const RATE_KEYS = ['answered', 'onTime', 'closed', 'published', 'met', 'satisfied', 'resolution', 'agreed'] as const;
export type RateKey = (typeof RATE_KEYS)[number];

/**
 * Facts the statistics report that a ledger may simply not have. A session filled from a ledger
 * without one of them lists it as missing until a later ledger or an edit gives it; a missing
 * fact is "台账未提供", never "0 件".
 */
export const RECORDED_FACTS = [
  'category',
  'result',
  'replyDate',
  'published',
  'met',
  'closed',
  'feedback',
  'resultOpinion',
] as const;
export type RecordedFact = (typeof RECORDED_FACTS)[number];

export interface Session extends SessionSettings {
  id: number;
  name: string;
  year: number;
  previousSessionId: number | null;
  categories: string[];
  resultLabels: Partial<Record<ResultCode, string>>;
  /** Last year's printed figures typed by hand, e.g. { resolution: '75' }. */
  baselines: Partial<Record<RateKey, string>>;
  /** Facts no ledger and no edit has given for this session (see RECORDED_FACTS). */
  missingFacts: RecordedFact[];
}

export function kindLabel(kind: SessionSettings['kind']): string {
  return termsOf(kind).kindLabel;
}
