/**
 * The bench's windows open as a logged-in user (decisions.md D35): the benchmark's 管理员 is made on a database
 * without users and logged in through the login's own call; her session cookie goes into the browser.
 */
/** The benchmark's 管理员: made on the first run against a database without users, logged in on every run. */
const BENCH_ADMIN = { name: '基准管理员', password: 'bench-管理员-密码' };

async function rpc(url: string, method: string, input: unknown): Promise<{ ok: boolean; cookie: string | null }> {
  const r = await fetch(`${url}rpc/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url.replace(/\/$/, '') },
    body: JSON.stringify({ input }),
  });
  const body = (await r.json()) as { ok: boolean };
  return { ok: body.ok, cookie: /^([^=;]+=[^;]+)/.exec(r.headers.get('set-cookie') ?? '')?.[1] ?? null };
}

/**
 * A session for the measured window: the home screen is what a logged-in user opens to (decisions.md D35),
 * so the measurement starts with the session cookie in the browser, as after a login earlier that day.
 */
export async function benchSession(url: string): Promise<{ name: string; value: string }> {
  await rpc(url, 'auth.setup', BENCH_ADMIN); // refused once the database has users: then the login below
  const login = await rpc(url, 'auth.login', BENCH_ADMIN);
  const [name, value] = login.cookie?.split('=') ?? [];
  if (!login.ok || !name || !value) throw new Error('the benchmark could not log in: the database has users other than the benchmark’s 管理员');
  return { name, value };
}
