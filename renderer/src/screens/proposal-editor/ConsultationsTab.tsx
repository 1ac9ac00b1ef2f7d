import { Button, Form, Switch } from 'antd';
import { call } from '../../api';
import { ChoiceField, DateInput, dateRule, isoOf, TextField, type Choice } from '../../fields';
import { useAction } from '../../hooks';
import { RecordList } from './RecordList';
import type { RecordTabProps } from './types';

const STAGES: Choice[] = [
  ['', '阶段'],
  ['before', '办前'],
  ['during', '办中'],
  ['after', '办后'],
];
const FORMS: Choice[] = ['走访', '座谈', '电话', '视频', '来访', '其他'].map((f) => [f, f]);

/** 面商: the consultations with the deputies held so far, and a line to record one more. */
export function ConsultationsTab({ detail, onChanged }: RecordTabProps) {
  const run = useAction();
  return (
    <RecordList
      rows={detail.consultations}
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
      initialValues={{ form: '走访', faceToFace: true, stage: '' }}
      add={(v) =>
        call('consultations.add', {
          proposalId: detail.proposal.id,
          stage: v.stage,
          form: v.form,
          faceToFace: Boolean(v.faceToFace),
          date: isoOf(v.date),
          people: v.people ?? '',
          notes: v.notes ?? '',
        })
      }
      onChanged={onChanged}
    >
      <ChoiceField name="stage" width={90} choices={STAGES} />
      <ChoiceField name="form" width={90} choices={FORMS} />
      <Form.Item name="faceToFace" valuePropName="checked" label="见面">
        <Switch />
      </Form.Item>
      <Form.Item name="date" rules={[dateRule('面商日期')]}>
        <DateInput testId="consultation-date" width={180} placeholder="日期，如 2024-11-20" />
      </Form.Item>
      <TextField name="people" placeholder="参加人员" width={140} />
      <TextField name="notes" placeholder="记录" width={160} testId="consultation-notes" />
      <Button htmlType="submit" data-testid="add-consultation">
        记录面商
      </Button>
    </RecordList>
  );
}
