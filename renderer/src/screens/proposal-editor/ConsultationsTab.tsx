import { Button, DatePicker, Form, Input, Select, Space, Switch, Table } from 'antd';
import { call } from '../../api';
import { useAction } from '../../hooks';
import { dayOf, TYPED_DATE_FORMATS } from './picker-dates';
import type { RecordTabProps } from './types';

/** 面商: the consultations with the deputies held so far, and a line to record one more. */
export function ConsultationsTab({ detail, onChanged }: RecordTabProps) {
  const run = useAction();
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
                onClick={() =>
                  run(() => call('consultations.remove', { id: c.id, proposalId: detail.proposal.id }), { then: onChanged })
                }
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
        onFinish={(v) =>
          run(
            () =>
              call('consultations.add', {
                proposalId: detail.proposal.id,
                stage: v.stage,
                form: v.form,
                faceToFace: Boolean(v.faceToFace),
                date: dayOf(v.date),
                people: v.people ?? '',
                notes: v.notes ?? '',
              }),
            {
              then: () => {
                form.resetFields();
                onChanged();
              },
            },
          )
        }
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
