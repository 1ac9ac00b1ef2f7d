import {
  type RateChange,
  type Comparison,
  type DeadlineItem,
  type DeadlineSummary,
  type SessionStatistics,
} from '../../common/stats/statistics';
import type { Store } from '../../../db/store';
import { addDaysIso, type IsoDate } from '../../common/domain/dates';
import { RATE_KEYS, type RateKey, type Session } from '../../common/domain/session';
import { compareRates } from '../../common/stats/compare';
import { termsOf } from '../../common/domain/terms';
import { DEADLINE_STATUS_LABELS, openDeadlineState, type DeadlineStatus } from '../../common/domain/deadlines';
import { computeStatistics, type Statistics, type StatsOptions } from '../../common/stats/metrics';
import type { Decimals } from '../../common/stats/rounding';

function optionsOf(session: Session, overrides: Partial<StatsOptions> = {}): StatsOptions {
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
function statisticsOf(store: Store, session: Session, options: StatsOptions): Statistics {
  return computeStatistics(
    {
      name: session.name,
      year: session.year,
      categories: store.sessions.categories(session.id),
      resultLabels: session.resultLabels,
      resultClassCount: session.resultClassCount,
      feedbackScale: session.feedbackScale,
      missingFacts: session.missingFacts,
      member: termsOf(session.kind).member,
    },
    store.stats.cube(session.id),
    { lead: store.stats.leadUnits(session.id), co: store.stats.coUnits(session.id), names: store.stats.unitNames() },
    options,
    store.stats.opinions(session.id),
  );
}

function compare(store: Store, session: Session, current: Statistics, options: StatsOptions): Comparison {
  const previous = session.previousSessionId !== null ? store.sessions.get(session.previousSessionId) : null;
  const previousStats = previous ? statisticsOf(store, previous, options) : null;
  const rates: Partial<Record<RateKey, RateChange>> = {};
  for (const key of RATE_KEYS) {
    if (current.rates[key].denominator === 0 || !current.rates[key].available) continue;
    const baseline = session.baselines[key];
    if (baseline !== undefined) {
      rates[key] = { ...compareRates(current.rates[key].percent, baseline), source: 'baseline' };
    } else if (previousStats && previousStats.rates[key].denominator > 0) {
      rates[key] = { ...compareRates(current.rates[key].percent, previousStats.rates[key].percent), source: 'session' };
    }
  }
  return { previousSession: previous?.name ?? null, rates };
}

/** At most this many urgent items are listed (the counts are always complete). */
const URGENT_LIST_LIMIT = 200;

function deadlines(store: Store, session: Session, current: Statistics, today: IsoDate): DeadlineSummary {
  const counts = Object.fromEntries(Object.keys(DEADLINE_STATUS_LABELS).map((k) => [k, 0])) as Record<DeadlineStatus, number>;
  counts['on-time'] = current.rates.onTime.numerator;
  counts.late = current.answered - current.rates.onTime.numerator;
  for (const { deadline, count } of store.stats.openDeadlines(session.id)) {
    counts[openDeadlineState(deadline, session.deadlines, today).status] += count;
  }
  const until = addDaysIso(today, session.deadlines.dueSoonDays);
  const urgent = store.stats.urgent(session.id, until, URGENT_LIST_LIMIT).map((row): DeadlineItem => {
    const state = openDeadlineState(row.deadline, session.deadlines, today);
    return { ...row, status: state.status, statusLabel: DEADLINE_STATUS_LABELS[state.status], daysLeft: state.daysLeft };
  });
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
  return {
    ...current,
    comparison: compare(store, session, current, options),
    deadlines: deadlines(store, session, current, today),
  };
}
