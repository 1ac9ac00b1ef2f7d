import { App, Button, Card, Form, Input, InputNumber, Modal, Select, Space, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import type { Output, UndoStatus } from '../../../electron/common/api/contract';
import { RATE_LABELS } from '../../../electron/common/stats/metrics';
import { call } from '../api';
import { useReportError } from '../hooks';
import { RESULT_CODES } from '../../../electron/common/domain/result-classes';
import { SESSION_YEARS } from '../../../electron/common/domain/session';
import { ChoiceField, rangeRule, TextField, type Choice } from '../fields';
import { LastUndoNotice, UndoNotice } from '../UndoNotice';
import { useFormUnsaved } from '../unsaved';

type SessionItem = Output<'sessions.list'>[number];

/** The settings chosen from fixed choices, in the order the form shows them. */
const SETTING_CHOICES: { name: string; label: string; width: number; choices: Choice[]; allowClear?: boolean }[] = [
  { name: 'decimals', label: '百分比小数位', width: 120, choices: [0, 1, 2, 3].map((d) => [d, `${d} 位`]) },
  {
    name: 'rounding',
    label: '舍入方法',
    width: 220,
    choices: [
      ['half-up', '四舍五入'],
      ['largest-remainder', '最大余数法（合计为100%）'],
    ],
  },
  {
    name: 'resolutionNumerator',
    label: '解决率的分子',
    width: 200,
    choices: [
      ['A', 'A（解决采纳）'],
      ['AB', 'A+B'],
      ['ABC', 'A+B+C'],
    ],
  },
  {
    name: 'satisfiedNumerator',
    label: '满意率的分子',
    width: 200,
    choices: [
      ['top', '满意（或“好”）'],
      ['top2', '满意+基本满意'],
    ],
  },
  {
    name: 'jointLetters',
    label: '联名的答复方式',
    width: 300,
    choices: [
      ['one', '一份答复函（某某等N名代表或委员）'],
      ['per-deputy', '每位署名人一份（领衔和附议）'],
    ],
  },
  {
    name: 'resultShareBase',
    label: '办理结果占比的分母',
    width: 160,
    choices: [
      ['all', '全部建议'],
      ['answered', '已答复的建议'],
    ],
  },
  {
    name: 'resultClassCount',
    label: '办理结果分类',
    width: 140,
    choices: [
      [4, '四类 A/B/C/D'],
      [3, '三类'],
    ],
  },
  {
    name: 'feedbackScale',
    label: '代表评价等级',
    width: 200,
    allowClear: true,
    choices: [
      ['three', '三级（满意/基本满意/不满意）'],
      ['five', '五级（好/较好/一般/较差/差）'],
    ],
  },
];

/** The deadline rules, each a whole number of months (or days) within its range. */
const DEADLINE_FIELDS = [
  { key: 'replyMonths', label: '答复期限（交办后几个月）', named: '答复期限', min: 1, max: 24 },
  { key: 'extendedReplyMonths', label: '批准延期后（月）', named: '延期后的答复期限', min: 1, max: 36 },
  { key: 'cohandlingMonths', label: '会办意见期限（月）', named: '会办意见期限', min: 1, max: 12 },
  { key: 'dueSoonDays', label: '提前几天提示即将到期', named: '提前提示的天数', min: 0, max: 90 },
] as const;

export function SessionsScreen({
  sessions,
  current,
  onChanged,
}: {
  sessions: SessionItem[];
  current: SessionItem | null;
  onChanged: (id?: number) => void;
}) {
  const { message } = App.useApp();
  const report = useReportError();
  const [creating] = Form.useForm();
  const [editing] = Form.useForm();
  const [saving, setSaving] = useState(false);
  const [deletion, setDeletion] = useState<{ done: string; undo: UndoStatus } | null>(null);
  const unsaved = useFormUnsaved(editing, `session-${current?.id}`, `会议「${current?.name ?? ''}」设置的修改`);

  useEffect(() => {
    if (!current) return;
    editing.setFieldsValue({
      ...current,
      categories: current.categories,
      labels: current.resultLabels,
      baselines: current.baselines,
    });
    unsaved.loaded();
  }, [current, editing]);

  const create = async (values: { name: string; year: number; kind: 'npc' | 'cppcc'; copyFrom?: number }) => {
    try {
      const created = await call('sessions.create', values);
      message.success(`已新建会议「${created.name}」`);
      creating.resetFields();
      onChanged(created.id);
    } catch (error) {
      report(error);
    }
  };

  const save = async () => {
    if (!current) return;
    try {
      await editing.validateFields();
    } catch {
      message.error('有设置需要改正，还没有保存（见标红的项目）');
      return;
    }
    const values = editing.getFieldsValue(true);
    setSaving(true);
    try {
      await call('sessions.update', {
        id: current.id,
        settings: {
          issuingBody: values.issuingBody,
          decimals: values.decimals,
          rounding: values.rounding,
          resolutionNumerator: values.resolutionNumerator,
          satisfiedNumerator: values.satisfiedNumerator,
          resultShareBase: values.resultShareBase,
          jointLetters: values.jointLetters,
          feedbackScale: values.feedbackScale ?? null,
          resultClassCount: values.resultClassCount,
          deadlines: values.deadlines,
        },
        categories: values.categories,
        resultLabels: values.labels,
        baselines: Object.fromEntries(
          Object.entries(values.baselines ?? {}).map(([k, v]) => [k, v === undefined || v === '' ? null : String(v)]),
        ),
      });
      message.success('会议设置已保存');
      unsaved.loaded();
      onChanged();
    } catch (error) {
      report(error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      {deletion ? <UndoNotice status={deletion.undo} done={deletion.done} /> : <LastUndoNotice />}
      <Card title="会议">
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={sessions}
          columns={[
            { title: '会议', dataIndex: 'name' },
            { title: '年份', dataIndex: 'year', width: 80 },
            { title: '类型', dataIndex: 'kind', width: 120, render: (k: string) => (k === 'npc' ? '人大代表建议' : '政协提案') },
            { title: '件数', dataIndex: 'proposalCount', width: 80 },
          ]}
        />
        <Form form={creating} layout="inline" style={{ marginTop: 16 }} onFinish={create} initialValues={{ kind: 'npc' }}>
          <Form.Item name="name" rules={[{ required: true, message: '请填写会议名称' }]}>
            <Input placeholder="会议名称，如 区七届人大四次会议" style={{ width: 260 }} data-testid="new-session-name" />
          </Form.Item>
          <Form.Item name="year" rules={rangeRule('年份', SESSION_YEARS.min, SESSION_YEARS.max, true)}>
            <InputNumber placeholder="年份" data-testid="new-session-year" />
          </Form.Item>
          <Form.Item name="kind">
            <Select
              style={{ width: 130 }}
              options={[
                { value: 'npc', label: '人大代表建议' },
                { value: 'cppcc', label: '政协提案' },
              ]}
            />
          </Form.Item>
          <Form.Item name="copyFrom">
            <Select
              allowClear
              placeholder="沿用哪届会议的设置"
              style={{ width: 220 }}
              options={sessions.map((s) => ({ value: s.id, label: s.name }))}
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" data-testid="create-session">
            新建会议
          </Button>
        </Form>
      </Card>

      {current && (
        <Card
          title={`「${current.name}」的设置`}
          extra={
            <Space>
              <DeleteSessionButton
                session={current}
                onDeleted={(result) => {
                  setDeletion({ done: `已删除会议「${result.deleted}」和其中的 ${result.proposals} 件`, undo: result.undo });
                  onChanged(sessions.find((s) => s.id !== current.id)?.id);
                }}
              />
              <Button type="primary" loading={saving} onClick={save} data-testid="save-session">
                保存设置
              </Button>
            </Space>
          }
        >
          <Form form={editing} layout="vertical" onValuesChange={unsaved.edited}>
            <Space wrap size="large" align="start">
              <TextField name="issuingBody" label="发文机关" width={220} placeholder="如 青川区人民政府" />
              {SETTING_CHOICES.map((field) => (
                <ChoiceField key={field.name} {...field} />
              ))}
            </Space>
            <Space wrap size="large">
              {DEADLINE_FIELDS.map(({ key, label, named, min, max }) => (
                <Form.Item key={key} name={['deadlines', key]} label={label} rules={rangeRule(named, min, max, true)}>
                  <InputNumber data-testid={`deadline-${key}`} />
                </Form.Item>
              ))}
            </Space>
            <Form.Item name="categories" label="类别（按报告中的顺序）">
              <Select mode="tags" style={{ width: '100%' }} tokenSeparators={['、', ',', '，']} />
            </Form.Item>
            <Space wrap>
              {RESULT_CODES.map((code) => (
                <TextField key={code} name={['labels', code]} label={`${code} 类的名称`} width={200} />
              ))}
            </Space>
            <Space wrap>
              {Object.entries(RATE_LABELS).map(([key, label]) => (
                <TextField
                  key={key}
                  name={['baselines', key]}
                  label={`上年${label}（%，手工录入）`}
                  width={140}
                  placeholder="如 85.89"
                />
              ))}
            </Space>
            <div>
              {current.previousSessionId ? (
                <Tag color="blue">与上一届会议的数据比较</Tag>
              ) : (
                <Tag>没有上一届会议的数据，可手工录入上年数字</Tag>
              )}
            </div>
          </Form>
        </Card>
      )}
    </Space>
  );
}

/**
 * Deleting a whole session asks for its name to be typed: it names what goes (every proposal,
 * the report drafts, the settings), says a backup is taken first and that it can be undone.
 */
function DeleteSessionButton({
  session,
  onDeleted,
}: {
  session: SessionItem;
  onDeleted: (result: Output<'sessions.delete'>) => void;
}) {
  const report = useReportError();
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const close = () => {
    setOpen(false);
    setTyped('');
  };
  return (
    <>
      <Button danger onClick={() => setOpen(true)} data-testid="delete-session">
        删除这届会议
      </Button>
      <Modal
        open={open}
        title={`删除会议「${session.name}」？`}
        okText="删除"
        cancelText="取消"
        okButtonProps={{ danger: true, disabled: typed.trim() !== session.name, loading: busy }}
        onCancel={close}
        onOk={async () => {
          setBusy(true);
          try {
            onDeleted(await call('sessions.delete', { id: session.id, name: session.name }));
            close();
          } catch (error) {
            report(error);
          } finally {
            setBusy(false);
          }
        }}
      >
        <p>
          将删除这届会议的全部 {session.proposalCount} 件{session.kind === 'npc' ? '建议' : '提案'}
          （含办理记录、面商记录、跟踪事项）、报告各部分的文字和会议设置。删除前会自动备份，删除后可以撤销。
        </p>
        <p>请输入会议名称「{session.name}」确认：</p>
        <Input value={typed} onChange={(e) => setTyped(e.target.value)} data-testid="delete-session-name" />
      </Modal>
    </>
  );
}
