/** The built HTTP host (out/main/host.js) as `npm run web` starts it, and calls to its contract as the page makes them. */
import { spawn } from 'node:child_process';
import { join } from 'node:path';

/** The harness's own 管理员: every host call but the login's needs a session (decisions.md D35). */
const ADMIN = { name: '压测管理员', password: 'faults-管理员-密码' };

/**
 * Starts the host on FILE at a free port and logs in: the first start of a file creates the harness's
 * 管理员 (auth.setup, as the 首次使用 screen does), a later one logs her in; `rpc` then sends her cookie.
 */
export async function startHost(root, dbFile, env) {
  const host = await launchHost(root, dbFile, env);
  const setup = await rpc(host, 'auth.setup', ADMIN);
  const login = setup.body?.ok ? null : await rpc(host, 'auth.login', ADMIN);
  const answer = login ?? setup;
  if (!answer.body?.ok || !answer.cookie) throw new Error(`faults: could not log in to the host: ${JSON.stringify(answer.body ?? answer.error)}`);
  host.cookie = answer.cookie;
  return host;
}

/** Starts the host on FILE at a free port; resolves once it prints its address. */
function launchHost(root, dbFile, env) {
  const child = spawn(process.execPath, [join(root, 'out/main/host.js'), '--db', dbFile, '--port', '0'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  const host = { child, url: '', stderr: '', exited: null, cookie: null };
  child.stderr.on('data', (c) => (host.stderr += c.toString()));
  child.on('exit', (code, signal) => (host.exited = { code, signal }));
  return new Promise((done, fail) => {
    let out = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(new Error(`host did not start: ${host.stderr}`));
    }, 30_000);
    child.stdout.on('data', (c) => {
      out += c.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
      if (m && !host.url) {
        clearTimeout(timer);
        host.url = m[1];
        done(host);
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (!host.url) fail(new Error(`host exited (${code ?? signal}): ${host.stderr}`));
    });
  });
}

/** One call of the contract: { status, body } with body the parsed `{ ok, value | error }`, or { error } when the connection failed. */
export async function rpc(host, method, input, timeoutMs = 60_000) {
  try {
    const res = await fetch(`${host.url}/rpc/${encodeURIComponent(method)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: host.url, ...(host.cookie ? { cookie: host.cookie } : {}) },
      body: JSON.stringify({ input }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await res.text();
    // a login's session cookie, as the page's browser keeps it (name=value, without its attributes)
    const cookie = res.headers.get('set-cookie')?.split(';')[0] ?? null;
    try {
      return { status: res.status, body: JSON.parse(text), cookie };
    } catch {
      return { status: res.status, body: null, text, cookie };
    }
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}

export function stopHost(host) {
  return new Promise((done) => {
    if (host.exited) return done();
    host.child.once('exit', () => done());
    host.child.kill('SIGTERM');
  });
}
