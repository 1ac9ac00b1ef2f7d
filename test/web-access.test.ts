import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBridge } from '../electron/node/api/http-bridge';
import { newApi } from './helpers/api';
import { tempDir } from './helpers/fixtures';

/** A folder standing in for the built UI. */
function staticDir(): string {
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>界面</title>');
  fs.mkdirSync(path.join(dir, 'assets'));
  fs.writeFileSync(path.join(dir, 'assets', 'app.js'), 'console.log(1)');
  return dir;
}

/** A GET as a local program (or a browser) makes it, redirects not followed. */
async function get(url: string, cookie?: string) {
  const response = await fetch(url, { redirect: 'manual', headers: cookie ? { cookie } : {} });
  return {
    status: response.status,
    location: response.headers.get('location'),
    setCookie: response.headers.get('set-cookie'),
    type: response.headers.get('content-type') ?? '',
    text: await response.text(),
  };
}

/** The `name=value` a browser keeps from a Set-Cookie header. */
const kept = (setCookie: string | null) => setCookie?.split(';')[0] ?? '';

const api = (origin: string, name: string, cookie: string, body = '{}') =>
  fetch(`${origin}/api/${name}`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body });

describe('the secret of the HTTP bridge', () => {
  it('is handed out only through a one-time link, never to a plain GET /', async () => {
    const { handlers } = await newApi();
    const bridge = await startBridge({ handlers, staticDir: staticDir() });
    try {
      const link = new URL(bridge.url);
      expect(link.origin).toBe(bridge.origin);
      expect(link.searchParams.get('token')).toMatch(/^[0-9a-f]{32,}$/);

      // Any local program asking for the page gets no cookie, only words telling where the link is.
      for (const plain of [`${bridge.origin}/`, `${bridge.origin}/index.html`, `${bridge.origin}/assets/app.js`]) {
        const answer = await get(plain);
        expect(answer.status, plain).toBe(403);
        expect(answer.setCookie, plain).toBeNull();
        expect(answer.type).toContain('text/html');
        expect(answer.text).toContain('终端里显示的链接');
        expect(answer.text).not.toContain('<title>界面</title>');
      }
      expect((await get(`${bridge.origin}/?token=${'0'.repeat(48)}`)).setCookie).toBeNull();

      // The link sets the cookie and sends the browser on to the clean address.
      const first = await get(bridge.url);
      expect(first.status).toBe(303);
      expect(first.location).toBe('/');
      expect(first.setCookie).toMatch(/HttpOnly/);
      expect(first.setCookie).toMatch(/SameSite=Strict/);
      const cookie = kept(first.setCookie);
      expect((await get(`${bridge.origin}/`, cookie)).text).toContain('<title>界面</title>');
      expect((await get(`${bridge.origin}/assets/app.js`, cookie)).status).toBe(200);
      expect(await (await api(bridge.origin, 'sessions.list', cookie)).json()).toEqual({ ok: true, value: [] });

      // Used once, the same link lets nobody else in.
      const again = await get(bridge.url);
      expect(again.status).toBe(403);
      expect(again.setCookie).toBeNull();
      expect(again.text).toContain('已经用过');
      // The browser that used it may come back to it (a reload of the link): it is let in, by its cookie.
      expect((await get(bridge.url, cookie)).status).toBe(303);

      // A new link for a second browser works once, too.
      const second = bridge.newLink();
      expect(second).not.toBe(bridge.url);
      expect(kept((await get(second)).setCookie)).toBe(cookie);
      expect((await get(second)).status).toBe(403);

      // Without the cookie the API says, in words, where to go.
      const refused = await api(bridge.origin, 'sessions.list', '');
      expect(refused.status).toBe(403);
      expect(((await refused.json()) as { error: { message: string } }).error.message).toContain('终端里显示的');
    } finally {
      await bridge.close();
    }
  });

  it('is named by port, so that a second server on the same computer does not log the first one out', async () => {
    const { handlers } = await newApi();
    const one = await startBridge({ handlers, staticDir: staticDir() });
    const two = await startBridge({ handlers, staticDir: staticDir() });
    try {
      // A browser keeps cookies per host name, whatever the port: one jar for both servers.
      const jar = new Map<string, string>();
      for (const bridge of [one, two]) {
        const [name, value] = kept((await get(bridge.url)).setCookie).split('=') as [string, string];
        jar.set(name, value);
      }
      expect(jar.size).toBe(2);
      const sent = [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
      for (const bridge of [one, two]) {
        expect((await api(bridge.origin, 'sessions.list', sent)).status).toBe(200);
      }
    } finally {
      await one.close();
      await two.close();
    }
  });
});

describe('uploads over the HTTP bridge', () => {
  let bridge: Awaited<ReturnType<typeof startBridge>>;
  let cookie: string;
  beforeAll(async () => {
    const { handlers } = await newApi();
    bridge = await startBridge({ handlers, staticDir: staticDir() });
    cookie = kept((await get(bridge.url)).setCookie);
  });
  afterAll(() => bridge.close());

  const MB = 1024 * 1024;
  /** An upload of `bytes` that sends its first megabyte and then waits to be told to go on. */
  const slowUpload = (bytes: number) => {
    const url = new URL(`${bridge.origin}/api/import.preview`);
    let status: Promise<{ status: number; body: string }> = Promise.resolve({ status: 0, body: '' });
    const request = http.request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': bytes, cookie },
    });
    status = new Promise((resolve, reject) => {
      request.on('response', (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      request.on('error', reject);
    });
    const head = '{"data":"';
    request.write(head + 'A'.repeat(MB - head.length));
    return {
      status,
      finish: () => request.end('A'.repeat(bytes - MB - 2) + '"}'),
    };
  };
  const upload = async (bytes: number) => {
    const body = `{"data":"${'A'.repeat(bytes - 11)}"}`;
    const response = await api(bridge.origin, 'import.preview', cookie, body);
    return { status: response.status, json: (await response.json()) as { ok: boolean; error?: { message: string } } };
  };

  it('receives at most two at once: the others are told, in words, to wait, and small calls still go through', async () => {
    const first = slowUpload(8 * MB);
    const second = slowUpload(8 * MB);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const third = await upload(4 * MB);
    expect(third.status).toBe(503);
    expect(third.json).toMatchObject({ ok: false, error: { message: expect.stringContaining('正在上传') } });
    expect((await api(bridge.origin, 'sessions.list', cookie)).status).toBe(200);
    first.finish();
    second.finish();
    expect((await first.status).status).toBe(200);
    expect((await second.status).status).toBe(200);
    expect((await upload(4 * MB)).status).toBe(200);
  });
});
