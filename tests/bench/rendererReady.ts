/**
 * How long the window takes to show its first screen, as a user opening the app sees it: the built
 * renderer served by the built host (the same bundle Electron loads from app.asar), Debian's Chromium
 * with a new profile each time (a cold cache), from the navigation until the home screen is there and
 * answers (the side navigation and the page's title), for a user already logged in (the session cookie in
 * the browser; the login screen is not what is measured). `rendererReadyMs` is the median of the runs.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { benchSession } from './benchSession';
import { benchHostArgs } from './common';
// the host as the e2e tests start it (out/main/host.js, as `npm run web` does)
import { startHost } from '../e2e/support/host';

export async function measureRendererReady(db: string, runs = 5): Promise<{ medianMs: number; runsMs: number[] }> {
  const host = await startHost(db, benchHostArgs());
  const runsMs: number[] = [];
  try {
    const session = await benchSession(host.url);
    for (let i = 0; i < runs; i++) {
      const profile = mkdtempSync(join(tmpdir(), 'ltc-bench-chromium-'));
      const browser = await chromium.launchPersistentContext(profile, {
        executablePath: process.env['LTC_CHROMIUM'] ?? '/usr/bin/chromium',
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
          '--disable-quic',
        ],
        viewport: { width: 1366, height: 850 },
        locale: 'zh-CN',
      });
      try {
        await browser.addCookies([{ ...session, url: host.url, httpOnly: true, sameSite: 'Strict' }]);
        const page = browser.pages()[0] ?? (await browser.newPage());
        const t0 = performance.now();
        await page.goto(host.url);
        await page.getByRole('navigation', { name: '主导航' }).waitFor();
        await page.getByRole('heading', { level: 1 }).waitFor();
        runsMs.push(Math.round(performance.now() - t0));
      } finally {
        await browser.close();
        rmSync(profile, { recursive: true, force: true });
      }
    }
  } finally {
    await host.stop();
  }
  const sorted = [...runsMs].sort((a, b) => a - b);
  return { medianMs: sorted[Math.floor(sorted.length / 2)] ?? 0, runsMs };
}
