#!/usr/bin/env node
// `npm install` / `npm ci` run this (the "prepare" script) so that `ltc` works right after an install.
// A build failure must not fail the install: a fresh clone of a tree that does not build would then have
// no node_modules at all, and CI (`.ci/run`) would stop before `npm test` could report what is broken.
// `npm run build` and `npm test` still fail on the same error.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// CI builds once, in `npm test` (scripts/test.mjs), right after `npm ci`: .ci/run sets this.
if (process.env['LTC_SKIP_PREPARE_BUILD'] === '1') {
  console.log('prepare: build skipped (LTC_SKIP_PREPARE_BUILD=1; npm test builds)');
  process.exit(0);
}
const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
if (build.status !== 0) {
  console.warn('\n构建失败，安装已完成；请运行 npm run build 查看错误。 / Build failed; the install itself succeeded: run `npm run build` to see why.\n');
}
