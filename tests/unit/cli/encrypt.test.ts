/**
 * `ltc encrypt` and `ltc --key-file` as administrators run them (decisions.md D37): the built bin/ltc.cjs in a
 * child process, on real files. The sample institution's October claim must come out byte for byte the same
 * from the encrypted file as from the plain one (and as tests/fixtures expects). Needs `npm run build` first.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import expected from '../../fixtures/sample-ningbo.expected-2026-10.json';
import sampleJson from '../../fixtures/sample-ningbo.json';
import { compareClaims } from '../../support/compareClaims';

const root = resolve(__dirname, '../../..');
const SAMPLE = join(root, 'tests/fixtures/sample-ningbo.json');
const ID_NUMBER = (sampleJson as { residents: { idNumber: string }[] }).residents[0]!.idNumber;

function ltc(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [join(root, 'bin/ltc.cjs'), ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, ...env },
  });
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

const holdsPlaintext = (file: string): boolean => readFileSync(file).includes(Buffer.from(ID_NUMBER, 'utf8'));
const isEncrypted = (file: string): boolean => !readFileSync(file).subarray(0, 16).equals(Buffer.from('SQLite format 3\0', 'latin1'));

let dir = '';
/** the sample institution, imported into a plain file once; each test works on its own copy */
let plain = '';
let claimBefore = '';
let checkBefore: string[] = [];

beforeAll(() => {
  if (!existsSync(join(root, 'out/main/cli.js'))) throw new Error('out/main/cli.js is missing: run `npm run build` before these tests');
  dir = mkdtempSync(join(tmpdir(), 'ltc-encrypt-'));
  plain = join(dir, 'plain.db');
  expect(ltc(['import', '--db', plain, SAMPLE]).code).toBe(0);
  const claim = ltc(['claim', '--db', plain, '--month', '2026-10']);
  expect(claim.code).toBe(0);
  claimBefore = claim.stdout;
  const check = ltc(['check', '--db', plain]);
  expect(check.code).toBe(0);
  checkBefore = check.stderr.trim().split('\n');
});

/** a copy of the plain sample under its own folder (its backups go beside it) */
function plainCopy(name: string): string {
  const folder = mkdtempSync(join(dir, `${name}-`));
  const file = join(folder, 'ltc-desk.db');
  copyFileSync(plain, file);
  return file;
}

