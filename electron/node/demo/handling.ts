import type { Store } from '../../../db/store';
import { addDaysIso } from '../../common/domain/dates';

/** Units' co-handling opinions on the first 40 items of a session, for the 会办意见 documents. */
export function addCohandlingOpinions(store: Store, sessionId: number): void {
  for (const proposal of store.proposals.listBySession(sessionId).slice(0, 40)) {
    for (const handling of store.handling.handlings(proposal.id).filter((h) => h.role === 'co')) {
      store.handling.updateHandling(handling.id, {
        opinionDate: proposal.assignedDate ? addDaysIso(proposal.assignedDate, 25) : null,
        opinionText: `我单位对该建议进行了认真研究。\n一是结合职能，对建议涉及的${handling.unit.replace(/^区/, '')}相关事项进行了梳理；\n二是同意主办单位提出的办理思路，将在职责范围内配合做好后续工作。`,
      });
    }
  }
}
