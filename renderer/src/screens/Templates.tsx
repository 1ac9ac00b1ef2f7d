import { App, Button, Card, Input, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { Output } from '../../../electron/common/api/contract';
import { ApiError, call } from '../api';
import { useLoad, useReportError } from '../hooks';
import { useConfirmDiscard, useUnsaved } from '../unsaved';
import { DocxPreview } from './Documents';

type Entry = Output<'templates.list'>[number];

export function TemplatesScreen() {
  const { message } = App.useApp();
  const report = useReportError();
  const list = useLoad(() => call('templates.list', {}), []);
  const [selected, setSelected] = useState<Entry | null>(null);
  const [source, setSource] = useState('');
  const [copyName, setCopyName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [preview, setPreview] = useState<string | null>(null);
  const confirmDiscard = useConfirmDiscard();
  const dirty = selected !== null && selected.origin === 'user' && source !== selected.source;
  const what = `模板「${selected?.name ?? ''}」的修改`;
  useUnsaved('template', what, dirty);

  /** Opens another template, asking first when that throws unsaved edits away. */
  const select = async (entry: Entry) => {
    if (dirty && !(await confirmDiscard(what))) return;
    setSelected(entry);
    setSource(entry.source);
    setProblem(null);
  };

  const save = async () => {
    try {
      await call('templates.save', { source, basedOn: selected?.basedOn ?? null });
      setSelected((s) => s && { ...s, source });
      setProblem(null);
      message.success('模板已保存');
      list.reload();
    } catch (error) {
      if (error instanceof ApiError) setProblem(error.message);
      else report(error);
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Table
        rowKey={(t) => `${t.origin}:${t.name}`}
        size="small"
        pagination={false}
        dataSource={list.data ?? []}
        onRow={(t) => ({ onClick: () => void select(t), style: { cursor: 'pointer' } })}
        columns={[
          { title: '名称', dataIndex: 'name' },
          { title: '类型', dataIndex: 'kindLabel', width: 200 },
          {
            title: '来源',
            width: 260,
            render: (_: unknown, t) =>
              t.origin === 'builtin' ? (
                <Tag>{t.overridden ? '内置（已被自定义模板取代）' : '内置'}</Tag>
              ) : (
                <Tag color="blue">自定义{t.basedOn ? `（基于 ${t.basedOn}）` : ''}</Tag>
              ),
          },
          { title: '说明', dataIndex: 'description', ellipsis: true },
        ]}
      />
      {selected && (
        <Card
          title={`模板「${selected.name}」`}
          extra={
            <Space>
              <Input
                style={{ width: 200 }}
                placeholder="新模板的名称"
                value={copyName}
                onChange={(e) => setCopyName(e.target.value)}
                data-testid="copy-name"
              />
              <Button
                onClick={async () => {
                  try {
                    const entries = await call('templates.copy', { from: selected.name, to: copyName });
                    list.reload();
                    const copy = entries.find((t) => t.name === copyName);
                    if (copy) await select(copy);
                    message.success('已复制');
                  } catch (error) {
                    report(error);
                  }
                }}
                disabled={!copyName.trim()}
                data-testid="copy-template"
              >
                复制为新模板
              </Button>
              {selected.origin === 'user' && (
                <>
                  <Button type="primary" onClick={save} data-testid="save-template">
                    保存
                  </Button>
                  <Button
                    danger
                    onClick={async () => {
                      try {
                        await call('templates.reset', { name: selected.name });
                        setSelected(null);
                        list.reload();
                        message.success('已删除自定义模板，恢复使用内置模板');
                      } catch (error) {
                        report(error);
                      }
                    }}
                  >
                    恢复内置
                  </Button>
                </>
              )}
            </Space>
          }
        >
          {problem && (
            <Typography.Paragraph type="danger" data-testid="template-error">
              {problem}
            </Typography.Paragraph>
          )}
          <Button
            style={{ marginBottom: 8 }}
            onClick={async () => {
              try {
                setPreview((await call('templates.preview', { source })).contentBase64);
                setProblem(null);
              } catch (error) {
                if (error instanceof ApiError) setProblem(error.message);
                else report(error);
              }
            }}
            data-testid="preview-template"
          >
            用示例数据预览
          </Button>
          <Input.TextArea
            value={source}
            readOnly={selected.origin === 'builtin'}
            onChange={(e) => setSource(e.target.value)}
            autoSize={{ minRows: 20, maxRows: 40 }}
            style={{ fontFamily: 'monospace' }}
            data-testid="template-source"
          />
          {selected.origin === 'builtin' && (
            <Typography.Text type="secondary">内置模板只读：先“复制为新模板”再修改。</Typography.Text>
          )}
          <DocxPreview base64={preview} />
        </Card>
      )}
    </Space>
  );
}
