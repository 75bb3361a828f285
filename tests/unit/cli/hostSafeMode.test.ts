/**
 * The browser preview's host (the built out/main/host.js) on a file it cannot open, without
 * `--exit-on-failure`: the same one line on stderr as before, and then it serves safe mode: the recovery
 * calls answer, every normal call is refused with SAFE_MODE. Needs `npm run build` first.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../../..');
let dir = '';
let child: ChildProcess | null = null;

beforeAll(() => {
  if (!existsSync(join(root, 'out/main/host.js'))) throw new Error('out/main/host.js is missing: run `npm run build` before these tests');
  dir = mkdtempSync(join(tmpdir(), 'ltc-host-safe-'));
});

afterEach(() => {
  child?.kill('SIGTERM');
  child = null;
});

function start(db: string): Promise<{ url: string; key: string | null; stderr: () => string; stdout: string }> {
  const c = spawn(process.execPath, [join(root, 'out/main/host.js'), '--db', db, '--port', '0'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  child = c;
  let err = '';
  c.stderr.on('data', (b: Buffer) => (err += b.toString()));
  return new Promise((done, fail) => {
    let out = '';
    c.stdout.on('data', (b: Buffer) => {
      out += b.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+\/)(?:\?key=([\w-]+))?\s/.exec(out);
      if (m?.[1]) done({ url: m[1], key: m[2] ?? null, stderr: () => err, stdout: out });
    });
    c.once('exit', (code) => fail(new Error(`host exited (${code}): ${err}`)));
  });
}

/** A session cookie the host set (name=value), kept like the page's browser keeps it. */
let cookie: string | null = null;

async function rpc(
  url: string,
  method: string,
  input: unknown = undefined,
): Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }> {
  const r = await fetch(`${url}rpc/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url.replace(/\/$/, ''), ...(cookie ? { cookie } : {}) },
    body: JSON.stringify({ input }),
  });
  cookie = r.headers.get('set-cookie')?.split(';')[0] ?? cookie;
  return (await r.json()) as { ok: boolean };
}

describe('the host in safe mode', () => {
  it('a newer program’s database: the one line on stderr, then the recovery calls and no others, the file untouched', async () => {
    const file = join(dir, 'newer.db');
    const raw = new Database(file);
    raw.exec('CREATE TABLE t (x); PRAGMA user_version = 999;');
    raw.close();
    const before = readFileSync(file);
    const host = await start(file);
    // stderr and stdout are two pipes: the line written first may arrive second
    await expect
      .poll(() => host.stderr().trim())
      .toMatch(/^无法打开数据库：此数据库由更新版本的长护助手创建（版本 999），当前程序只支持到版本 \d+，请升级程序后再打开。$/);
    expect(host.stdout).toContain('安全模式：由更新版本创建');
    expect(await rpc(host.url, 'recovery.status')).toMatchObject({ ok: true, value: { mode: 'safe', failure: { kind: 'too-new', file } } });
    expect(await rpc(host.url, 'residents.list', {})).toMatchObject({ ok: false, error: { code: 'SAFE_MODE' } });
    expect(await rpc(host.url, 'app.info')).toMatchObject({ ok: false, error: { code: 'SAFE_MODE' } });
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('its recovery calls need the key in the address it printed: no other program or user restores, opens or exports', async () => {
    const file = join(dir, 'newer-keyed.db');
    const raw = new Database(file);
    raw.exec('CREATE TABLE t (x); PRAGMA user_version = 999;');
    raw.close();
    const host = await start(file);
    expect(host.key).toMatch(/^[\w-]{32}$/);
    cookie = null;
    // which screen to show is open to any page; what it may do is not
    expect(await rpc(host.url, 'recovery.status')).toMatchObject({ ok: true, value: { mode: 'safe' } });
    for (const m of ['recovery.backups', 'recovery.export', 'recovery.retry']) {
      expect(await rpc(host.url, m), m).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED', message: expect.stringContaining('?key=') } });
    }
    expect(await rpc(host.url, 'recovery.openFile', { path: join(dir, 'other.db') })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    // a wrong key sets nothing; the printed one sets an HttpOnly cookie and takes the key out of the address
    const wrong = await fetch(`${host.url}?key=${'x'.repeat(32)}`, { redirect: 'manual' });
    expect(wrong.headers.get('set-cookie')).toBeNull();
    const right = await fetch(`${host.url}?key=${host.key}`, { redirect: 'manual' });
    expect(right.status).toBe(303);
    expect(right.headers.get('location')).toBe('/');
    const set = right.headers.get('set-cookie') ?? '';
    expect(set).toMatch(/; Path=\/; HttpOnly; SameSite=Strict$/);
    cookie = set.split(';')[0]!;
    expect(await rpc(host.url, 'recovery.backups')).toMatchObject({ ok: true });
    expect(await rpc(host.url, 'recovery.export')).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringContaining('没有') } });
    cookie = null;
  });

  it('a sound database: normal mode, no key', async () => {
    const host = await start(join(dir, 'fresh.db'));
    expect(host.key).toBeNull();
    expect(await rpc(host.url, 'recovery.status')).toEqual({ ok: true, value: { mode: 'normal' } });
    // the normal calls, with the normal rules: a login first (decisions.md D35), then the records
    expect(await rpc(host.url, 'residents.list', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await rpc(host.url, 'auth.setup', { name: '王管理', password: 'safe-mode-管理员' })).toMatchObject({ ok: true });
    expect(await rpc(host.url, 'residents.list', {})).toMatchObject({ ok: true });
  });
});
