import { Alert, App, Button, Card, Checkbox, Input, Progress, Space, Tabs, Typography } from 'antd';
import { renderAsync } from 'docx-preview';
import { useEffect, useRef, useState } from 'react';
import { useUnsaved } from '../unsaved';
import type { Output } from '../../../electron/common/api/contract';
import {
  NARRATIVE_LABELS,
  NARRATIVE_SECTIONS,
  type NarrativeSection,
} from '../../../electron/common/documents/data/report-context';
import { ApiError, base64ToBlob, call, download } from '../api';
import { useLoad, useReportError } from '../hooks';
import { DocxPathInput, PathInput } from '../PathInput';
import { useConfirmedWrite, useWriteFile } from '../confirm-write';
import { RectificationEditor } from './Rectification';

type Session = Output<'sessions.list'>[number];
type BatchResult = Output<'documents.letters'>;

const SECTIONS = NARRATIVE_SECTIONS.map((key) => [key, NARRATIVE_LABELS[key]] as const);

/** Renders the real generated .docx inside the app. */
export function DocxPreview({ base64 }: { base64: string | null }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current || !base64) return;
    ref.current.innerHTML = '';
    void renderAsync(
      base64ToBlob(base64, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'),
      ref.current,
      undefined,
      {
        inWrapper: true,
        ignoreLastRenderedPageBreak: true,
      },
    );
  }, [base64]);
  return (
    <div ref={ref} data-testid="docx-preview" style={{ background: '#f5f5f5', minHeight: base64 ? 400 : 0, overflow: 'auto' }} />
  );
}

export function DocumentsScreen({ session }: { session: Session }) {
  return (
    <Tabs
      items={[
        { key: 'letters', label: '答复函', children: <Letters session={session} /> },
        { key: 'report', label: '办理情况报告', children: <Report session={session} /> },
        { key: 'rectification', label: '审议意见与整改清单', children: <RectificationEditor session={session} /> },
      ]}
    />
  );
}