describe('ltc encrypt', () => {
  it('encrypts the sample institution; ltc claim and ltc check then say what they said before, with the key only', () => {
    const db = plainCopy('convert');
    expect(holdsPlaintext(db)).toBe(true);
    const key = join(dir, 'convert.key');
    const r = ltc(['encrypt', '--db', db, '--key-file', key]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('已生成新的数据库密钥');
    expect(r.stderr).toContain('已加密');
    // a new key: 64 hex characters, readable by its owner only
    expect(readFileSync(key, 'utf8').trim()).toMatch(/^[0-9a-f]{64}$/);
    if (process.platform !== 'win32') expect(statSync(key).mode & 0o777).toBe(0o600);
    // the verified backup taken first
    expect(readdirSync(join(db, '..', 'backups'))).toHaveLength(1);
    expect(isEncrypted(db)).toBe(true);
    expect(holdsPlaintext(db)).toBe(false);

    // the same claim, byte for byte, and the expected one
    const claim = ltc(['claim', '--db', db, '--month', '2026-10', '--key-file', key]);
    expect(claim.code, claim.stderr).toBe(0);
    expect(claim.stdout).toBe(claimBefore);
    expect(compareClaims(expected, JSON.parse(claim.stdout) as object)).toEqual([]);

    // ltc check: the same facts; the audit trail has the one row that says the file was encrypted
    const check = ltc(['--key-file', key, 'check', '--db', db]);
    expect(check.code, check.stderr).toBe(0);
    const lines = check.stderr.trim().split('\n');
    expect(lines.slice(0, 2)).toEqual(checkBefore.slice(0, 2).map((l) => l.replace(plain, db)));
    const rows = (l: string) => Number(/（(\d+) 条/.exec(l)?.[1]);
    expect(lines[2]).toMatch(/^审计记录完整/);
    expect(rows(lines[2]!)).toBe(rows(checkBefore[2]!) + 1);
    expect(ltc(['verify-audit', '--db', db, '--key-file', key]).code).toBe(0);
  });

  it('--encrypt-backups: the plain backups beside it, the one taken first included, are encrypted with the same key', () => {
    const db = plainCopy('backups');
    const folder = join(db, '..', 'backups');
    mkdirSync(folder);
    expect(ltc(['backup', '--db', db, join(folder, 'ltc-desk-manual-20261201-090000.db')]).code).toBe(0);
    const key = join(dir, 'backups.key');
    const r = ltc(['encrypt', '--db', db, '--key-file', key, '--encrypt-backups']);
    expect(r.code, r.stderr).toBe(0);
    const backups = readdirSync(folder);
    expect(backups).toHaveLength(2);
    for (const b of backups) {
      const file = join(folder, b);
      expect(isEncrypted(file), b).toBe(true);
      expect(holdsPlaintext(file), b).toBe(false);
      expect(ltc(['check', '--db', file, '--key-file', key]).code, b).toBe(0);
    }
  });

  it('without the key, or with another one, every command is refused in Chinese (exit 1)', () => {
    const db = plainCopy('refuse');
    const key = join(dir, 'refuse.key');
    expect(ltc(['encrypt', '--db', db, '--key-file', key]).code).toBe(0);
    const none = ltc(['claim', '--db', db, '--month', '2026-10']);
    expect(none.code).toBe(1);
    expect(none.stdout).toBe('');
    expect(none.stderr).toContain('数据库已加密，需要密钥文件或恢复码');
    expect(ltc(['check', '--db', db]).stderr).toContain('数据库已加密');

    const other = join(dir, 'other.key');
    writeFileSync(other, `${'0'.repeat(64)}\n`);
    const wrong = ltc(['claim', '--db', db, '--month', '2026-10', '--key-file', other]);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('密钥不正确');

    const bad = join(dir, 'bad.key');
    writeFileSync(bad, 'password');
    expect(ltc(['claim', '--db', db, '--month', '2026-10', '--key-file', bad]).stderr).toContain('不是数据库密钥');
    // an encrypted file is not encrypted twice
    expect(ltc(['encrypt', '--db', db, '--key-file', key]).stderr).toContain('已经加密');
  });

  it('backs up encrypted (no ID number in the copy), checks the copy and restores it with the key', () => {
    const db = plainCopy('backup');
    const key = join(dir, 'backup.key');
    expect(ltc(['encrypt', '--db', db, '--key-file', key]).code).toBe(0);
    const copy = join(dir, 'backup-copy.db');
    expect(ltc(['backup', '--db', db, copy, '--key-file', key]).code).toBe(0);
    expect(isEncrypted(copy)).toBe(true);
    expect(holdsPlaintext(copy)).toBe(false);
    expect(ltc(['check', '--db', copy]).code).toBe(1);
    expect(ltc(['check', '--db', copy, '--key-file', key]).code).toBe(0);
    expect(ltc(['restore', '--db', db, copy]).code).toBe(1);
    const restored = ltc(['restore', '--db', db, copy, '--key-file', key]);
    expect(restored.code, restored.stderr).toBe(0);
    expect(ltc(['claim', '--db', db, '--month', '2026-10', '--key-file', key]).stdout).toBe(claimBefore);
  });

  it('creates a new database encrypted when given a key (ltc import)', () => {
    const key = join(dir, 'new.key');
    writeFileSync(key, `${'ab'.repeat(32)}\n`);
    const db = join(dir, 'new.db');
    expect(ltc(['import', '--db', db, SAMPLE, '--key-file', key]).code).toBe(0);
    expect(isEncrypted(db)).toBe(true);
    expect(holdsPlaintext(db)).toBe(false);
    expect(ltc(['claim', '--db', db, '--month', '2026-10', '--key-file', key]).stdout).toBe(claimBefore);
  });

  it('killed at any step, leaves the old plain file or the whole encrypted one, both usable; a second run finishes', () => {
    for (const step of ['locked', 'copied', 'rekeyed', 'verified', 'swapped']) {
      const db = plainCopy(`kill-${step}`);
      const key = join(dir, `kill-${step}.key`);
      const killed = ltc(['encrypt', '--db', db, '--key-file', key], { LTC_TEST_KILL_ENCRYPT_AT: step });
      expect(killed.signal, step).toBe('SIGKILL');
      expect(isEncrypted(db), step).toBe(step === 'swapped');
      // with the key given, a plain file opens plain and an encrypted one with it: the same claim either way
      const claim = ltc(['claim', '--db', db, '--month', '2026-10', '--key-file', key]);
      expect(claim.code, `${step}: ${claim.stderr}`).toBe(0);
      expect(claim.stdout, step).toBe(claimBefore);
      expect(ltc(['check', '--db', db, '--key-file', key]).code, step).toBe(0);
      if (step !== 'swapped') {
        const again = ltc(['encrypt', '--db', db, '--key-file', key]);
        expect(again.code, `${step}: ${again.stderr}`).toBe(0);
        expect(isEncrypted(db), step).toBe(true);
        expect(
          readdirSync(join(db, '..')).filter((n) => n.includes('encrypting')),
          step,
        ).toEqual([]);
        expect(ltc(['claim', '--db', db, '--month', '2026-10', '--key-file', key]).stdout, step).toBe(claimBefore);
      }
    }
  });
});
