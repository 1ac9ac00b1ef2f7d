import { Form, Space, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import type { ReactNode } from 'react';
import { useAction } from '../../hooks';

/**
 * A tab's records (consultations, milestones) in a small table, with a one-line form below that
 * adds one more: `add` gets what was typed and makes the call; when it worked the form is cleared
 * and the proposal loaded again, when not the error dialog says why.
 */
export function RecordList<T extends { id: number }>(props: {
  rows: T[];
  columns: TableColumnsType<T>;
  initialValues?: Record<string, unknown>;
  add: (typed: Record<string, any>) => Promise<unknown>;
  onChanged: () => void;
  children: ReactNode;
}) {
  const run = useAction();
  const [form] = Form.useForm();
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Table size="small" rowKey="id" pagination={false} dataSource={props.rows} columns={props.columns} />
      <Form
        form={form}
        layout="inline"
        initialValues={props.initialValues}
        onFinish={(typed) =>
          run(() => props.add(typed), {
            then: () => {
              form.resetFields();
              props.onChanged();
            },
          })
        }
      >
        {props.children}
      </Form>
    </Space>
  );
}
