import { Button, Form } from 'antd';
import dayjs from 'dayjs';
import { call } from '../../api';
import { DateInput, dateRule, isoOf, TextField } from '../../fields';
import { useAction } from '../../hooks';
import { RecordList } from './RecordList';
import type { RecordTabProps } from './types';

/** 跟踪事项: what the unit promised to do by when, ticked off as done, and a line to add one. */
export function MilestonesTab({ detail, onChanged }: RecordTabProps) {
  const run = useAction();
  return (
    <RecordList
      rows={detail.milestones}
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
                onClick={() =>
                  run(
                    () =>
                      call('milestones.complete', {
                        id: m.id,
                        proposalId: detail.proposal.id,
                        doneDate: dayjs().format('YYYY-MM-DD'),
                      }),
                    { then: onChanged },
                  )
                }
              >
                今天完成
              </Button>
            ),
        },
      ]}
      add={(v) =>
        call('milestones.add', {
          proposalId: detail.proposal.id,
          dueDate: isoOf(v.dueDate),
          description: v.description ?? '',
        })
      }
      onChanged={onChanged}
    >
      <Form.Item name="dueDate" rules={[dateRule('计划日期')]}>
        <DateInput testId="milestone-date" width={200} placeholder="计划日期，如 2024-11-20" />
      </Form.Item>
      <TextField name="description" placeholder="如：完成施工招标" width={300} testId="milestone-text" />
      <Button htmlType="submit" data-testid="add-milestone">
        添加跟踪事项
      </Button>
    </RecordList>
  );
}
