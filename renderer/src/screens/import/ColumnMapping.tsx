import { Select, Table, Typography } from 'antd';
import type { Output } from '../../../../electron/common/api/contract';
import { CANONICAL_HEADERS, LEDGER_FIELDS } from '../../../../electron/common/ledger/columns';

type Column = Output<'import.preview'>['columns'][number];
/** Column index (as text) → the field chosen for it, null to ignore it. */
export type Mapping = Record<string, string | null>;

/** Scrolls the page so the list that just opened below its row is in view, once it has been placed. */
function revealOpenList(tries = 10) {
  const list = document.querySelector('[data-testid="import-columns"] .ant-select-dropdown:not(.ant-select-dropdown-hidden)');
  const placed = list?.classList.contains('ant-select-dropdown-placement-bottomLeft') && !list.className.includes('-appear');
  if (list && placed) list.scrollIntoView({ block: 'nearest' });
  else if (tries > 0) setTimeout(() => revealOpenList(tries - 1), 60);
}

/** The mapping dropdown always opens below its row (the page grows), never flipped over the rows above. */
const BELOW_ITS_ROW = {
  bottomLeft: { points: ['tl', 'bl'], offset: [0, 4], overflow: { adjustX: true, adjustY: false } },
};

/** The columns the importer recognised, each with the field it goes to; the clerk can change any. */
export function ColumnMapping({
  columns,
  mapping,
  onChange,
}: {
  columns: Column[];
  mapping: Mapping;
  onChange: (next: Mapping) => void;
}) {
  return (
    <Table
      size="small"
      rowKey="index"
      pagination={false}
      title={() => '识别出的列（可以改）'}
      // A long ledger's column list scrolls under its header instead of taking it away.
      sticky
      dataSource={columns}
      data-testid="import-columns"
      columns={[
        { title: '列', dataIndex: 'letter', width: 60 },
        {
          title: '表头',
          dataIndex: 'header',
          render: (h: string) => <span style={{ whiteSpace: 'pre-line' }}>{h}</span>,
        },
        {
          title: '对应台账的',
          dataIndex: 'field',
          render: (field: string | null, column) => (
            <Select
              style={{ width: 160 }}
              placement="bottomLeft"
              builtinPlacements={BELOW_ITS_ROW}
              // Inside the table, so the page scrolls to it instead of the list jumping upwards.
              getPopupContainer={(trigger: HTMLElement) => trigger.closest<HTMLElement>('.ant-table') ?? document.body}
              onOpenChange={(open) => open && revealOpenList()}
              listHeight={320}
              showSearch
              optionFilterProp="label"
              data-testid={`map-${column.index}`}
              value={mapping[String(column.index)] !== undefined ? mapping[String(column.index)] : field}
              allowClear
              placeholder="（忽略此列）"
              options={LEDGER_FIELDS.map((value) => ({ value, label: CANONICAL_HEADERS[value] }))}
              onChange={(value: string | undefined) => onChange({ ...mapping, [String(column.index)]: value ?? null })}
            />
          ),
        },
        {
          title: '说明',
          render: (_: unknown, column) =>
            column.field && column.choice ? (
              <Typography.Text type="secondary">勾选列：打 √ 的表示「{column.choice.split('\n')[0]}」</Typography.Text>
            ) : column.field ? null : (
              <Typography.Text type="secondary">不导入{column.reason ? `：${column.reason}` : ''}</Typography.Text>
            ),
        },
      ]}
    />
  );
}
