// The checker as the clerk reaches it: the `check` command, the API the 核对 screen calls, and
// the program's own reports, which must come out clean for the demo and for sessions built from
// the published reports' figures.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { OpenedStore } from '../db/store';
import { EMPTY_PROPOSAL } from '../electron/common/entities/proposal';
import { dispatch } from '../electron/node/api/dispatch';
import type { CheckResult } from '../electron/common/api/contract';
import type { ResultCode } from '../electron/common/domain/result-classes';
import { renderReport } from '../electron/node/documents/generate/report';
import { handlersOver, newDemoApi } from './helpers/api';
import { cli } from './helpers/cli';
import { docxParts } from './helpers/docx';
import { newStore, tempDir, writeFile } from './helpers/fixtures';

const SEEDS = path.resolve('test/fixtures/seeds');
const SEED_000 = path.join(SEEDS, '000_e8a6c5c903531d33.txt');
const SEED_001 = path.join(SEEDS, '001_182f98c6bb5e3834.txt');

/** A session with a published report's counts, so that the program's own report can be checked. */
function seedSession(
  store: OpenedStore,
  name: string,
  options: {
    total: number;
    results: Partial<Record<ResultCode, number>>;
    categories?: [string, number][];
    published: number;
    decimals: 0 | 1 | 2;
    resolution: 'A' | 'AB';
    baselines: Record<string, string>;
  },
) {
  const session = store.sessions.create({
    name,
    year: 2021,
    categories: (options.categories ?? []).map(([c]) => c),
    settings: { decimals: options.decimals, resolutionNumerator: options.resolution, issuingBody: '某区人民政府' },
  });
  store.sessions.setBaselines(session.id, options.baselines);
  const categoryIds = store.sessions.categories(session.id).map((c) => c.id);
  const codes = Object.entries(options.results).flatMap(([code, n]) => Array(n).fill(code) as ResultCode[]);
  const categories = (options.categories ?? []).flatMap(([, n], i) => Array(n).fill(categoryIds[i]) as number[]);
  const unit = store.units.ensure(['区某局']).get('区某局')!;
  store.transaction(() => {
    for (let i = 0; i < options.total; i++) {
      const id = store.proposals.insert(session.id, {
        ...EMPTY_PROPOSAL,
        number: String(i + 1),
        title: `建议${i + 1}`,
        categoryId: categories[i] ?? null,
        resultCode: codes[i] ?? null,
        replyDate: codes[i] ? '2021-04-20' : null,
        published: i < options.published,
        closed: true,
      });
      store.proposals.setPeopleAndUnits(id, { leadDeputies: [], coDeputies: [], leadUnit: unit, coUnits: [] });
    }
  });
  return store.sessions.get(session.id);
}

describe('jianyi check', () => {
  it('exits 1 with the one slip of seed 001, 0 for seed 000, in Chinese one finding a line', async () => {
    const slip = await cli('check', SEED_001);
    expect(slip.code).toBe(1);
    expect(slip.stdout).toContain('发现 1 处错误、0 处提示');
    expect(slip.stdout).toMatch(
      /^第\d+段【错误】24 \/ 67 = 35\.82 %，按四舍五入或最大余数法保留一位小数都应为 35\.8%，稿中写作 35\.9%/m,
    );
    const clean = await cli('check', SEED_000);
    expect(clean).toMatchObject({ code: 0, stdout: expect.stringContaining('没有发现问题') });
  });

  it('prints one JSON object with the findings', async () => {
    const result = await cli('check', SEED_001, '--json');
    const json = JSON.parse(result.stdout) as { findings: Record<string, unknown>[] };
    expect(json.findings).toEqual([
      {
        severity: 'error',
        kind: 'share',
        quote: expect.stringContaining('占总数的35.9%'),
        printed: '35.9%',
        expected: '35.8%',
        message: expect.stringContaining('24 / 67 = 35.82 %'),
        paragraph: expect.any(Number),
      },
    ]);
  });

  it('exits 2 for a wrong command line and 3 when the draft cannot be read', async () => {
    expect((await cli('check')).code).toBe(2);
    expect((await cli('check', SEED_001, '--db', 'x.db')).code).toBe(2);
    expect((await cli('check', SEED_001, '--rounding', 'down')).code).toBe(2);
    const missing = await cli('check', path.join(tempDir(), '没有这个文件.docx'));
    expect(missing.code).toBe(3);
    expect(missing.stderr).toContain('无法核对');
    const notDocx = writeFile(tempDir(), '报告.docx', '这不是 Word 文档');
    expect((await cli('check', notDocx)).code).toBe(3);
  });

  it('writes an annotated copy beside the draft, never over it, and checks against a session', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'demo.db');
    expect((await cli('demo', '--out', dir, '--today', '2024-07-15')).code).toBe(0);
    const report = path.join(dir, '办理情况报告-区七届人大三次会议.docx');
    const against = await cli('check', report, '--db', db, '--session', '区七届人大三次会议');
    expect(against).toMatchObject({
      code: 0,
      stdout: expect.stringContaining('对照会议「区七届人大三次会议」的台账，没有发现问题'),
    });

    // A slip typed into the draft: the figure of the first share, one unit up.
    const parts = docxParts(report);
    const xml = parts['word/document.xml']!;
    const share = /占总数的(\d+)\.(\d)%/.exec(xml.replace(/<[^>]+>/g, ''))!;
    const wrong = `${share[1]}.${(Number(share[2]) + 1) % 10}%`;
    const { strToU8, zipSync, unzipSync } = await import('fflate');
    const entries = unzipSync(new Uint8Array(fs.readFileSync(report)));
    entries['word/document.xml'] = strToU8(xml.replace(`${share[1]}.${share[2]}%`, wrong));
    const draft = writeFile(dir, '报告稿.docx', Buffer.from(zipSync(entries)));
    const before = fs.readFileSync(draft);
    const refused = await cli('check', draft, '--annotate', draft);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain('就是要核对的原稿');
    const copy = path.join(dir, '报告稿-批注.docx');
    const annotated = await cli('check', draft, '--db', db, '--session', '区七届人大三次会议', '--annotate', copy);
    expect(annotated.code).toBe(1);
    expect(annotated.stdout).toContain(`稿中写作 ${wrong}`);
    expect(fs.readFileSync(draft).equals(before)).toBe(true);
    const comments = docxParts(copy)['word/comments.xml']!;
    expect(comments).toContain(`稿中写作 ${wrong}`);
  });
});

