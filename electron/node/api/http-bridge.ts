import fs from 'node:fs';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { dispatch } from './dispatch';
import type { createHandlers } from './handlers';

/**
 * The API over loopback HTTP, with the built UI: how the product runs in a plain browser for
 * development and browser tests. It binds to 127.0.0.1 only, answers only its own host name, and
 * lets in only the browser that opened the one-time link printed in the terminal: that visit
 * gets the run's secret as a cookie, and every page, file and API call needs it. API calls must
 * also come from the page's own origin, as JSON. It is never part of the packaged app (the
 * desktop app uses IPC).
 */

type Handlers = ReturnType<typeof createHandlers>;

const MAX_BODY = 200 * 1024 * 1024;
/** A body larger than this is an upload (a ledger, a draft); smaller ones are ordinary calls. */
const UPLOAD_BYTES = 1024 * 1024;
/**
 * How many uploads are received and worked on at once. Each holds its body (up to 200 MB) and
 * its decoded file in memory: two at once is what an office laptop can bear; more are told to
 * wait.
 */
const MAX_UPLOADS = 2;
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
  /** The one-time link that lets a browser in: printed in the terminal, good for one visit. */
  url: string;
  /** The server's address, without a token: what the page shows once it is in. */
  origin: string;
  /** Another one-time link, for a second browser (each link lets in one). */
  newLink(): string;
  close(): Promise<void>;
}

function send(
  res: http.ServerResponse,
  status: number,
  type: string,
  body: string | Buffer,
  headers: http.OutgoingHttpHeaders = {},
): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', ...headers });
  res.end(body);
}

function sendError(res: http.ServerResponse, status: number, message: string): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify({ ok: false, error: { message, details: [] } }));
}

const REFUSED_CALL =
  '请求被拒绝：这个页面不是从终端里显示的链接打开的，或者程序已经重新启动。请打开运行 npm run web 的终端里显示的最新链接。';

