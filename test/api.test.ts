import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contract, OPERATION_NAMES, type ImportJobStatus } from '../electron/common/api/contract';
import { dispatch } from '../electron/node/api/dispatch';
import type { Handlers } from '../electron/node/api/handlers';
import { startBridge } from '../electron/node/api/http-bridge';
import path from 'node:path';
import { openDatabase } from '../db/connection';
import { MIGRATIONS } from '../db/migrations';
import { EMPTY_PROPOSAL } from '../electron/common/entities/proposal';
import { openStore, type Store } from '../db/store';
import { newApi } from './helpers/api';
import { tempDir } from './helpers/fixtures';
import { listTemplates as listTemplatesOf } from '../electron/node/documents/template/library';

/** A session of one proposal, 关于甲的建议: that proposal's id. */
function oneProposal(store: Store): number {
  const session = store.sessions.create({ name: '会议', year: 2024 });
  return store.proposals.insert(session.id, { ...EMPTY_PROPOSAL, number: '1', title: '关于甲的建议' });
}

/** Asks for an import job's status until it has finished: each stage it went through, and how it ended. */
async function whenFinished(handlers: Handlers, jobId: string): Promise<{ stages: string[]; status: ImportJobStatus }> {
  const stages: string[] = [];
  for (;;) {
    const status = ((await dispatch(handlers, 'jobs.importStatus', { jobId })) as { value: ImportJobStatus }).value;
    if (stages.at(-1) !== status.stage) stages.push(status.stage);
    if (status.finished) return { stages, status };
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
}

describe('the API contract', () => {
  it('returns a Chinese error value for a malformed payload to every operation, never throws', async () => {
    const { handlers } = await newApi();
    for (const name of OPERATION_NAMES) {
      for (const payload of [{ id: 'x', sessionId: -1, file: 5, source: 7, fields: 'y' }, 'text', 42, [1, 2]]) {
        // Every one of these payloads is wrong for every operation (those without input take
        // only an empty object): each must be refused, in Chinese, with what was wrong.
        const result = await dispatch(handlers, name, payload);
        expect(result, name).toMatchObject({ ok: false, error: { message: '填写的内容有误，操作没有执行：' } });
        if (!result.ok) {
          expect(result.error.details.length, name).toBeGreaterThan(0);
          for (const detail of result.error.details) expect(detail).toMatch(/[\u4e00-\u9fff]/);
        }
      }
    }
    expect(await dispatch(handlers, 'constructor', {})).toEqual({
      ok: false,
      error: { message: '未知的操作「constructor」。', details: [] },
    });
    expect(await dispatch(handlers, '__proto__', {})).toMatchObject({ ok: false });
  });

  it('reports a missing record as a value with a message', async () => {
    const { handlers } = await newApi();
    expect(await dispatch(handlers, 'proposals.get', { id: 999 })).toEqual({
      ok: false,
      error: { message: '找不到编号为 999 的建议，它可能已被删除。', details: [] },
    });
    const parsed = await dispatch(handlers, 'sessions.create', { name: '', year: 2024 });
    expect(parsed).toMatchObject({
      ok: false,
      error: { message: '填写的内容有误，操作没有执行：', details: ['请填写会议名称'] },
    });
  });

  it('refuses a save over someone else’s newer version', async () => {
    const { store, handlers } = await newApi();
    const id = oneProposal(store);
    const first = await dispatch(handlers, 'proposals.update', { id, version: 1, fields: { notes: '窗口一' } });
    expect(first.ok).toBe(true);
    const second = await dispatch(handlers, 'proposals.update', { id, version: 1, fields: { notes: '窗口二' } });
    expect(second).toMatchObject({ ok: false, error: { message: expect.stringContaining('已被他人或另一个窗口修改过') } });
    expect(store.proposals.get(id).notes).toBe('窗口一');
  });

  it('drops control characters and broken surrogate halves from pasted text, keeping line breaks', async () => {
    const { store, handlers } = await newApi();
    const id = oneProposal(store);
    const saved = await dispatch(handlers, 'proposals.update', {
      id,
      version: 1,
      fields: { replyText: '第一段\u0001\uD800\n第二段𠮷\uFFFF', title: '标题\uFFFE' },
    });
    expect(saved.ok).toBe(true);
    expect(store.proposals.get(id).replyText).toBe('第一段\n第二段𠮷');
    expect(store.proposals.get(id).title).toBe('标题');
  });

  it('drops what XML forbids from every text the API takes in, before its length is checked', async () => {
    const { store, handlers } = await newApi();
    const created = await dispatch(handlers, 'sessions.create', { name: '区人大\uFFFF会议\u0000', year: 2025 });
    expect(created).toMatchObject({ ok: true });
    expect(store.sessions.list().map((s) => s.name)).toContain('区人大会议');
  });
});

describe('templates.save', () => {
  it('refuses, and does not store, a template whose sample render fails (the check is awaited)', async () => {
    const { store, handlers } = await newApi();
    const builtin = listTemplatesOf(store).find((t) => t.kind === 'reply-letter' && t.origin === 'builtin')!;
    const misspelt = builtin.source.replace(/^name: .*$/m, 'name: 拼错字段的答复函').replace('{{addressee}}', '{{adressee}}');
    expect(misspelt).not.toBe(builtin.source);
    const result = await dispatch(handlers, 'templates.save', { source: misspelt });
    expect(result).toMatchObject({ ok: false, error: { message: expect.stringContaining('adressee') } });
    expect(store.templates.findByName('拼错字段的答复函')).toBeFalsy();

    const good = builtin.source.replace(/^name: .*$/m, 'name: 改过的答复函');
    const saved = await dispatch(handlers, 'templates.save', { source: good });
    expect(saved.ok).toBe(true);
    expect(store.templates.findByName('改过的答复函')?.source).toBe(good);
  });
});

describe('proposals.get', () => {
  it('returns the same row the session ledger holds, names and all', async () => {
    const { store, handlers } = await newApi();
    const session = store.sessions.create({ name: '会议', year: 2024, categories: ['城建', '民生'] });
    const categoryId = store.sessions.categories(session.id).find((c) => c.name === '民生')!.id;
    const units = store.units.ensure(['区建管委', '区民政局', '区财政局']);
    const deputies = store.deputies.ensure(['张三', '李四', '王五'], '');
    for (let i = 1; i <= 3; i++) {
      const id = store.proposals.insert(session.id, {
        ...EMPTY_PROPOSAL,
        number: String(i),
        title: `建议${i}`,
        categoryId: i === 2 ? categoryId : null,
      });
      store.proposals.setPeopleAndUnits(id, {
        leadDeputies: [deputies.get(i === 2 ? '李四' : '张三')!],
        coDeputies: i === 2 ? [deputies.get('王五')!, deputies.get('张三')!] : [],
        leadUnit: units.get('区民政局')!,
        coUnits: i === 2 ? [units.get('区财政局')!, units.get('区建管委')!] : [],
      });
    }
    for (const row of store.proposals.ledger(session.id)) {
      const result = await dispatch(handlers, 'proposals.get', { id: row.id });
      expect(result.ok).toBe(true);
      expect((result as { value: { proposal: unknown } }).value.proposal).toEqual(row);
    }
    const second = store.proposals.ledgerRow(store.proposals.ledger(session.id)[1]!.id);
    expect(second).toMatchObject({
      category: '民生',
      leadDeputies: ['李四'],
      coDeputies: ['王五', '张三'],
      leadUnit: '区民政局',
      coUnits: ['区财政局', '区建管委'],
    });
  });
});

describe('edits are checked like imports', () => {
  it('refuses values the ledger import would refuse, and empties feedback instead of storing ""', async () => {
    const { store, handlers } = await newApi();
    const session = store.sessions.create({
      name: '会议',
      year: 2024,
      settings: { feedbackScale: 'three', resultClassCount: 3 },
    });
    const id = store.proposals.insert(session.id, {
      ...EMPTY_PROPOSAL,
      number: '1',
      title: '甲',
      feedback: '满意',
      assignedDate: '2024-03-01',
    });
    const update = (fields: Record<string, unknown>) =>
      dispatch(handlers, 'proposals.update', { id, version: store.proposals.get(id).version, fields });
    expect(await update({ feedback: '好' })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('不属于本届会议使用的三级评价') },
    });
    expect(await update({ resultCode: 'C' })).toMatchObject({
      ok: false,
      error: { message: '本届会议使用三类办理结果，没有「C」类。' },
    });
    expect(await update({ replyDate: '2024-02-30' })).toMatchObject({
      ok: false,
      error: { message: '日期「2024-02-30」不存在，请检查。' },
    });
    expect(await update({ replyDate: '2024-02-01' })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('早于交办日期') },
    });
    expect((await update({ feedback: '' })).ok).toBe(true);
    expect(store.proposals.get(id).feedback).toBeNull();
  });

  it('folds 计划解决 into 正在解决 when a session changes to three classes', async () => {
    const { store, handlers } = await newApi();
    const session = store.sessions.create({ name: '会议', year: 2024 });
    (['A', 'B', 'C', 'D'] as const).forEach((code, i) =>
      store.proposals.insert(session.id, {
        ...EMPTY_PROPOSAL,
        number: String(i + 1),
        title: `建议${i}`,
        resultCode: code,
      }),
    );
    const result = await dispatch(handlers, 'sessions.update', {
      id: session.id,
      settings: { resultClassCount: 3 },
      resultLabels: { A: '解决采纳', B: '正在解决', C: '计划解决', D: '留作参考' },
    });
    expect(result.ok).toBe(true);
    expect(store.sessions.get(session.id).resultLabels).toEqual({ A: '解决采纳', B: '正在解决', D: '留作参考' });
    expect(store.proposals.listBySession(session.id).map((p) => p.resultCode)).toEqual(['A', 'B', 'B', 'D']);
  });
});

