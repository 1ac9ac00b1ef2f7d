import { App, Button, Card, Form, Input, InputNumber, Select, Space, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import type { Output } from '../../../electron/common/api/contract';
import { RATE_LABELS } from '../../../electron/common/stats/metrics';
import { call } from '../api';
import { useReportError } from '../hooks';
import { rangeRule } from '../fields';

type SessionItem = Output<'sessions.list'>[number];

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

  useEffect(() => {
    if (!current) return;
    editing.setFieldsValue({
      ...current,
      categories: current.categories,
      labels: current.resultLabels,
      baselines: current.baselines,
    });
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
      onChanged();
    } catch (error) {
      report(error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
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
          <Form.Item name="year" rules={rangeRule('年份', 1949, 2200, true)}>
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
            <Button type="primary" loading={saving} onClick={save} data-testid="save-session">
              保存设置
            </Button>
          }
        >
          <Form form={editing} layout="vertical">
            <Space wrap size="large" align="start">
              <Form.Item name="issuingBody" label="发文机关">
                <Input style={{ width: 220 }} placeholder="如 青川区人民政府" />
              </Form.Item>
              <Form.Item name="decimals" label="百分比小数位">
                <Select style={{ width: 120 }} options={[0, 1, 2, 3].map((d) => ({ value: d, label: `${d} 位` }))} />
              </Form.Item>
              <Form.Item name="rounding" label="舍入方法">
                <Select
                  style={{ width: 220 }}
                  options={[
                    { value: 'half-up', label: '四舍五入' },
                    { value: 'largest-remainder', label: '最大余数法（合计为100%）' },
                  ]}
                />
              </Form.Item>
              <Form.Item name="resolutionNumerator" label="解决率的分子">
                <Select
                  style={{ width: 200 }}
                  options={[
                    { value: 'A', label: 'A（解决采纳）' },
                    { value: 'AB', label: 'A+B' },
                    { value: 'ABC', label: 'A+B+C' },
                  ]}
                />
              </Form.Item>
              <Form.Item name="satisfiedNumerator" label="满意率的分子">
                <Select
                  style={{ width: 200 }}
                  options={[
                    { value: 'top', label: '满意（或“好”）' },
                    { value: 'top2', label: '满意+基本满意' },
                  ]}
                />
              </Form.Item>
              <Form.Item name="resultShareBase" label="办理结果占比的分母">
                <Select
                  style={{ width: 160 }}
                  options={[
                    { value: 'all', label: '全部建议' },
                    { value: 'answered', label: '已答复的建议' },
                  ]}
                />
              </Form.Item>
              <Form.Item name="resultClassCount" label="办理结果分类">
                <Select
                  style={{ width: 140 }}
                  options={[
                    { value: 4, label: '四类 A/B/C/D' },
                    { value: 3, label: '三类' },
                  ]}
                />
              </Form.Item>
              <Form.Item name="feedbackScale" label="代表评价等级">
                <Select
                  allowClear
                  style={{ width: 200 }}
                  options={[
                    { value: 'three', label: '三级（满意/基本满意/不满意）' },
                    { value: 'five', label: '五级（好/较好/一般/较差/差）' },
                  ]}
                />
              </Form.Item>
            </Space>
            <Space wrap size="large">
              <Form.Item
                name={['deadlines', 'replyMonths']}
                label="答复期限（交办后几个月）"
                rules={rangeRule('答复期限', 1, 24, true)}
              >
                <InputNumber data-testid="deadline-replyMonths" />
              </Form.Item>
              <Form.Item
                name={['deadlines', 'extendedReplyMonths']}
                label="批准延期后（月）"
                rules={rangeRule('延期后的答复期限', 1, 36, true)}
              >
                <InputNumber data-testid="deadline-extendedReplyMonths" />
              </Form.Item>
              <Form.Item
                name={['deadlines', 'cohandlingMonths']}
                label="会办意见期限（月）"
                rules={rangeRule('会办意见期限', 1, 12, true)}
              >
                <InputNumber data-testid="deadline-cohandlingMonths" />
              </Form.Item>
              <Form.Item
                name={['deadlines', 'dueSoonDays']}
                label="提前几天提示即将到期"
                rules={rangeRule('提前提示的天数', 0, 90, true)}
              >
                <InputNumber data-testid="deadline-dueSoonDays" />
              </Form.Item>
            </Space>
            <Form.Item name="categories" label="类别（按报告中的顺序）">
              <Select mode="tags" style={{ width: '100%' }} tokenSeparators={['、', ',', '，']} />
            </Form.Item>
            <Space wrap>
              {(['A', 'B', 'C', 'D'] as const).map((code) => (
                <Form.Item key={code} name={['labels', code]} label={`${code} 类的名称`}>
                  <Input style={{ width: 200 }} />
                </Form.Item>
              ))}
            </Space>
            <Space wrap>
              {Object.entries(RATE_LABELS).map(([key, label]) => (
                <Form.Item key={key} name={['baselines', key]} label={`上年${label}（%，手工录入）`}>
                  <Input style={{ width: 140 }} placeholder="如 85.89" />
                </Form.Item>
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
