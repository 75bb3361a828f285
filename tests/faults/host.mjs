/** The built HTTP host (out/main/host.js) as `npm run web` starts it, and calls to its contract as the page makes them. */
import { spawn } from 'node:child_process';
import { join } from 'node:path';

/** Starts the host on FILE at a free port; resolves once it prints its address. */
export function startHost(root, dbFile, env) {
  const child = spawn(process.execPath, [join(root, 'out/main/host.js'), '--db', dbFile, '--port', '0'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  const host = { child, url: '', stderr: '', exited: null };
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
      headers: { 'content-type': 'application/json', origin: host.url },
      body: JSON.stringify({ input }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await res.text();
    try {
      return { status: res.status, body: JSON.parse(text) };
    } catch {
      return { status: res.status, body: null, text };
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
