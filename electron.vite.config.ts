import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { theme as appTheme } from './renderer/src/app/theme';

// renderer/index.html carries the production CSP (script-src 'self'). `electron-vite dev` serves the page
// with an inline script (React Fast Refresh's preamble) that this policy blocks, so the dev server, and
// only the dev server, gets 'unsafe-inline' for scripts. Built output keeps the strict policy.
const devCsp: Plugin = {
  name: 'ltc:dev-csp',
  apply: 'serve',
  transformIndexHtml: (html) => html.replace("script-src 'self';", "script-src 'self' 'unsafe-inline';"),
};

/**
 * The first screen's antd styles, made at build time. antd makes each component's CSS in the page when the
 * component is first drawn (CSS-in-JS): for the frame and 首页 (the side navigation, the cards, statistics,
 * lists, tags, the grid…) that was ~330 KB of CSS and about half of the window's first render (bench:
 * rendererReadyMs). Rendered here once, in Node, with the app's own theme (renderer/src/app/theme.ts), they
 * go into index.html as antd's server-rendering output: <style> elements with their hashes and the map of
 * what they hold, which antd reads at start and then uses instead of making the same styles again. Same
 * antd, same theme, same hashes: the page looks the same; a style this list lacks (another screen's, or the
 * theme without motion for a user who asked for less) is made in the page as before.
 */
function firstScreenStyles(): string {
  // CommonJS, from antd's own folder: the style cache must be the very module antd itself uses
  const need = createRequire(resolve(__dirname, 'package.json'));
  const antdNeed = createRequire(need.resolve('antd'));
  const React = need('react') as typeof import('react');
  const { renderToString } = need('react-dom/server') as typeof import('react-dom/server');
  const antd = need('antd') as typeof import('antd');
  const cssinjs = antdNeed('@ant-design/cssinjs') as {
    createCache: () => unknown;
    extractStyle: (cache: unknown, options: { types: string }) => string;
    StyleProvider: import('react').ComponentType<{ cache: unknown; children?: import('react').ReactNode }>;
  };
  const h = React.createElement;
  const { App, Button, Card, Col, ConfigProvider, Dropdown, Flex, Layout, List, Menu, Row, Skeleton, Statistic, Tag, Typography } = antd;
  const cache = cssinjs.createCache();
  const text = '长护';
  // what the frame (app/AppLayout.tsx, features/auth/UserMenu.tsx) and 首页 (features/home/HomePage.tsx) draw
  renderToString(
    h(
      cssinjs.StyleProvider,
      { cache },
      h(
        ConfigProvider,
        { theme: appTheme, button: { autoInsertSpace: false } },
        h(
          App,
          null,
          h(
            Layout,
            null,
            h(
              Layout.Sider,
              { theme: 'light' },
              h(Typography.Title, { level: 4 }, text),
              h(Dropdown, { menu: { items: [{ key: 'a', label: text }] } }, h(Button, { type: 'text' }, text)),
              h(Menu, {
                mode: 'inline',
                tooltip: false,
                items: [
                  { key: 'a', label: text },
                  { key: 'b', label: text, children: [{ key: 'c', label: text }] },
                ],
              }),
            ),
            h(
              Layout.Content,
              null,
              h(Flex, null, h(Typography.Title, { level: 1 }, text), h(Typography.Text, { type: 'secondary' }, text)),
              h(
                Row,
                { gutter: [16, 16] },
                h(Col, { xs: 12, lg: 6 }, h(Card, { title: text, extra: text }, h(Statistic, { title: text, value: 1, suffix: text }))),
              ),
              h(Skeleton, { active: true, paragraph: { rows: 1 } }),
              h(Tag, null, text),
              ...['blue', 'green', 'purple', 'gold'].map((color) => h(Tag, { key: color, color }, text)),
              h(List, {
                dataSource: [1, 2],
                pagination: { pageSize: 1, size: 'small', showSizeChanger: false, align: 'end' },
                renderItem: () => h(List.Item, { extra: h(Tag, null, text) }, h(Typography.Link, null, text)),
              }),
            ),
          ),
        ),
      ),
    ),
  );
  const styles = cssinjs.extractStyle(cache, { types: 'style' });
  if (!styles.includes(':where(.css-') || styles.includes('css-dev-only'))
    throw new Error('ltc:first-screen-styles: not the production styles antd makes in the page');
  return styles;
}

// The app (src/mount.tsx and the chunks it imports, its CSS) named in index.html, so the browser fetches it
// beside the small entry, before the entry's first calls (src/firstCalls.ts) are sent. The browser preview's
// host answers one request at a time: asked first, the month's dashboard (~0.3 s on a big institution) held
// up every script of the app behind it (bench: rendererReadyMs). Before the app's CSS, as antd's own would
// be: the first screen's antd styles (firstScreenStyles).
const firstScreen: Plugin = {
  name: 'ltc:first-screen',
  apply: 'build',
  transformIndexHtml: {
    order: 'post',
    handler(html, { bundle }) {
      if (!bundle) return html;
      const chunks = Object.values(bundle).flatMap((c) => (c.type === 'chunk' ? [c] : []));
      const mount = chunks.find((c) => c.facadeModuleId?.replace(/\\/g, '/').endsWith('/renderer/src/mount.tsx'));
      if (!mount) throw new Error('ltc:first-screen: no chunk for renderer/src/mount.tsx');
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
      const head = [
        ...[...scripts].map((href) => `<link rel="modulepreload" crossorigin href="./${href}">`),
        firstScreenStyles(),
        ...[...styles].map((href) => `<link rel="stylesheet" crossorigin href="./${href}">`),
      ];
      if (!html.includes('</head>')) throw new Error('ltc:first-screen: index.html has no </head>');
      return html.replace('</head>', `    ${head.join('\n    ')}\n  </head>`);
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
      // Pure-JavaScript dependencies bundled into the main build instead of required from node_modules at start:
      // zod's package loads every locale and all of its API (~50 ms), and each package's many small files cost a
      // lookup each. `ltc check` 0.27 → 0.16 CPU-s; every `ltc` run, host start and worker starts the same way
      // (decisions.md D45). Kept external: native addons (better-sqlite3), electron, electron-updater, what reads
      // its own files at run time (pdfkit's and pdfmake's fonts, highs' wasm) and exceljs (loaded on first use).
      externalizeDeps: { exclude: ['zod', 'ajv', 'ajv-formats', 'ajv-i18n', 'commander', 'papaparse', 'fflate', 'jsonc-parser'] },
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
    plugins: [react(), devCsp, firstScreen],
  },
});
