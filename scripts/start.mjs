#!/usr/bin/env node
// `npm start`: build once if out/ is missing, then open the desktop app in Electron.
// Electron's binary is fetched lazily by `require('electron')` and cannot be fetched or run on every
// machine (it never runs on the CI machines). Then this says so in one line and serves the browser
// preview instead (electron/host: the same renderer and services on 127.0.0.1), on the same database
// file the desktop app would use.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const UNAVAILABLE = '无法启动 Electron（本机没有 Electron 可执行文件），改用浏览器预览 / Electron binary not available on this machine: serving the browser preview instead';
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
} else {
  launchElectron(electronPath);
}

function launchElectron(electronPath) {
  const started = Date.now();
  const child = spawn(electronPath, [root, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
  let fellBack = false;
  child.on('error', (error) => {
    if (process.env['LTC_DEBUG']) console.error(error);
    fellBack = true;
    browserPreview();
  });
  child.on('close', (code, signal) => {
    if (fellBack) return;
    // A binary that exists but dies at once (missing shared libraries, no display) is "not available" too.
    if (code !== 0 && Date.now() - started < 3000) {
      fellBack = true;
      browserPreview();
      return;
    }
    process.exit(code ?? (signal ? 1 : 0));
  });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
}
