import type { IsoDate } from '../../domain/dates';
import { letterOf } from '../../domain/result-classes';
import { RATE_KEYS, type RateKey, type Session } from '../../domain/session';
import { termsOf, type Terms } from '../../domain/terms';
import { combineUnits, type UnitStats } from '../../stats/unit-metrics';
import type { SessionStatistics } from '../../stats/statistics';

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
  /** False when the ledger gave nothing this rate counts: the report leaves its sentence out. */
  available: boolean;
}

type ShareRow = { label: string; count: number; percent: string };

/**
 * The per-unit table prints at most this many rows. A district has 15 to 60 handling units and a
 * city a little over a hundred: all are listed. A session naming thousands of units (ledgers
 * merged, units keyed in as free text) lists the units with the most lead items and sums the
 * rest in one last row, 其他N个单位, so the table stays a few pages and its sums stay exact.
 */
export const UNIT_TABLE_ROWS = 100;

type UnitRow = ReportContext['units'][number];

function unitRow(u: UnitStats): UnitRow {
  return {
    unit: u.unit,
    leadCount: u.leadCount,
    coCount: u.coCount,
    results: u.results.map((r) => ({ code: r.code, count: r.count })),
    onTimePercent: u.leadCount ? `${u.onTimeRate.percent}%` : '—',
    satisfiedPercent: u.feedbackReturned ? `${u.satisfiedRate.percent}%` : '—',
  };
}

/** The rows of the per-unit table: every unit with lead items, or the first ones and 其他. */
function unitTable(stats: SessionStatistics): Pick<ReportContext, 'units' | 'unitCount' | 'listedUnits' | 'otherUnits'> {
  const leading = stats.byUnit.filter((u) => u.leadCount > 0);
  if (leading.length <= UNIT_TABLE_ROWS) {
    return { units: leading.map(unitRow), unitCount: leading.length, listedUnits: leading.length, otherUnits: 0 };
  }
  const listed = leading.slice(0, UNIT_TABLE_ROWS - 1);
  const others = leading.slice(UNIT_TABLE_ROWS - 1);
  return {
    units: [...listed.map(unitRow), unitRow(combineUnits(others, `其他${others.length}个单位`, stats.options.decimals))],
    unitCount: leading.length,
    listedUnits: listed.length,
    otherUnits: others.length,
  };
}

export interface ReportContext {
  options: { decimals: number; rounding: string };
  session: { name: string; year: number; itemWord: string; deputyWord: string; issuingBody: string };
  /** 代表建议 / 提案, 代表 / 委员, 代表团 / 界别 … */
  terms: Terms;
  /**
   * What the records give: a sentence about a fact no ledger column gave ("见面率0.0%" from a
   * ledger without 是否见面) is left out rather than printed as a fact.
   */
  provided: {
    category: boolean;
    result: boolean;
    answered: boolean;
    onTime: boolean;
    closed: boolean;
    published: boolean;
    met: boolean;
    feedback: boolean;
    /** Deputies rated the result apart from the handling (同意 / 基本同意 …): the 同意率 is printed. */
    agreed: boolean;
  };
  /** Result shares are over the answered items (true) or over all items (false): the sentence says which. */
  resultShareOverAnswered: boolean;
  /** What the result shares are of, as the sentence names it: 已答复 (or 已确定办理结果) and the count. */
  resultBaseWords: string;
  resultBase: number;
  previousSession: string | null;
  addressee: string;
  reportDate: IsoDate;
  total: number;
  answered: number;
  unanswered: number;
  allAnswered: boolean;
  /** Categories with at least one item (allCategories has every category of the session). */
  categories: ShareRow[];
  allCategories: ShareRow[];
  /** Result classes with at least one item, their letter as the session prints it (allResults: every class). */
  results: (ShareRow & { code: string; letter: string })[];
  allResults: (ShareRow & { code: string; letter: string })[];
  /** Feedback values given at least once (allFeedback: the whole scale). */
  feedback: ShareRow[];
  allFeedback: ShareRow[];
  feedbackReturned: number;
  rates: Record<RateKey, RateData>;
  /** The rates in the order the statistics tables list them. */
  rateRows: RateData[];
  /**
   * The per-unit table, most lead items first: every unit with lead items, or (more than
   * UNIT_TABLE_ROWS of them) the first ones and a last row 其他N个单位 with their exact sums.
   */
  units: {
    unit: string;
    leadCount: number;
    coCount: number;
    results: { code: string; count: number }[];
    onTimePercent: string;
    satisfiedPercent: string;
  }[];
  /** Units with lead items; how many the table names one by one; how many its 其他 row sums (0: none). */
  unitCount: number;
  listedUnits: number;
  otherUnits: number;
  resultCodes: { code: string; letter: string; label: string }[];
  /** The per-unit table's column widths, one result column per class of the session. */
  unitTableWidths: string;
  deadlines: { overdue: number; dueSoon: number; late: number };
  narrative: Record<NarrativeSection, string>;
}

