/**
 * End-to-end tests: the real renderer, built, in Debian's Chromium, against the real services through
 * the HTTP host (electron/host), each test with a fresh SQLite file. See tests/e2e/README.md.
 */
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: process.env['LTC_E2E_OUT'] ?? 'test-results/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // Each test has its own host process and database file, so tests run side by side, those of one file too
  // (accessibility.spec.ts alone is ~6 minutes of walks): two at a time on the 2-core CI machines
  // (LTC_E2E_WORKERS overrides, e.g. 1 to watch one test alone).
  fullyParallel: true,
  workers: Number(process.env['LTC_E2E_WORKERS'] ?? 2),
  retries: 0,
  use: {
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1366, height: 850 },
    // The app follows the system's reduce-motion setting (renderer/src/app/reducedMotion.ts): no slides or
    // fades, so a click never waits for an animation to end.
    reducedMotion: 'reduce',
    screenshot: 'only-on-failure',
    // The trace of a failed test keeps its actions, console, network and sources, not the screencast nor the DOM
    // snapshots: recording them for every test (to keep a few) cost ~40 % and ~10 % of the suite's CPU, made in
    // Chromium (tests/e2e/README.md, "Speed"; decisions.md D42). A failure is read from its own screenshot and
    // error-context.md, the page's accessibility tree at the moment it failed.
    trace: { mode: 'retain-on-failure', screenshots: false, snapshots: false, sources: true },
    launchOptions: {
      // Playwright cannot download its own browser here; Debian's chromium is installed by .ci/run.
      executablePath: process.env['LTC_CHROMIUM'] ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
        // Chromium 156 preloads its omnibox pop-ups (three WebUI pages in a renderer of their own) for every new
        // window, and each test's browser context is one: ~0.6 CPU-s a test, a tenth of the suite, for an address
        // bar a headless window never shows (decisions.md D42).
        '--disable-features=WebUIOmniboxPopup,WebUIOmniboxFullPopup,WebUIOmniboxAimPopup',
      ],
    },
  },
  projects: [
    { name: 'browser', testMatch: /.*\.spec\.ts$/, testIgnore: /electron\..*\.spec\.ts$/ },
    { name: 'electron', testMatch: /electron\..*\.spec\.ts$/ },
  ],
});
