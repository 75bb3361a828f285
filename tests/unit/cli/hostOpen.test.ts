/**
 * The browser preview's host (`npm run web`, the built out/main/host.js) on a file it cannot open: a
 * newer program's database, or a file that is not a database, is said in one Chinese line and, with
 * `--exit-on-failure`, the host exits 1, with no stack trace and the file untouched. Needs `npm run build` first (npm test does it).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../../..');
let dir = '';

beforeAll(() => {
  if (!existsSync(join(root, 'out/main/host.js'))) throw new Error('out/main/host.js is missing: run `npm run build` before these tests');
  dir = mkdtempSync(join(tmpdir(), 'ltc-host-open-'));
});

// `--exit-on-failure`: the script-friendly behaviour (one line, exit 1); without it the host serves the
// recovery screen (safe mode), tested in tests/unit/cli/hostSafeMode.test.ts and tests/e2e/recovery.spec.ts
const host = (db: string) =>
  spawnSync(process.execPath, [join(root, 'out/main/host.js'), '--db', db, '--port', '0', '--exit-on-failure'], {
    cwd: root,
    encoding: 'utf8',
    timeout: 30_000,
  });

describe('the host on a file it cannot open', () => {
  it('a database from a newer program: one clear line, exit 1, the file unchanged', () => {
    const file = join(dir, 'newer.db');
    const raw = new Database(file);
    raw.exec('CREATE TABLE t (x); PRAGMA user_version = 999;');
    raw.close();
    const before = readFileSync(file);
    const r = host(file);
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toMatch(/^无法打开数据库：此数据库由更新版本的长护助手创建（版本 999），当前程序只支持到版本 \d+，请升级程序后再打开。$/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('a text file: said to be no database, exit 1', () => {
    const file = join(dir, 'notes.db');
    writeFileSync(file, '这不是数据库'.repeat(200));
    const r = host(file);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^无法打开数据库：无法打开数据库文件“.*notes\.db”：文件不是长护助手数据库或已损坏/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('the host on an encrypted database (decisions.md D37)', () => {
  it('without --key-file: 数据库已加密, exit 1, the file unchanged; with it, the host serves the database', async () => {
    const file = join(dir, 'encrypted.db');
    const key = join(dir, 'encrypted.key');
    writeFileSync(key, `${'5a'.repeat(32)}\n`);
    const made = spawnSync(
      process.execPath,
      [join(root, 'bin/ltc.cjs'), 'import', '--db', file, join(root, 'tests/fixtures/sample-ningbo.json'), '--key-file', key],
      {
        cwd: root,
        encoding: 'utf8',
      },
    );
    expect(made.status, made.stderr).toBe(0);
    const before = readFileSync(file);
    const r = host(file);
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toMatch(/^无法打开数据库：数据库已加密，需要密钥文件或恢复码才能打开/);
    expect(readFileSync(file).equals(before)).toBe(true);

    const served = spawn(process.execPath, [join(root, 'out/main/host.js'), '--db', file, '--port', '0', '--exit-on-failure', '--key-file', key], {
      cwd: root,
    });
    try {
      const line = await new Promise<string>((done, fail) => {
        let out = '';
        served.stdout.on('data', (b: Buffer) => {
          out += b.toString();
          if (out.includes('\n')) done(out);
        });
        served.on('exit', (code) => fail(new Error(`host exited ${code}`)));
      });
      expect(line).toContain('长护助手浏览器预览：http://127.0.0.1:');
      expect(line).not.toContain('安全模式');
    } finally {
      served.kill();
    }
  });
});
