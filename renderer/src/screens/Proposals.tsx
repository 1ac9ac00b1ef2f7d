import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Descriptions,
  Drawer,
  Form,
  Input,
  Modal,
  Popover,
  Select,
  Space,
  Switch,
  Table,
  Tabs,
  Tag,
  Timeline,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import type { Output, ProposalRow } from '../../../electron/common/api/contract';
import { NO_OPINION, RESULT_OPINION_VALUES } from '../../../electron/common/domain/feedback';
import { DEADLINE_STATUS_LABELS, type DeadlineStatus } from '../../../electron/common/domain/deadlines';
import { termsOf } from '../../../electron/common/domain/terms';
import { dateRule, DateInput, isoOf } from '../fields';
import { dropLocalDraft, loadLocalDraft, saveLocalDraft, useUnsaved } from '../unsaved';
import { call } from '../api';
import { useLoad, useReportError } from '../hooks';
import { loadProposals } from '../proposals-cache';

type Session = Output<'sessions.list'>[number];

/** How each deadline state is coloured; its words are the domain's. */
const STATUS_COLOR: Record<DeadlineStatus, string> = {
  overdue: 'red',
  'due-soon': 'orange',
  pending: 'blue',
  'no-deadline': 'default',
  'on-time': 'green',
  late: 'volcano',
};

/** Matches a row against the search box: title, deputies, units, number. */
function matches(row: ProposalRow, query: string): boolean {
  if (!query) return true;
  return [row.number, row.title, row.deputies, row.leadUnit, row.coUnits, row.delegation].some((v) => v.includes(query));
}

