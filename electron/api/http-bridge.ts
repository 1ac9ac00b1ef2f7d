import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { dispatch } from './dispatch';
import type { createHandlers } from './handlers';

/**
 * The API over loopback HTTP, with the built UI: how the product runs in a plain browser for
 * development and browser tests. It binds to 127.0.0.1 only, accepts requests only from its own
 * origin, and is never part of the packaged app (the desktop app uses IPC).
 */

type Handlers = ReturnType<typeof createHandlers>;

const MAX_BODY = 200 * 1024 * 1024;
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/** The UI's Content-Security-Policy: nothing but the app itself (antd writes inline styles). */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export interface Bridge {
  url: string;
  close(): Promise<void>;
}

function send(res: http.ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  res.end(body);
}

export async function startBridge(options: { handlers: Handlers; port?: number; staticDir: string }): Promise<Bridge> {
  const staticDir = path.resolve(options.staticDir);
  let origin = '';
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return send(res, 405, 'text/plain', 'POST only');
      // Another page open in the browser must not drive the API: same origin and JSON only.
      if (
        (req.headers.origin && req.headers.origin !== origin) ||
        !String(req.headers['content-type']).startsWith('application/json')
      ) {
        return send(res, 403, 'text/plain', 'forbidden');
      }
      const chunks: Buffer[] = [];
      let size = 0;
      req.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_BODY) {
          send(
            res,
            413,
            'application/json',
            JSON.stringify({ ok: false, error: { message: '文件太大（超过 200 MB）。', details: [] } }),
          );
          req.destroy();
        } else chunks.push(chunk);
      });
      req.on('end', async () => {
        if (res.writableEnded) return;
        let input: unknown;
        try {
          input = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
        } catch {
          return send(
            res,
            400,
            'application/json',
            JSON.stringify({ ok: false, error: { message: '请求不是有效的 JSON。', details: [] } }),
          );
        }
        const result = await dispatch(options.handlers, decodeURIComponent(url.pathname.slice(5)), input);
        send(res, 200, 'application/json; charset=utf-8', JSON.stringify(result));
      });
      return;
    }
    if (req.method !== 'GET') return send(res, 405, 'text/plain', 'GET only');
    const relative = decodeURIComponent(url.pathname).replace(/^\/+/, '') || 'index.html';
    const file = path.resolve(staticDir, relative);
    const inside = file.startsWith(staticDir + path.sep);
    const target = inside && fs.existsSync(file) && fs.statSync(file).isFile() ? file : path.join(staticDir, 'index.html');
    if (!fs.existsSync(target)) return send(res, 404, 'text/plain; charset=utf-8', '界面尚未构建：请运行 npm run build:renderer');
    const type = TYPES[path.extname(target)] ?? 'application/octet-stream';
    res.writeHead(200, {
      'content-type': type,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      ...(type.startsWith('text/html') ? { 'content-security-policy': CONTENT_SECURITY_POLICY } : {}),
    });
    fs.createReadStream(target)
      .on('error', () => res.destroy())
      .pipe(res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  return {
    url: origin,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