/** The page a browser without the cookie gets: where to find the link, and nothing else. */
function pleaseUseTheLink(heading: string): string {
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>建议办理助手</title></head>
<body style="font-family: sans-serif; max-width: 40em; margin: 4em auto; line-height: 1.8">
<h1 style="font-size: 1.4em">${heading}</h1>
<p>为了不让本机的其他程序读取或改动数据，建议办理助手只让打开过终端里显示的链接的浏览器使用。请回到运行 npm run web 的终端窗口，打开“建议办理助手已在浏览器中运行”后面的那个链接。</p>
<p>每个链接只能用一次。要在另一个浏览器里打开，请在那个终端窗口里按回车键，程序会显示一个新的链接；程序重新启动后，也要用新显示的链接。</p>
</body></html>`;
}

function cookie(req: http.IncomingMessage, name: string): string | null {
  for (const part of String(req.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return null;
}

function sameSecret(given: string | null, secret: string): boolean {
  if (given === null || given.length !== secret.length) return false;
  return timingSafeEqual(Buffer.from(given), Buffer.from(secret));
}

export async function startBridge(options: {
  handlers: Handlers;
  port?: number;
  staticDir: string;
}): Promise<Bridge & { cookie: string }> {
  const staticDir = path.resolve(options.staticDir);
  // A secret for this run, handed only to the browser that opens a one-time link, as a
  // same-site, HttpOnly cookie: other pages and other local programs cannot read it, and a plain
  // GET / does not hand it out, so they cannot drive the API.
  const secret = randomBytes(24).toString('hex');
  const links = new Set<string>();
  const usedLinks = new Set<string>();
  let origin = '';
  let host = '';
  // Browsers keep cookies per host name, not per port: two servers on 127.0.0.1 sharing one
  // cookie name would each overwrite the other's, and the first tab would be refused. The name
  // carries the port.
  let cookieName = '';
  let uploads = 0;

  const newLink = (): string => {
    const token = randomBytes(24).toString('hex');
    links.add(token);
    return `${origin}/?token=${token}`;
  };
  /** Takes a one-time link's token: true once for each link handed out, false ever after. */
  const takeLink = (token: string): boolean => {
    for (const link of links) {
      if (sameSecret(token, link)) {
        links.delete(link);
        usedLinks.add(link);
        return true;
      }
    }
    return false;
  };

  const answerApi = (req: http.IncomingMessage, res: http.ServerResponse, name: string): void => {
    let slot = false;
    const takeSlot = (): boolean => {
      if (uploads >= MAX_UPLOADS) return false;
      uploads++;
      slot = true;
      return true;
    };
    // The slot is held until the answer is sent: the body is parsed and decoded after it arrives.
    res.on('close', () => {
      if (slot) uploads--;
      slot = false;
    });
    let refused = false;
    const busy = () => {
      refused = true;
      sendError(res, 503, `已有 ${MAX_UPLOADS} 个文件正在上传，请等它们传完后再试。`);
    };
    if (Number(req.headers['content-length'] ?? 0) > UPLOAD_BYTES && !takeSlot()) busy();
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        if (!res.writableEnded) sendError(res, 413, '文件太大（超过 200 MB）。');
        req.destroy();
        return;
      }
      // A refused body is read and dropped, so that the browser gets the answer rather than a
      // broken connection.
      if (refused) return;
      if (!slot && size > UPLOAD_BYTES && !takeSlot()) {
        chunks.length = 0;
        return busy();
      }
      chunks.push(chunk);
    });
    const answer = async () => {
      if (res.writableEnded) return;
      let input: unknown;
      try {
        input = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
      } catch {
        return sendError(res, 400, '请求不是有效的 JSON。');
      }
      chunks.length = 0;
      const result = await dispatch(options.handlers, name, input);
      send(res, 200, 'application/json; charset=utf-8', JSON.stringify(result));
    };
    // dispatch() never throws: every failure comes back as a value with a Chinese message.
    req.on('end', () => void answer());
  };

  const server = http.createServer((req, res) => {
    if (req.headers.host !== host) return send(res, 421, 'text/plain; charset=utf-8', '地址不对：请用终端里显示的链接打开。');
    let url: URL;
    let pathname: string;
    try {
      url = new URL(req.url ?? '/', origin);
      pathname = decodeURIComponent(url.pathname);
    } catch {
      return send(res, 400, 'text/plain; charset=utf-8', '地址无法识别。');
    }
    const signedIn = sameSecret(cookie(req, cookieName), secret);
    if (pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return sendError(res, 405, '接口只接受 POST 请求。');
      // Only the page this server let in drives the API: its cookie, its origin, JSON only.
      if (
        !signedIn ||
        (req.headers.origin && req.headers.origin !== origin) ||
        !String(req.headers['content-type']).startsWith('application/json')
      ) {
        return sendError(res, 403, REFUSED_CALL);
      }
      return answerApi(req, res, pathname.slice(5));
    }
    if (req.method !== 'GET') return send(res, 405, 'text/plain; charset=utf-8', '只接受 GET 请求。');
    const token = url.searchParams.get('token');
    if (token !== null) {
      const known = signedIn || takeLink(token);
      if (!known) {
        const heading = usedLinks.has(token) ? '这个链接已经用过' : '这个链接不正确';
        return send(res, 403, 'text/html; charset=utf-8', pleaseUseTheLink(heading), {
          'content-security-policy': CONTENT_SECURITY_POLICY,
        });
      }
      // In: the cookie, then the address without the token, so that it is not left in the
      // address bar, the history or a bookmark.
      url.searchParams.delete('token');
      return send(res, 303, 'text/plain; charset=utf-8', '', {
        location: url.pathname + url.search,
        ...(signedIn ? {} : { 'set-cookie': `${cookieName}=${secret}; HttpOnly; SameSite=Strict; Path=/` }),
      });
    }
    if (!signedIn) {
      return send(res, 403, 'text/html; charset=utf-8', pleaseUseTheLink('请用终端里显示的链接打开建议办理助手'), {
        'content-security-policy': CONTENT_SECURITY_POLICY,
      });
    }
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
  host = `127.0.0.1:${port}`;
  origin = `http://${host}`;
  cookieName = `jianyi_${port}`;
  return {
    url: newLink(),
    origin,
    newLink,
    cookie: `${cookieName}=${secret}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