function Letters({ session }: { session: Session }) {
  const report = useReportError();
  const confirmedWrite = useConfirmedWrite();
  const [outDir, setOutDir] = useState('');
  const [only, setOnly] = useState('');
  const [zip, setZip] = useState(false);
  const [cohandling, setCohandling] = useState(false);
  const [feedbackForms, setFeedbackForms] = useState(false);
  const [overwrite, setOverwrite] = useState(false);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<BatchResult | null>(null);
  const [preview, setPreview] = useState<string | null>(null);

  const [progress, setProgress] = useState<{ jobId: string; done: number; total: number } | null>(null);

  /** The numbers typed in 只生成这些建议号, or undefined for the whole session. */
  const onlyNumbers = () => (only.trim() ? only.split(/[,，、\s]+/).filter(Boolean) : undefined);

  // The batch runs in the main process; the window polls its progress and stays responsive.
  const run = async () => {
    setBusy(true);
    setResult(null);
    try {
      const finished = await confirmedWrite(
        async (flags) => {
          const { jobId, folder } = await call('jobs.startLetters', {
            sessionId: session.id,
            outDir,
            only: onlyNumbers(),
            zip,
            cohandling,
            feedbackForms,
            ...flags,
          });
          setProgress({ jobId, done: 0, total: 0 });
          for (;;) {
            await new Promise((resolve) => setTimeout(resolve, 300));
            const status = await call('jobs.status', { jobId });
            setProgress({ jobId, done: status.done, total: status.total });
            if (!status.finished) continue;
            if (status.error) throw new ApiError(status.error.message, status.error.details, status.error.code ?? null);
            return status.result && { ...status.result, folder };
          }
        },
        { overwrite },
      );
      if (finished) setResult(finished);
    } catch (error) {
      report(error);
    } finally {
      setBusy(false);
      setProgress(null);
    }
  };

  /** The letters that cannot go out yet, as a list to send round the units. */
  const exportMissing = async () => {
    try {
      const { fileName, contentBase64 } = await call('documents.missingList', {
        sessionId: session.id,
        only: onlyNumbers(),
      });
      download(fileName, contentBase64, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    } catch (error) {
      report(error);
    }
  };

  const previewFirst = async () => {
    try {
      const list = await call('proposals.list', { sessionId: session.id });
      const wanted = only.trim().split(/[,，、\s]+/)[0];
      const row = list.find((r) => !wanted || r.number === wanted || String(r.numberSort) === wanted) ?? list[0];
      if (!row) return;
      setPreview((await call('documents.preview', { kind: 'reply-letter', proposalId: row.id })).contentBase64);
    } catch (error) {
      report(error);
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card>
        <Space direction="vertical" style={{ width: '100%' }}>
          <Space wrap>
            <span>保存到文件夹：</span>
            <PathInput value={outDir} onChange={setOutDir} pick="folder" placeholder="如 D:\答复函\2024" testId="letters-out" />
          </Space>
          <Space wrap>
            <span>只生成这些建议号（留空则全部）：</span>
            <Input
              style={{ width: 260 }}
              value={only}
              onChange={(e) => setOnly(e.target.value)}
              placeholder="如 12,15,0031"
              data-testid="letters-only"
            />
            <Checkbox checked={zip} onChange={(e) => setZip(e.target.checked)}>
              另打包为一个 .zip
            </Checkbox>
            <Checkbox checked={cohandling} onChange={(e) => setCohandling(e.target.checked)}>
              生成会办意见
            </Checkbox>
            <Checkbox
              checked={feedbackForms && !cohandling}
              disabled={cohandling}
              onChange={(e) => setFeedbackForms(e.target.checked)}
              data-testid="letters-feedback-forms"
            >
              每件附征询意见表
            </Checkbox>
            <Checkbox checked={overwrite} onChange={(e) => setOverwrite(e.target.checked)} data-testid="letters-overwrite">
              覆盖已有文件
            </Checkbox>
          </Space>
          <Space>
            <Button onClick={previewFirst} data-testid="preview-letter">
              预览
            </Button>
            <Button type="primary" loading={busy} disabled={!outDir.trim()} onClick={run} data-testid="generate-letters">
              批量生成
            </Button>
            {progress && (
              <>
                <Progress
                  style={{ width: 260 }}
                  percent={progress.total ? Math.floor((progress.done * 100) / progress.total) : 0}
                  format={() => (progress.total ? `${progress.done}/${progress.total}` : '准备中')}
                  data-testid="letters-progress"
                />
                <Button onClick={() => call('jobs.cancel', { jobId: progress.jobId })} data-testid="cancel-letters">
                  取消
                </Button>
              </>
            )}
          </Space>
          {result && (
            <Typography.Paragraph data-testid="letters-result">
              {result.cancelled ? '已取消；' : ''}已生成 {result.files.length} 份，保存在文件夹「
              <span data-testid="letters-folder">{result.folder}</span>」{result.zipFile ? `，并打包为 ${result.zipFile}` : ''}。
              {window.jianyiNative && result.files[0] && (
                <Button type="link" onClick={() => window.jianyiNative!.showInFolder({ path: result.files[0] })}>
                  在文件夹中显示
                </Button>
              )}
            </Typography.Paragraph>
          )}
          {result && result.incomplete.length > 0 && (
            <Alert
              type="error"
              showIcon
              data-testid="letters-incomplete"
              message={`其中 ${result.incomplete.length} 份还没有正文，函中已标出待填写的位置，补齐前不能发出`}
              description={<div style={{ maxHeight: 160, overflow: 'auto' }}>{result.incomplete.join('、')}</div>}
            />
          )}
          {result && (result.incomplete.length > 0 || result.warnings.length > 0) && (
            <Space>
              <Button onClick={exportMissing} data-testid="export-missing">
                导出待补清单（.xlsx，含主办单位联系人）
              </Button>
              <Typography.Text type="secondary">把缺少的内容列成表，便于向承办单位催办</Typography.Text>
            </Space>
          )}
          {result && result.warnings.length > 0 && (
            <Alert
              type="warning"
              showIcon
              data-testid="letters-warnings"
              message={`${result.warnings.length} 份内容不全（缺少的项目如下）`}
              description={
                <ul style={{ maxHeight: 200, overflow: 'auto', margin: 0, paddingLeft: 20 }}>
                  {result.warnings.map((w, i) => (
                    <li key={i}>{w}</li>
                  ))}
                </ul>
              }
            />
          )}
        </Space>
      </Card>
      <DocxPreview base64={preview} />
    </Space>
  );
}

function Report({ session }: { session: Session }) {
  const { message } = App.useApp();
  const report = useReportError();
  const writeFile = useWriteFile();
  const drafts = useLoad(() => call('drafts.get', { sessionId: session.id }), [session.id]);
  const [texts, setTexts] = useState<Record<string, string>>({});
  const [out, setOut] = useState('');
  const [preview, setPreview] = useState<string | null>(null);

  // What the database held when this screen loaded or last saved: a save from a stale screen is refused.
  const [saved, setSaved] = useState<Record<string, string>>({});
  // Sections typed into and not saved yet; each is saved a moment after the clerk stops typing.
  const [unsaved, setUnsaved] = useState<Set<string>>(new Set());
  const latest = useRef({ texts, saved });
  latest.current = { texts, saved };
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  useUnsaved(`report-${session.id}`, '报告中撰写部分的文字', unsaved.size > 0);
  // Leaving the screen (the clerk was asked) drops what had not been saved yet.
  useEffect(() => () => timers.current.forEach((timer) => clearTimeout(timer)), []);

  useEffect(() => {
    setTexts(drafts.data ?? {});
    setSaved(drafts.data ?? {});
    setUnsaved(new Set());
  }, [drafts.data]);

  /** Saves one section (with the version check); false when it could not be saved. */
  const saveSection = async (section: NarrativeSection, quiet = false): Promise<boolean> => {
    clearTimeout(timers.current.get(section));
    timers.current.delete(section);
    const { texts: current, saved: before } = latest.current;
    const text = current[section] ?? '';
    try {
      const now = await call('drafts.set', { sessionId: session.id, section, text, expected: before[section] ?? '' });
      setSaved(now);
      latest.current.saved = now;
      // Typing may have gone on while the save was under way: still unsaved then.
      if ((latest.current.texts[section] ?? '') === text) {
        setUnsaved((u) => {
          const next = new Set(u);
          next.delete(section);
          return next;
        });
      }
      if (!quiet) message.success('已保存草稿');
      return true;
    } catch (error) {
      report(error);
      return false;
    }
  };

  const edit = (section: NarrativeSection, value: string) => {
    setTexts((t) => ({ ...t, [section]: value }));
    latest.current.texts = { ...latest.current.texts, [section]: value };
    setUnsaved((u) => new Set(u).add(section));
    clearTimeout(timers.current.get(section));
    timers.current.set(
      section,
      setTimeout(() => void saveSection(section, true), 1200),
    );
  };

  /** Before a report is generated or previewed, every section typed into is saved first. */
  const saveAll = async (): Promise<boolean> => {
    for (const [section] of SECTIONS) {
      if (unsaved.has(section) || timers.current.has(section)) {
        if (!(await saveSection(section, true))) return false;
      }
    }
    return true;
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card title="报告中由承办员撰写的部分（统计数字自动生成，重新生成报告时这些文字保持不变）">
        {SECTIONS.map(([key, label]) => (
          <div key={key} style={{ marginBottom: 16 }}>
            <Typography.Text strong>{label}</Typography.Text>
            <Input.TextArea
              autoSize={{ minRows: 3, maxRows: 12 }}
              value={texts[key] ?? ''}
              onChange={(e) => edit(key, e.target.value)}
              data-testid={`draft-${key}`}
            />
            <Space style={{ marginTop: 4 }}>
              <Button size="small" onClick={() => saveSection(key)} data-testid={`save-draft-${key}`}>
                保存
              </Button>
              <Typography.Text type="secondary" data-testid={`draft-state-${key}`}>
                {unsaved.has(key) ? '正在自动保存……' : (saved[key] ?? '') ? '已自动保存' : ''}
              </Typography.Text>
            </Space>
          </div>
        ))}
      </Card>
      <Card>
        <Space wrap>
          <span>保存为：</span>
          <DocxPathInput value={out} onChange={setOut} placeholder="如 D:\报告\办理情况报告.docx" testId="report-out" />
          <Button
            onClick={async () => {
              try {
                if (!(await saveAll())) return;
                setPreview((await call('documents.preview', { kind: 'annual-report', sessionId: session.id })).contentBase64);
              } catch (error) {
                report(error);
              }
            }}
            data-testid="preview-report"
          >
            预览
          </Button>
          <Button
            type="primary"
            disabled={!out.trim()}
            onClick={() =>
              writeFile(
                (flags) => call('documents.report', { sessionId: session.id, out, ...flags }),
                (done) => `已生成：${done.file}`,
                saveAll,
              )
            }
            data-testid="generate-report"
          >
            生成报告
          </Button>
        </Space>
      </Card>
      <DocxPreview base64={preview} />
    </Space>
  );
}