export function ProposalsScreen({ session, onChanged }: { session: Session; onChanged: () => void }) {
  const [generation, setGeneration] = useState(0);
  const rows = useLoad(() => loadProposals(session.id, generation > 0), [session.id, generation]);
  const [query, setQuery] = useState('');
  const [category, setCategory] = useState<string | undefined>();
  const [unit, setUnit] = useState<string | undefined>();
  const [result, setResult] = useState<string | undefined>();
  const [status, setStatus] = useState<string | undefined>();
  const [keyOnly, setKeyOnly] = useState(false);
  const [leaderOnly, setLeaderOnly] = useState(false);
  // An editor left open with unsaved edits (a reload, a crash) opens again with them.
  const [open, setOpen] = useState<number | null>(() => {
    const left = loadLocalDraft<{ sessionId: number; id: number }>('open');
    return left && left.sessionId === session.id && loadLocalDraft(`proposal.${left.id}`) ? left.id : null;
  });
  const [hidden, setHidden] = useState<string[]>(['delegation', 'coUnits', 'assignedDate']);

  const units = useMemo(() => [...new Set((rows.data ?? []).map((r) => r.leadUnit).filter(Boolean))].sort(), [rows.data]);
  const filtered = useMemo(
    () =>
      (rows.data ?? []).filter(
        (r) =>
          matches(r, query.trim()) &&
          (!category || r.category === category) &&
          (!unit || r.leadUnit === unit || r.coUnits.split('、').includes(unit)) &&
          (!result || (result === 'none' ? !r.resultCode : r.resultCode === result)) &&
          (!status ||
            (status === 'unanswered'
              ? ['overdue', 'due-soon', 'pending', 'no-deadline'].includes(r.deadlineStatus)
              : r.deadlineStatus === status)) &&
          (!keyOnly || r.isKey) &&
          (!leaderOnly || r.leaderSupervised),
      ),
    [rows.data, query, category, unit, result, status, keyOnly, leaderOnly],
  );

  const terms = termsOf(session.kind);
  const allColumns: ColumnsType<ProposalRow> = [
    {
      key: 'number',
      title: terms.numberWord,
      dataIndex: 'number',
      width: 90,
      sorter: (a, b) => (a.numberSort ?? 0) - (b.numberSort ?? 0),
    },
    { key: 'title', title: '标题', dataIndex: 'title', ellipsis: true },
    { key: 'deputies', title: session.kind === 'npc' ? '代表' : '提案人', dataIndex: 'deputies', width: 140, ellipsis: true },
    { key: 'delegation', title: terms.group, dataIndex: 'delegation', width: 110 },
    { key: 'category', title: '类别', dataIndex: 'category', width: 130 },
    {
      key: 'leadUnit',
      title: '主办单位',
      dataIndex: 'leadUnit',
      width: 150,
      sorter: (a, b) => a.leadUnit.localeCompare(b.leadUnit, 'zh-CN'),
    },
    { key: 'coUnits', title: '会办单位', dataIndex: 'coUnits', width: 160, ellipsis: true },
    { key: 'assignedDate', title: '交办日期', dataIndex: 'assignedDate', width: 110 },
    {
      key: 'deadline',
      title: '办理期限',
      dataIndex: 'deadline',
      width: 110,
      sorter: (a, b) => (a.deadline ?? '').localeCompare(b.deadline ?? ''),
    },
    { key: 'replyDate', title: '答复日期', dataIndex: 'replyDate', width: 110 },
    { key: 'resultLabel', title: '办理结果', dataIndex: 'resultLabel', width: 110 },
    {
      key: 'deadlineStatus',
      title: '期限',
      dataIndex: 'deadlineStatus',
      width: 120,
      render: (value: DeadlineStatus, row) => (
        <Tag color={STATUS_COLOR[value]} data-testid={`status-${row.number}`}>
          {DEADLINE_STATUS_LABELS[value]}
          {row.daysLeft !== null && value !== 'pending'
            ? row.daysLeft < 0
              ? ` ${-row.daysLeft}天`
              : ` 剩${row.daysLeft}天`
            : ''}
        </Tag>
      ),
    },
  ];
  const columns = allColumns.filter((c) => !hidden.includes(String(c.key)));

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Input.Search
          allowClear
          placeholder={`搜索标题、${session.kind === 'npc' ? '代表' : '提案人'}、单位、${terms.numberWord}`}
          style={{ width: 280 }}
          onChange={(e) => setQuery(e.target.value)}
          data-testid="search"
        />
        <Select
          allowClear
          placeholder="类别"
          style={{ width: 150 }}
          value={category}
          onChange={setCategory}
          options={session.categories.map((c) => ({ value: c, label: c }))}
          data-testid="filter-category"
        />
        <Select
          allowClear
          showSearch
          placeholder="承办单位"
          style={{ width: 170 }}
          value={unit}
          onChange={setUnit}
          options={units.map((u) => ({ value: u, label: u }))}
        />
        <Select
          allowClear
          placeholder="办理结果"
          style={{ width: 130 }}
          value={result}
          onChange={setResult}
          options={[
            ...Object.entries(session.resultLabels).map(([code, label]) => ({ value: code, label: `${code} ${label}` })),
            { value: 'none', label: '尚未答复' },
          ]}
        />
        <Select
          allowClear
          placeholder="期限"
          style={{ width: 130 }}
          value={status}
          onChange={setStatus}
          data-testid="filter-status"
          options={[
            { value: 'overdue', label: DEADLINE_STATUS_LABELS.overdue },
            { value: 'due-soon', label: DEADLINE_STATUS_LABELS['due-soon'] },
            { value: 'unanswered', label: '未答复' },
            { value: 'late', label: DEADLINE_STATUS_LABELS.late },
          ]}
        />
        <Checkbox checked={keyOnly} onChange={(e) => setKeyOnly(e.target.checked)}>
          重点建议
        </Checkbox>
        <Checkbox checked={leaderOnly} onChange={(e) => setLeaderOnly(e.target.checked)}>
          领导领衔
        </Checkbox>
        <Popover
          trigger="click"
          content={
            <Checkbox.Group
              value={allColumns.map((c) => String(c.key)).filter((k) => !hidden.includes(k))}
              onChange={(shown) => setHidden(allColumns.map((c) => String(c.key)).filter((k) => !shown.includes(k)))}
              options={allColumns.map((c) => ({ value: String(c.key), label: String(c.title) }))}
              style={{ display: 'grid', gap: 4 }}
            />
          }
        >
          <Button>显示的列</Button>
        </Popover>
        <span data-testid="row-count">共 {filtered.length} 条</span>
      </Space>
      <Table
        virtual
        rowKey="id"
        size="small"
        loading={rows.loading}
        columns={columns}
        dataSource={filtered}
        pagination={false}
        scroll={{ x: 1200, y: Math.max(300, window.innerHeight - 200) }}
        onRow={(row) => ({ onClick: () => setOpen(row.id), style: { cursor: 'pointer' } })}
        data-testid="proposals-table"
      />
      {open !== null && (
        <ProposalEditor
          id={open}
          session={session}
          onClose={() => {
            dropLocalDraft('open');
            setOpen(null);
          }}
          onSaved={() => {
            setGeneration((g) => g + 1);
            onChanged();
          }}
        />
      )}
    </Space>
  );
}

