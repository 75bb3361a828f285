#!/usr/bin/env node
// `npm start`: build once if out/ is missing, then open the desktop app in Electron.
// Electron's binary is fetched lazily by `require('electron')` and cannot be fetched on every machine
// (never on the CI machines). When it is missing, this says so in one line and serves the browser
// preview instead (electron/host: the same renderer and services on 127.0.0.1), on the same database
// file the desktop app would use. When it exists but fails, its error is shown and the exit is non-zero.
// ELECTRON_OVERRIDE_DIST_PATH (the electron package's own variable) points at another Electron folder.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const UNAVAILABLE =
  '无法启动 Electron（本机没有 Electron 可执行文件），改用浏览器预览 / Electron binary not available on this machine: serving the browser preview instead';
const CANNOT_RUN = '桌面程序未能运行（原因见上方 Electron 的输出）。需要时可先用浏览器预览：npm run web -- --db 数据库文件';
const PORT = process.env['LTC_PORT'] ?? '5180';

/** Electron's app.getPath('userData') for this app (appData + productName), so both faces share one file. */
function userDataDir() {
  const appData =
    process.platform === 'win32'
      ? (process.env['APPDATA'] ?? join(homedir(), 'AppData', 'Roaming'))
      : process.platform === 'darwin'
        ? join(homedir(), 'Library', 'Application Support')
        : (process.env['XDG_CONFIG_HOME'] ?? join(homedir(), '.config'));
  return join(appData, '长护助手');
}

function browserPreview() {
  console.error(UNAVAILABLE);
  const dir = userDataDir();
  mkdirSync(dir, { recursive: true });
  const host = spawn(process.execPath, [join(root, 'out/main/host.js'), '--db', join(dir, 'ltc-desk.db'), '--port', PORT], { cwd: root, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => host.kill(signal));
  host.on('close', (code) => process.exit(code ?? 0));
}

const built = ['out/main/index.js', 'out/main/host.js', 'out/preload/index.js', 'out/renderer/index.html'].every((f) => existsSync(join(root, f)));
if (!built) {
  const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

// Resolve the binary in a child process: when it is missing, `require('electron')` tries to download it
// and prints a stack trace on failure; only our one line should reach the user. LTC_DEBUG=1 shows it all.
const probe = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], {
  cwd: root,
  encoding: 'utf8',
  stdio: ['ignore', 'pipe', 'pipe'],
});
const electronPath = probe.status === 0 ? probe.stdout.trim() : '';
if (!electronPath || !existsSync(electronPath)) {
  if (process.env['LTC_DEBUG']) process.stderr.write(probe.stderr ?? '');
  browserPreview();
} else if (nativeAddonFits(electronPath)) {
  launchElectron(electronPath);
}

/**
 * better-sqlite3 is compiled for Node by `npm install` (the tests run in Node); Electron needs it
 * compiled for its own ABI. Asked of Electron running as Node, before the window would fail with a
 * stack trace: a mismatch is explained, with the command that fixes it, and the exit is non-zero.
 */
function nativeAddonFits(electronPath) {
  const probe = spawnSync(electronPath, ['-e', "require('better-sqlite3')"], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
  });
  if (!/NODE_MODULE_VERSION/.test(probe.stderr ?? '')) return true;
  console.error(
    'better-sqlite3 是为 Node 编译的，Electron 不能加载。请先运行：npx electron-builder install-app-deps（需要联网下载 Electron 头文件）；' +
      '之后要运行 npm test 时再运行 npm rebuild better-sqlite3。\n' +
      "better-sqlite3 is built for Node, not for Electron: run `npx electron-builder install-app-deps` (needs Electron's headers from the internet), " +
      'and `npm rebuild better-sqlite3` before `npm test` again.',
  );
  process.exitCode = 1;
  return false;
}

/**
 * Electron exists: run it, and let its own output reach the terminal. If it cannot start or dies (a
 * missing shared library, no display, a crash in the main process), say so and exit with its failure:
 * falling back to the browser preview then would hide the one error a user on a real machine needs
 * to see. Only a missing binary (above) switches to the preview.
 */
function launchElectron(electronPath) {
  const child = spawn(electronPath, [root, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
  child.on('error', (error) => {
    console.error(`无法启动 Electron（${electronPath}）：${error.message}`);
    console.error(CANNOT_RUN);
    process.exit(1);
  });
  child.on('close', (code, signal) => {
    if (code === 0) process.exit(0);
    console.error(`Electron 异常退出（${signal ? `信号 ${signal}` : `退出码 ${code}`}），错误信息见上方。`);
    console.error(CANNOT_RUN);
    process.exit(code || 1);
  });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
}
