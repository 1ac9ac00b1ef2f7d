import type { Store } from '../../../../db/store';
import { backupBefore } from '../../../../db/backup-occasions';
import type { ProposalRow } from '../../../common/api/contract';
import { deadlineState } from '../../../common/domain/deadlines';
import { UserError } from '../../../common/domain/errors';
import { parseFeedback, parseResultOpinion, SCALE_NAMES } from '../../../common/domain/feedback';
import { isIsoDate } from '../../../common/domain/dates';
import { beforeAssigned } from '../../../common/domain/proposal-fields';
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

/** A record named by id must be one of the proposal's own. */
function belongs(records: readonly { id: number }[], id: number, otherwise: string): void {
  if (!records.some((r) => r.id === id)) throw new UserError(otherwise);
}

/** The proposals of a session, one proposal's edits, and its handling records. */
export function proposalHandlers(ctx: HandlerContext) {
  const { store } = ctx;
  const detail = (id: number) => proposalDetail(store, id);
  /**
   * One change to a proposal's records, in a transaction: `change` checks and makes it, then it is
   * logged in the proposal's history and the proposal is returned as it now is.
   */
  const recordChange = (proposalId: number, action: string, details: Record<string, unknown>, change: () => void) =>
    store.transaction(() => {
      change();
      store.events.append({ entity: 'proposal', entityId: proposalId, action, details });
      return detail(proposalId);
    });
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

    'proposals.delete': async ({ sessionId, ids }) => {
      if (ctx.jobs.running()) throw new UserError('还有批量生成或导入正在进行，请等它完成后再删除。');
      const session = store.sessions.get(sessionId);
      const wanted = new Set(ids);
      const going = store.proposals.summaries(sessionId).filter((p) => wanted.has(p.id));
      if (going.length !== wanted.size) {
        throw new UserError(
          `要删除的建议中有 ${wanted.size - going.length} 件已不在会议「${session.name}」里（可能已被删除），请刷新后再选。`,
        );
      }
      const backup = (await backupBefore(store, '删除前')).file;
      const numbers = going.map((p) => p.number);
      store.transaction(() => {
        store.proposals.remove(sessionId, [...wanted]);
        for (const p of going) {
          store.events.append({
            entity: 'proposal',
            entityId: p.id,
            action: '删除',
            details: { number: p.number, title: p.title, backup },
          });
        }
      });
      const action = going.length === 1 ? `删除建议 ${numbers[0]}` : `删除 ${going.length} 件建议`;
      ctx.undo.record(store, action, backup);
      return { deleted: going.length, numbers, undo: ctx.undo.status(store)! };
    },

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
      recordChange(proposalId, '修改办理记录', { handling: id, fields: Object.keys(patch) }, () => {
        belongs(store.handling.handlings(proposalId), id, '这条办理记录不属于该建议。');
        store.handling.updateHandling(id, patch);
      }),
    'consultations.add': ({ proposalId, ...consultation }) =>
      recordChange(proposalId, '记录面商', { form: consultation.form, date: consultation.date }, () => {
        store.proposals.get(proposalId);
        store.handling.addConsultation({ proposalId, ...consultation });
        if (consultation.faceToFace) store.sessions.markGiven(store.proposals.get(proposalId).sessionId, ['met']);
      }),
    'consultations.remove': ({ id, proposalId }) =>
      recordChange(proposalId, '删除面商记录', { consultation: id }, () => {
        belongs(store.handling.consultations(proposalId), id, '这条面商记录不属于该建议。');
        store.handling.removeConsultation(id);
      }),
    'milestones.add': ({ proposalId, dueDate, description }) =>
      recordChange(proposalId, '添加跟踪事项', { description }, () => {
        store.proposals.get(proposalId);
        store.handling.addMilestone({ proposalId, dueDate, doneDate: null, description });
      }),
    'milestones.complete': ({ id, proposalId, doneDate }) =>
      recordChange(proposalId, '跟踪事项完成', { milestone: id, doneDate }, () => {
        belongs(store.handling.milestones(proposalId), id, '这条跟踪事项不属于该建议。');
        store.handling.completeMilestone(id, doneDate);
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
  if (beforeAssigned(assigned, replied)) throw new UserError(`答复日期（${replied}）早于交办日期（${assigned}），请检查。`);
  if (fields.resultOpinion !== undefined) {
    const opinion = fields.resultOpinion ? parseResultOpinion(fields.resultOpinion) : null;
    if (opinion === undefined) throw new UserError(`对办理结果的意见「${fields.resultOpinion}」无法识别。`);
    patch.resultOpinion = opinion;
  }
  return patch;
}