describe('the 核对 operations', () => {
  it('check a draft, the generated report (clean), and write the annotated copy where asked', async () => {
    const { demo, documents, handlers } = await newDemoApi('jianyi-check-docs-');
    const { current } = demo;
    const seed = fs.readFileSync(SEED_001).toString('base64');
    const own = await dispatch(handlers, 'check.draft', { fileName: '汇报.txt', contentBase64: seed, sessionId: null });
    expect(own).toMatchObject({ ok: true, value: { format: 'txt', against: null } });
    const result = (own as { value: CheckResult }).value;
    expect(result.findings.map((f) => [f.severity, f.printed, f.expected])).toEqual([['error', '35.9%', '35.8%']]);
    const finding = result.findings[0]!;
    expect(result.paragraphs[finding.paragraph]!.text.slice(finding.start, finding.end)).toContain('35.9');

    const generated = await dispatch(handlers, 'check.report', { sessionId: current.id });
    expect(generated).toMatchObject({ ok: true, value: { format: 'docx', against: current.name, findings: [] } });

    expect(
      await dispatch(handlers, 'check.annotate', { fileName: '汇报.txt', contentBase64: seed, sessionId: null, out: '批注' }),
    ).toMatchObject({
      ok: false,
      error: { message: '只有 .docx 的报告稿可以另存带批注的副本。' },
    });
  });

  it('check.annotate never writes the commented copy over the draft', async () => {
    const { store, demo, documents, handlers } = await newDemoApi('jianyi-check-protect-');
    const bytes = Buffer.from(await renderReport(store, demo.current, '2024-07-15'));
    const draft = writeFile(documents, '报告稿.docx', bytes);
    const input = { fileName: '报告稿.docx', contentBase64: bytes.toString('base64'), sessionId: demo.current.id };
    for (const out of ['报告稿', '报告稿.docx', draft, path.join('另存', '报告稿.DOCX')]) {
      const refused = await dispatch(handlers, 'check.annotate', { ...input, out, overwrite: true, createFolder: true });
      expect(refused, out).toMatchObject({ ok: false, error: { message: expect.stringContaining('与要核对的原稿同名') } });
    }
    expect(fs.readFileSync(draft).equals(bytes)).toBe(true);
    expect(fs.existsSync(path.join(documents, '另存'))).toBe(false);
    const written = await dispatch(handlers, 'check.annotate', { ...input, out: '报告稿-核对批注' });
    expect(written).toMatchObject({ ok: true, value: { file: path.join(documents, '报告稿-核对批注.docx'), comments: 0 } });
    expect(fs.readFileSync(draft).equals(bytes)).toBe(true);
  });

  it('find nothing wrong in the reports generated for sessions with the published reports’ figures', async () => {
    const store = await newStore();
    const handlers = handlersOver(store, { today: '2021-11-30' });
    // Seed 000: 114 items, A 84 / B 13 / C 6 / D 11, 99 published; last year 75 % and 57.6 %.
    const s000 = seedSession(store, '区六届人大四次会议', {
      total: 114,
      results: { A: 84, B: 13, C: 6, D: 11 },
      published: 99,
      decimals: 1,
      resolution: 'AB',
      baselines: { resolution: '75', published: '57.6' },
    });
    // Seed 001: 67 items in five categories, A 62 / C 1 / D 4, all published; last year 85.89 % and 94.87 %.
    const s001 = seedSession(store, '区十六届人大六次会议', {
      total: 67,
      results: { A: 62, C: 1, D: 4 },
      categories: [
        ['经济发展', 11],
        ['城区建设与管理', 24],
        ['社会事业', 8],
        ['民生保障', 8],
        ['公共安全与交通', 16],
      ],
      published: 67,
      decimals: 2,
      resolution: 'A',
      baselines: { resolution: '85.89', published: '94.87' },
    });
    for (const session of [s000, s001]) {
      const checked = await dispatch(handlers, 'check.report', { sessionId: session.id });
      expect(checked, session.name).toMatchObject({ ok: true, value: { findings: [] } });
      const text = (checked as { value: CheckResult }).value.paragraphs.map((p) => p.text).join('\n');
      if (session === s000) {
        expect(text).toContain('“解决采纳”的84件，占总数的73.7%');
        expect(text).toContain('解决率为85.1%，较上年（75%）提高10.1个百分点');
        expect(text).toContain('公开率86.8%，较上年（57.6%）提高29.2个百分点');
      } else {
        expect(text).toContain('涉及城区建设与管理方面的24件，占总数的35.82%');
        expect(text).toContain('公开率100.00%，较上年（94.87%）提高5.13个百分点');
        expect(text).toContain('解决采纳率为92.54%，较上年（85.89%）提高6.65个百分点');
      }
    }
  });
});