function ProposalEditor({
  id,
  session,
  onClose,
  onSaved,
}: {
  id: number;
  session: Session;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { message } = App.useApp();
  const report = useReportError();
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
    try {
      await call('proposals.update', {
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
      });
      message.success('已保存');
      dropLocalDraft(draftKey);
      setDirty(false);
      setRestored(null);
      detail.reload();
      onSaved();
      return true;
    } catch (error) {
      report(error);
      return false;
    } finally {
      setSaving(false);
    }
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

  const feedbackOptions =
    session.feedbackScale === 'five' ? ['好', '较好', '一般', '较差', '差'] : ['满意', '基本满意', '不满意', '未表态'];
  const terms = termsOf(session.kind);
  return (
    <Drawer
      open
      width={760}
      title={p ? `${p.number} ${p.title}` : '建议'}
      onClose={requestClose}
      extra={
        <Button type="primary" loading={saving} onClick={() => void save()} data-testid="save-proposal">
          保存
        </Button>
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
      {p && (
        <Tabs
          items={[
            {
              key: 'main',
              label: '基本信息与答复',
              children: (
                <Form
                  form={form}
                  layout="vertical"
                  key={`${p.id}-${p.version}`}
                  initialValues={p}
                  onValuesChange={() => {
                    // Changed means a field differs from what was loaded: typing a value back undoes it.
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
                  }}
                >
                  <Form.Item name="title" label="标题" rules={[{ required: true }]}>
                    <Input data-testid="edit-title" />
                  </Form.Item>
                  <Descriptions size="small" column={2} style={{ marginBottom: 12 }}>
                    <Descriptions.Item label={session.kind === 'npc' ? '领衔代表' : '第一提案人'}>
                      {p.leadDeputies.join('、')}
                    </Descriptions.Item>
                    <Descriptions.Item label={session.kind === 'npc' ? '附议代表' : '联名提案人'}>
                      {p.coDeputies.join('、')}
                      {p.proposerCount ? `（共 ${p.proposerCount} 人）` : ''}
                    </Descriptions.Item>
                    <Descriptions.Item label="主办单位">{p.leadUnit}</Descriptions.Item>
                    <Descriptions.Item label="会办单位">{p.coUnits.join('、')}</Descriptions.Item>
                  </Descriptions>
                  <Space wrap>
                    <Form.Item name="category" label="类别">
                      <Select
                        allowClear
                        style={{ width: 180 }}
                        options={session.categories.map((c) => ({ value: c, label: c }))}
                      />
                    </Form.Item>
                    <Form.Item name="assignedDate" label="交办日期" rules={[dateRule('交办日期')]}>
                      <DateInput testId="edit-assigned" />
                    </Form.Item>
                    <Form.Item name="deadline" label="办理期限" rules={[dateRule('办理期限')]}>
                      <DateInput testId="edit-deadline" />
                    </Form.Item>
                    <Form.Item name="replyDate" label="答复日期" rules={[dateRule('答复日期')]}>
                      <DateInput testId="edit-reply-date" />
                    </Form.Item>
                    <Form.Item name="resultCode" label="办理结果">
                      <Select
                        allowClear
                        style={{ width: 160 }}
                        options={Object.entries(session.resultLabels).map(([code, label]) => ({
                          value: code,
                          label: `${code} ${label}`,
                        }))}
                        data-testid="edit-result"
                      />
                    </Form.Item>
                    <Form.Item name="feedback" label={`${terms.member}评价`}>
                      <Select allowClear style={{ width: 130 }} options={feedbackOptions.map((f) => ({ value: f, label: f }))} />
                    </Form.Item>
                    <Form.Item name="resultOpinion" label="对办理结果的意见">
                      <Select
                        allowClear
                        style={{ width: 130 }}
                        options={[...RESULT_OPINION_VALUES, NO_OPINION].map((f) => ({ value: f, label: f }))}
                      />
                    </Form.Item>
                    <Form.Item name="replyNumber" label="文号">
                      <Input style={{ width: 200 }} placeholder="如 青经〔2024〕45号" />
                    </Form.Item>
                    <Form.Item name="contactPerson" label="联系人">
                      <Input style={{ width: 120 }} />
                    </Form.Item>
                    <Form.Item name="contactPhone" label="联系电话">
                      <Input style={{ width: 140 }} />
                    </Form.Item>
                    <Form.Item name="signer" label="签发人">
                      <Input style={{ width: 120 }} />
                    </Form.Item>
                  </Space>
                  <Space wrap>
                    {(
                      [
                        ['published', '已公开'],
                        ['met', '已见面'],
                        ['closed', '已办结'],
                        ['isKey', `重点${terms.item}`],
                      ] as const
                    ).map(([name, label]) => (
                      <Form.Item key={name} name={name} label={label} valuePropName="checked">
                        <Switch />
                      </Form.Item>
                    ))}
                  </Space>
                  <Form.Item name="content" label={`${terms.item}内容`}>
                    <Input.TextArea autoSize={{ minRows: 2, maxRows: 10 }} />
                  </Form.Item>
                  <Form.Item name="replyText" label="答复正文（每行一段；以“一、”“（一）”开头的短行排成标题）">
                    <Input.TextArea autoSize={{ minRows: 8, maxRows: 24 }} data-testid="edit-reply" />
                  </Form.Item>
                  <Form.Item name="notes" label="备注">
                    <Input.TextArea autoSize={{ minRows: 2 }} />
                  </Form.Item>
                </Form>
              ),
            },
            {
              key: 'units',
              label: '承办单位',
              children: <HandlingsTab detail={detail.data!} onChanged={detail.reload} />,
            },
            {
              key: 'consultations',
              label: `面商（${detail.data!.consultations.length}）`,
              children: <ConsultationsTab detail={detail.data!} onChanged={detail.reload} />,
            },
            {
              key: 'milestones',
              label: `跟踪事项（${detail.data!.milestones.length}）`,
              children: <MilestonesTab detail={detail.data!} onChanged={detail.reload} />,
            },
            {
              key: 'history',
              label: '修改记录',
              children: (
                <Timeline
                  items={detail.data!.events.map((e) => ({
                    children: `${e.at.slice(0, 19).replace('T', ' ')}  ${e.actor}  ${e.action}`,
                  }))}
                />
              ),
            },
          ]}
        />
      )}
    </Drawer>
  );
}

type Detail = Output<'proposals.get'>;
const dayOf = (d: dayjs.Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);
/** What a clerk types into a date picker: shown as the first, read in any of them. */
const TYPED_DATE_FORMATS = ['YYYY-MM-DD', 'YYYY/M/D', 'YYYY.M.D', 'YYYY年M月D日', 'YYYYMMDD', 'YYYY-M-D'];

function HandlingsTab({ detail, onChanged }: { detail: Detail; onChanged: () => void }) {
  const { message } = App.useApp();
  const report = useReportError();
  const [edits, setEdits] = useState<Record<number, { opinionDate?: string | null; opinionText?: string }>>({});
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {detail.handlings.map((h) => (
        <Card key={h.id} size="small" title={`${h.unit}（${h.role === 'lead' ? '主办' : '会办'}）`}>
          <Space direction="vertical" style={{ width: '100%' }}>
            <DatePicker
              placeholder="意见日期"
              format={TYPED_DATE_FORMATS}
              value={(edits[h.id]?.opinionDate ?? h.opinionDate) ? dayjs(edits[h.id]?.opinionDate ?? h.opinionDate!) : null}
              onChange={(d) => setEdits({ ...edits, [h.id]: { ...edits[h.id], opinionDate: dayOf(d) } })}
            />
            <Input.TextArea
              autoSize={{ minRows: 2, maxRows: 10 }}
              placeholder={h.role === 'lead' ? '主办单位的办理记录' : '会办意见（每行一段）'}
              value={edits[h.id]?.opinionText ?? h.opinionText}
              onChange={(e) => setEdits({ ...edits, [h.id]: { ...edits[h.id], opinionText: e.target.value } })}
              data-testid={`opinion-${h.unit}`}
            />
            <Button
              size="small"
              onClick={async () => {
                try {
                  await call('handlings.update', { id: h.id, proposalId: detail.proposal.id, ...edits[h.id] });
                  message.success('已保存');
                  onChanged();
                } catch (error) {
                  report(error);
                }
              }}
              data-testid={`save-opinion-${h.unit}`}
            >
              保存
            </Button>
          </Space>
        </Card>
      ))}
    </Space>
  );
}

function ConsultationsTab({ detail, onChanged }: { detail: Detail; onChanged: () => void }) {
  const report = useReportError();
  const [form] = Form.useForm();
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={detail.consultations}
        columns={[
          { title: '日期', dataIndex: 'date', width: 110 },
          { title: '形式', dataIndex: 'form', width: 80 },
          { title: '见面', dataIndex: 'faceToFace', width: 60, render: (v: boolean) => (v ? '是' : '否') },
          { title: '人员', dataIndex: 'people' },
          { title: '记录', dataIndex: 'notes', ellipsis: true },
          {
            title: '',
            width: 60,
            render: (_: unknown, c) => (
              <Button
                type="link"
                danger
                onClick={async () => {
                  try {
                    await call('consultations.remove', { id: c.id, proposalId: detail.proposal.id });
                    onChanged();
                  } catch (error) {
                    report(error);
                  }
                }}
              >
                删除
              </Button>
            ),
          },
        ]}
      />
      <Form
        form={form}
        layout="inline"
        initialValues={{ form: '走访', faceToFace: true, stage: '' }}
        onFinish={async (v) => {
          try {
            await call('consultations.add', {
              proposalId: detail.proposal.id,
              stage: v.stage,
              form: v.form,
              faceToFace: Boolean(v.faceToFace),
              date: dayOf(v.date),
              people: v.people ?? '',
              notes: v.notes ?? '',
            });
            form.resetFields();
            onChanged();
          } catch (error) {
            report(error);
          }
        }}
      >
        <Form.Item name="stage">
          <Select
            style={{ width: 90 }}
            options={[
              { value: '', label: '阶段' },
              { value: 'before', label: '办前' },
              { value: 'during', label: '办中' },
              { value: 'after', label: '办后' },
            ]}
          />
        </Form.Item>
        <Form.Item name="form">
          <Select
            style={{ width: 90 }}
            options={['走访', '座谈', '电话', '视频', '来访', '其他'].map((f) => ({ value: f, label: f }))}
          />
        </Form.Item>
        <Form.Item name="faceToFace" valuePropName="checked" label="见面">
          <Switch />
        </Form.Item>
        <Form.Item name="date">
          <DatePicker placeholder="日期" format={TYPED_DATE_FORMATS} />
        </Form.Item>
        <Form.Item name="people">
          <Input placeholder="参加人员" style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="notes">
          <Input placeholder="记录" style={{ width: 160 }} data-testid="consultation-notes" />
        </Form.Item>
        <Button htmlType="submit" data-testid="add-consultation">
          记录面商
        </Button>
      </Form>
    </Space>
  );
}

