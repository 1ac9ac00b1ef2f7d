import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Input,
  InputNumber,
  Radio,
  List,
  Progress,
  Select,
  Space,
  Statistic,
  Table,
  Typography,
} from 'antd';
import { useState } from 'react';
import type { Output, UndoStatus } from '../../../electron/common/api/contract';
import { SESSION_YEARS } from '../../../electron/common/domain/session';
import { ApiError, call } from '../api';
import { FileDrop, type PickedFile } from '../FileDrop';
import { useReportError } from '../hooks';
import { UndoNotice } from '../UndoNotice';
import { ColumnMapping } from './import/ColumnMapping';
import { ExportLedger } from './import/ExportLedger';

/** The ledgers that can be imported, and what the box says before one is picked. */
const LEDGER_FILES = {
  accept: '.xlsx,.xls,.et,.csv,.htm,.html',
  prompt: '点击或把台账文件拖到这里（.xlsx、.csv，或业务系统导出的 .xls）',
};

type Session = Output<'sessions.list'>[number];
type Report = Output<'import.preview'>;

export function ImportScreen({
  sessions,
  current,
  onImported,
}: {
  sessions: Session[];
  current: Session | null;
  onImported: (name: string) => void;
}) {
  const { message } = App.useApp();
  const report = useReportError();
  const [file, setFile] = useState<PickedFile | null>(null);
  // Into an existing session, or a new one the clerk names and dates on purpose.
  const [target, setTarget] = useState<'existing' | 'new'>(sessions.length > 0 ? 'existing' : 'new');
  const [existingName, setExistingName] = useState(current?.name ?? sessions[0]?.name ?? '');
  const [newName, setNewName] = useState('');
  const [year, setYear] = useState<number | null>(null);
  const [kind, setKind] = useState<'npc' | 'cppcc'>('npc');
  const sessionName = target === 'existing' ? existingName : newName;
  const nameTaken = target === 'new' && sessions.some((s) => s.name === newName.trim());
  const yearProblem =
    target === 'new' && (year === null || !Number.isInteger(year) || year < SESSION_YEARS.min || year > SESSION_YEARS.max)
      ? year === null
        ? '请填写新会议的年份'
        : `年份应为 ${SESSION_YEARS.min} 到 ${SESSION_YEARS.max} 之间的整数，填的是 ${year}`
      : null;
  const [sheet, setSheet] = useState<string | undefined>();
  const [mapping, setMapping] = useState<Record<string, string | null>>({});
  const [clearBlanks, setClearBlanks] = useState(false);
  const [preview, setPreview] = useState<Report | null>(null);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<{ stage: string; percent: number } | null>(null);
  const [imported, setImported] = useState<{ done: string; undo: UndoStatus } | null>(null);

  type Overrides = { sheet?: string; mapping?: Record<string, string | null>; clearBlanks?: boolean };
  const input = (overrides: Overrides = {}) => ({
    fileName: file!.name,
    contentBase64: file!.base64,
    sessionName: sessionName.trim(),
    year: target === 'new' ? (year ?? undefined) : undefined,
    kind: target === 'new' ? kind : undefined,
    sheet: overrides.sheet ?? sheet,
    mapping: (overrides.mapping ?? mapping) as Record<string, never>,
    clearBlanks: overrides.clearBlanks ?? clearBlanks,
  });

  /** Runs the import as a job in the main process and shows its stage until it ends. */
  const runImport = async (dryRun: boolean, overrides: Overrides = {}) => {
    const { jobId } = await call('jobs.startImport', { ...input(overrides), dryRun });
    try {
      for (;;) {
        const status = await call('jobs.importStatus', { jobId });
        setProgress({ stage: status.stage, percent: Math.round((status.step / status.steps) * 100) });
        if (status.error) throw new ApiError(status.error.message, status.error.details);
        if (status.finished && status.result) return status.result;
        await new Promise((resolve) => setTimeout(resolve, 150));
      }
    } finally {
      setProgress(null);
    }
  };

  const runPreview = async (overrides: Overrides = {}) => {
    if (!file) return;
    setBusy(true);
    try {
      setPreview(await runImport(true, overrides));
    } catch (error) {
      setPreview(null);
      report(error);
    } finally {
      setBusy(false);
    }
  };

  const commit = async () => {
    setBusy(true);
    try {
      const result = await runImport(false);
      if (!result.committed) {
        setPreview(result);
        message.error(`台账有 ${result.errors.length} 处错误，未导入任何数据`);
        return;
      }
      const done = `导入完成：新增 ${result.counts.insert} 件，更新 ${result.counts.update} 件，${result.counts.unchanged} 件不变${result.cleared ? `，清空 ${result.cleared} 处` : ''}`;
      message.success(done);
      const undo = await call('undo.status', {});
      setImported(undo ? { done: `已导入「${file!.name}」：${done.replace(/^导入完成：/, '')}`, undo } : null);
      setPreview(null);
      setFile(null);
      onImported(result.sessionName);
    } catch (error) {
      report(error);
    } finally {
      setBusy(false);
    }
  };

  const pickLedger = (picked: PickedFile) => {
    setFile(picked);
    setSheet(undefined);
    setMapping({});
    setClearBlanks(false);
    setPreview(null);
  };

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      {imported && <UndoNotice status={imported.undo} done={imported.done} />}
      <Card title="导入台账" extra={current && <ExportLedger session={current} />}>
        <Space direction="vertical" style={{ width: '100%' }}>
          <Space wrap>
            <span>导入到：</span>
            <Radio.Group
              value={target}
              onChange={(e) => setTarget(e.target.value as 'existing' | 'new')}
              options={[
                { value: 'existing', label: '已有的会议', disabled: sessions.length === 0 },
                { value: 'new', label: '新建一届会议' },
              ]}
              data-testid="import-target"
            />
            {target === 'existing' ? (
              <Select
                showSearch
                style={{ width: 300 }}
                value={existingName || undefined}
                onChange={setExistingName}
                placeholder="选择会议（可输入名称查找）"
                options={sessions.map((s) => ({ value: s.name, label: `${s.name}（${s.year}年，${s.proposalCount} 件）` }))}
                data-testid="import-session"
              />
            ) : (
              <>
                <Input
                  style={{ width: 260 }}
                  value={newName}
                  onChange={(e) => setNewName(e.target.value)}
                  placeholder="新会议的名称，如 区七届人大四次会议"
                  status={nameTaken ? 'error' : undefined}
                  data-testid="import-new-session"
                />
                <span>年份：</span>
                <InputNumber
                  value={year}
                  onChange={setYear}
                  placeholder="如 2024"
                  status={yearProblem && year !== null ? 'error' : undefined}
                  data-testid="import-year"
                />
                <Select
                  style={{ width: 140 }}
                  value={kind}
                  onChange={setKind}
                  options={[
                    { value: 'npc', label: '人大代表建议' },
                    { value: 'cppcc', label: '政协提案' },
                  ]}
                  data-testid="import-kind"
                />
                {nameTaken && <Typography.Text type="danger">已经有这届会议，请选“已有的会议”</Typography.Text>}
                {!nameTaken && yearProblem && year !== null && <Typography.Text type="danger">{yearProblem}</Typography.Text>}
              </>
            )}
          </Space>
          <FileDrop {...LEDGER_FILES} file={file} onPick={pickLedger} testId="import-file" />
          <Space>
            <Button
              onClick={() => runPreview()}
              disabled={!file || !sessionName.trim() || nameTaken || Boolean(yearProblem)}
              loading={busy}
              data-testid="preview"
            >
              检查（试导入）
            </Button>
            <Button
              type="primary"
              onClick={commit}
              disabled={!preview || preview.errors.length > 0}
              loading={busy}
              data-testid="commit"
            >
              确认导入
            </Button>
          </Space>
          {progress && (
            <div data-testid="import-progress" style={{ maxWidth: 560 }}>
              <Typography.Text type="secondary">{progress.stage}……</Typography.Text>
              <Progress percent={progress.percent} status="active" size="small" />
            </div>
          )}
        </Space>
      </Card>

      {preview && (
        <Card
          title={`检查结果：工作表「${preview.sheetName}」，表头在第 ${
            preview.headerRows.length > 1 ? `${preview.headerRows[0]}–${preview.headerRows.at(-1)}` : preview.headerRow
          } 行`}
        >
          <Space direction="vertical" style={{ width: '100%' }}>
            {preview.sheetNames.length > 1 && (
              <Space>
                <span>工作表：</span>
                <Select
                  style={{ width: 200 }}
                  value={preview.sheetName}
                  options={preview.sheetNames.map((n) => ({ value: n, label: n }))}
                  onChange={(value: string) => {
                    setSheet(value);
                    setMapping({});
                    void runPreview({ sheet: value, mapping: {} });
                  }}
                />
              </Space>
            )}
            <Space size="large">
              <Statistic title="将新增" value={preview.counts.insert} suffix="件" />
              <Statistic title="将更新" value={preview.counts.update} suffix="件" />
              <Statistic title="不变" value={preview.counts.unchanged} suffix="件" />
              <Statistic
                title="错误"
                value={preview.errors.length}
                valueStyle={{ color: preview.errors.length ? '#cf1322' : undefined }}
                suffix="处"
              />
            </Space>
            {preview.errors.length > 0 && (
              <Alert
                type="error"
                message={`台账有 ${preview.errors.length} 处错误，改正后才能导入（一处错误也不会导入任何数据）`}
                description={
                  <List
                    size="small"
                    dataSource={preview.errors}
                    renderItem={(e) => <List.Item data-testid="import-error">{e}</List.Item>}
                    style={{ maxHeight: 300, overflow: 'auto' }}
                  />
                }
              />
            )}
            {preview.missing.map((m) => (
              <Alert key={m.field} type="warning" showIcon message={m.message} data-testid="import-missing" />
            ))}
            {preview.recalled && (
              <Alert type="info" showIcon message="这份台账的表头与上次导入的相同，已沿用上次选择的列的对应关系（可以再改）。" />
            )}
            {preview.warnings.map((w, i) => (
              <Alert key={i} type="warning" showIcon message={w} data-testid="import-warning" />
            ))}
            <Checkbox
              checked={clearBlanks}
              onChange={(e) => {
                setClearBlanks(e.target.checked);
                void runPreview({ clearBlanks: e.target.checked });
              }}
              data-testid="clear-blanks"
            >
              用台账中的空白清空已有内容（一般不要勾选：台账里没填的，保留在软件里已经录入的内容）
            </Checkbox>
            {preview.readings.length > 0 && (
              <Table
                size="small"
                rowKey={(r) => `${r.field}-${r.value}`}
                pagination={false}
                title={() => '台账里的写法按以下意思读取'}
                dataSource={preview.readings}
                data-testid="import-readings"
                columns={[
                  { title: '列', dataIndex: 'header', width: 200 },
                  { title: '台账里写作', dataIndex: 'value' },
                  { title: '读作', dataIndex: 'meaning' },
                  { title: '件数', dataIndex: 'count', width: 80 },
                ]}
              />
            )}
            <ColumnMapping
              columns={preview.columns}
              mapping={mapping}
              onChange={(next) => {
                setMapping(next);
                void runPreview({ mapping: next });
              }}
            />
            {preview.rows.some((r) => r.action === 'update') && (
              <Table
                size="small"
                rowKey="row"
                title={() => '将更新的条目'}
                sticky
                dataSource={preview.rows.filter((r) => r.action === 'update')}
                columns={[
                  { title: '行', dataIndex: 'row', width: 60 },
                  { title: '建议号', dataIndex: 'number', width: 90 },
                  {
                    title: '改动',
                    render: (_: unknown, r) =>
                      r.changes
                        .map((c) => `${c.header}：${c.before || '（空）'} → ${c.cleared ? '（清空）' : c.after || '（空）'}`)
                        .join('；'),
                  },
                ]}
              />
            )}
          </Space>
        </Card>
      )}
    </Space>
  );
}
