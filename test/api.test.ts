import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contract, OPERATION_NAMES } from '../electron/api/contract';
import { dispatch } from '../electron/api/dispatch';
import { createHandlers } from '../electron/api/handlers';
import { startBridge } from '../electron/api/http-bridge';
import { EMPTY_PROPOSAL } from '../db/repos/proposals';
import { newStore, tempDir } from './helpers/fixtures';

async function api() {
  const store = await newStore();
  return createHandlers({ store, databaseFile: store.file, today: () => '2024-07-15', version: 'test' });
}

describe('the API contract', () => {
  it('returns a Chinese error value for a malformed payload to every operation, never throws', async () => {
    const handlers = await api();
    for (const name of OPERATION_NAMES) {
      for (const payload of [{ id: 'x', sessionId: -1, file: 5, source: 7, fields: 'y' }, 'text', 42, [1, 2]]) {
        const result = await dispatch(handlers, name, payload);
        if (result.ok) {
          // Operations without required input accept anything that parses as their (empty) schema.
          expect(contract[name].input.safeParse(payload).success).toBe(true);
        } else {
          expect(result.error.message).toMatch(/[\u4e00-\u9fff]/);
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
    const handlers = await api();
    expect(await dispatch(handlers, 'proposals.get', { id: 999 })).toEqual({
      ok: false,
      error: { message: '找不到编号为 999 的建议，它可能已被删除。', details: [] },
    });
    const parsed = await dispatch(handlers, 'sessions.create', { name: '', year: 2024 });
    expect(parsed).toMatchObject({
      ok: false,
      error: { message: '请求的数据不符合要求，操作没有执行。', details: ['name：请填写会议名称'] },
    });
  });

  it('refuses a save over someone else’s newer version', async () => {
    const store = await newStore();
    const handlers = createHandlers({ store, databaseFile: store.file, today: () => '2024-07-15', version: 'test' });
    const session = store.sessions.create({ name: '会议', year: 2024 });
    const id = store.proposals.insert(session.id, {
      ...EMPTY_PROPOSAL,
      number: '1',
      numberKey: '1',
      numberSort: 1,
      title: '关于甲的建议',
    });
    const first = await dispatch(handlers, 'proposals.update', { id, version: 1, fields: { notes: '窗口一' } });
    expect(first.ok).toBe(true);
    const second = await dispatch(handlers, 'proposals.update', { id, version: 1, fields: { notes: '窗口二' } });
    expect(second).toMatchObject({ ok: false, error: { message: expect.stringContaining('已被他人或另一个窗口修改过') } });
    expect(store.proposals.get(id).notes).toBe('窗口一');
  });
});

describe('the HTTP bridge', () => {
  it('listens on loopback only and refuses other origins and non-JSON requests', async () => {
    const handlers = await api();
    const dir = tempDir();
    const bridge = await startBridge({ handlers, staticDir: dir });
    try {
      expect(new URL(bridge.url).hostname).toBe('127.0.0.1');
      const ok = await fetch(`${bridge.url}/api/sessions.list`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
      expect(await ok.json()).toEqual({ ok: true, value: [] });
      const foreign = await fetch(`${bridge.url}/api/sessions.list`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: 'http://evil.example' },
        body: '{}',
      });
      expect(foreign.status).toBe(403);
      const form = await fetch(`${bridge.url}/api/sessions.create`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body: '{"name":"x","year":2024}',
      });
      expect(form.status).toBe(403);
      const traversal = await fetch(`${bridge.url}/..%2f..%2fetc%2fpasswd`);
      expect(await traversal.text()).not.toContain('root:');
      expect(path.isAbsolute(dir)).toBe(true);
    } finally {
      await bridge.close();
    }
  });
});
