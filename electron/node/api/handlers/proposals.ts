import type { Store } from '../../../../db/store';
import type { ProposalRow } from '../../../common/api/contract';
import { deadlineState } from '../../../common/domain/deadlines';
import { UserError } from '../../../common/domain/errors';
import { parseFeedback, parseResultOpinion, SCALE_NAMES } from '../../../common/domain/feedback';
import { isIsoDate } from '../../../common/domain/dates';
import { codesFor } from '../../../common/domain/result-classes';
import { RECORDED_FACTS, type RecordedFact } from '../../../common/domain/session';
import { stripControlChars } from '../../../common/domain/text';
import { proposalDetail, type Handlers, type HandlerContext } from './context';

/** The proposal field that gives each recorded fact when the clerk edits it. */
const EDITED_FACT: Record<
  RecordedFact,
  'categoryId' | 'resultCode' | 'replyDate' | 'published' | 'met' | 'closed' | 'feedback' | 'resultOpinion'
> = {
  category: 'categoryId',
  result: 'resultCode',
  replyDate: 'replyDate',
  published: 'published',
  met: 'met',
  closed: 'closed',
  feedback: 'feedback',
  resultOpinion: 'resultOpinion',
};

/** The proposals of a session, one proposal's edits, and its handling records. */
export function proposalHandlers(ctx: HandlerContext) {
  const { store } = ctx;
  const detail = (id: number) => proposalDetail(store, id);
  return {
    'proposals.list': ({ sessionId, today }) => {
      const session = store.sessions.get(sessionId);
      const day = today ?? ctx.today();
      return store.proposals.summaries(sessionId).map((p): ProposalRow => {
        const state = deadlineState(p, session.deadlines, day);
        return {
          id: p.id,
          number: p.number,
          numberSort: p.numberSort,
          title: p.title,
          deputies: p.deputies,
          delegation: p.delegation,
          category: p.category,
          leadUnit: p.leadUnit,
          coUnits: p.coUnits,
          assignedDate: p.assignedDate,
          deadline: p.effectiveDeadline,
          replyDate: p.replyDate,
          resultCode: p.resultCode,
          resultLabel: p.resultCode ? (session.resultLabels[p.resultCode] ?? p.resultCode) : '',
          feedback: p.feedback,
          published: p.published,
          closed: p.closed,
          isKey: p.isKey,
          leaderSupervised: p.leaderSupervised,
          deadlineStatus: state.status,
          daysLeft: state.daysLeft,
        };
      });
    },

    'proposals.get': ({ id }) => detail(id),

    'proposals.update': ({ id, version, fields }) =>
      store.transaction(() => {
        const before = store.proposals.get(id);
        const patch = checkedPatch(store, before, fields);
        store.proposals.update(id, patch, version);
        // A fact the clerk has entered (a value that changed) is one the statistics may report.
        const after = store.proposals.get(id);
        store.sessions.markGiven(
          before.sessionId,
          RECORDED_FACTS.filter((fact) => before[EDITED_FACT[fact]] !== after[EDITED_FACT[fact]]),
        );
        store.events.append({ entity: 'proposal', entityId: id, action: '修改', details: { fields: Object.keys(fields) } });
        return detail(id);
      }),

    'handlings.update': ({ id, proposalId, ...patch }) =>
      store.transaction(() => {
        if (!store.handling.handlings(proposalId).some((h) => h.id === id)) throw new UserError('这条办理记录不属于该建议。');
        store.handling.updateHandling(id, patch);
        store.events.append({
          entity: 'proposal',
          entityId: proposalId,
          action: '修改办理记录',
          details: { handling: id, fields: Object.keys(patch) },
        });
        return detail(proposalId);
      }),
    'consultations.add': ({ proposalId, ...consultation }) =>
      store.transaction(() => {
        store.proposals.get(proposalId);
        store.handling.addConsultation({ proposalId, ...consultation });
        if (consultation.faceToFace) store.sessions.markGiven(store.proposals.get(proposalId).sessionId, ['met']);
        store.events.append({
          entity: 'proposal',
          entityId: proposalId,
          action: '记录面商',
          details: { form: consultation.form, date: consultation.date },
        });
        return detail(proposalId);
      }),
    'consultations.remove': ({ id, proposalId }) =>
      store.transaction(() => {
        if (!store.handling.consultations(proposalId).some((c) => c.id === id)) throw new UserError('这条面商记录不属于该建议。');
        store.handling.removeConsultation(id);
        store.events.append({ entity: 'proposal', entityId: proposalId, action: '删除面商记录', details: { consultation: id } });
        return detail(proposalId);
      }),
    'milestones.add': ({ proposalId, dueDate, description }) =>
      store.transaction(() => {
        store.proposals.get(proposalId);
        store.handling.addMilestone({ proposalId, dueDate, doneDate: null, description });
        store.events.append({ entity: 'proposal', entityId: proposalId, action: '添加跟踪事项', details: { description } });
        return detail(proposalId);
      }),
    'milestones.complete': ({ id, proposalId, doneDate }) =>
      store.transaction(() => {
        if (!store.handling.milestones(proposalId).some((m) => m.id === id)) throw new UserError('这条跟踪事项不属于该建议。');
        store.handling.completeMilestone(id, doneDate);
        store.events.append({
          entity: 'proposal',
          entityId: proposalId,
          action: '跟踪事项完成',
          details: { milestone: id, doneDate },
        });
        return detail(proposalId);
      }),
  } satisfies Partial<Handlers>;
}

