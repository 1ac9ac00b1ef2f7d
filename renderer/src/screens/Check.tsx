import { Alert, Button, Card, Checkbox, Col, Empty, List, Row, Space, Tag, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { Output } from '../../../electron/common/api/contract';
import { call } from '../api';
import { FileDrop, type PickedFile } from '../FileDrop';
import { useWriteFile } from '../confirm-write';
import { useReportError } from '../hooks';
import { DocxPathInput } from '../PathInput';

/** The drafts that can be checked, and what the box says before one is picked. */
const DRAFT_FILES = { accept: '.docx,.txt,.md', prompt: '点击或把报告稿拖到这里（.docx、.txt 或 .md）' };

type Session = Output<'sessions.list'>[number];
type Result = Output<'check.draft'>;
type Finding = Result['findings'][number];

const SEVERITY = { error: { color: 'red', label: '错误' }, warning: { color: 'orange', label: '提示' } } as const;

/** A paragraph with the figures of its findings marked; the current one stands out. */
function MarkedParagraph({
  text,
  findings,
  current,
  index,
}: {
  text: string;
  findings: { f: Finding; n: number }[];
  current: number;
  index: number;
}) {
  const parts: React.ReactNode[] = [];
  let at = 0;
  for (const { f, n } of [...findings].sort((a, b) => a.f.start - b.f.start)) {
    if (f.start < at) continue;
    parts.push(text.slice(at, f.start));
    parts.push(
      <mark
        key={n}
        id={`finding-${n}`}
        data-testid={`mark-${n}`}
        title={f.message}
        style={{
          background: f.severity === 'error' ? '#ffccc7' : '#ffe7ba',
          outline: n === current ? '2px solid #cf1322' : undefined,
          padding: '0 1px',
        }}
      >
        {text.slice(f.start, f.end)}
      </mark>,
    );
    at = f.end;
  }
  parts.push(text.slice(at));
  return (
    <p data-testid={`paragraph-${index}`} style={{ whiteSpace: 'pre-wrap', margin: '0 0 8px', lineHeight: 1.9 }}>
      {parts}
    </p>
  );
}

/** 核对: a report draft's figures checked against the records, every slip listed and marked. */
export function CheckScreen({ session }: { session: Session | null }) {
  const report = useReportError();
  const writeFile = useWriteFile();
  const [file, setFile] = useState<PickedFile | null>(null);
  const [againstRecords, setAgainstRecords] = useState(true);
  const [result, setResult] = useState<Result | null>(null);
  const [current, setCurrent] = useState(0);
  const [busy, setBusy] = useState(false);
  const [out, setOut] = useState('');
  const textRef = useRef<HTMLDivElement>(null);

  const sessionId = againstRecords && session ? session.id : null;
  const run = async (which: 'draft' | 'report') => {
    setBusy(true);
    try {
      const checked =
        which === 'report'
          ? await call('check.report', { sessionId: session!.id })
          : await call('check.draft', { fileName: file!.name, contentBase64: file!.base64, sessionId });
      setResult(checked);
      setCurrent(0);
      if (which === 'draft' && file) setOut(file.name.replace(/\.docx$/i, '') + '-核对批注.docx');
    } catch (error) {
      setResult(null);
      report(error);
    } finally {
      setBusy(false);
    }
  };

  useEffect(() => {
    document.getElementById(`finding-${current}`)?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, [current, result]);

  const findings = result?.findings ?? [];
  const errors = findings.filter((f) => f.severity === 'error').length;
  const byParagraph = new Map<number, { f: Finding; n: number }[]>();
  findings.forEach((f, n) => byParagraph.set(f.paragraph, [...(byParagraph.get(f.paragraph) ?? []), { f, n }]));

  const pickDraft = (picked: PickedFile) => {
    setFile(picked);
    setResult(null);
  };

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card title="核对报告稿里的数字">
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
            选一份报告稿（Word 的 .docx，或 .txt、.md），程序逐个核对其中的件数、占比、比率和与上年的比较：对照本届会议的台账，
            也核对稿子里前后的数字是否自洽。原稿不会被改动；可以另存一份在 Word、WPS 审阅窗格里带批注的副本。
          </Typography.Paragraph>
          <FileDrop {...DRAFT_FILES} file={file} onPick={pickDraft} testId="check-file" />
          <Space wrap>
            <Checkbox
              checked={againstRecords && Boolean(session)}
              disabled={!session}
              onChange={(e) => setAgainstRecords(e.target.checked)}
              data-testid="check-against"
            >
              {session ? `对照「${session.name}」的台账` : '对照台账（请先选择会议）'}
            </Checkbox>
            <Button type="primary" disabled={!file} loading={busy} onClick={() => run('draft')} data-testid="check-run">
              核对
            </Button>
            <Button disabled={!session} loading={busy} onClick={() => run('report')} data-testid="check-generated">
              核对本软件生成的报告
            </Button>
          </Space>
        </Space>
      </Card>

      {result && (
        <Card
          title={
            findings.length === 0
              ? '没有发现问题'
              : `发现 ${errors} 处错误、${findings.length - errors} 处提示（${result.against ? `对照「${result.against}」的台账` : '只核对稿子自身'}）`
          }
          extra={
            findings.length > 0 && (
              <Space>
                <Button
                  size="small"
                  disabled={current === 0}
                  onClick={() => setCurrent(current - 1)}
                  data-testid="check-previous"
                >
                  上一处
                </Button>
                <span data-testid="check-position">
                  {current + 1} / {findings.length}
                </span>
                <Button
                  size="small"
                  disabled={current >= findings.length - 1}
                  onClick={() => setCurrent(current + 1)}
                  data-testid="check-next"
                >
                  下一处
                </Button>
              </Space>
            )
          }
          data-testid="check-result"
        >
          {findings.length === 0 ? (
            <Alert type="success" showIcon message="稿中的数字都能由台账或稿子自身的数字得出。" data-testid="check-clean" />
          ) : (
            <Row gutter={16}>
              <Col span={13}>
                <div
                  ref={textRef}
                  style={{ maxHeight: 560, overflow: 'auto', border: '1px solid #f0f0f0', padding: 12 }}
                  data-testid="check-text"
                >
                  {result.paragraphs.map((p, i) =>
                    p.text.trim() ? (
                      <MarkedParagraph key={i} index={i} text={p.text} findings={byParagraph.get(i) ?? []} current={current} />
                    ) : null,
                  )}
                </div>
              </Col>
              <Col span={11}>
                <List
                  size="small"
                  dataSource={findings}
                  style={{ maxHeight: 560, overflow: 'auto' }}
                  data-testid="check-findings"
                  renderItem={(f, n) => (
                    <List.Item
                      onClick={() => setCurrent(n)}
                      style={{ cursor: 'pointer', background: n === current ? '#fff1f0' : undefined }}
                      data-testid={`finding-item-${n}`}
                    >
                      <List.Item.Meta
                        title={
                          <Space>
                            <Tag color={SEVERITY[f.severity].color}>{SEVERITY[f.severity].label}</Tag>
                            <span>
                              第 {f.paragraph + 1} 段：{f.printed}
                              {f.expected && f.expected !== f.printed ? ` → ${f.expected}` : ''}
                            </span>
                          </Space>
                        }
                        description={
                          <>
                            <div>{f.message}</div>
                            <Typography.Text type="secondary">原文：{f.quote}</Typography.Text>
                          </>
                        }
                      />
                    </List.Item>
                  )}
                />
              </Col>
            </Row>
          )}
          {result.format === 'docx' && file && findings.length > 0 && (
            <Space wrap style={{ marginTop: 16 }}>
              <span>另存带批注的副本：</span>
              <DocxPathInput
                value={out}
                onChange={setOut}
                placeholder="如 D:\\报告\\报告稿-核对批注.docx"
                testId="check-annotate-out"
              />
              <Button
                disabled={!out.trim()}
                onClick={() =>
                  writeFile(
                    (flags) =>
                      call('check.annotate', { fileName: file.name, contentBase64: file.base64, sessionId, out, ...flags }),
                    (done) => `已另存带 ${done.comments} 条批注的副本：${done.file}（原稿未改动）`,
                  )
                }
                data-testid="check-annotate"
              >
                另存副本
              </Button>
            </Space>
          )}
          {!result.paragraphs.some((p) => p.text.trim()) && <Empty description="稿子里没有读到文字" />}
        </Card>
      )}
    </Space>
  );
}
