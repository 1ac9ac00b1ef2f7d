import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { dispatch } from './dispatch';
import type { createHandlers } from './handlers';

/**
 * The API over loopback HTTP, with the built UI: how the product runs in a plain browser for
 * development and browser tests. It binds to 127.0.0.1 only, answers only its own host name, and
 * accepts API calls only from the page it served (a per-run secret cookie, same origin, JSON). It
 * is never part of the packaged app (the desktop app uses IPC).
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

function cookie(req: http.IncomingMessage, name: string): string | null {
  for (const part of String(req.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return null;
}

export async function startBridge(options: {
  handlers: Handlers;
  port?: number;
  staticDir: string;
}): Promise<Bridge & { token: string }> {
  const staticDir = path.resolve(options.staticDir);
  // A secret for this run, handed to the page as a same-site, HttpOnly cookie: other pages and
  // other local programs cannot read it, so they cannot drive the API.
  const token = randomBytes(24).toString('hex');
  let origin = '';
  let host = '';
  const server = http.createServer((req, res) => {
    if (req.headers.host !== host) return send(res, 421, 'text/plain', 'wrong host');
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', origin).pathname);
    } catch {
      return send(res, 400, 'text/plain', 'bad request');
    }
    if (pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return send(res, 405, 'text/plain', 'POST only');
      // Only the page this server handed out drives the API: its cookie, its origin, JSON only.
      if (
        cookie(req, 'jianyi_token') !== token ||
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
      const answer = async () => {
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
        const result = await dispatch(options.handlers, pathname.slice(5), input);
        send(res, 200, 'application/json; charset=utf-8', JSON.stringify(result));
      };
      // dispatch() never throws: every failure comes back as a value with a Chinese message.
      req.on('end', () => void answer());
      return;
    }
    if (req.method !== 'GET') return send(res, 405, 'text/plain', 'GET only');
    const relative = pathname.replace(/^\/+/, '') || 'index.html';
    const file = path.resolve(staticDir, relative);
    const inside = file.startsWith(staticDir + path.sep);
    const target = inside && fs.existsSync(file) && fs.statSync(file).isFile() ? file : path.join(staticDir, 'index.html');
    if (!fs.existsSync(target)) return send(res, 404, 'text/plain; charset=utf-8', '界面尚未构建：请运行 npm run build:renderer');
    const type = TYPES[path.extname(target)] ?? 'application/octet-stream';
    res.writeHead(200, {
      'content-type': type,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      ...(type.startsWith('text/html')
        ? {
            'content-security-policy': CONTENT_SECURITY_POLICY,
            'set-cookie': `jianyi_token=${token}; HttpOnly; SameSite=Strict; Path=/`,
          }
        : {}),
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
  host = `127.0.0.1:${port}`;
  origin = `http://${host}`;
  return {
    url: origin,
    token,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
