import type { Store } from '../../db/store';
import type { IsoDate } from '../domain/dates';
import { RATE_KEYS, type RateKey, type Session } from '../domain/session';
import { compareRates, type Change } from './compare';
import { DEADLINE_STATUS_LABELS, deadlineState, type DeadlineStatus } from './deadline';
import { computeStatistics, type Statistics, type StatsOptions } from './metrics';
import type { Decimals } from './rounding';

export interface RateChange extends Change {
  /** Where last year's figure came from. */
  source: 'session' | 'baseline';
}

export interface Comparison {
  /** The previous session used, if any (hand-entered baselines win over it, metric by metric). */
  previousSession: string | null;
  rates: Partial<Record<RateKey, RateChange>>;
}

export interface DeadlineItem {
  id: number;
  number: string;
  title: string;
  status: DeadlineStatus;
  statusLabel: string;
  deadline: IsoDate | null;
  daysLeft: number | null;
}

export interface DeadlineSummary {
  today: IsoDate;
  counts: Record<DeadlineStatus, number>;
  /** Unanswered items past or near their deadline, most urgent first. */
  urgent: DeadlineItem[];
}

export interface SessionStatistics extends Statistics {
  comparison: Comparison;
  deadlines: DeadlineSummary;
}

export function optionsOf(session: Session, overrides: Partial<StatsOptions> = {}): StatsOptions {
  return {
    decimals: session.decimals as Decimals,
    rounding: session.rounding,
    resolutionNumerator: session.resolutionNumerator,
    satisfiedNumerator: session.satisfiedNumerator,
    resultShareBase: session.resultShareBase,
    ...overrides,
  };
}

/** The figures of one session, from the database's exact counts. */
export function statisticsOf(store: Store, session: Session, options: StatsOptions): Statistics {
  return computeStatistics(
    {
      name: session.name,
      year: session.year,
      categories: store.sessions.categories(session.id),
      resultLabels: session.resultLabels,
      resultClassCount: session.resultClassCount,
      feedbackScale: session.feedbackScale,
    },
    store.stats.cube(session.id),
    store.stats.unitCube(session.id),
    options,
  );
}

function compare(store: Store, session: Session, current: Statistics, options: StatsOptions): Comparison {
  const previous = session.previousSessionId !== null ? store.sessions.get(session.previousSessionId) : null;
  const previousStats = previous ? statisticsOf(store, previous, options) : null;
  const rates: Partial<Record<RateKey, RateChange>> = {};
  for (const key of RATE_KEYS) {
    if (current.rates[key].denominator === 0) continue;
    const baseline = session.baselines[key];
    if (baseline !== undefined) {
      rates[key] = { ...compareRates(current.rates[key].percent, baseline), source: 'baseline' };
    } else if (previousStats && previousStats.rates[key].denominator > 0) {
      rates[key] = { ...compareRates(current.rates[key].percent, previousStats.rates[key].percent), source: 'session' };
    }
  }
  return { previousSession: previous?.name ?? null, rates };
}

function deadlines(store: Store, session: Session, today: IsoDate): DeadlineSummary {
  const counts = Object.fromEntries(Object.keys(DEADLINE_STATUS_LABELS).map((k) => [k, 0])) as Record<DeadlineStatus, number>;
  const urgent: DeadlineItem[] = [];
  for (const row of store.stats.deadlineRows(session.id)) {
    const state = deadlineState({ ...row, extended: row.extended === 1 }, session.deadlines, today);
    counts[state.status] += 1;
    if (state.status === 'overdue' || state.status === 'due-soon') {
      urgent.push({
        id: row.id,
        number: row.number,
        title: row.title,
        status: state.status,
        statusLabel: DEADLINE_STATUS_LABELS[state.status],
        deadline: state.deadline,
        daysLeft: state.daysLeft,
      });
    }
  }
  urgent.sort((a, b) => (a.daysLeft ?? 0) - (b.daysLeft ?? 0));
  return { today, counts, urgent };
}

/** Everything the overview, the report and `stats` print for a session. */
export function sessionStatistics(
  store: Store,
  session: Session,
  today: IsoDate,
  overrides: Partial<StatsOptions> = {},
): SessionStatistics {
  const options = optionsOf(session, overrides);
  const current = statisticsOf(store, session, options);
  return { ...current, comparison: compare(store, session, current, options), deadlines: deadlines(store, session, today) };
}
