import { App, Button, Checkbox, Input, Popover, Select, Space, Table, Tag, type ButtonProps } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import type { ProposalRow, UndoStatus } from '../../../electron/common/api/contract';
import { DEADLINE_STATUS_LABELS, type DeadlineStatus } from '../../../electron/common/domain/deadlines';
import { termsOf } from '../../../electron/common/domain/terms';
import { dropLocalDraft, loadLocalDraft } from '../unsaved';
import { call } from '../api';
import { useLoad, useReportError } from '../hooks';
import { LastUndoNotice, UndoNotice } from '../UndoNotice';
import { loadProposals } from '../proposals-cache';
import { ProposalEditor } from './proposal-editor/ProposalEditor';
import type { Session } from './proposal-editor/types';

/** How each deadline state is coloured; its words are the domain's. */
const STATUS_COLOR: Record<DeadlineStatus, string> = {
  overdue: 'red',
  'due-soon': 'orange',
  pending: 'blue',
  'no-deadline': 'default',
  'on-time': 'green',
  late: 'volcano',
};

const DEFAULT_HIDDEN = ['delegation', 'coUnits', 'assignedDate'];
const MIN_TITLE_WIDTH = 320;
/** Columns that are always shown, even with nothing in them. */
const ALWAYS_SHOWN = new Set(['number', 'title', 'deadlineStatus']);

/** The columns no row has a value in (类别 of a ledger without categories): hidden by default. */
function emptyColumns(rows: ProposalRow[], columns: ColumnsType<ProposalRow>): string[] {
  if (rows.length === 0) return [];
  return columns
    .map((c) => String(c.key))
    .filter((key) => !ALWAYS_SHOWN.has(key))
    .filter((key) =>
      rows.every((r) => {
        const value = (r as unknown as Record<string, unknown>)[key];
        return value === null || value === undefined || value === '';
      }),
    );
}

/** Matches a row against the search box: title, deputies, units, number. */
function matches(row: ProposalRow, query: string): boolean {
  if (!query) return true;
  return [row.number, row.title, row.deputies, row.leadUnit, row.coUnits, row.delegation].some((v) => v.includes(query));
}

