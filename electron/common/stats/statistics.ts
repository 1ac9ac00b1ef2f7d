import type { IsoDate } from '../domain/dates';
import type { DeadlineStatus } from '../domain/deadlines';
import type { RateKey } from '../domain/session';
import type { Change } from './compare';
import type { Statistics } from './metrics';

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
  deadline: IsoDate;
  daysLeft: number | null;
}

export interface DeadlineSummary {
  today: IsoDate;
  counts: Record<DeadlineStatus, number>;
  /** Unanswered items past or near their deadline, most urgent first (at most URGENT_LIST_LIMIT). */
  urgent: DeadlineItem[];
}

export interface SessionStatistics extends Statistics {
  comparison: Comparison;
  deadlines: DeadlineSummary;
}