describe('restoring a backup', () => {
  it('brings an older backup to this version before it replaces the data, and keeps the current data aside', async () => {
    const dir = tempDir();
    const old = path.join(dir, '旧备份.db');
    const v1 = await openDatabase(old, { migrations: MIGRATIONS.slice(0, 1) });
    v1.db.prepare("INSERT INTO sessions (name, year, created_at, updated_at) VALUES ('旧会议', 2023, 'x', 'x')").run();
    v1.db.close();
    const { store, handlers } = await newApi();
    store.sessions.create({ name: '现在的会议', year: 2024 });
    const restored = await dispatch(handlers, 'backup.restore', { file: old });
    expect(restored.ok).toBe(true);
    expect(store.sessions.list().map((s) => s.name)).toEqual(['旧会议']);
    expect((await dispatch(handlers, 'drafts.get', { sessionId: store.sessions.list()[0]!.id })).ok).toBe(true);
    expect((await dispatch(handlers, 'templates.list', {})).ok).toBe(true);
    const saved = (restored as { value: { savedCurrentAs: string } }).value.savedCurrentAs;
    const before = await openStore(saved);
    expect(before.sessions.list().map((s) => s.name)).toEqual(['现在的会议']);
    before.close();
    const foreign = path.join(dir, 'foreign.db');
    const other = (await import('better-sqlite3')).default(foreign);
    other.exec('CREATE TABLE t (x); PRAGMA user_version = 1;');
    other.close();
    expect(await dispatch(handlers, 'backup.restore', { file: foreign })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('不是建议办理助手的备份文件') },
    });
    // A backup cut short (a copy to a USB stick pulled out) is damaged, not someone else's file.
    const whole = path.join(dir, 'whole.db');
    expect(await dispatch(handlers, 'backup.create', { file: whole })).toMatchObject({ ok: true });
    const truncated = path.join(dir, 'truncated.db');
    const bytes = fs.readFileSync(whole);
    fs.writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length / 2)));
    expect(await dispatch(handlers, 'backup.restore', { file: truncated })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/^备份文件「.*truncated\.db」已损坏（.+），不能使用。/) },
    });
  });
});

