import { Alert, App, Button, Card, Form, Input, Modal, Select, Space, Switch, Table } from 'antd';
import { useEffect, useState } from 'react';
import type { Output } from '../../../electron/common/api/contract';
import { call } from '../api';
import { useLoad, useReportError } from '../hooks';
import { DatabasePathInput } from '../PathInput';
import { useWriteFile } from '../confirm-write';
import { ChoiceField, TextField, type Choice } from '../fields';
import { RESULT_CODES } from '../../../electron/common/domain/result-classes';
import { useConfirmDiscard, useFormUnsaved } from '../unsaved';

type Unit = Output<'units.list'>[number];

/** Where a reply letter prints its result mark. */
const MARK_POSITIONS: Choice[] = [
  ['top-right', '首页右上角'],
  ['top-left', '首页左上角'],
  ['none', '不印'],
];

/** A unit's letterhead, as the clerk edits it. */
const LETTERHEAD_FIELDS = [
  ['fullName', '全称（印在版头）'],
  ['docPrefix', '发文字号前缀'],
  ['contactPerson', '联系人'],
  ['contactPhone', '联系电话'],
  ['copyTo', '抄送'],
] as const;

export function SettingsScreen() {
  const { message } = App.useApp();
  const report = useReportError();
  const writeFile = useWriteFile();
  const settings = useLoad(() => call('settings.documents.get', {}), []);
  const units = useLoad(() => call('units.list', {}), []);
  const [form] = Form.useForm();
  const [editing, setEditing] = useState<Unit | null>(null);
  const [unitForm] = Form.useForm();
  const [backupFile, setBackupFile] = useState('');
  const [restoreFile, setRestoreFile] = useState('');
  const [moveTo, setMoveTo] = useState('');
  const info = useLoad(() => call('app.info', {}), []);
  const backups = useLoad(() => call('backup.list', {}), []);
  const formUnsaved = useFormUnsaved(form, 'settings-documents', '公文格式设置的修改');
  const unitUnsaved = useFormUnsaved(unitForm, 'settings-unit', `「${editing?.name ?? ''}」发文信息的修改`);
  const confirmDiscard = useConfirmDiscard();
  /** Closes the unit's dialog, asking first when that throws its edits away. */
  const closeUnit = async () => {
    if (unitUnsaved.dirty && !(await confirmDiscard(`「${editing?.name ?? ''}」发文信息的修改`))) return;
    setEditing(null);
    unitUnsaved.loaded();
  };

  const restore = (file: string) =>
    Modal.confirm({
      title: '从备份恢复',
      content: `恢复会用备份「${file}」里的数据替换现在的全部数据，备份之后录入或修改的内容将不再出现。恢复前会先把现在的数据另存一份（在自动备份列表里，名为“恢复备份前保存的数据库”），可以再恢复回来。`,
      okText: '恢复',
      cancelText: '取消',
      onOk: async () => {
        try {
          const { savedCurrentAs } = await call('backup.restore', { file });
          message.success(`已恢复；恢复前的数据另存为 ${savedCurrentAs}`);
          setTimeout(() => window.location.reload(), 800);
        } catch (error) {
          report(error);
        }
      },
    });

  useEffect(() => {
    if (!settings.data) return;
    form.setFieldsValue(settings.data);
    formUnsaved.loaded();
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
                formUnsaved.loaded();
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
        <Form form={form} layout="vertical" onValuesChange={formUnsaved.edited}>
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
              <TextField key={key} name={['fonts', key]} label={label} width={150} />
            ))}
          </Space>
          <Space wrap>
            <ChoiceField name="markPosition" label="办理结果标记" width={150} choices={MARK_POSITIONS} />
            {RESULT_CODES.map((code) => (
              <TextField key={code} name={['markLabels', code]} label={`${code} 类印作`} width={80} />
            ))}
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
              unitUnsaved.loaded();
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
        onCancel={() => void closeUnit()}
        onOk={async () => {
          try {
            await call('units.update', { id: editing!.id, ...unitForm.getFieldsValue() });
            unitUnsaved.loaded();
            setEditing(null);
            units.reload();
          } catch (error) {
            report(error);
          }
        }}
      >
        <Form form={unitForm} layout="vertical" onValuesChange={unitUnsaved.edited}>
          {LETTERHEAD_FIELDS.map(([name, label]) => (
            <TextField key={name} name={name} label={label} />
          ))}
        </Form>
      </Modal>

      <Card title="备份与恢复">
        <Space direction="vertical">
          <Space>
            <DatabasePathInput
              value={backupFile}
              onChange={setBackupFile}
              pick="save"
              placeholder="备份保存为（如 D:\备份\台账-2024-11-22.db）"
              testId="backup-file"
            />
            <Button
              onClick={() =>
                writeFile(
                  (flags) => call('backup.create', { file: backupFile, createFolder: flags.createFolder }),
                  (done) => `已备份到 ${done.file}（${Math.round(done.bytes / 1024)} KB）`,
                )
              }
              data-testid="backup"
            >
              立即备份
            </Button>
          </Space>
          <Space>
            <DatabasePathInput
              value={restoreFile}
              onChange={setRestoreFile}
              pick="open"
              placeholder="从哪个备份文件恢复"
              testId="restore-file"
            />
            <Button danger onClick={() => restore(restoreFile)} data-testid="restore">
              从备份恢复
            </Button>
          </Space>
        </Space>
      </Card>

      <Card
        title="自动备份"
        extra={
          <Button size="small" onClick={() => backups.reload()}>
            刷新
          </Button>
        }
      >
        <p style={{ marginTop: 0 }}>
          程序在每次启动时、每次导入台账前、升级前，以及使用中每隔 20
          分钟（有修改时）自动备份数据库，并逐一检查备份是否完好。保留当天最近 6 份、之前 30 天每天最后 1 份，最多 40
          份。备份文件夹：{backups.data?.folder ?? '…'}
          {backups.data && window.jianyiNative && (
            <Button type="link" size="small" onClick={() => window.jianyiNative?.showInFolder({ path: backups.data!.folder })}>
              打开文件夹
            </Button>
          )}
        </p>
        {backups.data?.problem && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 12 }}
            message="最近一次自动备份没有成功，问题解决之前没有新的备份"
            description={backups.data.problem}
            data-testid="backup-problem"
          />
        )}
        <Table
          size="small"
          rowKey="file"
          pagination={{ pageSize: 8, hideOnSinglePage: true }}
          dataSource={backups.data?.backups ?? []}
          locale={{ emptyText: '还没有自动备份（新建的数据库在下次启动时开始备份）' }}
          data-testid="auto-backups"
          columns={[
            { title: '时间', dataIndex: 'createdAt', render: (v: string) => v.replace('T', ' ') },
            { title: '类型', dataIndex: 'reason' },
            { title: '大小', dataIndex: 'bytes', render: (v: number) => `${Math.max(1, Math.round(v / 1024))} KB` },
            {
              title: '',
              render: (_: unknown, row: { file: string }) => (
                <Button size="small" danger onClick={() => restore(row.file)}>
                  恢复到此备份
                </Button>
              ),
            },
          ]}
        />
      </Card>

      <Card title="数据库位置">
        <p style={{ marginTop: 0 }}>
          现在的数据库：<span data-testid="database-path">{info.data?.database ?? '…'}</span>
        </p>
        <Space>
          <DatabasePathInput
            value={moveTo}
            onChange={setMoveTo}
            pick="save"
            placeholder="移到（如 D:\建议办理\建议办理助手.db）"
            testId="move-database"
          />
          <Button
            onClick={() =>
              Modal.confirm({
                title: '移动数据库',
                content:
                  '将把现在的数据库完整复制到新位置并检查无误，之后程序使用新位置的数据库（桌面版会自动重新启动）。原来的文件保留不动，可以作为备份。',
                okText: '移动',
                cancelText: '取消',
                onOk: async () => {
                  try {
                    const moved = await call('database.move', { file: moveTo });
                    message.success(
                      moved.restartNeeded
                        ? `已复制到 ${moved.file}，程序即将重新启动并使用它`
                        : `已复制到 ${moved.file}。浏览器版请用 npm run web -- --db "${moved.file}" 打开它`,
                    );
                  } catch (error) {
                    report(error);
                  }
                },
              })
            }
            data-testid="move-database-button"
          >
            移动到新位置
          </Button>
        </Space>
      </Card>
    </Space>
  );
}
