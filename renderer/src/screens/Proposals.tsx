import { Button, Checkbox, Input, Popover, Select, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import type { ProposalRow } from '../../../electron/common/api/contract';
import { DEADLINE_STATUS_LABELS, type DeadlineStatus } from '../../../electron/common/domain/deadlines';
import { termsOf } from '../../../electron/common/domain/terms';
import { dropLocalDraft, loadLocalDraft } from '../unsaved';
import { useLoad } from '../hooks';
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
  const [hidden, setHidden] = useState<string[]>(['delegation', 'coUnits', 'assignedDate']);

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
  const columns = allColumns.filter((c) => !hidden.includes(String(c.key)));

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
        <Select
          allowClear
          placeholder="类别"
          style={{ width: 150 }}
          value={category}
          onChange={setCategory}
          options={session.categories.map((c) => ({ value: c, label: c }))}
          data-testid="filter-category"
        />
        <Select
          allowClear
          showSearch
          placeholder="承办单位"
          style={{ width: 170 }}
          value={unit}
          onChange={setUnit}
          options={units.map((u) => ({ value: u, label: u }))}
        />
        <Select
          allowClear
          placeholder="办理结果"
          style={{ width: 130 }}
          value={result}
          onChange={setResult}
          options={[
            ...Object.entries(session.resultLabels).map(([code, label]) => ({ value: code, label: `${code} ${label}` })),
            { value: 'none', label: '尚未答复' },
          ]}
        />
        <Select
          allowClear
          placeholder="期限"
          style={{ width: 130 }}
          value={status}
          onChange={setStatus}
          data-testid="filter-status"
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
              options={allColumns.map((c) => ({ value: String(c.key), label: String(c.title) }))}
              style={{ display: 'grid', gap: 4 }}
            />
          }
        >
          <Button>显示的列</Button>
        </Popover>
        <span data-testid="row-count">共 {filtered.length} 条</span>
      </Space>
      <Table
        virtual
        rowKey="id"
        size="small"
        loading={rows.loading}
        columns={columns}
        dataSource={filtered}
        pagination={false}
        scroll={{ x: 1200, y: Math.max(300, window.innerHeight - 200) }}
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
        />
      )}
    </Space>
  );
}
