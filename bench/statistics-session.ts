// The session several cases measure against: proposals with categories, units, deadlines,
// results and feedback, as a district's ledger has them.
import { EMPTY_PROPOSAL } from '../electron/common/entities/proposal';
import type { Store } from '../db/store';
import type { Session } from '../electron/common/domain/session';
import type { ResultCode } from '../electron/common/domain/result-classes';
import { time } from './harness';

const REPLY_TEXT = '您提出的建议收悉，现将办理情况答复如下。'.repeat(80);

/** A session of `count` proposals with categories, units, deadlines, results and feedback. */
export async function statisticsSession(
  store: Store,
  count: number,
  { name = '基准会议', decimals }: { name?: string; decimals?: number } = {},
): Promise<{ session: Session; built: number }> {
  const categories = ['经济发展', '城市建设与管理', '社会事业', '民生保障', '公共安全与交通'];
  const settings = { feedbackScale: 'three' as const, ...(decimals !== undefined ? { decimals } : {}) };
  const session = store.sessions.create({ name, year: 2024, categories, settings });
  const categoryIds = store.sessions.categories(session.id).map((c) => c.id);
  const unitIds = [...store.units.ensure(Array.from({ length: 40 }, (_, i) => `单位${i + 1}`)).values()];
  const codes: (ResultCode | null)[] = ['A', 'A', 'A', 'A', 'A', 'A', 'B', 'C', 'D', null];
  const feedback = ['满意', '满意', '满意', '满意', '基本满意', '不满意', '未表态', null];
  const built = await time(() =>
    store.transaction(() => {
      for (let i = 1; i <= count; i++) {
        const answered = i % 10 !== 0;
        const id = store.proposals.insert(session.id, {
          ...EMPTY_PROPOSAL,
          number: String(i),
          title: `关于第${i}项工作的建议`,
          categoryId: categoryIds[i % categoryIds.length]!,
          assignedDate: `2024-03-${String((i % 28) + 1).padStart(2, '0')}`,
          deadline: i % 17 === 0 ? '2024-09-30' : null,
          replyDate: answered ? `2024-0${4 + (i % 4)}-${String((i % 27) + 1).padStart(2, '0')}` : null,
          resultCode: answered ? codes[i % 9]! : null,
          published: i % 7 !== 0,
          met: i % 11 !== 0,
          closed: answered && i % 5 !== 0,
          feedback: answered ? feedback[i % feedback.length]! : null,
          // Real rows carry multi-paragraph replies: the statistics must not read them.
          replyText: answered ? REPLY_TEXT : '',
        });
        store.proposals.setPeopleAndUnits(id, {
          leadDeputies: [],
          coDeputies: [],
          leadUnit: unitIds[i % unitIds.length]!,
          coUnits: i % 3 === 0 ? [unitIds[(i + 7) % unitIds.length]!] : [],
        });
      }
    }),
  );
  return { session: store.sessions.get(session.id), built };
}