/** The proposals of one session as a table, with filters and the columns to show; a click on a row opens the editor. */
export function ProposalsScreen({ session, onChanged }: { session: Session; onChanged: () => void }) {
  const [generation, setGeneration] = useState(0);
  const rows = useLoad(() => loadProposals(session.id, generation > 0), [session.id, generation]);
  const [query, setQuery] = useState('');
  const [category, setCategory] = useState<string | undefined>();
  const [unit, setUnit] = useState<string | undefined>();
  const [result, setResult] = useState<string | undefined>();
  const [status, setStatus] = useState<string | undefined>();
  const [keyOnly, setKeyOnly] = useState(false);
  const [leaderOnly, setLeaderOnly] = useState(false);
  // An editor left open with unsaved edits (a reload, a crash) opens again with them.
  const [open, setOpen] = useState<number | null>(() => {
    const left = loadLocalDraft<{ sessionId: number; id: number }>('open');
    return left && left.sessionId === session.id && loadLocalDraft(`proposal.${left.id}`) ? left.id : null;
  });
  const [selected, setSelected] = useState<number[]>([]);
  const [deletion, setDeletion] = useState<{ done: string; undo: UndoStatus } | null>(null);
  const { modal } = App.useApp();
  const report = useReportError();
  // null until the clerk picks columns: then the default set, less the columns with no values.
  const [chosenHidden, setHidden] = useState<string[] | null>(null);

  const units = useMemo(() => [...new Set((rows.data ?? []).map((r) => r.leadUnit).filter(Boolean))].sort(), [rows.data]);
  const filtered = useMemo(
    () =>
      (rows.data ?? []).filter(
        (r) =>
          matches(r, query.trim()) &&
          (!category || r.category === category) &&
          (!unit || r.leadUnit === unit || r.coUnits.split('、').includes(unit)) &&
          (!result || (result === 'none' ? !r.resultCode : r.resultCode === result)) &&
          (!status ||
            (status === 'unanswered'
              ? ['overdue', 'due-soon', 'pending', 'no-deadline'].includes(r.deadlineStatus)
              : r.deadlineStatus === status)) &&
          (!keyOnly || r.isKey) &&
          (!leaderOnly || r.leaderSupervised),
      ),
    [rows.data, query, category, unit, result, status, keyOnly, leaderOnly],
  );

  const terms = termsOf(session.kind);

  /** Deletes after a confirmation that names every proposal that goes. */
  const confirmDelete = (ids: number[], afterwards?: () => void) => {
    const going = (rows.data ?? []).filter((r) => ids.includes(r.id));
    if (going.length === 0) return;
    modal.confirm({
      title: `删除 ${going.length} 件${terms.item}？`,
      width: 600,
      okText: '删除',
      okButtonProps: { danger: true, 'data-testid': 'confirm-delete' } as ButtonProps,
      cancelText: '取消',
      content: (
        <div data-testid="delete-list">
          <p>将删除以下{terms.item}及其办理记录、面商记录和跟踪事项。删除前会自动备份，删除后可以撤销。</p>
          <ul style={{ maxHeight: 240, overflow: 'auto', paddingLeft: 20 }}>
            {going.map((r) => (
              <li key={r.id}>
                {r.number} {r.title}
              </li>
            ))}
          </ul>
        </div>
      ),
      onOk: async () => {
        try {
          const result = await call('proposals.delete', { sessionId: session.id, ids: going.map((r) => r.id) });
          setDeletion({ done: `已删除 ${result.deleted} 件${terms.item}：${result.numbers.join('、')}`, undo: result.undo });
          setSelected([]);
          afterwards?.();
          setGeneration((g) => g + 1);
          onChanged();
        } catch (error) {
          report(error);
        }
      },
    });
  };

  const allColumns: ColumnsType<ProposalRow> = [
    {
      key: 'number',
      title: terms.numberWord,
      dataIndex: 'number',
      width: 90,
      sorter: (a, b) => (a.numberSort ?? 0) - (b.numberSort ?? 0),
    },
    { key: 'title', title: '标题', dataIndex: 'title', ellipsis: true },
    { key: 'deputies', title: session.kind === 'npc' ? '代表' : '提案人', dataIndex: 'deputies', width: 140, ellipsis: true },
    { key: 'delegation', title: terms.group, dataIndex: 'delegation', width: 110 },
    { key: 'category', title: '类别', dataIndex: 'category', width: 130 },
    {
      key: 'leadUnit',
      title: '主办单位',
      dataIndex: 'leadUnit',
      width: 150,
      sorter: (a, b) => a.leadUnit.localeCompare(b.leadUnit, 'zh-CN'),
    },
    { key: 'coUnits', title: '会办单位', dataIndex: 'coUnits', width: 160, ellipsis: true },
    { key: 'assignedDate', title: '交办日期', dataIndex: 'assignedDate', width: 110 },
    {
      key: 'deadline',
      title: '办理期限',
      dataIndex: 'deadline',
      width: 110,
      sorter: (a, b) => (a.deadline ?? '').localeCompare(b.deadline ?? ''),
    },
    { key: 'replyDate', title: '答复日期', dataIndex: 'replyDate', width: 110 },
    { key: 'resultLabel', title: '办理结果', dataIndex: 'resultLabel', width: 110 },
    {
      key: 'deadlineStatus',
      title: '期限',
      dataIndex: 'deadlineStatus',
      width: 120,
      render: (value: DeadlineStatus, row) => (
        <Tag color={STATUS_COLOR[value]} data-testid={`status-${row.number}`}>
          {DEADLINE_STATUS_LABELS[value]}
          {row.daysLeft !== null && value !== 'pending'
            ? row.daysLeft < 0
              ? ` ${-row.daysLeft}天`
              : ` 剩${row.daysLeft}天`
            : ''}
        </Tag>
      ),
    },
  ];
  const empty = emptyColumns(rows.data ?? [], allColumns);
  const hidden = chosenHidden ?? [...DEFAULT_HIDDEN, ...empty];
  const columns = allColumns.filter((c) => !hidden.includes(String(c.key)));
  // The title takes what the other columns leave; a horizontal scroll only when they leave too little.
  const tableWidth = columns.reduce((sum, c) => sum + (typeof c.width === 'number' ? c.width : MIN_TITLE_WIDTH), 0);

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Input.Search
          allowClear
          placeholder={`搜索标题、${session.kind === 'npc' ? '代表' : '提案人'}、单位、${terms.numberWord}`}
          style={{ width: 280 }}
          onChange={(e) => setQuery(e.target.value)}
          data-testid="search"
        />
        <FilterSelect
          placeholder="类别"
          width={150}
          state={[category, setCategory]}
          options={session.categories.map((c) => ({ value: c, label: c }))}
          testId="filter-category"
        />
        <FilterSelect
          showSearch
          placeholder="承办单位"
          width={170}
          state={[unit, setUnit]}
          options={units.map((u) => ({ value: u, label: u }))}
        />
        <FilterSelect
          placeholder="办理结果"
          width={130}
          state={[result, setResult]}
          options={[
            ...Object.entries(session.resultLabels).map(([code, label]) => ({ value: code, label: `${code} ${label}` })),
            { value: 'none', label: '尚未答复' },
          ]}
        />
        <FilterSelect
          placeholder="期限"
          width={130}
          state={[status, setStatus]}
          testId="filter-status"
          options={[
            { value: 'overdue', label: DEADLINE_STATUS_LABELS.overdue },
            { value: 'due-soon', label: DEADLINE_STATUS_LABELS['due-soon'] },
            { value: 'unanswered', label: '未答复' },
            { value: 'late', label: DEADLINE_STATUS_LABELS.late },
          ]}
        />
        <Checkbox checked={keyOnly} onChange={(e) => setKeyOnly(e.target.checked)}>
          重点建议
        </Checkbox>
        <Checkbox checked={leaderOnly} onChange={(e) => setLeaderOnly(e.target.checked)}>
          领导领衔
        </Checkbox>
        <Popover
          trigger="click"
          content={
            <Checkbox.Group
              value={allColumns.map((c) => String(c.key)).filter((k) => !hidden.includes(k))}
              onChange={(shown) => setHidden(allColumns.map((c) => String(c.key)).filter((k) => !shown.includes(k)))}
              options={allColumns.map((c) => ({
                value: String(c.key),
                label: empty.includes(String(c.key)) ? `${String(c.title)}（本会议都没有填写）` : String(c.title),
              }))}
              style={{ display: 'grid', gap: 4 }}
            />
          }
        >
          <Button>显示的列</Button>
        </Popover>
        <span data-testid="row-count">共 {filtered.length} 条</span>
        {selected.length > 0 && (
          <Button danger onClick={() => confirmDelete(selected)} data-testid="delete-selected">
            删除所选（{selected.length} 件）
          </Button>
        )}
      </Space>
      {deletion ? <UndoNotice status={deletion.undo} done={deletion.done} /> : <LastUndoNotice />}
      <Table
        virtual
        rowKey="id"
        size="small"
        loading={rows.loading}
        columns={columns}
        dataSource={filtered}
        pagination={false}
        scroll={{ x: tableWidth, y: Math.max(300, window.innerHeight - 200) }}
        rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as number[]), columnWidth: 40 }}
        onRow={(row) => ({ onClick: () => setOpen(row.id), style: { cursor: 'pointer' } })}
        data-testid="proposals-table"
      />
      {open !== null && (
        <ProposalEditor
          id={open}
          session={session}
          onClose={() => {
            dropLocalDraft('open');
            setOpen(null);
          }}
          onSaved={() => {
            setGeneration((g) => g + 1);
            onChanged();
          }}
          onDelete={() =>
            confirmDelete([open], () => {
              dropLocalDraft('open');
              setOpen(null);
            })
          }
        />
      )}
    </Space>
  );
}

/** One of the list's filters: a drop-down whose choice narrows the list, cleared to show all. */
function FilterSelect(props: {
  placeholder: string;
  width: number;
  state: [string | undefined, (value: string | undefined) => void];
  options: { value: string; label: string }[];
  showSearch?: boolean;
  testId?: string;
}) {
  const [value, onChange] = props.state;
  return (
    <Select
      allowClear
      showSearch={props.showSearch}
      placeholder={props.placeholder}
      style={{ width: props.width }}
      value={value}
      onChange={onChange}
      options={props.options}
      data-testid={props.testId}
    />
  );
}
