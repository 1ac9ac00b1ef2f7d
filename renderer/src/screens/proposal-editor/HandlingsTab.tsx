import { Button, Card, DatePicker, Input, Space } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { call } from '../../api';
import { useAction } from '../../hooks';
import { dayOf, TYPED_DATE_FORMATS } from './picker-dates';
import type { RecordTabProps } from './types';

/** 承办单位: each unit's opinion date and text (the lead unit's handling record), saved per unit. */
export function HandlingsTab({ detail, onChanged }: RecordTabProps) {
  const run = useAction();
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
              onClick={() =>
                run(() => call('handlings.update', { id: h.id, proposalId: detail.proposal.id, ...edits[h.id] }), {
                  success: '已保存',
                  then: onChanged,
                })
              }
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
