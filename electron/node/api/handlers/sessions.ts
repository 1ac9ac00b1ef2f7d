import { backupBefore } from '../../../../db/backup-occasions';
import { UserError } from '../../../common/domain/errors';
import { sessionStatistics } from '../../stats/session-statistics';
import type { Handlers, HandlerContext } from './context';

/** Sessions, their statistics and the report's narrative drafts. */
export function sessionHandlers({ store, today, jobs, undo }: HandlerContext) {
  return {
    'sessions.list': () => store.sessions.list().map((s) => ({ ...s, proposalCount: store.proposals.countBySession(s.id) })),

    'sessions.create': ({ name, year, kind, copyFrom }) => {
      const source = copyFrom ? store.sessions.get(copyFrom) : null;
      return store.transaction(() => {
        const created = store.sessions.create({
          name,
          year,
          settings: source ? { ...source, kind, feedbackScale: source.feedbackScale } : { kind },
          categories: source?.categories ?? [],
          resultLabels: source?.resultLabels,
        });
        store.events.append({
          entity: 'session',
          entityId: created.id,
          action: '新建会议',
          details: { copyFrom: source?.name ?? null },
        });
        return created;
      });
    },

    'sessions.update': ({ id, settings, categories, resultLabels, baselines }) =>
      store.transaction(() => {
        if (settings) store.sessions.updateSettings(id, settings);
        if (categories) store.sessions.setCategories(id, categories);
        if (resultLabels) store.sessions.setResultLabels(id, resultLabels);
        if (baselines) store.sessions.setBaselines(id, baselines);
        store.events.append({
          entity: 'session',
          entityId: id,
          action: '修改会议设置',
          details: { settings, categories, resultLabels, baselines },
        });
        return store.sessions.get(id);
      }),

    'sessions.delete': async ({ id, name }) => {
      if (jobs.running()) throw new UserError('还有批量生成或导入正在进行，请等它完成后再删除。');
      const session = store.sessions.get(id);
      if (session.name !== name) throw new UserError(`会议名称不符（要删除的是「${session.name}」），没有删除。请刷新后再试。`);
      const proposals = store.proposals.countBySession(id);
      const backup = (await backupBefore(store, '删除前')).file;
      store.transaction(() => {
        store.sessions.remove(id);
        store.events.append({ entity: 'session', entityId: id, action: '删除会议', details: { name, proposals, backup } });
      });
      undo.record(store, `删除会议「${name}」`, backup);
      return { deleted: name, proposals, undo: undo.status(store)! };
    },

    'stats.overview': ({ sessionId, today: day }) => sessionStatistics(store, store.sessions.get(sessionId), day ?? today()),

    'drafts.get': ({ sessionId }) => store.drafts.get(sessionId),
    'drafts.set': ({ sessionId, section, text, expected }) => {
      store.transaction(() => {
        const current = store.drafts.get(sessionId)[section] ?? '';
        if (expected !== undefined && current !== expected) {
          throw new UserError(
            '这一部分已在另一个窗口（或由他人）修改并保存过，为避免覆盖对方的文字，本次保存未生效。请先复制您的文字，刷新后再合并保存。',
          );
        }
        store.drafts.set(sessionId, section, text);
      });
      return store.drafts.get(sessionId);
    },
  } satisfies Partial<Handlers>;
}
