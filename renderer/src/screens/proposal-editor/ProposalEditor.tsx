import { Alert, App, Button, Drawer, Form, Modal, Tabs } from 'antd';
import { useEffect, useState } from 'react';
import { call } from '../../api';
import { isoOf } from '../../fields';
import { useAction, useLoad } from '../../hooks';
import { dropLocalDraft, loadLocalDraft, saveLocalDraft, useUnsaved } from '../../unsaved';
import { BasicTab } from './BasicTab';
import { ConsultationsTab } from './ConsultationsTab';
import { HandlingsTab } from './HandlingsTab';
import { HistoryTab } from './HistoryTab';
import { MilestonesTab } from './MilestonesTab';
import type { Session } from './types';

/**
 * The drawer that edits one proposal: loads it, saves the basic form, keeps a local copy of
 * unsaved edits (restored after a reload or a crash) and asks before closing with edits.
 */
export function ProposalEditor({
  id,
  session,
  onClose,
  onSaved,
  onDelete,
}: {
  id: number;
  session: Session;
  onClose: () => void;
  onSaved: () => void;
  /** Asks, deletes, and closes the editor (the list shows how to undo it). */
  onDelete: () => void;
}) {
  const { message } = App.useApp();
  const run = useAction();
  const detail = useLoad(() => call('proposals.get', { id }), [id]);
  const [form] = Form.useForm();
  const [saving, setSaving] = useState(false);
  const [dirty, setDirty] = useState(false);
  const [asking, setAsking] = useState(false);
  const [restored, setRestored] = useState<{ version: number } | null>(null);
  const p = detail.data?.proposal;
  const draftKey = `proposal.${id}`;
  useUnsaved(`proposal-${id}`, p ? `${p.number}「${p.title}」的修改` : '建议的修改', dirty);

  // A copy left by a reload or a crash comes back into the form, said so above it.
  useEffect(() => {
    if (!p) return;
    const draft = loadLocalDraft<{ version: number; values: Record<string, unknown> }>(draftKey);
    if (draft) {
      form.setFieldsValue(draft.values);
      setDirty(true);
      setRestored({ version: draft.version });
    }
  }, [p?.id, p?.version]);

  /** After each edit: changed means a field differs from what was loaded, so typing a value back undoes it. */
  const edited = () => {
    if (!p) return;
    const values = form.getFieldsValue() as Record<string, unknown>;
    const loaded = p as unknown as Record<string, unknown>;
    const same = (a: unknown, b: unknown) =>
      JSON.stringify(a === '' ? null : (a ?? null)) === JSON.stringify(b === '' ? null : (b ?? null));
    const changed = Object.keys(values).some((k) => !same(values[k], loaded[k]));
    setDirty(changed);
    if (changed) {
      saveLocalDraft(draftKey, { version: p.version, values });
      saveLocalDraft('open', { sessionId: session.id, id });
    } else dropLocalDraft(draftKey);
  };

  const save = async (): Promise<boolean> => {
    if (!p) return false;
    try {
      await form.validateFields();
    } catch {
      message.error('有内容需要改正，还没有保存（见标红的项目）');
      return false;
    }
    const v = form.getFieldsValue(true);
    setSaving(true);
    const saved = await run(
      () =>
        call('proposals.update', {
          id,
          version: p.version,
          fields: {
            title: v.title,
            category: v.category ?? '',
            assignedDate: isoOf(v.assignedDate),
            deadline: isoOf(v.deadline),
            replyDate: isoOf(v.replyDate),
            resultCode: v.resultCode ?? null,
            replyNumber: v.replyNumber ?? '',
            replyText: v.replyText ?? '',
            contactPerson: v.contactPerson ?? '',
            contactPhone: v.contactPhone ?? '',
            signer: v.signer ?? '',
            content: v.content ?? '',
            feedback: v.feedback ?? null,
            resultOpinion: v.resultOpinion ?? null,
            published: Boolean(v.published),
            met: Boolean(v.met),
            closed: Boolean(v.closed),
            isKey: Boolean(v.isKey),
            notes: v.notes ?? '',
          },
        }),
      {
        success: '已保存',
        then: () => {
          dropLocalDraft(draftKey);
          setDirty(false);
          setRestored(null);
          detail.reload();
          onSaved();
        },
      },
    );
    setSaving(false);
    return saved;
  };

  /** The ×, a click outside or Esc: with unsaved edits, ask first. */
  const requestClose = () => {
    if (dirty) setAsking(true);
    else onClose();
  };
  const discard = () => {
    dropLocalDraft(draftKey);
    setDirty(false);
    setAsking(false);
    onClose();
  };

  return (
    <Drawer
      open
      width={760}
      title={p ? `${p.number} ${p.title}` : '建议'}
      onClose={requestClose}
      extra={
        <>
          <Button danger style={{ marginRight: 8 }} onClick={onDelete} data-testid="delete-proposal">
            删除
          </Button>
          <Button type="primary" loading={saving} onClick={() => void save()} data-testid="save-proposal">
            保存
          </Button>
        </>
      }
    >
      <Modal
        open={asking}
        title="有未保存的修改"
        onCancel={() => setAsking(false)}
        footer={[
          <Button key="keep" onClick={() => setAsking(false)} data-testid="keep-editing">
            继续编辑
          </Button>,
          <Button key="discard" danger onClick={discard} data-testid="discard-edits">
            放弃
          </Button>,
          <Button
            key="save"
            type="primary"
            loading={saving}
            onClick={async () => {
              if (await save()) {
                setAsking(false);
                onClose();
              }
            }}
            data-testid="save-and-close"
          >
            保存
          </Button>,
        ]}
      >
        这件建议的修改还没有保存。要保存后关闭、放弃这些修改，还是继续编辑？
      </Modal>
      {restored && p && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="draft-restored"
          message={
            restored.version === p.version
              ? '已恢复上次没有保存的修改（关闭窗口或页面刷新时留下的），请核对后保存。'
              : `已恢复上次没有保存的修改，但它是在第 ${restored.version} 版上改的，现在已是第 ${p.version} 版：请逐项核对后再保存。`
          }
          action={
            <Button
              size="small"
              onClick={() => {
                dropLocalDraft(draftKey);
                setRestored(null);
                setDirty(false);
                detail.reload();
                form.resetFields();
              }}
            >
              丢弃这些修改
            </Button>
          }
        />
      )}
      {p && detail.data && (
        <Tabs
          items={[
            {
              key: 'main',
              label: '基本信息与答复',
              children: <BasicTab key={`${p.id}-${p.version}`} form={form} proposal={p} session={session} onEdited={edited} />,
            },
            {
              key: 'units',
              label: '承办单位',
              children: <HandlingsTab detail={detail.data} onChanged={detail.reload} />,
            },
            {
              key: 'consultations',
              label: `面商（${detail.data.consultations.length}）`,
              children: <ConsultationsTab detail={detail.data} onChanged={detail.reload} />,
            },
            {
              key: 'milestones',
              label: `跟踪事项（${detail.data.milestones.length}）`,
              children: <MilestonesTab detail={detail.data} onChanged={detail.reload} />,
            },
            {
              key: 'history',
              label: '修改记录',
              children: <HistoryTab events={detail.data.events} />,
            },
          ]}
        />
      )}
    </Drawer>
  );
}