export function reportContext(
  session: Session,
  stats: SessionStatistics,
  drafts: Record<string, string>,
  reportDate: IsoDate,
  addressee = termsOf(session.kind).reportAddressee,
): ReportContext {
  const terms = termsOf(session.kind);
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
          available: rate.available,
        },
      ];
    }),
  ) as Record<RateKey, RateData>;
  const codes = stats.byResult
    .filter((r) => r.code !== null)
    .map((r) => ({ code: r.code!, letter: letterOf(r.code!, session.resultClassCount), label: r.label, count: r.count, percent: r.percent }));
  const nonZero = <T extends { count: number }>(rows: T[]) => rows.filter((r) => r.count > 0);
  const recorded = stats.recorded;
  return {
    options: { decimals: stats.options.decimals, rounding: stats.options.rounding },
    session: {
      name: session.name,
      year: session.year,
      itemWord: terms.item,
      deputyWord: terms.member,
      issuingBody: session.issuingBody,
    },
    terms,
    provided: {
      category: recorded.category,
      result: recorded.result,
      answered: stats.rates.answered.available,
      onTime: stats.rates.onTime.available,
      closed: stats.rates.closed.available,
      published: stats.rates.published.available,
      met: stats.rates.met.available,
      feedback: stats.rates.satisfied.available,
      agreed: stats.rates.agreed.available,
    },
    resultShareOverAnswered: stats.options.resultShareBase === 'answered',
    resultBaseWords: stats.resultBase.words,
    resultBase: stats.resultBase.count,
    previousSession: stats.comparison.previousSession,
    addressee,
    reportDate,
    total: stats.total,
    answered: stats.answered,
    unanswered: stats.total - stats.answered,
    allAnswered: stats.total > 0 && stats.answered === stats.total,
    categories: nonZero(stats.byCategory),
    allCategories: stats.byCategory,
    results: nonZero(codes),
    allResults: codes,
    feedback: nonZero(stats.feedback),
    allFeedback: stats.feedback,
    feedbackReturned: stats.feedbackReturned,
    rates,
    // The 同意率 only where deputies rated the result apart: elsewhere it is no figure at all.
    rateRows: RATE_KEYS.filter((key) => key !== 'agreed' || stats.rates.agreed.available).map((key) => rates[key]),
    ...unitTable(stats),
    resultCodes: codes.map((r) => ({ code: r.code, letter: r.letter, label: r.label })),
    unitTableWidths: ['7', '2', '2', ...codes.map(() => '2'), '3', '3'].join(','),
    deadlines: {
      overdue: stats.deadlines.counts.overdue,
      dueSoon: stats.deadlines.counts['due-soon'],
      late: stats.deadlines.counts.late,
    },
    narrative: Object.fromEntries(NARRATIVE_SECTIONS.map((key) => [key, drafts[key] ?? ''])) as Record<NarrativeSection, string>,
  };
}
