import type { Store } from '../../db/store';
import type { ResultCode } from '../../electron/common/domain/result-classes';
import { EMPTY_PROPOSAL } from '../../electron/common/entities/proposal';

const CODES: (ResultCode | null)[] = ['A', 'B', 'A', 'C', 'D', null];
const FEEDBACK = ['满意', '基本满意', '不满意', null, '满意'];

/**
 * A session whose unit i (1-based) leads `leadOf(i)` items with varied results, feedback and
 * timeliness (answered before, after or without the deadline), some units co-handling others.
 */
export function unitsSession(store: Store, name: string, units: number, leadOf: (i: number) => number) {
  const session = store.sessions.create({ name, year: 2024, settings: { feedbackScale: 'three' } });
  store.transaction(() => {
    const ids = [...store.units.ensure(Array.from({ length: units }, (_, i) => `${name}单位${i + 1}`)).values()];
    let n = 0;
    for (let i = 1; i <= units; i++) {
      for (let j = 0; j < leadOf(i); j++) {
        n += 1;
        const code = CODES[(i + j) % CODES.length]!;
        const id = store.proposals.insert(session.id, {
          ...EMPTY_PROPOSAL,
          number: String(n),
          title: `建议${n}`,
          assignedDate: '2024-03-01',
          deadline: '2024-06-30',
          replyDate: code === null ? null : (i + j) % 3 === 0 ? '2024-07-15' : '2024-06-01',
          resultCode: code,
          feedback: code === null ? null : FEEDBACK[(i * 7 + j) % FEEDBACK.length]!,
        });
        store.proposals.setPeopleAndUnits(id, {
          leadDeputies: [],
          coDeputies: [],
          leadUnit: ids[i - 1]!,
          coUnits: n % 4 === 0 ? [ids[(i + 5) % units]!] : [],
        });
      }
    }
  });
  return store.sessions.get(session.id);
}
