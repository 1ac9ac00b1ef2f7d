import { Button, Card, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { readDate } from '../../../../electron/common/domain/dates';
import { call } from '../../api';
import { DateInput } from '../../fields';
import { useAction } from '../../hooks';
import type { RecordTabProps } from './types';

/** 承办单位: each unit's opinion date and text (the lead unit's handling record), saved per unit. */
export function HandlingsTab({ detail, onChanged }: RecordTabProps) {
  const run = useAction();
  const [edits, setEdits] = useState<Record<number, { opinionDate?: string | null; opinionText?: string }>>({});
  const [problems, setProblems] = useState<Record<number, string | null>>({});
  /** Saves one unit's record; a date that cannot be read is said so and nothing is saved. */
  const save = (id: number) => {
    const edit = edits[id] ?? {};
    const typed = edit.opinionDate?.trim() ?? '';
    const date = typed ? (readDate(typed)?.date ?? null) : null;
    if (typed && !date) {
      setProblems({ ...problems, [id]: `意见日期「${typed}」无法识别，请按 2024-11-20 的样子填写` });
      return;
    }
    setProblems({ ...problems, [id]: null });
    const patch = 'opinionDate' in edit ? { ...edit, opinionDate: date } : edit;
    return run(() => call('handlings.update', { id, proposalId: detail.proposal.id, ...patch }), {
      success: '已保存',
      then: onChanged,
    });
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {detail.handlings.map((h) => (
        <Card key={h.id} size="small" title={`${h.unit}（${h.role === 'lead' ? '主办' : '会办'}）`}>
          <Space direction="vertical" style={{ width: '100%' }}>
            <Space size={4}>
              <DateInput
                width={200}
                placeholder="意见日期，如 2024-11-20"
                testId={`opinion-date-${h.unit}`}
                value={edits[h.id] && 'opinionDate' in edits[h.id]! ? edits[h.id]!.opinionDate : h.opinionDate}
                onChange={(date) => {
                  setProblems({ ...problems, [h.id]: null });
                  setEdits((all) => ({ ...all, [h.id]: { ...all[h.id], opinionDate: date } }));
                }}
              />
              {problems[h.id] && (
                <Typography.Text type="danger" data-testid={`opinion-date-problem-${h.unit}`}>
                  {problems[h.id]}
                </Typography.Text>
              )}
            </Space>
            <Input.TextArea
              autoSize={{ minRows: 2, maxRows: 10 }}
              placeholder={h.role === 'lead' ? '主办单位的办理记录' : '会办意见（每行一段）'}
              value={edits[h.id]?.opinionText ?? h.opinionText}
              onChange={(e) => setEdits({ ...edits, [h.id]: { ...edits[h.id], opinionText: e.target.value } })}
              data-testid={`opinion-${h.unit}`}
            />
            <Button size="small" onClick={() => void save(h.id)} data-testid={`save-opinion-${h.unit}`}>
              保存
            </Button>
          </Space>
        </Card>
      ))}
    </Space>
  );
}
