/**
 * The contract over HTTP on 127.0.0.1, so the real renderer runs in a browser (tests, preview) against
 * the same services the desktop app uses. Loopback only, and only for requests that name this host:
 * a page on another site cannot reach it (Host and Origin are checked against DNS rebinding). Every
 * call but the login's needs a session (a cookie set by auth.login; decisions.md D35): the dispatcher
 * refuses one without it (401) or beyond the user's role (403).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { timingSafeEqual } from 'node:crypto';
import { CONTENT_SECURITY_POLICY } from '../main/security';
import type { ApiErrorCode } from '../../shared/api/errors';
import type { Dispatch } from '../services/api/dispatch';
import type { SessionSlot } from '../services/auth/sessions';
import { encodeResult } from '../services/api/wire';
import { CLIENT_SCRIPT_PATH, clientScript, readStatic } from './staticFiles';

const MAX_BODY = 100 * 1024 * 1024;

export interface HostOptions {
  dispatch: Dispatch;
  rendererDir: string;
  port: number;
  /**
   * While the file cannot be opened (safe mode, decisions.md D36) there are no users to log in as, yet the
   * recovery calls restore, open files and export what can be read. While this returns a key, those calls
   * need the cookie that opening the page at the address printed at start (`?key=…`) sets: only whoever
   * sees the host's output can use them, not any other local program or user.
   */
  safeModeKey?: () => string | null;
}

/** In safe mode, the one recovery call open to every page: which screen to show. */
const OPEN_IN_SAFE_MODE = new Set(['recovery.status']);

const sameKey = (a: string, b: string): boolean => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

export interface RunningHost {
  server: Server;
  url: string;
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, {
    'content-type': type,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    // The desktop window's policy, the one constant (electron/main/security.ts; the page's meta tag repeats it).
    'content-security-policy': CONTENT_SECURITY_POLICY,
  });
  res.end(body);
}

/** A refusal as the contract's typed error, so the page shows its message like any other. */
function refuse(res: ServerResponse, status: number, code: ApiErrorCode, message: string): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify({ ok: false, error: { code, message } }));
}

/** The status a refused call answers with: 401 without a valid login, 403 for a role without the right. */
const STATUS: Partial<Record<ApiErrorCode, number>> = { UNAUTHENTICATED: 401, FORBIDDEN: 403 };

function readCookie(req: IncomingMessage, name: string): string | null {
  const found = (req.headers.cookie ?? '')
    .split(';')
    .map((c) => c.trim())
    .find((c) => c.startsWith(`${name}=`));
  return found ? found.slice(name.length + 1) || null : null;
}

/** The login's token, in a cookie the page's scripts cannot read (HttpOnly) and no other site sends (SameSite=Strict). */
function cookieSlot(req: IncomingMessage, res: ServerResponse, name: string): SessionSlot {
  let token = readCookie(req, name);
  return {
    get token() {
      return token;
    },
    set(t) {
      token = t;
      res.setHeader('set-cookie', `${name}=${t ?? ''}; Path=/; HttpOnly; SameSite=Strict${t ? '' : '; Max-Age=0'}`);
    },
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new Error('请求过大'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolveBody(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export function startHost(opts: HostOptions): Promise<RunningHost> {
  let allowedHosts: Set<string> = new Set();
  // a cookie is shared by every port of a host name: the port in its name keeps two previews apart
  let cookieName = 'ltc_session';
  const server = createServer((req, res) => {
    void handle(req, res).catch((e: unknown) => {
      // the error's text stays in this process's log: it may name files and internals
      process.stderr.write(`内部错误：${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      if (!res.headersSent) refuse(res, 500, 'INTERNAL', '本地服务出错，请重试；若反复出现，请重新启动长护助手');
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!allowedHosts.has(req.headers.host ?? '')) return send(res, 421, 'text/plain; charset=utf-8', 'wrong host');
    const url = req.url ?? '/';
    if (req.method === 'POST' && url.startsWith('/rpc/')) {
      // A call comes from this host's own page: a browser names the page's origin on every POST. No
      // Origin (a script, another local program) or a cross-site fetch is refused before anything runs.
      const origin = req.headers.origin;
      if (!origin || !allowedHosts.has(origin.replace(/^http:\/\//, '')) || req.headers['sec-fetch-site'] === 'cross-site') {
        return refuse(res, 403, 'FORBIDDEN', '拒绝：只接受本程序页面发出的请求');
      }
      let method: string;
      try {
        method = decodeURIComponent(url.slice('/rpc/'.length));
      } catch {
        return refuse(res, 400, 'BAD_INPUT', '请求地址的编码有误');
      }
      const key = opts.safeModeKey?.();
      if (key && method.startsWith('recovery.') && !OPEN_IN_SAFE_MODE.has(method) && !sameKey(readCookie(req, `${cookieName}_safe`) ?? '', key)) {
        res.setHeader('connection', 'close');
        return refuse(res, 401, 'UNAUTHENTICATED', '安全模式：请用启动时终端里显示的完整地址（含 ?key=）打开本页面，再进行恢复操作');
      }
      const slot = cookieSlot(req, res, cookieName);
      // who calls is known from the cookie: a caller without a session (or without the right) is answered
      // before the body is read, and the connection closed so that nothing more of it is taken in
      const refused = opts.dispatch.refusal?.(method, slot);
      if (refused) {
        res.setHeader('connection', 'close');
        return refuse(res, STATUS[refused.code] ?? 200, refused.code, refused.message);
      }
      let input: unknown;
      try {
        input = (JSON.parse((await readBody(req)) || '{}') as { input?: unknown }).input;
      } catch {
        return refuse(res, 400, 'BAD_INPUT', '请求不是有效的 JSON');
      }
      const result = await opts.dispatch(method, input, slot);
      const body = encodeResult(result);
      return send(
        res,
        result.ok ? 200 : (STATUS[result.error.code] ?? 200),
        'application/json; charset=utf-8',
        Buffer.from(body.buffer, body.byteOffset, body.byteLength),
      );
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain; charset=utf-8', 'method not allowed');
    if (url === CLIENT_SCRIPT_PATH) return send(res, 200, 'text/javascript; charset=utf-8', clientScript());
    const given = /^\/\?key=([\w-]+)$/.exec(url)?.[1];
    if (given) {
      // the address printed at start: its key becomes an HttpOnly cookie, and the key leaves the address bar
      const key = opts.safeModeKey?.();
      if (key && sameKey(given, key)) res.setHeader('set-cookie', `${cookieName}_safe=${key}; Path=/; HttpOnly; SameSite=Strict`);
      res.writeHead(303, { location: '/', 'cache-control': 'no-store' });
      return void res.end();
    }
    const file = readStatic(opts.rendererDir, url) ?? readStatic(opts.rendererDir, '/index.html');
    if (!file) return send(res, 404, 'text/plain; charset=utf-8', '界面尚未构建：请先运行 npm run build');
    return send(res, 200, file.type, file.body);
  }

  return new Promise((resolveHost, reject) => {
    server.once('error', reject);
    server.listen(opts.port, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
      cookieName = `ltc_session_${port}`;
      resolveHost({
        server,
        url: `http://127.0.0.1:${port}/`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}