describe('the HTTP bridge', () => {
  it('answers only the page it served: its cookie, its origin, its host, JSON', async () => {
    const { handlers } = await newApi();
    const bridge = await startBridge({ handlers, staticDir: tempDir() });
    const post = (name: string, headers: Record<string, string>, body = '{}') =>
      fetch(`${bridge.origin}/api/${name}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body,
      });
    const withToken = { cookie: bridge.cookie };
    try {
      expect(new URL(bridge.url).hostname).toBe('127.0.0.1');
      expect(await (await post('sessions.list', withToken)).json()).toEqual({ ok: true, value: [] });
      // Another local program, or a page that never got the cookie:
      expect((await post('sessions.list', {})).status).toBe(403);
      expect((await post('sessions.list', { cookie: bridge.cookie.replace(/=.*/, '=guess') })).status).toBe(403);
      // Another site's page in the same browser:
      expect((await post('sessions.list', { ...withToken, origin: 'http://evil.example' })).status).toBe(403);
      // A form post (no preflight) is not JSON:
      expect(
        (await post('sessions.create', { ...withToken, 'content-type': 'text/plain' }, '{"name":"x","year":2024}')).status,
      ).toBe(403);
      // DNS rebinding: a foreign host name pointing at 127.0.0.1.
      const { request } = await import('node:http');
      const status = await new Promise<number>((resolve) =>
        request(`${bridge.origin}/`, { headers: { host: 'evil.example' } }, (res) => resolve(res.statusCode ?? 0)).end(),
      );
      expect(status).toBe(421);
      // A malformed escape is refused and the server stays up.
      expect((await fetch(`${bridge.origin}/%E0%A4%A`)).status).toBe(400);
      expect((await post('sessions.list', withToken)).status).toBe(200);
      expect(await (await fetch(`${bridge.origin}/..%2f..%2fetc%2fpasswd`, { headers: withToken })).text()).not.toContain(
        'root:',
      );
    } finally {
      await bridge.close();
    }
  });
});

describe('two windows editing the same report section', () => {
  it('refuses the later save made from a stale screen, keeping the earlier one', async () => {
    const { handlers } = await newApi();
    const session = await dispatch(handlers, 'sessions.create', { name: '区七届人大三次会议', year: 2024 });
    const sessionId = (session as { value: { id: number } }).value.id;
    const first = await dispatch(handlers, 'drafts.set', { sessionId, section: 'problems', text: '窗口一的文字', expected: '' });
    expect(first).toMatchObject({ ok: true, value: { problems: '窗口一的文字' } });
    // The second window loaded the section before the first saved.
    const second = await dispatch(handlers, 'drafts.set', { sessionId, section: 'problems', text: '窗口二的文字', expected: '' });
    expect(second).toMatchObject({ ok: false, error: { message: expect.stringContaining('另一个窗口') } });
    expect(await dispatch(handlers, 'drafts.get', { sessionId })).toMatchObject({ value: { problems: '窗口一的文字' } });
    // Reloaded, it saves.
    const third = await dispatch(handlers, 'drafts.set', {
      sessionId,
      section: 'problems',
      text: '合并后的文字',
      expected: '窗口一的文字',
    });
    expect(third).toMatchObject({ ok: true, value: { problems: '合并后的文字' } });
  });
});

describe('an import as a job', () => {
  it('reports its stages while it runs, then its report; errors come back in Chinese', async () => {
    const { handlers } = await newApi();
    const rows = ['建议号,标题,领衔代表,主办单位'];
    for (let i = 1; i <= 2000; i++) rows.push(`${i},关于第${i}项工作的建议,代表${i % 50},区单位${i % 9}`);
    const input = {
      contentBase64: Buffer.from(rows.join('\n')).toString('base64'),
      fileName: '台账.csv',
      sessionName: '区七届人大三次会议',
      year: 2024,
    };
    const started = await dispatch(handlers, 'jobs.startImport', { ...input, dryRun: false });
    const jobId = (started as { value: { jobId: string } }).value.jobId;
    const { stages, status } = await whenFinished(handlers, jobId);
    expect(status.error).toBeNull();
    expect(status.result).toMatchObject({ committed: true, counts: { insert: 2000 } });
    expect(stages).toContain('检查并写入 2,001 行');
    expect(stages.at(-1)).toBe('完成');
    expect(stages.length).toBeGreaterThanOrEqual(3);

    const bad = await dispatch(handlers, 'jobs.startImport', {
      ...input,
      contentBase64: Buffer.from('不是表格').toString('base64'),
      fileName: '台账.xlsx',
      dryRun: true,
    });
    const badId = (bad as { value: { jobId: string } }).value.jobId;
    const { status: badStatus } = await whenFinished(handlers, badId);
    expect(badStatus.result).toBeNull();
    expect(badStatus.error?.message).toMatch(/[\u4e00-\u9fff]/);
    expect(await dispatch(handlers, 'jobs.importStatus', { jobId: 'import-999' })).toMatchObject({ ok: false });
  });
});

describe('templates chosen through the API', () => {
  it('are names from the library, never paths to files on disk', async () => {
    const { handlers } = await newApi();
    const outside = path.join(tempDir(), 'evil.md');
    fs.writeFileSync(outside, '---\nkind: reply-letter\n---\n外部文件');
    for (const template of [outside, '../../etc/passwd', 'evil.md', 'a\\b']) {
      const result = await dispatch(handlers, 'documents.preview', { kind: 'reply-letter', proposalId: 1, template });
      expect(result).toMatchObject({ ok: false });
      expect(JSON.stringify(result)).toContain('模板应按名称选择，不能是文件路径');
    }
  });
});
