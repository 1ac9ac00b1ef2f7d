import type { IsoDate } from '../../domain/dates';
import { RATE_KEYS, type RateKey, type Session } from '../../domain/session';
import type { SessionStatistics } from '../../stats/session-statistics';

/**
 * The data of the annual handling report: every figure comes from the statistics engine as
 * printed (same rounding, same comparison), so the report and the overview can never disagree.
 */

export const NARRATIVE_SECTIONS = ['achievements', 'practices', 'problems', 'nextSteps'] as const;
export type NarrativeSection = (typeof NARRATIVE_SECTIONS)[number];

export const NARRATIVE_LABELS: Record<NarrativeSection, string> = {
  achievements: '主要成效',
  practices: '主要做法和工作体会',
  problems: '存在问题',
  nextSteps: '下一步打算',
};

export interface RateData {
  label: string;
  numerator: number;
  denominator: number;
  percent: string;
  basis: string;
  /** Last year's printed figure, or null. */
  previous: string | null;
  /** 提高10.1个百分点 / 下降… / 持平, or '' without a comparison. */
  change: string;
}

export interface ReportContext {
  options: { decimals: number; rounding: string };
  session: { name: string; year: number; itemWord: string; deputyWord: string; issuingBody: string };
  previousSession: string | null;
  addressee: string;
  reportDate: IsoDate;
  total: number;
  answered: number;
  unanswered: number;
  allAnswered: boolean;
  categories: { label: string; count: number; percent: string }[];
  results: { code: string; label: string; count: number; percent: string }[];
  feedback: { label: string; count: number; percent: string }[];
  feedbackReturned: number;
  rates: Record<RateKey, RateData>;
  units: {
    unit: string;
    leadCount: number;
    coCount: number;
    results: { code: string; count: number }[];
    onTimePercent: string;
    satisfiedPercent: string;
  }[];
  resultCodes: { code: string; label: string }[];
  deadlines: { overdue: number; dueSoon: number; late: number };
  narrative: Record<NarrativeSection, string>;
}

export function reportContext(
  session: Session,
  stats: SessionStatistics,
  drafts: Record<string, string>,
  reportDate: IsoDate,
  addressee = '区人大常委会',
): ReportContext {
  const rates = Object.fromEntries(
    RATE_KEYS.map((key) => {
      const rate = stats.rates[key];
      const change = stats.comparison.rates[key];
      return [
        key,
        {
          label: rate.label,
          numerator: rate.numerator,
          denominator: rate.denominator,
          percent: rate.percent,
          basis: rate.basis,
          previous: change?.previous ?? null,
          change: change?.text ?? '',
        },
      ];
    }),
  ) as Record<RateKey, RateData>;
  const codes = stats.byResult.filter((r) => r.code !== null);
  return {
    options: { decimals: stats.options.decimals, rounding: stats.options.rounding },
    session: {
      name: session.name,
      year: session.year,
      itemWord: session.kind === 'npc' ? '建议' : '提案',
      deputyWord: session.kind === 'npc' ? '代表' : '委员',
      issuingBody: session.issuingBody,
    },
    previousSession: stats.comparison.previousSession,
    addressee,
    reportDate,
    total: stats.total,
    answered: stats.answered,
    unanswered: stats.total - stats.answered,
    allAnswered: stats.total > 0 && stats.answered === stats.total,
    categories: stats.byCategory,
    results: codes.map((r) => ({ code: r.code!, label: r.label, count: r.count, percent: r.percent })),
    feedback: stats.feedback,
    feedbackReturned: stats.feedbackReturned,
    rates,
    units: stats.byUnit
      .filter((u) => u.leadCount > 0)
      .map((u) => ({
        unit: u.unit,
        leadCount: u.leadCount,
        coCount: u.coCount,
        results: u.results.map((r) => ({ code: r.code, count: r.count })),
        onTimePercent: u.leadCount ? `${u.onTimeRate.percent}%` : '—',
        satisfiedPercent: u.feedbackReturned ? `${u.satisfiedRate.percent}%` : '—',
      })),
    resultCodes: codes.map((r) => ({ code: r.code!, label: r.label })),
    deadlines: {
      overdue: stats.deadlines.counts.overdue,
      dueSoon: stats.deadlines.counts['due-soon'],
      late: stats.deadlines.counts.late,
    },
    narrative: Object.fromEntries(NARRATIVE_SECTIONS.map((key) => [key, drafts[key] ?? ''])) as Record<NarrativeSection, string>,
  };
}
