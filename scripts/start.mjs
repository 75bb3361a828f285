#!/usr/bin/env node
// `npm start`: build once if out/ is missing, then open the desktop app in Electron.
// Electron's binary is fetched lazily by `require('electron')` and cannot be fetched or run on every
// machine (it never runs on the CI machines). Then this prints one line and exits 1.
// TODO(issue 3): fall back to the browser preview (electron/host serving out/renderer on 127.0.0.1).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const UNAVAILABLE = '无法启动 Electron（本机没有 Electron 可执行文件） / Electron binary not available on this machine';

const built = ['out/main/index.js', 'out/preload/index.js', 'out/renderer/index.html'].every((f) => existsSync(join(root, f)));
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
  console.error(UNAVAILABLE);
  process.exit(1);
}

const started = Date.now();
const child = spawn(electronPath, [root, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
child.on('error', (error) => {
  if (process.env['LTC_DEBUG']) console.error(error);
  console.error(UNAVAILABLE);
  process.exit(1);
});
child.on('close', (code, signal) => {
  // A binary that exists but dies at once (missing shared libraries, no display) is "not available" too.
  if (code !== 0 && Date.now() - started < 3000) {
    console.error(UNAVAILABLE);
    process.exit(1);
  }
  process.exit(code ?? (signal ? 1 : 0));
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
