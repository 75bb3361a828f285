/**
 * The HTTP host answers only its own page (issue 16: the probe called it from a script and another OS
 * user). A call with no Origin or from another site is refused before anything runs; a broken address
 * is a 400 with a typed error, never a 500 carrying the error's text.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../electron/services/api/dispatch';
import { handlers } from '../../../electron/services/api/registry';
import type { ServiceContext } from '../../../electron/services/api/context';
import { openDatabase, type LtcDatabase } from '../../../electron/services/db/database';
import { startHost, type RunningHost } from '../../../electron/host/server';
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
