import { App, Button, Card, Form, Input, Modal, Select, Space, Switch, Table } from 'antd';
import { useEffect, useState } from 'react';
import type { Output } from '../../../electron/api/contract';
import { call } from '../api';
import { useLoad, useReportError } from '../hooks';
import { PathInput } from '../PathInput';

type Unit = Output<'units.list'>[number];

export function SettingsScreen() {
  const { message } = App.useApp();
  const report = useReportError();
  const settings = useLoad(() => call('settings.documents.get', {}), []);
  const units = useLoad(() => call('units.list', {}), []);
  const [form] = Form.useForm();
  const [editing, setEditing] = useState<Unit | null>(null);
  const [unitForm] = Form.useForm();
  const [backupFile, setBackupFile] = useState('');
  const [restoreFile, setRestoreFile] = useState('');

  useEffect(() => {
    if (settings.data) form.setFieldsValue(settings.data);
  }, [settings.data, form]);

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card
        title="公文格式"
        extra={
          <Button
            type="primary"
            data-testid="save-settings"
            onClick={async () => {
              try {
                await call('settings.documents.set', { ...settings.data!, ...form.getFieldsValue(true) });
                message.success('已保存');
              } catch (error) {
                report(error);
              }
            }}
          >
            保存
          </Button>
        }
      >
        <Form form={form} layout="vertical">
          <Space wrap>
            {(
              [
                ['body', '正文字体'],
                ['title', '标题字体'],
                ['heading1', '一级标题字体'],
                ['heading2', '二级标题字体'],
                ['pageNumber', '页码字体'],
              ] as const
            ).map(([key, label]) => (
              <Form.Item key={key} name={['fonts', key]} label={label}>
                <Input style={{ width: 150 }} />
              </Form.Item>
            ))}
          </Space>
          <Space wrap>
            <Form.Item name="markPosition" label="办理结果标记">
              <Select
                style={{ width: 150 }}
                options={[
                  { value: 'top-right', label: '首页右上角' },
                  { value: 'top-left', label: '首页左上角' },
                  { value: 'none', label: '不印' },
                ]}
              />
            </Form.Item>
            {(['A', 'B', 'C', 'D'] as const).map((code) => (
              <Form.Item key={code} name={['markLabels', code]} label={`${code} 类印作`}>
                <Input style={{ width: 80 }} />
              </Form.Item>
            ))}
            <Form.Item name="jointLetters" label="联名建议">
              <Select
                style={{ width: 220 }}
                options={[
                  { value: 'one', label: '一份答复函列出全部领衔代表' },
                  { value: 'per-deputy', label: '每位领衔代表一份' },
                ]}
              />
            </Form.Item>
            <Form.Item name="sealed" label="加盖印章（日期右空四字）" valuePropName="checked">
              <Switch />
            </Form.Item>
            <Form.Item name="redHeader" label="版头套红" valuePropName="checked">
              <Switch />
            </Form.Item>
          </Space>
        </Form>
      </Card>

      <Card title="承办单位的发文信息">
        <Table
          rowKey="id"
          size="small"
          dataSource={units.data ?? []}
          pagination={{ pageSize: 15 }}
          onRow={(u) => ({
            onClick: () => {
              setEditing(u);
              unitForm.setFieldsValue(u);
            },
            style: { cursor: 'pointer' },
          })}
          columns={[
            { title: '单位', dataIndex: 'name' },
            { title: '全称', dataIndex: 'fullName' },
            { title: '发文字号前缀', dataIndex: 'docPrefix' },
            { title: '联系人', dataIndex: 'contactPerson' },
            { title: '电话', dataIndex: 'contactPhone' },
            { title: '抄送', dataIndex: 'copyTo', ellipsis: true },
          ]}
        />
      </Card>
      <Modal
        open={editing !== null}
        title={editing?.name}
        onCancel={() => setEditing(null)}
        onOk={async () => {
          try {
            await call('units.update', { id: editing!.id, ...unitForm.getFieldsValue() });
            setEditing(null);
            units.reload();
          } catch (error) {
            report(error);
          }
        }}
      >
        <Form form={unitForm} layout="vertical">
          <Form.Item name="fullName" label="全称（印在版头）">
            <Input />
          </Form.Item>
          <Form.Item name="docPrefix" label="发文字号前缀">
            <Input />
          </Form.Item>
          <Form.Item name="contactPerson" label="联系人">
            <Input />
          </Form.Item>
          <Form.Item name="contactPhone" label="联系电话">
            <Input />
          </Form.Item>
          <Form.Item name="copyTo" label="抄送">
            <Input />
          </Form.Item>
        </Form>
      </Modal>

      <Card title="备份与恢复">
        <Space direction="vertical">
          <Space>
            <PathInput
              value={backupFile}
              onChange={setBackupFile}
              pick="save"
              extensions={['db']}
              placeholder="备份保存为（如 D:\备份\台账-2024-11-22.db）"
              testId="backup-file"
            />
            <Button
              onClick={async () => {
                try {
                  const { file, bytes } = await call('backup.create', { file: backupFile });
                  message.success(`已备份到 ${file}（${Math.round(bytes / 1024)} KB）`);
                } catch (error) {
                  report(error);
                }
              }}
              data-testid="backup"
            >
              立即备份
            </Button>
          </Space>
          <Space>
            <PathInput
              value={restoreFile}
              onChange={setRestoreFile}
              pick="open"
              extensions={['db']}
              placeholder="从哪个备份文件恢复"
              testId="restore-file"
            />
            <Button
              danger
              onClick={() =>
                Modal.confirm({
                  title: '从备份恢复',
                  content: '恢复会用备份里的数据替换现在的全部数据。恢复前会先把现在的数据另存一份，可以再恢复回来。',
                  okText: '恢复',
                  cancelText: '取消',
                  onOk: async () => {
                    try {
                      const { savedCurrentAs } = await call('backup.restore', { file: restoreFile });
                      message.success(`已恢复；恢复前的数据另存为 ${savedCurrentAs}`);
                      setTimeout(() => window.location.reload(), 800);
                    } catch (error) {
                      report(error);
                    }
                  },
                })
              }
              data-testid="restore"
            >
              从备份恢复
            </Button>
          </Space>
        </Space>
      </Card>
    </Space>
  );
}
