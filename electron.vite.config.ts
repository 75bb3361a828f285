import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';

// renderer/index.html carries the production CSP (script-src 'self'). `electron-vite dev` serves the page
// with an inline script (React Fast Refresh's preamble) that this policy blocks, so the dev server, and
// only the dev server, gets 'unsafe-inline' for scripts. Built output keeps the strict policy.
const devCsp: Plugin = {
  name: 'ltc:dev-csp',
  apply: 'serve',
  transformIndexHtml: (html) => html.replace("script-src 'self';", "script-src 'self' 'unsafe-inline';"),
};

// Three builds. `main` bundles every Node entry point: the Electron main process, the `ltc`
// command line and the HTTP host all share the same services, so they are built together.
const appVersion = JSON.stringify((JSON.parse(readFileSync(resolve(__dirname, 'package.json'), 'utf8')) as { version: string }).version);

export default defineConfig({
  main: {
    define: { __APP_VERSION__: appVersion },
    build: {
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'electron/main/index.ts'),
          cli: resolve(__dirname, 'electron/cli/index.ts'),
          host: resolve(__dirname, 'electron/host/index.ts'),
          // worker threads' entries: the month's claim, the PDFs, the big imports and backups, inspection, off the thread that serves the window
          claimWorker: resolve(__dirname, 'electron/services/claims/claimWorker.ts'),
          pdfWorker: resolve(__dirname, 'electron/services/documents/pdfWorker.ts'),
          importWorker: resolve(__dirname, 'electron/services/importWorker/importWorker.ts'),
          backupWorker: resolve(__dirname, 'electron/services/backups/backupWorker.ts'),
          // 排班建议 and 派单建议 (HiGHS), seconds of solver time
          solverWorker: resolve(__dirname, 'electron/services/solver/solverWorker.ts'),
          inspectWorker: resolve(__dirname, 'electron/services/inspection/inspectWorker.ts'),
          // `ltc import`: the dataset file read and checked while the owner's thread stores it
          datasetWorker: resolve(__dirname, 'electron/services/dataset/datasetWorker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      rollupOptions: { input: { index: resolve(__dirname, 'electron/preload/index.ts') } },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    build: {
      // electron-vite leaves the renderer unminified; minified, the first screen parses ~3x less script
      // (npm run bench: rendererReadyMs).
      minify: true,
      rollupOptions: { input: { index: resolve(__dirname, 'renderer/index.html') } },
    },
    plugins: [react(), devCsp],
  },
});
