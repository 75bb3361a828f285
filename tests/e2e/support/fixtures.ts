/**
 * The test fixture every e2e spec uses: `host` (a fresh database behind the real services) and a
 * `page` already pointed at it. Screenshots of screens go to test-results/screens/ as artefacts.
 * `test.use({ today: 'YYYY-MM-DD' })` puts the services (LTC_TODAY) and the page's clock on that day.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { ROOT, startHost, type Host } from './host';

export const test = base.extend<{ host: Host; hostArgs: string[]; hostEnv: Record<string, string>; today: string | null }>({
  /** more options of the host for the tests of a file: `test.use({ hostArgs: ['--update-stub', file] })` */
  hostArgs: [[], { option: true }],
  /** more environment of the host: `test.use({ hostEnv: { … } })` */
  hostEnv: [{}, { option: true }],
  /**
   * The day it is, for both sides: the services' (LTC_TODAY) and the page's clock (fixed at 10:00
   * China time that day; timers keep running). `test.use({ today: '2026-11-30' })`; null: the real day.
   */
  today: [null, { option: true }],
  host: async ({ hostArgs, hostEnv, today }, use) => {
    const host = await startHost(undefined, hostArgs, { ...hostEnv, ...(today ? { LTC_TODAY: today } : {}) });
    await use(host);
    await host.stop();
  },
  page: async ({ page, today }, use) => {
    // Fixed, not faked: Date says that day (10:00 in the page's time zone), while timers run as ever.
    if (today) await page.clock.setFixedTime(new Date(`${today}T10:00:00+08:00`));
    await use(page);
  },
  baseURL: async ({ host }, use) => {
    await use(host.url);
  },
});

export { expect };

/** Runs `ltc` against the test's database (to seed data the way an administrator would). */
export function ltc(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  return ltcOn(null, ...args);
}

/** `ltc` on a given day (LTC_TODAY), as the host of a test pinned to that day judges. */
export function ltcOn(today: string | null | undefined, ...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const env = today ? { ...process.env, LTC_TODAY: today } : process.env;
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/ltc.cjs'), ...args], { cwd: ROOT, encoding: 'utf8', env });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A full-page screenshot of a screen, kept as a test artefact. */
export async function screenshot(page: Page, name: string): Promise<void> {
  const dir = join(ROOT, 'test-results', 'screens');
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
}
