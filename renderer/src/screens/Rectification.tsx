import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Input, Select, Space, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { Input as ApiInput, Output } from '../../../electron/common/api/contract';
import { readDate } from '../../../electron/common/domain/dates';
import { call } from '../api';
import { DateInput } from '../fields';
import { useLoad, useReportError } from '../hooks';
import { DocxPathInput } from '../PathInput';
import { useWriteFile } from '../confirm-write';
import { sameValues, useConfirmDiscard, useUnsaved } from '../unsaved';

type Session = Output<'sessions.list'>[number];
type Draft = ApiInput<'opinions.save'>;
type Item = Draft['items'][number];

const EMPTY_ITEM: Item = { aspect: '', problem: '', suggestion: '', measures: '', units: '', deadline: '持续推进' };

/** The editable part of a saved opinion. */
const draftOf = (o: Output<'opinions.get'>): Draft => ({
  id: o.id,
  name: o.name,
  title: o.title,
  sessionId: o.sessionId,
  report: o.report,
  items: o.items,
});

/** The review opinion's report and its 整改清单: aspects, rows in order, reordering. */
export function RectificationEditor({ session }: { session: Session }) {
  const { message } = App.useApp();
  const report = useReportError();
  const writeFile = useWriteFile();
  const opinions = useLoad(() => call('opinions.list', {}), []);
  const confirmDiscard = useConfirmDiscard();
  const [draft, setDraft] = useState<Draft | null>(null);
  // What the draft was when opened or last saved: it differs from the draft while edits are unsaved.
  const [loaded, setLoaded] = useState<Draft | null>(null);
  const [dateProblem, setDateProblem] = useState<string | null>(null);
  const [out, setOut] = useState('');
  const dirty = draft !== null && !sameValues(draft, loaded);
  const what = `整改清单「${draft?.name || draft?.title || '新建的审议意见'}」的修改`;
  useUnsaved('rectification', what, dirty);

  /** Shows `next` in the editor, asking first when that throws unsaved edits away. */
  const replace = async (next: () => Promise<Draft | null>) => {
    if (dirty && !(await confirmDiscard(what))) return;
    try {
      const shown = await next();
      if (!shown) return;
      setDraft(shown);
      setLoaded(shown);
      setDateProblem(null);
    } catch (error) {
      report(error);
    }
  };
  const open = (id: number) => replace(async () => draftOf(await call('opinions.get', { id })));
  useEffect(() => {
    const first = opinions.data?.[0];
    if (first && !draft) void open(first.id);
  }, [opinions.data]);

  const setItem = (index: number, patch: Partial<Item>) =>
    setDraft((d) => d && { ...d, items: d.items.map((item, i) => (i === index ? { ...item, ...patch } : item)) });
  const move = (index: number, by: number) =>
    setDraft((d) => {
      if (!d) return d;
      const items = [...d.items];
      const [item] = items.splice(index, 1);
      items.splice(Math.max(0, Math.min(items.length, index + by)), 0, item!);
      return { ...d, items };
    });

  const save = async () => {
    if (!draft) return;
    const typedDate = draft.report.date?.trim() ?? '';
    const date = typedDate ? (readDate(typedDate)?.date ?? null) : null;
    if (typedDate && !date) {
      setDateProblem(`成文日期「${typedDate}」无法识别，请按 2024-11-20 的样子填写`);
      message.error('有内容需要改正，还没有保存（见标红的项目）');
      return;
    }
    setDateProblem(null);
    try {
      const saved = draftOf(await call('opinions.save', { ...draft, report: { ...draft.report, date } }));
      setDraft(saved);
      setLoaded(saved);
      opinions.reload();
      message.success('已保存');
    } catch (error) {
      report(error);
    }
  };

  const cell = (index: number, key: keyof Item, rows = 3) => (
    <Input.TextArea
      autoSize={{ minRows: 1, maxRows: rows }}
      value={draft!.items[index]![key]}
      onChange={(e) => setItem(index, { [key]: e.target.value })}
      data-testid={`item-${key}-${index}`}
    />
  );

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Select
          style={{ width: 360 }}
          placeholder="选择审议意见"
          value={draft?.id}
          options={(opinions.data ?? []).map((o) => ({ value: o.id, label: o.name }))}
          onChange={(id: number) => void open(id)}
          data-testid="opinion-select"
        />
        <Button
          icon={<PlusOutlined />}
          onClick={() =>
            void replace(async () => ({
              name: '',
              title: '',
              sessionId: session.id,
              report: { addressee: '区人大常委会', docNumber: '', date: null, text: '' },
              items: [{ ...EMPTY_ITEM }],
            }))
          }
          data-testid="new-opinion"
        >
          新建
        </Button>
      </Space>
      {draft && (
        <>
          <Card
            title="办理审议意见的报告"
            extra={
              <Button type="primary" onClick={save} data-testid="save-opinion">
                保存
              </Button>
            }
          >
            <Space direction="vertical" style={{ width: '100%' }}>
              <Space wrap>
                <Input
                  style={{ width: 300 }}
                  placeholder="名称（便于查找）"
                  value={draft.name}
                  onChange={(e) => setDraft({ ...draft, name: e.target.value })}
                />
                <Input
                  style={{ width: 420 }}
                  placeholder="审议意见标题，如 关于……的审议意见"
                  value={draft.title}
                  onChange={(e) => setDraft({ ...draft, title: e.target.value })}
                />
              </Space>
              <Space wrap>
                <Input
                  style={{ width: 200 }}
                  placeholder="主送"
                  value={draft.report.addressee}
                  onChange={(e) => setDraft({ ...draft, report: { ...draft.report, addressee: e.target.value } })}
                />
                <Input
                  style={{ width: 220 }}
                  placeholder="文号，如 青府发〔2024〕45号"
                  value={draft.report.docNumber}
                  onChange={(e) => setDraft({ ...draft, report: { ...draft.report, docNumber: e.target.value } })}
                />
                <Space size={4}>
                  <span>成文日期</span>
                  <DateInput
                    value={draft.report.date}
                    onChange={(date) => {
                      setDateProblem(null);
                      setDraft((d) => d && { ...d, report: { ...d.report, date: date || null } });
                    }}
                    testId="opinion-date"
                  />
                  {dateProblem && (
                    <Typography.Text type="danger" data-testid="opinion-date-problem">
                      {dateProblem}
                    </Typography.Text>
                  )}
                </Space>
              </Space>
              <Input.TextArea
                autoSize={{ minRows: 5, maxRows: 16 }}
                placeholder="报告正文（每行一段；以“一、”开头的短行排成标题）"
                value={draft.report.text}
                onChange={(e) => setDraft({ ...draft, report: { ...draft.report, text: e.target.value } })}
                data-testid="opinion-text"
              />
            </Space>
          </Card>
          <Card
            title="审议意见问题整改清单（同一“主要方面”的相邻各行在表中合并）"
            extra={
              <Button
                icon={<PlusOutlined />}
                onClick={() =>
                  setDraft({ ...draft, items: [...draft.items, { ...EMPTY_ITEM, aspect: draft.items.at(-1)?.aspect ?? '' }] })
                }
              >
                加一行
              </Button>
            }
          >
            <Table
              size="small"
              rowKey={(_, i) => String(i)}
              pagination={false}
              dataSource={draft.items}
              columns={[
                { title: '主要方面', width: 160, render: (_: unknown, __: Item, i: number) => cell(i, 'aspect') },
                { title: '重点问题', render: (_: unknown, __: Item, i: number) => cell(i, 'problem', 6) },
                { title: '意见建议', render: (_: unknown, __: Item, i: number) => cell(i, 'suggestion', 6) },
                { title: '整改措施', render: (_: unknown, __: Item, i: number) => cell(i, 'measures', 8) },
                { title: '责任单位', width: 120, render: (_: unknown, __: Item, i: number) => cell(i, 'units') },
                { title: '整改期限', width: 110, render: (_: unknown, __: Item, i: number) => cell(i, 'deadline', 1) },
                {
                  title: '',
                  width: 100,
                  render: (_: unknown, __: Item, i: number) => (
                    <Space size={0}>
                      <Button type="text" icon={<ArrowUpOutlined />} disabled={i === 0} onClick={() => move(i, -1)} />
                      <Button
                        type="text"
                        icon={<ArrowDownOutlined />}
                        disabled={i === draft.items.length - 1}
                        onClick={() => move(i, 1)}
                      />
                      <Button
                        type="text"
                        danger
                        icon={<DeleteOutlined />}
                        onClick={() => setDraft({ ...draft, items: draft.items.filter((_, j) => j !== i) })}
                      />
                    </Space>
                  ),
                },
              ]}
            />
          </Card>
          <Card>
            <Space wrap>
              <span>保存为：</span>
              <DocxPathInput value={out} onChange={setOut} placeholder="如 D:\报告\审议意见办理报告.docx" />
              <Button
                type="primary"
                disabled={!out.trim() || !draft.id}
                onClick={() =>
                  writeFile(
                    (flags) => call('documents.rectification', { opinionId: draft.id!, out, ...flags }),
                    (done) => `已生成：${done.file}`,
                  )
                }
              >
                生成报告和整改清单
              </Button>
            </Space>
          </Card>
        </>
      )}
    </Space>
  );
}
