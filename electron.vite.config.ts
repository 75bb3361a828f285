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

// The app (src/mount.tsx and the chunks it imports, its CSS) named in index.html, so the browser fetches it
// beside the small entry, before the entry's first calls (src/firstCalls.ts) are sent. The browser preview's
// host answers one request at a time: asked first, the month's dashboard (~0.3 s on a big institution) held
// up every script of the app behind it (bench: rendererReadyMs).
const preloadApp: Plugin = {
  name: 'ltc:preload-app',
  apply: 'build',
  transformIndexHtml: {
    order: 'post',
    handler(_html, { bundle }) {
      if (!bundle) return [];
      const chunks = Object.values(bundle).flatMap((c) => (c.type === 'chunk' ? [c] : []));
      const mount = chunks.find((c) => c.facadeModuleId?.replace(/\\/g, '/').endsWith('/renderer/src/mount.tsx'));
      if (!mount) throw new Error('ltc:preload-app: no chunk for renderer/src/mount.tsx');
      const scripts = new Set<string>();
      const styles = new Set<string>();
      const visit = (fileName: string) => {
        const c = bundle[fileName];
        if (!c || c.type !== 'chunk' || c.isEntry || scripts.has(fileName)) return;
        scripts.add(fileName);
        for (const css of c.viteMetadata?.importedCss ?? []) styles.add(css);
        c.imports.forEach(visit);
      };
      visit(mount.fileName);
      return [
        ...[...styles].map((href) => ({ tag: 'link', attrs: { rel: 'stylesheet', crossorigin: true, href: `./${href}` }, injectTo: 'head' as const })),
        ...[...scripts].map((href) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `./${href}` }, injectTo: 'head' as const })),
      ];
    },
  },
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
    plugins: [react(), devCsp, preloadApp],
  },
});