type Patch = Parameters<Store['proposals']['update']>[1];
type Fields = Parameters<Handlers['proposals.update']>[0]['fields'];

/** The clerk's edit, checked against the session's rules and turned into the stored fields. */
function checkedPatch(store: Store, before: ReturnType<Store['proposals']['get']>, fields: Fields): Patch {
  const { category, ...rest } = fields;
  // Pasted text can carry control characters and broken surrogate halves, which SQLite would
  // store as replacement marks: they are dropped, as the importer drops them.
  const patch = Object.fromEntries(
    Object.entries(rest).map(([key, value]) => [key, typeof value === 'string' ? stripControlChars(value) : value]),
  ) as Patch;
  if (category !== undefined) {
    const categories = store.sessions.categories(before.sessionId);
    const found = categories.find((c) => c.name === category);
    if (category && !found)
      throw new UserError(`类别「${category}」不在本届会议的类别中（现有：${categories.map((c) => c.name).join('、')}）。`);
    patch.categoryId = found?.id ?? null;
  }
  const session = store.sessions.get(before.sessionId);
  if (fields.feedback !== undefined) {
    // An empty choice is no feedback; a value must belong to the session's scale.
    const parsed = fields.feedback ? parseFeedback(fields.feedback) : null;
    if (parsed === undefined) throw new UserError(`代表评价「${fields.feedback}」无法识别。`);
    if (parsed?.scale && session.feedbackScale && parsed.scale !== session.feedbackScale) {
      throw new UserError(`代表评价「${parsed.value}」不属于本届会议使用的${SCALE_NAMES[session.feedbackScale]}。`);
    }
    patch.feedback = parsed?.value ?? null;
  }
  if (fields.resultCode && !codesFor(session.resultClassCount).includes(fields.resultCode)) {
    throw new UserError(`本届会议使用三类办理结果，没有「${fields.resultCode}」类。`);
  }
  for (const key of ['assignedDate', 'deadline', 'replyDate'] as const) {
    const value = fields[key];
    if (value && !isIsoDate(value)) throw new UserError(`日期「${value}」不存在，请检查。`);
  }
  const assigned = fields.assignedDate !== undefined ? fields.assignedDate : before.assignedDate;
  const replied = fields.replyDate !== undefined ? fields.replyDate : before.replyDate;
  if (assigned && replied && replied < assigned)
    throw new UserError(`答复日期（${replied}）早于交办日期（${assigned}），请检查。`);
  if (fields.resultOpinion !== undefined) {
    const opinion = fields.resultOpinion ? parseResultOpinion(fields.resultOpinion) : null;
    if (opinion === undefined) throw new UserError(`对办理结果的意见「${fields.resultOpinion}」无法识别。`);
    patch.resultOpinion = opinion;
  }
  return patch;
}