function MilestonesTab({ detail, onChanged }: { detail: Detail; onChanged: () => void }) {
  const report = useReportError();
  const [form] = Form.useForm();
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={detail.milestones}
        columns={[
          { title: '计划日期', dataIndex: 'dueDate', width: 110 },
          { title: '跟踪事项', dataIndex: 'description' },
          {
            title: '完成',
            width: 140,
            render: (_: unknown, m) =>
              m.doneDate ?? (
                <Button
                  size="small"
                  onClick={async () => {
                    try {
                      await call('milestones.complete', {
                        id: m.id,
                        proposalId: detail.proposal.id,
                        doneDate: dayjs().format('YYYY-MM-DD'),
                      });
                      onChanged();
                    } catch (error) {
                      report(error);
                    }
                  }}
                >
                  今天完成
                </Button>
              ),
          },
        ]}
      />
      <Form
        form={form}
        layout="inline"
        onFinish={async (v) => {
          try {
            await call('milestones.add', {
              proposalId: detail.proposal.id,
              dueDate: dayOf(v.dueDate),
              description: v.description ?? '',
            });
            form.resetFields();
            onChanged();
          } catch (error) {
            report(error);
          }
        }}
      >
        <Form.Item name="dueDate">
          <DatePicker placeholder="计划日期" format={TYPED_DATE_FORMATS} />
        </Form.Item>
        <Form.Item name="description">
          <Input placeholder="如：完成施工招标" style={{ width: 300 }} data-testid="milestone-text" />
        </Form.Item>
        <Button htmlType="submit" data-testid="add-milestone">
          添加跟踪事项
        </Button>
      </Form>
    </Space>
  );
}
