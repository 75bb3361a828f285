/**
 * `ltc import` and `ltc check --dataset` refuse a file holding what has not happened yet, exit 1,
 * naming the record (issue 14); the day is pinned for the process with LTC_TODAY, the one today of
 * the services. Needs `npm run build` first (npm test does it).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../../..');
const SAMPLE = join(root, 'tests/fixtures/sample-ningbo.json');

function ltc(today: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [join(root, 'bin/ltc.cjs'), ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, LTC_TODAY: today },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

let dir = '';
beforeAll(() => {
  if (!existsSync(join(root, 'out/main/cli.js'))) throw new Error('out/main/cli.js is missing: run `npm run build` before these tests');
  dir = mkdtempSync(join(tmpdir(), 'ltc-cli-'));
});

describe('ltc and records dated after today', () => {
  it('refuses the file with exit 1, naming the visit; nothing is imported', () => {
    const d = JSON.parse(readFileSync(SAMPLE, 'utf8')) as { visits: Record<string, unknown>[] };
    d.visits.push({ ref: 'v-future', resident: 'r3', staff: 's1', start: '2026-12-15T09:00', end: '2026-12-15T10:00', items: ['LC01'], confirmed: true });
    const file = join(dir, 'future.json');
    writeFileSync(file, JSON.stringify(d));
    const db = join(dir, 'future.db');

    const checked = ltc('2026-12-06', 'check', '--dataset', file);
    expect(checked.code).toBe(1);
    expect(checked.stderr).toContain('服务记录 v-future（陈淑芬）：开始时间 2026-12-15 09:00 晚于今天（2026-12-06）');

    const imported = ltc('2026-12-06', 'import', '--db', db, file);
    expect(imported.code).toBe(1);
    expect(imported.stderr).toContain('v-future');
    // checked before the database is opened: not even created
    expect(existsSync(db)).toBe(false);

    // the day it happens, the same file is taken
    expect(ltc('2026-12-15', 'check', '--dataset', file).code).toBe(0);
    expect(ltc('2026-12-15', 'import', '--db', db, file).code).toBe(0);
    const sql = new Database(db, { readonly: true });
    expect(sql.prepare("SELECT count(*) FROM visits WHERE ref = 'v-future'").pluck().get()).toBe(1);
    sql.close();
  });
});
