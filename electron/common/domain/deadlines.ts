import { addDaysIso, addMonthsIso, addWorkingDaysIso, daysBetween, type IsoDate } from './dates';
import type { ResultCode } from './result-classes';
import type { DeadlineRules } from './session';

interface DeadlineFacts {
  assignedDate: IsoDate | null;
  /** The stated 办理期限, which wins over the computed one. */
  deadline: IsoDate | null;
  extended: boolean;
  replyDate: IsoDate | null;
  resultCode: ResultCode | null;
}

export type DeadlineStatus =
  | 'on-time' // answered by the deadline
  | 'late' // answered after it
  | 'overdue' // not answered, deadline passed
  | 'due-soon' // not answered, deadline within the warning window
  | 'pending' // not answered, deadline further away
  | 'no-deadline'; // not answered, no deadline can be known

export const DEADLINE_STATUS_LABELS: Record<DeadlineStatus, string> = {
  'on-time': '按期答复',
  late: '逾期答复',
  overdue: '已逾期',
  'due-soon': '即将到期',
  pending: '办理中',
  'no-deadline': '未定期限',
};

/** The reply deadline: the stated one, or 交办 + 3 months (6 with an approved extension). */
export function replyDeadline(
  facts: Pick<DeadlineFacts, 'assignedDate' | 'deadline' | 'extended'>,
  rules: Pick<DeadlineRules, 'replyMonths' | 'extendedReplyMonths'>,
): IsoDate | null {
  if (facts.deadline) return facts.deadline;
  if (!facts.assignedDate) return null;
  return addMonthsIso(facts.assignedDate, facts.extended ? rules.extendedReplyMonths : rules.replyMonths);
}

interface DeadlineState {
  status: DeadlineStatus;
  deadline: IsoDate | null;
  /** Days from today to the deadline (negative when overdue); null when answered or unknown. */
  daysLeft: number | null;
}

export function deadlineState(facts: DeadlineFacts, rules: DeadlineRules, today: IsoDate): DeadlineState {
  const deadline = replyDeadline(facts, rules);
  const answered = facts.replyDate !== null || facts.resultCode !== null;
  if (answered) {
    const late = facts.replyDate !== null && deadline !== null && facts.replyDate > deadline;
    return { status: late ? 'late' : 'on-time', deadline, daysLeft: null };
  }
  return openDeadlineState(deadline, rules, today);
}

/** The state of an item not answered yet whose reply deadline is `deadline`. */
export function openDeadlineState(
  deadline: IsoDate | null,
  rules: Pick<DeadlineRules, 'dueSoonDays'>,
  today: IsoDate,
): DeadlineState {
  if (!deadline) return { status: 'no-deadline', deadline, daysLeft: null };
  const daysLeft = daysBetween(today, deadline);
  const status: DeadlineStatus = daysLeft < 0 ? 'overdue' : daysLeft <= rules.dueSoonDays ? 'due-soon' : 'pending';
  return { status, deadline, daysLeft };
}

/** An item outside a unit's remit must be returned by this day. */
export function returnDeadline(assignedDate: IsoDate, rules: DeadlineRules): IsoDate {
  return rules.returnWorkingDays ? addWorkingDaysIso(assignedDate, rules.returnDays) : addDaysIso(assignedDate, rules.returnDays);
}

/**
 * The next progress report for an item answered 正在解决 (monthly by default) or 计划解决
 * (quarterly): the first reporting day after `today`, counted from the reply date.
 */
export function nextFollowUp(replyDate: IsoDate, resultCode: ResultCode, rules: DeadlineRules, today: IsoDate): IsoDate | null {
  const months = resultCode === 'B' ? rules.followupBMonths : resultCode === 'C' ? rules.followupCMonths : null;
  if (months === null) return null;
  for (let step = 1; step < 1200; step++) {
    const due = addMonthsIso(replyDate, step * months);
    if (due >= today) return due;
  }
  return null;
}
