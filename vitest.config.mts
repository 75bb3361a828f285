import { defineConfig } from 'vitest/config';

// Three projects (`npm test` runs them all; each file's project is in its name in the report):
// - `unit`: the rules and the services in this process, on real SQLite files: no build, no child process,
//   no external program. The inner loop: `npm run test:unit` (~30 s).
// - `integration`: what needs the build (the workers, the built preload and main bundle, packaging), runs
//   `ltc` or another program (pdftotext, LibreOffice, Chromium's host), or is slow by design (scale).
// - `isolated`: integration files that need a module cache of their own (below).
// excelLoad judges how exceljs is first loaded: in a shared module cache another file's own `import 'exceljs'`
// (to make a test workbook) may have loaded it, and its JSZip, before.
const ISOLATED = ['tests/unit/spreadsheet/excelLoad.test.ts'];
const INTEGRATION = [
  'tests/unit/cli/**/*.test.ts',
  'tests/unit/shell/**/*.test.ts',
  'tests/unit/importWorker/**/*.test.ts',
  'tests/unit/**/offThread.test.ts',
  'tests/unit/**/scale.test.ts',
  'tests/unit/documents/**/*.test.ts',
  'tests/unit/inspection/evidencePack.test.ts',
  'tests/unit/backups/backupWorker.test.ts',
  'tests/unit/recovery/encryptInPlace.test.ts',
  'tests/unit/roster/template.test.ts',
  'tests/unit/services/previousRelease.test.ts',
  'tests/unit/updates/updaterService.test.ts',
];

export default defineConfig({
  define: { __APP_VERSION__: JSON.stringify('0.0.0-test') },
  test: {
    environment: 'node',
    // better-sqlite3 is a native addon: forks keep each test file in its own process.
    pool: 'forks',
    // Two at a time even on two cores: many files wait on a child process (ltc, the host, workers).
    maxWorkers: 2,
    testTimeout: 30_000,
    // vi.stubEnv is undone after every test, so no test's environment reaches the next file's (see isolate)
    unstubEnvs: true,
    projects: [
      // The unit files share their worker's module cache (isolate: false): importing the services afresh for
      // each of ~100 files was 39 s of the project's 70. They keep no state between files (each opens its own
      // database; env changes are undone, fake timers restored).
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], exclude: [...INTEGRATION, ...ISOLATED], isolate: false } },
      // The integration files share it too: none mocks a module or keeps state beyond its own files and processes;
      // a fresh module cache per file cost 18 of the project's 215 CPU-s (D44).
      { extends: true, test: { name: 'integration', include: INTEGRATION, isolate: false } },
      { extends: true, test: { name: 'isolated', include: ISOLATED } },
    ],
  },
});
