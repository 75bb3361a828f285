/**
 * The test fixture every e2e spec uses: `host` (a fresh database behind the real services, with its first
 * 管理员 created as the 首次使用 screen creates her: the same auth.setup call, made once per worker and day on a
 * database then copied for each test) and a `page` already
 * logged in by the login screen's own call, auth.login (decisions.md D35). `test.use({ login: false })` leaves the page at
 * the login screen, and `test.use({ firstAdmin: false })` leaves the database without users (the
 * 首次使用 screen). Screenshots of screens go to test-results/screens/ as artefacts.
 * `test.use({ today: 'YYYY-MM-DD' })` puts the services (LTC_TODAY) and the page's clock on that day.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { ROOT, startHost, type Host } from './host';

/** The first 管理员 of every test's database. */
export const ADMIN = { name: '王管理', password: 'e2e-管理员-密码' } as const;

/** Makes a call the way the page does (Origin: the host's own), with a session cookie if given. */
export async function rpc(host: Host, method: string, input: unknown, cookie?: string): Promise<{ status: number; body: unknown; setCookie: string | null }> {
  const r = await fetch(`${host.url}rpc/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: host.url.replace(/\/$/, ''), ...(cookie ? { cookie } : {}) },
    body: JSON.stringify({ input }),
  });
  return { status: r.status, body: await r.json(), setCookie: r.headers.get('set-cookie') };
}

/** Logs in through the login screen. */
export async function logIn(page: Page, name: string, password: string): Promise<void> {
  await page.getByLabel('用户名').fill(name);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: '登录', exact: true }).click();
}

export const test = base.extend<{
  host: Host;
  hostArgs: string[];
  hostEnv: Record<string, string>;
  today: string | null;
  firstAdmin: boolean;
  login: boolean;
}>({
  /** whether the database gets its first 管理员 (ADMIN) before the test */
  firstAdmin: [true, { option: true }],
  /** whether the page logs in as ADMIN through the login screen before the test */
  login: [true, { option: true }],
  /** more options of the host for the tests of a file: `test.use({ hostArgs: ['--update-stub', file] })` */
  hostArgs: [[], { option: true }],
  /** more environment of the host: `test.use({ hostEnv: { … } })` */
  hostEnv: [{}, { option: true }],
  /**
   * The day it is, for both sides: the services' (LTC_TODAY) and the page's clock (fixed at 10:00
   * China time that day; timers keep running). `test.use({ today: '2026-11-30' })`; null: the real day.
   */
  today: [null, { option: true }],
  host: async ({ hostArgs, hostEnv, today, firstAdmin }, use) => {
    const env = { ...hostEnv, ...(today ? { LTC_TODAY: today } : {}) };
    // A plain host starts on a copy of its worker's database with the first 管理员 (made once per day by the
    // same auth.setup call, see templateWithAdmin): her two scrypt hashes and the migrations were ~0.25 CPU-s
    // of every test. Other options (a key file, an update stub, more environment) get a database of their own.
    const plain = firstAdmin && hostArgs.length === 0 && Object.keys(hostEnv).length === 0;
    const host = await startHost(plain ? copyOf(await templateWithAdmin(today)) : undefined, hostArgs, env);
    if (firstAdmin && !plain) await setUpFirstAdmin(host);
    await use(host);
    await host.stop();
  },
  page: async ({ page, today, host, firstAdmin, login }, use) => {
    // Fixed, not faked: Date says that day (10:00 in the page's time zone), while timers run as ever.
    if (today) await page.clock.setFixedTime(new Date(`${today}T10:00:00+08:00`));
    if (firstAdmin && login) {
      // The session comes from the call the login screen makes (auth.login), its cookie handed to the browser
      // as the host set it: one load of the app per test instead of three. login.spec.ts tests the screen.
      const r = await rpc(host, 'auth.login', { name: ADMIN.name, password: ADMIN.password });
      const cookie = /^([^=;]+)=([^;]*)/.exec(r.setCookie ?? '');
      if (r.status !== 200 || !cookie?.[1] || !cookie[2]) throw new Error(`login refused: ${JSON.stringify(r.body)}`);
      await page.context().addCookies([{ name: cookie[1], value: cookie[2], url: host.url, httpOnly: true, sameSite: 'Strict' }]);
    }
    await use(page);
  },
  baseURL: async ({ host }, use) => {
    await use(host.url);
  },
});

export { expect };

async function setUpFirstAdmin(host: Host): Promise<void> {
  const r = await rpc(host, 'auth.setup', { name: ADMIN.name, password: ADMIN.password });
  if (r.status !== 200) throw new Error(`first 管理员 not created: ${JSON.stringify(r.body)}`);
}

/** This worker's databases with their first 管理员, one per services' day (LTC_TODAY; '' the real day). */
const templates = new Map<string, string>();

/**
 * A database as a fresh host leaves it after 首次使用's call (auth.setup) on `today`, the host then stopped:
 * made once per worker and day, then copied for each test (copyOf).
 */
async function templateWithAdmin(today: string | null): Promise<string> {
  const made = templates.get(today ?? '');
  if (made) return made;
  const host = await startHost(undefined, [], today ? { LTC_TODAY: today } : {});
  await setUpFirstAdmin(host);
  await host.stop();
  // a clean stop leaves everything in the file itself; a copy of it alone would otherwise miss the last writes
  const wal = `${host.dbFile}-wal`;
  if (existsSync(wal) && statSync(wal).size > 0) throw new Error(`the template database kept a write-ahead log: ${wal}`);
  templates.set(today ?? '', host.dbFile);
  return host.dbFile;
}

function copyOf(dbFile: string): string {
  const copy = join(mkdtempSync(join(tmpdir(), 'ltc-e2e-')), 'ltc.db');
  copyFileSync(dbFile, copy);
  return copy;
}

/** Runs `ltc` against the test's database (to seed data the way an administrator would). */
export function ltc(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  return ltcOn(null, ...args);
}

/**
 * The first 管理员 (ADMIN) of `dbFile`, as `ltc user add` makes one (the password on standard input); her
 * recovery code, which the command prints once.
 */
export function ltcAddAdmin(dbFile: string): string {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/ltc.cjs'), 'user', 'add', '--db', dbFile, '--name', ADMIN.name, '--role', 'admin'], {
    cwd: ROOT,
    encoding: 'utf8',
    input: `${ADMIN.password}\n`,
  });
  if (r.status !== 0) throw new Error(`ltc user add failed: ${r.stderr}`);
  return r.stdout.trim();
}

/** `ltc` on a given day (LTC_TODAY), as the host of a test pinned to that day judges. */
export function ltcOn(today: string | null | undefined, ...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const env = today ? { ...process.env, LTC_TODAY: today } : process.env;
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/ltc.cjs'), ...args], { cwd: ROOT, encoding: 'utf8', env });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * A full-page screenshot of a screen, kept as a test artefact. It asserts nothing, so it may not be what fails a
 * test: once on CI (2026-12-07) Chromium's capture never returned ("fonts loaded", then nothing, 60 s) in a test
 * whose every assertion had passed. A capture that takes over 15 s is given up with a warning on the test's
 * report; if the page itself is wedged, the test's next step fails with its own message.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  const dir = join(ROOT, 'test-results', 'screens');
  mkdirSync(dir, { recursive: true });
  try {
    await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true, timeout: 15_000 });
  } catch (e) {
    if (page.isClosed()) throw e;
    const description = `screenshot ${name} not taken: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`;
    base.info().annotations.push({ type: 'warning', description });
    console.warn(description);
  }
}
