/**
 * The `ltc` command line as administrators run it: the built bin/ltc.cjs in a child process, on real
 * files. Needs `npm run build` first (npm test does it).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import expected from '../../fixtures/sample-ningbo.expected-2026-10.json';
import { claimSchemaErrors } from '../../support/claimSchema';
import { compareClaims } from '../../support/compareClaims';

const root = resolve(__dirname, '../../..');
const SAMPLE = join(root, 'tests/fixtures/sample-ningbo.json');

function ltc(...args: string[]) {
  return ltcOn(undefined, ...args);
}

/** `ltc` with the services' today set (LTC_TODAY), as a test puts them on a known day. */
function ltcOn(today: string | undefined, ...args: string[]) {
  const env = today ? { ...process.env, LTC_TODAY: today } : process.env;
  const r = spawnSync(process.execPath, [join(root, 'bin/ltc.cjs'), ...args], { cwd: root, encoding: 'utf8', timeout: 60_000, env });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

let dir = '';
beforeAll(() => {
  if (!existsSync(join(root, 'out/main/cli.js'))) throw new Error('out/main/cli.js is missing: run `npm run build` before these tests');
  dir = mkdtempSync(join(tmpdir(), 'ltc-cli-'));
});

describe('ltc claim --dataset', () => {
  it('prints exactly the expected October claim of the sample institution, and nothing else on stdout', () => {
    const r = ltc('claim', '--dataset', SAMPLE, '--month', '2026-10');
    expect(r.code).toBe(0);
    const claim = JSON.parse(r.stdout) as object;
    expect(compareClaims(expected, claim)).toEqual([]);
    expect(claimSchemaErrors(claim)).toEqual([]);
    expect(r.stderr).toContain('4,370.00');
  });

  it('rejects a broken dataset with exit 1, every problem listed with its path, and no claim', () => {
    const bad = JSON.parse(readFileSync(SAMPLE, 'utf8')) as { visits: { end: string; staff: string }[] };
    bad.visits[0]!.end = '2026-10-02T08:00';
    bad.visits[1]!.staff = 's99';
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify(bad));
    const r = ltc('claim', '--dataset', file, '--month', '2026-10');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('visits[0].end');
    expect(r.stderr).toContain('visits[1].staff');
    expect(r.stderr).toMatch(/[\u4e00-\u9fff]/);
  });

  it('says what is wrong with a file that is not JSON, or a month that is not a month (exit 1)', () => {
    const file = join(dir, 'not.json');
    writeFileSync(file, '{ "format": ');
    expect(ltc('claim', '--dataset', file, '--month', '2026-10')).toMatchObject({ code: 1, stdout: '' });
    const r = ltc('claim', '--dataset', SAMPLE, '--month', '2026-13');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('YYYY-MM');
    expect(ltc('claim', '--dataset', join(dir, 'missing.json'), '--month', '2026-10').stderr).toContain('找不到文件');
  });
});

describe('ltc import / export / claim --db / backup / check', () => {
  it('round-trips the sample: import then export gives the same dataset', () => {
    const db = join(dir, 'rt.db');
    expect(ltc('import', '--db', db, SAMPLE).code).toBe(0);
    const out = join(dir, 'rt.json');
    expect(ltc('export', '--db', db, out).code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual(JSON.parse(readFileSync(SAMPLE, 'utf8')));
  });

  it('computes the month from a real database and writes claim.json with --out', () => {
    const db = join(dir, 'month.db');
    expect(ltc('import', '--db', db, SAMPLE).code).toBe(0);
    const outDir = join(dir, 'package');
    const r = ltc('claim', '--db', db, '--month', '2026-10', '--out', outDir);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(join(outDir, 'claim.json'));
    expect(compareClaims(expected, JSON.parse(readFileSync(join(outDir, 'claim.json'), 'utf8')) as object)).toEqual([]);
  });

  it('takes a verified backup that passes the integrity check', () => {
    const db = join(dir, 'b.db');
    ltc('import', '--db', db, SAMPLE);
    const copy = join(dir, 'b.backup.db');
    expect(ltc('backup', '--db', db, copy).code).toBe(0);
    expect(existsSync(copy)).toBe(true);
    expect(ltc('check', '--db', copy).code).toBe(0);
    expect(ltc('check', '--dataset', SAMPLE).code).toBe(0);
  });

  it('refuses a database written by a newer version, with exit 1 and a Chinese message', () => {
    const db = join(dir, 'new.db');
    ltc('import', '--db', db, SAMPLE);
    const raw = new Database(db);
    raw.pragma('user_version = 999');
    raw.close();
    const r = ltc('claim', '--db', db, '--month', '2026-10');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('更新版本');
  });

  it('refuses to import a folder given as the dataset file, in Chinese, without creating the database', () => {
    const folder = join(dir, '导出文件夹');
    mkdirSync(folder);
    const db = join(dir, 'from-folder.db');
    const r = ltc('import', '--db', db, folder);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('是文件夹，不是文件');
    expect(r.stderr).not.toContain('内部错误');
    expect(existsSync(db)).toBe(false);
  });

  it('refuses a claim on a database file that does not exist, without creating it', () => {
    const db = join(dir, 'nope.db');
    expect(ltc('claim', '--db', db, '--month', '2026-10').code).toBe(1);
    expect(existsSync(db)).toBe(false);
  });
});

describe('ltc demo', () => {
  it('creates a realistic demo institution as of today, with its beds, whose last full month can be claimed', () => {
    const db = join(dir, 'demo.db');
    const r = ltcOn('2027-03-09', 'demo', '--db', db);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('截至 2027-03-09');
    const claim = JSON.parse(ltcOn('2027-03-09', 'claim', '--db', db, '--month', '2027-02').stdout) as { lines: { mode: string }[]; issues: unknown[] };
    expect(claim.lines.filter((l) => l.mode === 'institutional').length).toBeGreaterThan(10);
    expect(claim.lines.filter((l) => l.mode === 'home').length).toBeGreaterThan(10);
    expect(claim.issues.length).toBeGreaterThan(0);

    const sql = new Database(db, { readonly: true });
    try {
      const span = sql.prepare('SELECT min(substr(start_at, 1, 10)) AS first, max(substr(start_at, 1, 10)) AS last FROM visits').get();
      expect(span).toEqual({ first: '2026-12-01', last: '2027-03-09' });
      expect(sql.prepare('SELECT max(date) FROM stay_events').pluck().get()! <= '2027-03-09').toBe(true);
      // every admission names a registered bed, and some beds are left free
      const unregistered = sql
        .prepare("SELECT count(*) FROM stay_events e WHERE e.type = 'admit' AND e.mode = 'institutional' AND e.bed NOT IN (SELECT code FROM beds)")
        .pluck()
        .get();
      expect(unregistered).toBe(0);
      expect(sql.prepare('SELECT count(*) FROM beds').pluck().get()).toBe(120);
    } finally {
      sql.close();
    }
    expect(ltc('demo', '--db', db).code).toBe(1);
  });
});

describe('ltc --help', () => {
  it('lists the commands and exits 0; an unknown command exits 1', () => {
    const r = ltc('--help');
    expect(r.code).toBe(0);
    for (const c of ['claim', 'import', 'export', 'backup', 'check', 'verify-audit', 'demo']) expect(r.stdout).toContain(c);
    expect(ltc('frobnicate').code).toBe(1);
  });
});
