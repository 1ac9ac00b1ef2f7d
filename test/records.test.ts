import { describe, expect, it } from 'vitest';
import { EMPTY_PROPOSAL } from '../electron/common/entities/proposal';
import { UserError } from '../electron/common/domain/errors';
import { newStore, oneProposalStore } from './helpers/fixtures';

const oneProposal = () => oneProposalStore({ title: '关于甲的建议' }, { lead: '区教育局', co: ['区民政局'] });

describe('records of one proposal', () => {
  it('keeps each unit’s handling row with its own dates and opinion', async () => {
    const { store, id } = await oneProposal();
    const [lead, co] = store.handling.handlings(id);
    expect([lead!.unit, lead!.role, co!.unit, co!.role]).toEqual(['区教育局', 'lead', '区民政局', 'co']);
    store.handling.updateHandling(co!.id, { opinionDate: '2024-04-01', opinionText: '同意主办单位意见。' });
    expect(store.handling.handlings(id)[1]).toMatchObject({ opinionDate: '2024-04-01', opinionText: '同意主办单位意见。' });
    expect(() => store.handling.updateHandling(9999, { opinionText: 'x' })).toThrow(UserError);
  });

  it('records consultations, and a face-to-face one marks the proposal as met', async () => {
    const { store, id } = await oneProposal();
    store.handling.addConsultation({
      proposalId: id,
      stage: 'before',
      form: '电话',
      faceToFace: false,
      date: '2024-03-10',
      people: '李明',
      notes: '',
    });
    expect(store.proposals.get(id).met).toBe(false);
    store.handling.addConsultation({
      proposalId: id,
      stage: 'during',
      form: '走访',
      faceToFace: true,
      date: '2024-03-20',
      people: '李明、王芳',
      notes: '现场查看',
    });
    expect(store.proposals.get(id).met).toBe(true);
    expect(store.handling.consultations(id).map((c) => [c.form, c.faceToFace])).toEqual([
      ['电话', false],
      ['走访', true],
    ]);
  });

  it('tracks follow-up milestones', async () => {
    const { store, id } = await oneProposal();
    const m = store.handling.addMilestone({ proposalId: id, dueDate: '2024-09-30', doneDate: null, description: '完成施工招标' });
    store.handling.completeMilestone(m, '2024-09-20');
    expect(store.handling.milestones(id)).toEqual([
      { id: m, proposalId: id, dueDate: '2024-09-30', doneDate: '2024-09-20', description: '完成施工招标' },
    ]);
  });

  it('refuses a save made on top of a version someone else already changed', async () => {
    const { store, id } = await oneProposal();
    const opened = store.proposals.get(id);
    store.proposals.update(id, { notes: '第一个窗口的修改' }, opened.version);
    expect(() => store.proposals.update(id, { notes: '第二个窗口的修改' }, opened.version)).toThrow(/已被他人或另一个窗口修改过/);
    expect(store.proposals.get(id)).toMatchObject({ notes: '第一个窗口的修改', version: opened.version + 1 });
  });

  it('keeps rectification items in the order given', async () => {
    const { store, session } = await oneProposal();
    const item = (aspect: string, problem: string) => ({
      aspect,
      problem,
      suggestion: '',
      measures: '',
      units: '区政府办公室',
      deadline: '持续推进',
    });
    const id = store.reviews.create({
      name: '审议意见',
      sessionId: session.id,
      items: [item('一、甲', '问题1'), item('一、甲', '问题2'), item('二、乙', '问题3')],
    });
    store.reviews.setItems(id, [item('二、乙', '问题3'), item('一、甲', '问题1')]);
    expect(store.reviews.getByName('审议意见').items.map((i) => i.problem)).toEqual(['问题3', '问题1']);
    expect(() => store.reviews.getByName('没有')).toThrow('找不到审议意见「没有」');
  });
});
