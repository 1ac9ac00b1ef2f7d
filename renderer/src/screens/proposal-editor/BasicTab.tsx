import { Descriptions, Form, Input, Select, Space, Switch, type FormInstance } from 'antd';
import { NO_OPINION, RESULT_OPINION_VALUES } from '../../../../electron/common/domain/feedback';
import { termsOf } from '../../../../electron/common/domain/terms';
import { dateRule, DateInput } from '../../fields';
import type { Detail, Session } from './types';

/**
 * 基本信息与答复: the proposal's own fields and the reply, in the editor's form. Nothing is saved
 * here; the editor saves the form and is told of every edit.
 */
export function BasicTab({
  form,
  proposal: p,
  session,
  onEdited,
}: {
  form: FormInstance;
  proposal: Detail['proposal'];
  session: Session;
  onEdited: () => void;
}) {
  const feedbackOptions =
    session.feedbackScale === 'five' ? ['好', '较好', '一般', '较差', '差'] : ['满意', '基本满意', '不满意', '未表态'];
  const terms = termsOf(session.kind);
  return (
    <Form form={form} layout="vertical" initialValues={p} onValuesChange={onEdited}>
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
          <Select allowClear style={{ width: 180 }} options={session.categories.map((c) => ({ value: c, label: c }))} />
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
  );
}
