/**
 * `ltc user …` (decisions.md D35): an administrator adds, lists, resets and disables the users of a file
 * without the window; the password comes on standard input, never on the command line. The command acts
 * as the OS user (the audit's actor), and `--by` on `ltc submit` names only the 申报人 the documents print.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkLogin, recoverWithCode } from '../../../electron/services/auth/users';
import { openDatabase } from '../../../electron/services/db/database';

const root = resolve(__dirname, '../../..');
const SAMPLE = join(root, 'tests/fixtures/sample-ningbo.json');

function ltc(input: string | null, ...args: string[]) {
  const r = spawnSync(process.execPath, [join(root, 'bin/ltc.cjs'), ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 120_000,
    input: input ?? '',
    env: { ...process.env, LTC_TODAY: '2026-12-06' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

let dir = '';
beforeAll(() => {
  if (!existsSync(join(root, 'out/main/cli.js'))) throw new Error('out/main/cli.js is missing: run `npm run build` before these tests');
  dir = mkdtempSync(join(tmpdir(), 'ltc-users-'));
});

describe('ltc user', () => {
  it('adds the first 管理员 and others, lists them, resets a password and disables a user', async () => {
    const db = join(dir, 'users.db');
    expect(ltc(null, 'import', '--db', db, SAMPLE).code).toBe(0);
    // the first user must be a 管理员; a short password is refused
    expect(ltc('clerk-pass-1\n', 'user', 'add', '--db', db, '--name', '李录入', '--role', 'clerk')).toMatchObject({ code: 1 });
    expect(ltc('short\n', 'user', 'add', '--db', db, '--name', '王管理', '--role', 'admin')).toMatchObject({ code: 1 });
    const first = ltc('admin-pass-1\n', 'user', 'add', '--db', db, '--name', '王管理', '--role', 'admin');
    expect(first).toMatchObject({ code: 0, stderr: expect.stringMatching(/^已添加用户：王管理（管理员）\n.*恢复码，只显示这一次/) });
    // the first 管理员's recovery code, once, on standard output (as the window's 首次使用 shows it)
    const recoveryCode = first.stdout.trim();
    expect(recoveryCode).toMatch(/^[A-Z0-9]{5}(-[A-Z0-9]{5}){3}$/);
    // a later user gets none
    const second = ltc('clerk-pass-1\n', 'user', 'add', '--db', db, '--name', '李录入', '--role', '录入员');
    expect(second).toMatchObject({ code: 0, stdout: '', stderr: '已添加用户：李录入（录入员）\n' });
    expect(ltc(null, 'user', 'list', '--db', db).stdout).toBe('王管理\t管理员\t正常\n李录入\t录入员\t正常\n');
    expect(ltc('clerk-pass-2\n', 'user', 'reset-password', '--db', db, '--name', '李录入').code).toBe(0);
    expect(ltc(null, 'user', 'disable', '--db', db, '--name', '李录入').code).toBe(0);
    expect(ltc(null, 'user', 'list', '--db', db).stdout).toBe('王管理\t管理员\t正常\n李录入\t录入员\t已停用\n');

    const opened = openDatabase(db);
    try {
      await expect(checkLogin(opened, '王管理', 'admin-pass-1', 'x')).resolves.toMatchObject({ role: 'admin' });
      await expect(checkLogin(opened, '李录入', 'clerk-pass-2', 'x')).rejects.toThrow('该账户已停用，请联系管理员');
    } finally {
      opened.close();
    }
    const raw = new Database(db, { readonly: true });
    const actors = raw.prepare("SELECT DISTINCT actor FROM audit_log WHERE entity = 'user'").pluck().all();
    raw.close();
    expect(actors).toEqual([`ltc:${userInfo().username}`]);

    // the printed code is hers: it resets her password
    const again = openDatabase(db);
    try {
      await expect(recoverWithCode(again, '王管理', recoveryCode, 'admin-pass-2', 'x')).resolves.toMatchObject({ recoveryCode: expect.any(String) });
      await expect(checkLogin(again, '王管理', 'admin-pass-2', 'x')).resolves.toMatchObject({ role: 'admin' });
    } finally {
      again.close();
    }
  });

  it('records the OS user as the actor of `ltc submit --by`, which names only the 申报人', () => {
    const db = join(dir, 'submit.db');
    expect(ltc(null, 'import', '--db', db, SAMPLE).code).toBe(0);
    expect(ltc(null, 'submit', '--db', db, '--month', '2026-10', '--accept-errors', '--by', '张会计').code).toBe(0);
    const raw = new Database(db, { readonly: true });
    const row = raw.prepare("SELECT actor FROM audit_log WHERE action = 'submit'").get() as { actor: string };
    const claim = raw.prepare('SELECT submitted_by FROM claims').get() as { submitted_by: string };
    raw.close();
    expect(row.actor).toBe(`ltc:${userInfo().username}`);
    expect(claim.submitted_by).toBe('张会计');
  });
});
