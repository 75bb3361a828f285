/**
 * 数据加密 in 系统与数据 (issue 16 §3, decisions.md D37): a plain database made before encryption existed is
 * encrypted from the window in one step. The browser preview started with a --key-file that does not exist
 * yet writes the new key there (the desktop keeps it with the OS; tests/unit/recovery/encryptInPlace.test.ts).
 * A wrong recovery code is said under its field; the right one encrypts the file on disk, the page goes on
 * with the same records, and the host opens the file again with the key it wrote.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppShell } from './pages/AppShell';
import { expectAccessible } from './support/axe';
import { ADMIN, expect, logIn, ltc, ltcAddAdmin, rpc, screenshot, test } from './support/fixtures';
import { startHost, type Host } from './support/host';

const SAMPLE = 'tests/fixtures/sample-ningbo.json';
const SQLITE_HEADER = Buffer.from('SQLite format 3\0');

let host: Host | null = null;
test.afterEach(async () => {
  await host?.stop();
  host = null;
});

test('a plain database is encrypted from 系统与数据 with the recovery code, and goes on with its records', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'ltc-e2e-encrypt-'));
  const file = join(dir, 'ltc.db');
  const keyFile = join(dir, 'ltc.key');
  expect(ltc('import', '--db', file, SAMPLE).code).toBe(0);
  const idNumber = (JSON.parse(readFileSync(SAMPLE, 'utf8')) as { residents: { idNumber: string }[] }).residents[0]!.idNumber;
  expect(readFileSync(file).includes(Buffer.from(idNumber))).toBe(true);

  host = await startHost(file, ['--key-file', keyFile]);
  const setup = await rpc(host, 'auth.setup', { name: ADMIN.name, password: ADMIN.password });
  const recoveryCode = (setup.body as { value: { recoveryCode: string } }).value.recoveryCode;
  await page.goto(host.url);
  await logIn(page, ADMIN.name, ADMIN.password);
  const shell = new AppShell(page);
  await shell.go('系统与数据');

  const card = page.getByTestId('encryption');
  await expect(card).toContainText('未加密');
  await screenshot(page, 'encryption-01-plain');
  await card.getByRole('button', { name: '加密数据库…' }).click();
  const dialog = page.getByRole('dialog', { name: '加密数据库' });
  await expect(dialog.getByRole('checkbox', { name: '同时加密已有的备份' })).toBeChecked();

  // a wrong code: said under the field, nothing done
  await dialog.getByLabel('首位管理员的恢复码').fill('AAAA-BBBB-CCCC-DDDD');
  await dialog.getByRole('button', { name: '开始加密' }).click();
  await expect(dialog.getByText(/恢复码不正确/)).toBeVisible();
  expect(readFileSync(file).subarray(0, 16).equals(SQLITE_HEADER)).toBe(true);
  expect(existsSync(keyFile)).toBe(false);
  await screenshot(page, 'encryption-02-wrong-code');

  // the right one, as people type it (lower case, no dashes), Enter to submit
  await dialog.getByLabel('首位管理员的恢复码').fill(recoveryCode.toLowerCase().replaceAll('-', ''));
  await dialog.getByLabel('首位管理员的恢复码').press('Enter');
  const outcome = page.getByTestId('encrypt-outcome');
  await expect(outcome).toContainText('数据库已加密', { timeout: 30_000 });
  await expect(outcome).toContainText('逐表核对一致');
  await expect(outcome).toContainText(/加密前的备份：ltc-desk-manual-\d{8}-\d{6}\.db/);
  await expect(outcome).toContainText('已用同一密钥加密 1 个备份');
  await expect(dialog).toBeHidden();
  await expect(card).toContainText('已加密');
  await expect(card.getByRole('button', { name: '加密数据库…' })).toHaveCount(0);
  await screenshot(page, 'encryption-03-done');
  await expectAccessible(page, 'encryption-done');

  // on disk: no SQLite header, no ID number; the key written owner-only beside it
  const bytes = readFileSync(file);
  expect(bytes.subarray(0, 16).equals(SQLITE_HEADER)).toBe(false);
  expect(bytes.includes(Buffer.from(idNumber))).toBe(false);
  expect(readFileSync(keyFile, 'utf8').trim()).toMatch(/^[0-9a-f]{64}$/);

  // the same session goes on with the same records
  await shell.go('服务对象');
  await expect(page.locator('.ant-table-tbody tr.ant-table-row')).toHaveCount(4);

  // the host opens it again with the key it wrote (no safe mode), and the login still stands in the file
  await host.stop();
  host = await startHost(file, ['--key-file', keyFile]);
  expect(host.openUrl).toBe(host.url);
  expect((await rpc(host, 'auth.login', { name: ADMIN.name, password: ADMIN.password })).status).toBe(200);
});

test('a 管理员 made without a recovery code (an older ltc user add) is given one when she encrypts, shown once', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'ltc-e2e-encrypt-'));
  const file = join(dir, 'ltc.db');
  const keyFile = join(dir, 'ltc.key');
  expect(ltc('import', '--db', file, SAMPLE).code).toBe(0);
  ltcAddAdmin(file);
  // as the file of an older version: its 管理员 has no recovery code
  const raw = new BetterSqlite3(file);
  raw.prepare('UPDATE users SET recovery_hash = NULL').run();
  raw.close();

  host = await startHost(file, ['--key-file', keyFile]);
  await page.goto(host.url);
  await logIn(page, ADMIN.name, ADMIN.password);
  await new AppShell(page).go('系统与数据');
  await page.getByTestId('encryption').getByRole('button', { name: '加密数据库…' }).click();
  const dialog = page.getByRole('dialog', { name: '加密数据库' });
  await expect(dialog).toContainText('还没有恢复码');
  await expect(dialog.getByLabel('首位管理员的恢复码')).toBeHidden();
  await dialog.getByRole('button', { name: '开始加密' }).click();
  const code = page.getByTestId('new-recovery-code');
  await expect(code).toContainText(/你的恢复码：[A-Z0-9]{5}(-[A-Z0-9]{5}){3}/, { timeout: 30_000 });
  await expect(code).toContainText('只显示这一次');
  await screenshot(page, 'encryption-04-new-code');
  expect(readFileSync(file).subarray(0, 16).equals(SQLITE_HEADER)).toBe(false);
});
