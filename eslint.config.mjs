// Lint rules, and the architecture's import boundaries (docs/architecture.md §1 and §7):
//   renderer → contract ← services → shared rules.
// renderer/ is a web page: no Node, no Electron, no electron/ code; it reaches the services through
// window.api only. shared/ is pure: no I/O, no Node, no DOM, no electron/ or renderer/ code.
// tests/unit/lint/boundaries.test.ts proves these rules fire.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const nodeBuiltins = [...new Set(builtinModules.map((m) => m.replace(/^node:/, '')))].map(escape).join('|');

const NO_NODE = {
  regex: `^(node:.*|(${nodeBuiltins})(/.*)?)$`,
  message: 'Node built-ins do not exist here. Do the I/O in electron/services and call it through the contract.',
};
const NO_ELECTRON_PACKAGE = {
  regex: '^@?electron(/|$)',
  message: 'Electron APIs belong to electron/main and electron/preload.',
};
const NO_ELECTRON_FOLDER = {
  // Any relative path that walks through a folder named electron (../electron, ../../electron/services/…).
  regex: '^\\.\\.?/(.*/)?electron(/|$)',
  message: 'electron/ is Node-side code: the renderer and shared/ never import it. Use the contract in shared/api.',
};
const NO_RENDERER_FOLDER = {
  regex: '^\\.\\.?/(.*/)?renderer(/|$)',
  message: 'shared/ is imported by the renderer, never the other way round.',
};
const NO_DATABASE = {
  regex: '^(better-sqlite3|sqlite3|electron-updater)(/|$)',
  message: 'The database and the updater live in electron/services, behind the contract.',
};
const NO_IO_LIBRARIES = {
  // Libraries whose purpose is I/O (files, network, processes, documents) or the DOM.
  regex:
    '^(pdfmake|exceljs|xlsx|undici|node-fetch|axios|ws|fs-extra|graceful-fs|glob|fast-glob|chokidar|execa|commander|builder-util-runtime|react|react-dom)(/|$)',
  message: 'shared/ is pure (no I/O, no DOM): move this to electron/services or renderer/.',
};

// no-restricted-imports does not see import(): the same sources, for dynamic imports. esquery regexes
// end at the first '/', so slashes are written as \u002F.
const sel = (regex) => `ImportExpression[source.value=/${regex.replaceAll('/', '\\u002F')}/]`;
const noDynamicImport = (...patterns) => patterns.map(({ regex, message }) => ({ selector: sel(regex), message: `import(): ${message}` }));

const nodeFiles = [
  'electron/**/*.{ts,mts,cts}',
  'scripts/**/*.{js,mjs,cjs,ts}',
  'tests/**/*.{js,mjs,cjs,ts}',
  'bin/**/*.{js,mjs,cjs}',
  '*.config.{js,mjs,cjs,ts,mts}',
];

export default defineConfig(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'resources/**', 'coverage/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: nodeFiles,
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['renderer/**/*.{ts,tsx,js,jsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      // The two classic hook rules, as errors: a hook called conditionally, or an effect that misses a
      // value it reads, breaks at run time in ways tests catch only by luck (a stale closure, a reset
      // at the wrong moment). An intentionally omitted dependency takes a one-line disable with its reason.
      // (The plugin's React Compiler rules are not enabled: this app does not use the compiler.)
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      'no-restricted-imports': ['error', { patterns: [NO_ELECTRON_FOLDER, NO_NODE, NO_ELECTRON_PACKAGE, NO_DATABASE] }],
      'no-restricted-syntax': ['error', ...noDynamicImport(NO_ELECTRON_FOLDER, NO_NODE, NO_ELECTRON_PACKAGE, NO_DATABASE)],
    },
  },
  {
    // The UI's words live in the feature's strings.ts (decision D26): no other file under renderer/src
    // holds a Chinese string, template or JSX text (comments may be Chinese). The renderer's dynamic-import
    // selectors are repeated here because a later block's no-restricted-syntax replaces the earlier one.
    // tests/unit/lint/words.test.ts proves it fires.
    files: ['renderer/src/**/*.tsx', 'renderer/src/**/*.ts'],
    ignores: ['renderer/src/**/strings.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...noDynamicImport(NO_ELECTRON_FOLDER, NO_NODE, NO_ELECTRON_PACKAGE, NO_DATABASE),
        ...['Literal[value=/[\\u4e00-\\u9fff]/]', 'JSXText[value=/[\\u4e00-\\u9fff]/]', 'TemplateElement[value.raw=/[\\u4e00-\\u9fff]/]'].map((selector) => ({
          selector,
          message: "UI words belong in the feature's strings.ts (decision D26), not inline in the code.",
        })),
      ],
    },
  },
  {
    files: ['shared/**/*.{ts,tsx,js,mjs}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [NO_ELECTRON_FOLDER, NO_RENDERER_FOLDER, NO_NODE, NO_ELECTRON_PACKAGE, NO_DATABASE, NO_IO_LIBRARIES],
        },
      ],
      'no-restricted-syntax': ['error', { selector: 'ImportExpression', message: 'shared/ is pure: no dynamic import() (loading code is I/O).' }],
      // shared/ runs in the renderer and in Node alike: neither side's globals.
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'indexedDB', 'fetch', 'XMLHttpRequest', 'WebSocket'].map((name) => ({
          name,
          message: 'shared/ has no DOM: pass the value in from the caller.',
        })),
        ...['process', 'require', 'Buffer', '__dirname', '__filename'].map((name) => ({
          name,
          message: 'shared/ has no Node: pass the value in from the caller.',
        })),
      ],
    },
  },
  {
    // The preload is sandboxed: its built file may `require` only `electron`. Bundled code is fine as long
    // as it brings no npm package with it, so it imports the zod-free list of names and nothing else of
    // shared/ (contract.ts pulls in zod). tests/unit/shell/preload.test.ts loads the built file as the
    // sandbox does.
    files: ['electron/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!electron$|\\.\\./\\.\\./shared/api/methodNames$).*',
              message:
                'A sandboxed preload can require only `electron`: import the names from shared/api/methodNames, never contract.ts (zod), a Node built-in or the services.',
            },
          ],
        },
      ],
    },
  },
);
