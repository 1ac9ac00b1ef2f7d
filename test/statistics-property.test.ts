import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EMPTY_PROPOSAL } from '../electron/common/entities/proposal';
import { addDaysIso } from '../electron/common/domain/dates';
import { deadlineState } from '../electron/common/domain/deadlines';
import { FEEDBACK_VALUES, NO_OPINION } from '../electron/common/domain/feedback';
import type { ResultCode } from '../electron/common/domain/result-classes';
import { DEFAULT_DEADLINE_RULES, RATE_KEYS } from '../electron/common/domain/session';
import { sessionStatistics } from '../electron/node/stats/session-statistics';
import { newStore } from './helpers/fixtures';

// The engine reads counts through indexes and generated columns; this recomputes every count
// the slow, obvious way from the full records and demands the same answers.
const proposalArb = fc.record({
  category: fc.constantFrom(0, 1, 2, null),
  result: fc.constantFrom<ResultCode | null>('A', 'B', 'C', 'D', null),
  feedback: fc.constantFrom<string | null>(...FEEDBACK_VALUES.three, NO_OPINION, null),
  assignedOffset: fc.option(fc.integer({ min: 0, max: 60 }), { nil: null }),
  replyOffset: fc.option(fc.integer({ min: 0, max: 200 }), { nil: null }),
  deadlineOffset: fc.option(fc.integer({ min: 30, max: 200 }), { nil: null }),
  extended: fc.boolean(),
  published: fc.boolean(),
  met: fc.boolean(),
  closed: fc.boolean(),
  lead: fc.constantFrom(0, 1, 2, 3, null),
  co: fc.uniqueArray(fc.constantFrom(0, 1, 2, 3), { maxLength: 3 }),
});

describe('statistics agree with a naive recomputation', () => {
  it('for random sessions', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(proposalArb, { minLength: 0, maxLength: 60 }),
        fc.integer({ min: 0, max: 250 }),
        fc.integer({ min: 1, max: 6 }),
        async (items, todayOffset, replyMonths) => {
          const store = await newStore();
          const start = '2024-03-01';
          const session = store.sessions.create({
            name: '随机会议',
            year: 2024,
            categories: ['甲', '乙', '丙'],
            settings: {
              feedbackScale: 'three',
              deadlines: { ...DEFAULT_DEADLINE_RULES, replyMonths, extendedReplyMonths: replyMonths + 3 },
            },
          });
          const categoryIds = store.sessions.categories(session.id).map((c) => c.id);
          const units = [...store.units.ensure(['一局', '二局', '三局', '四局']).values()];
          items.forEach((item, i) => {
            const assignedDate = item.assignedOffset === null ? null : addDaysIso(start, item.assignedOffset);
            const id = store.proposals.insert(session.id, {
              ...EMPTY_PROPOSAL,
              number: String(i + 1),
              title: `建议${i + 1}`,
              categoryId: item.category === null ? null : categoryIds[item.category]!,
              resultCode: item.result,
              feedback: item.feedback,
              assignedDate,
              replyDate: item.replyOffset === null ? null : addDaysIso(start, item.replyOffset),
              deadline: item.deadlineOffset === null ? null : addDaysIso(start, item.deadlineOffset),
              extended: item.extended,
              published: item.published,
              met: item.met,
              closed: item.closed,
            });
            store.proposals.setPeopleAndUnits(id, {
              leadDeputies: [],
              coDeputies: [],
              leadUnit: item.lead === null ? null : units[item.lead]!,
              coUnits: item.co.map((c) => units[c]!),
            });
          });
          const current = store.sessions.get(session.id);
          const today = addDaysIso(start, todayOffset);
          const stats = sessionStatistics(store, current, today);
          const ledger = store.proposals.ledger(session.id);
          const states = ledger.map((p) => deadlineState(p, current.deadlines, today));
          const answered = ledger.filter((p) => p.replyDate !== null || p.resultCode !== null);
          const count = (f: (i: number) => boolean) => ledger.filter((_, i) => f(i)).length;

          expect(stats.total).toBe(items.length);
          expect(stats.answered).toBe(answered.length);
          expect(stats.rates.onTime.numerator).toBe(count((i) => states[i]!.status === 'on-time'));
          expect(stats.rates.closed.numerator).toBe(answered.filter((p) => p.closed).length);
          expect(stats.rates.published.numerator).toBe(count((i) => ledger[i]!.published));
          expect(stats.rates.met.numerator).toBe(count((i) => ledger[i]!.met));
          expect(stats.rates.resolution.numerator).toBe(count((i) => ['A', 'B'].includes(ledger[i]!.resultCode ?? '')));
          expect(stats.rates.satisfied.numerator).toBe(count((i) => ledger[i]!.feedback === '满意'));
          expect(stats.rates.satisfied.denominator).toBe(count((i) => FEEDBACK_VALUES.three.includes(ledger[i]!.feedback ?? '')));
          for (const status of ['on-time', 'late', 'overdue', 'due-soon', 'pending', 'no-deadline'] as const) {
            expect(stats.deadlines.counts[status]).toBe(count((i) => states[i]!.status === status));
          }
          expect(stats.byCategory.reduce((s, c) => s + c.count, 0)).toBe(items.length);
          for (const unit of stats.byUnit) {
            const lead = ledger.filter((p) => p.leadUnit === unit.unit);
            expect(unit.leadCount).toBe(lead.length);
            expect(unit.coCount).toBe(ledger.filter((p) => p.coUnits.includes(unit.unit)).length);
            expect(unit.onTime).toBe(lead.filter((p) => deadlineState(p, current.deadlines, today).status === 'on-time').length);
          }
          for (const key of RATE_KEYS) expect(stats.rates[key].numerator).toBeLessThanOrEqual(stats.rates[key].denominator);
          store.close();
        },
      ),
      { numRuns: 40 },
    );
  });
});
