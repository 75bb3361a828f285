/**
 * `npm start` (scripts/start.mjs): where no Electron binary exists it says so and serves the browser
 * preview; where one exists but fails, the user sees Electron's own error and a non-zero exit, never a
 * silent switch to the preview. The electron package's ELECTRON_OVERRIDE_DIST_PATH points it at a folder
 * of ours: empty (no binary), or holding a stand-in `electron` that fails the way a real one does on a
 * machine without its shared libraries. Needs `npm run build` first (npm test does it).
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../services/helpers';

const ROOT = path.resolve(__dirname, '../../..');
const START = path.join(ROOT, 'scripts', 'start.mjs');
const PREVIEW = /改用浏览器预览/;

function env(distDir: string): NodeJS.ProcessEnv {
  // the preview's database goes to a temporary user-data folder, never the developer's own
  return { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: distDir, XDG_CONFIG_HOME: tempDir(), LTC_PORT: '0', LTC_DEBUG: '' };
}

describe.skipIf(process.platform === 'win32')('npm start', () => {
  it('shows the error of an Electron that exists but dies, and exits with its code', () => {
    const dist = tempDir();
    const fake = path.join(dist, 'electron');
    writeFileSync(fake, '#!/bin/sh\necho "electron: error while loading shared libraries: libnss3.so: cannot open shared object file" >&2\nexit 127\n');
    chmodSync(fake, 0o755);
    const run = spawnSync(process.execPath, [START], { cwd: ROOT, env: env(dist), encoding: 'utf8', timeout: 30_000 });
    expect(run.stderr).toContain('libnss3.so');
    expect(run.stderr).toContain('Electron 异常退出（退出码 127）');
    expect(run.stderr).not.toMatch(PREVIEW);
    expect(run.status).toBe(127);
  });

  it('explains a native addon built for Node instead of Electron, and how to rebuild it', () => {
    const dist = tempDir();
    const fake = path.join(dist, 'electron');
    // Electron running as Node (the probe) fails to load better-sqlite3 the way it does for real
    writeFileSync(
      fake,
      '#!/bin/sh\nif [ "$ELECTRON_RUN_AS_NODE" = "1" ]; then echo "better_sqlite3.node was compiled against a different Node.js version using NODE_MODULE_VERSION 115. This version of Node.js requires NODE_MODULE_VERSION 140." >&2; exit 1; fi\necho "window opened"\n',
    );
    chmodSync(fake, 0o755);
    const run = spawnSync(process.execPath, [START], { cwd: ROOT, env: env(dist), encoding: 'utf8', timeout: 30_000 });
    expect(run.stderr).toContain('npx electron-builder install-app-deps');
    expect(run.stdout).not.toContain('window opened');
    expect(run.stderr).not.toMatch(PREVIEW);
    expect(run.status).toBe(1);
  });

  it('says so when the Electron file cannot be started, and exits non-zero', () => {
    const dist = tempDir();
    writeFileSync(path.join(dist, 'electron'), 'not a program');
    chmodSync(path.join(dist, 'electron'), 0o644);
    const run = spawnSync(process.execPath, [START], { cwd: ROOT, env: env(dist), encoding: 'utf8', timeout: 30_000 });
    expect(run.stderr).toMatch(/无法启动 Electron.*EACCES/);
    expect(run.stderr).not.toMatch(PREVIEW);
    expect(run.status).toBe(1);
  });

  it('serves the browser preview, and says why, when there is no Electron binary', async () => {
    const child = spawn(process.execPath, [START], { cwd: ROOT, env: env(tempDir()), stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no preview started: ${err}`)), 20_000);
        child.stdout.on('data', (c: Buffer) => {
          out += c.toString();
          const m = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
          if (m?.[1]) {
            clearTimeout(timer);
            resolve(m[1]);
          }
        });
      });
      expect(err).toMatch(PREVIEW);
      const page = await fetch(url);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('长护助手');
    } finally {
      child.kill('SIGTERM');
    }
  });
});
