/**
 * The HTTP host answers only its own page (issue 16: the probe called it from a script and another OS
 * user). A call with no Origin or from another site is refused before anything runs; a broken address
 * is a 400 with a typed error, never a 500 carrying the error's text. And every call but the login's needs
 * a session (below).
 */
import { request } from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../electron/services/api/dispatch';
import { handlers } from '../../../electron/services/api/registry';
import type { ServiceContext } from '../../../electron/services/api/context';
import { openDatabase, type LtcDatabase } from '../../../electron/services/db/database';
import { startHost, type RunningHost } from '../../../electron/host/server';
import { SessionStore } from '../../../electron/services/auth/sessions';
import { tempDir } from '../services/helpers';

let host: RunningHost;
let db: LtcDatabase;
let origin: string;

beforeAll(async () => {
  db = openDatabase(path.join(tempDir(), 'host.db'));
  const ctx = { db, actor: 'test', shell: 'browser', appVersion: 'test', openFolder: () => false } as unknown as ServiceContext;
  host = await startHost({ dispatch: createDispatcher(handlers, ctx, () => undefined), rendererDir: tempDir(), port: 0 });
  origin = host.url.replace(/\/$/, '');
});

afterAll(async () => {
  await host.close();
  db.close();
});

const call = (name: string, headers: Record<string, string>) =>
  fetch(`${host.url}rpc/${name}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ input: {} }) });

describe('the host refuses calls that do not come from its own page', () => {
  it('its own page’s call is answered', async () => {
    const r = await call('institution.get', { origin });
    expect(r.status).toBe(200);
    expect(await r.json()).toMatchObject({ ok: true });
  });

  it('a call with no Origin (a script, another program) is refused with a typed error', async () => {
    const r = await call('institution.get', {});
    expect(r.status).toBe(403);
    expect(await r.json()).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: '拒绝：只接受本程序页面发出的请求' } });
  });

  it('a cross-site fetch and another origin are refused', async () => {
    expect((await call('institution.get', { origin, 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await call('institution.get', { origin: 'http://evil.example' })).status).toBe(403);
  });

  it('a malformed %-encoding is a 400 with a typed error, not a 500 with the error text', async () => {
    const r = await call('institution.%E0%A4%A', { origin });
    expect(r.status).toBe(400);
    expect(await r.json()).toEqual({ ok: false, error: { code: 'BAD_INPUT', message: '请求地址的编码有误' } });
  });
});

/**
 * The host requires a login (issue 16 §1): as another OS user the probe read ID numbers and downloaded the
 * whole database. Now a call without a session is refused (401, a typed error) whatever it asks, the
 * session travels in an HttpOnly, SameSite=Strict cookie set by the login, and a role's limits hold.
 */
describe('the host requires a login', () => {
  let served: RunningHost;
  let sdb: LtcDatabase;
  let own: string;

  beforeAll(async () => {
    sdb = openDatabase(path.join(tempDir(), 'login.db'));
    const ctx: ServiceContext = { db: sdb, actor: 'root', shell: 'browser', appVersion: 'test', openFolder: () => false, sessions: new SessionStore() };
    served = await startHost({ dispatch: createDispatcher(handlers, ctx, () => undefined), rendererDir: tempDir(), port: 0 });
    own = served.url.replace(/\/$/, '');
  });

  afterAll(async () => {
    await served.close();
    sdb.close();
  });

  const post = (name: string, input: unknown, cookie?: string) =>
    fetch(`${served.url}rpc/${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: own, ...(cookie ? { cookie } : {}) },
      body: JSON.stringify({ input }),
    });

  it('refuses the probe’s calls without a session: 401 and a typed error, nothing read or written', async () => {
    for (const [m, input] of [
      ['residents.list', {}],
      ['backups.create', undefined],
      ['backups.download', { name: 'x.db' }],
    ] as const) {
      const r = await post(m, input);
      expect(r.status, m).toBe(401);
      expect(await r.json()).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: '请先登录（未登录，或登录已失效）' } });
    }
    expect(sdb.raw.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(0);
  });

  it('answers a caller without a session before reading her body: a 50 MB upload is refused at its first kilobyte', async () => {
    const { port } = new URL(served.url);
    const answer = await new Promise<{ status: number; body: string }>((done, fail) => {
      const req = request(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: '/rpc/visits.importPreview',
          headers: { origin: own, 'content-type': 'application/json', 'content-length': 50 * 1024 * 1024 },
        },
        (res) => {
          let body = '';
          res.on('data', (c: Buffer) => (body += c.toString()));
          res.on('end', () => done({ status: res.statusCode ?? 0, body }));
        },
      );
      req.on('error', fail);
      // only the first kilobyte is ever sent: an answer can only come from a host that did not wait for the rest
      req.write(`{"input":{"fileBase64":"${'A'.repeat(1000)}`);
    });
    expect(answer.status).toBe(401);
    expect(JSON.parse(answer.body)).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: '请先登录（未登录，或登录已失效）' } });
  });

  it('logs in with a cookie the page cannot read, acts as her, and logs out', async () => {
    const setup = await post('auth.setup', { name: '王管理', password: 'admin-pass-1' });
    expect(setup.status).toBe(200);
    const setCookie = setup.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^ltc_session_\d+=[\w-]{40,}; Path=\/; HttpOnly; SameSite=Strict$/);
    const cookie = setCookie.split(';')[0]!;
    expect(await (await post('residents.list', {}, cookie)).json()).toMatchObject({ ok: true });
    // a 录入员 may not download the database
    await post('users.add', { name: '李录入', role: 'clerk', password: 'clerk-pass-1' }, cookie);
    const clerkLogin = await post('auth.login', { name: '李录入', password: 'clerk-pass-1' });
    const clerk = (clerkLogin.headers.get('set-cookie') ?? '').split(';')[0]!;
    const refused = await post('backups.create', undefined, clerk);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // the audit names the user, not the OS account the host runs as
    expect(sdb.raw.prepare('SELECT DISTINCT actor FROM audit_log').pluck().all()).toEqual(['王管理']);
    const out = await post('auth.logout', undefined, cookie);
    expect(out.headers.get('set-cookie')).toMatch(/Max-Age=0/);
    expect((await post('residents.list', {}, cookie)).status).toBe(401);
  });
});
