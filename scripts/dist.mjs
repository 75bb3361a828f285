#!/usr/bin/env node
// `npm run dist`: the installers (electron-builder.yml; docs/RELEASE.md says how to release them).
//
//   npm run dist                     installers for this OS (Windows: NSIS; Linux: AppImage and deb)
//   npm run dist -- --win            the Windows installer (from Windows, or Linux with wine)
//   npm run dist -- --linux          AppImage and deb
//   npm run dist -- --check [--out DIR] [--no-build]
//                                    the installed app's layout (resources/app.asar, app.asar.unpacked,
//                                    fonts, app-update.yml) built around a stand-in Electron, with no
//                                    download and no native rebuild: checks the configuration anywhere
//                                    (tests/unit/shell/packaging.test.ts runs it). Not an installer.
//                                    --no-build packages the bundles already in out/: the test suite builds
//                                    once, and a rebuild here would empty out/ under the tests running beside it.
//
// A real build needs what these machines lack: Electron's release archives and headers (electron-builder
// downloads them; @electron/rebuild recompiles better-sqlite3 for Electron's ABI). Where they cannot be
// had, this says so and exits 2 instead of failing half-way with a network stack trace.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    win: { type: 'boolean' },
    linux: { type: 'boolean' },
    check: { type: 'boolean' },
    out: { type: 'string' },
    'no-build': { type: 'boolean' },
  },
});
const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
const shell = process.platform === 'win32';

function run(command, args, env = {}) {
  const r = spawnSync(command, args, { cwd: root, stdio: 'inherit', shell, env: { ...process.env, ...env } });
  return r.status ?? 1;
}

function fail(message, code = 1) {
  console.error(`\ndist: ${message}`);
  process.exit(code);
}

// The fonts must be the bundled ones (a release never falls back to a system font), then the bundles.
if (run('node', ['scripts/copy-fonts.mjs', '--require']) !== 0) fail('字体缺失 / the bundled fonts are missing (npm install first)');
if (values['no-build']) {
  if (!values.check) fail('--no-build 只用于 --check / --no-build is for --check only');
  if (!existsSync(join(root, 'out', 'main', 'index.js'))) fail('out/ 中没有构建结果，请先运行 npm run build / out/ is empty: npm run build first');
} else if (run('npx', ['--no', '--', 'electron-vite', 'build']) !== 0) fail('构建失败 / electron-vite build failed');

if (values.check) {
  // A stand-in for Electron's unpacked distribution: electron-builder copies it and renames the binary.
  const fake = mkdtempSync(join(tmpdir(), 'ltc-electron-standin-'));
  mkdirSync(join(fake, 'resources'));
  writeFileSync(join(fake, 'electron'), '#!/bin/sh\necho "stand-in Electron: packaging check only" >&2\nexit 1\n');
  chmodSync(join(fake, 'electron'), 0o755);
  writeFileSync(join(fake, 'version'), electronVersion);
  for (const f of ['LICENSE', 'LICENSES.chromium.html']) writeFileSync(join(fake, f), '');
  const out = resolve(values.out ?? join(root, 'dist', 'check'));
  const code = run(
    'npx',
    [
      '--no',
      '--',
      'electron-builder',
      '--linux',
      'dir',
      '--publish',
      'never',
      `-c.electronDist=${fake}`,
      `-c.electronVersion=${electronVersion}`,
      '-c.npmRebuild=false',
      `-c.directories.output=${out}`,
    ],
    { LTC_UPDATE_URL: process.env['LTC_UPDATE_URL'] ?? 'http://update.invalid/ltc-desk/' },
  );
  if (code !== 0) fail(`electron-builder failed (exit ${code})`);
  console.log(`\ndist --check: the installed layout is in ${join(out, 'linux-unpacked')} (stand-in Electron: it does not run)`);
  process.exit(0);
}

// A real build: Electron's archive for the target and its headers must be reachable, or cached.
const cached = process.env['ELECTRON_CACHE'] && existsSync(process.env['ELECTRON_CACHE']);
const mirror = process.env['ELECTRON_MIRROR'] ?? 'https://github.com/electron/electron/releases/';
if (!cached) {
  const reachable = await fetch(mirror, { method: 'HEAD', signal: AbortSignal.timeout(8000) }).then(
    () => true,
    () => false,
  );
  if (!reachable) {
    fail(
      `本机无法下载 Electron ${electronVersion}（${mirror} 无法访问），不能生成安装包。请在能访问该地址的机器上运行，` +
        `或设置 ELECTRON_MIRROR / ELECTRON_CACHE（见 docs/RELEASE.md）。可以用 npm run dist -- --check 检查打包配置。\n` +
        `dist: this machine cannot download Electron ${electronVersion} (${mirror} is unreachable): no installers can be built here. ` +
        'Build on a machine that can (docs/RELEASE.md), or set ELECTRON_MIRROR / ELECTRON_CACHE. `npm run dist -- --check` checks the configuration.',
      2,
    );
  }
}
const targets = values.win ? ['--win'] : values.linux ? ['--linux'] : [];
const code = run('npx', ['--no', '--', 'electron-builder', ...targets, '--publish', 'never']);
if (code !== 0) fail(`electron-builder failed (exit ${code}); its output is above`);
console.log('\ndist: the installers are in dist/ (docs/RELEASE.md: smoke-test, then publish)');
