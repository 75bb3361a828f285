/**
 * 安全模式 (issue 16 §5): the host started on a database it cannot open serves the recovery screen instead
 * of exiting: (a) a damaged file with a verified backup beside it, restored from a preview after a
 * confirmation, then the normal app with the backup's records, the damaged file kept aside; (b) a newer
 * program's file; (c) a missing file; (d) an encrypted file without its key. No navigation to the normal screens while in safe mode.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Page } from '@playwright/test';
import { expectAccessible } from './support/axe';
import { ADMIN, expect, logIn, ltc, ltcAddAdmin, screenshot, test } from './support/fixtures';
import { startHost, type Host } from './support/host';

const SAMPLE = 'tests/fixtures/sample-ningbo.json';
const INSTITUTION = '宁波市江北区颐康护理院';
const BACKUP = 'ltc-desk-manual-20261201-090000.db';

let host: Host | null = null;
test.afterEach(async () => {
  await host?.stop();
  host = null;
});

/** The sample's records in `dir/ltc.db` and a verified backup of them in `dir/backups/` (as 立即备份 names it). */
function seededWithBackup(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ltc-e2e-safe-'));
  const file = join(dir, 'ltc.db');
  expect(ltc('import', '--db', file, SAMPLE).code).toBe(0);
  // its first 管理员, as `ltc user add` makes one (the password on stdin): the backup keeps her, so after a
  // restore the app asks her to log in (decisions.md D35)
  ltcAddAdmin(file);
  mkdirSync(join(dir, 'backups'));
  expect(ltc('backup', '--db', file, join(dir, 'backups', BACKUP)).code).toBe(0);
  return file;
}

/** Garbage over the pages of the visits table (found with dbstat), the file's header and schema left whole. */
function damageVisits(file: string): void {
  const db = new BetterSqlite3(file);
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const pages = db.prepare("SELECT pageno FROM dbstat WHERE name = 'visits'").pluck().all() as number[];
  db.close();
  const bytes = readFileSync(file);
  for (const p of pages) bytes.fill(0xde, (p - 1) * pageSize, p * pageSize);
  writeFileSync(file, bytes);
}

async function openRecovery(page: Page, file: string): Promise<void> {
  host = await startHost(file);
  // the address the host printed: in safe mode its key lets this page make the recovery calls
  await page.goto(host.openUrl);
  await expect(page.getByRole('heading', { level: 1, name: '长护助手 · 安全模式' })).toBeVisible();
  // no way to the normal screens
  await expect(page.getByRole('navigation', { name: '主导航' })).toHaveCount(0);
}

test('(a) a damaged file: the problem, the verified backup with its counts, a preview, a confirmed restore, then the app', async ({ page }) => {
  const file = seededWithBackup();
  damageVisits(file);
  const damaged = readFileSync(file);
  await openRecovery(page, file);

  const problem = page.getByTestId('recovery-problem');
  await expect(problem).toContainText('数据库文件已损坏');
  await expect(problem).toContainText(file);
  const backups = page.getByTestId('recovery-backups');
  const row = backups.locator('.ant-table-tbody tr.ant-table-row');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('2026-12-01 09:00:00');
  await expect(row).toContainText(INSTITUTION);
  await expect(row).toContainText('服务对象 4');
  await expect(row).toContainText('校验通过');
  await screenshot(page, 'recovery-01-damaged');
  await expectAccessible(page, 'recovery-damaged');

  // by keyboard: the preview button, then the dialog's restore button
  await row.getByRole('button', { name: /预览/ }).focus();
  await page.keyboard.press('Enter');
  const preview = page.getByRole('dialog', { name: /备份预览/ });
  await expect(preview.getByTestId('backup-preview')).toContainText(INSTITUTION);
  await expect(preview).toContainText('2026-10');
  await screenshot(page, 'recovery-02-preview');
  await preview.getByRole('button', { name: '用这个备份恢复' }).click();

  const confirm = page.getByRole('dialog', { name: '确定用这个备份恢复吗？' });
  await expect(confirm).toContainText('不会删除');
  await screenshot(page, 'recovery-03-confirm');
  // cancelling changes nothing
  await confirm.getByRole('button', { name: '取消' }).click();
  expect(readFileSync(file).equals(damaged)).toBe(true);
  await preview.getByRole('button', { name: '用这个备份恢复' }).click();
  await page.getByRole('dialog', { name: '确定用这个备份恢复吗？' }).getByRole('button', { name: '确定恢复' }).click();

  await expect(page.getByRole('dialog', { name: /已恢复。原文件已改名保留为：.*未能打开/ })).toBeVisible();
  await page.getByRole('button', { name: '进入长护助手' }).click();
  // the restored file's own users: its 管理员 logs in
  await logIn(page, ADMIN.name, ADMIN.password);
  await expect(page.getByRole('navigation', { name: '主导航' })).toBeVisible();
  await page.getByRole('navigation', { name: '主导航' }).getByRole('menuitem', { name: '服务对象' }).click();
  await expect(page.getByText('王秀英')).toBeVisible();
  await screenshot(page, 'recovery-04-restored');

  const dir = join(file, '..');
  const kept = readdirSync(dir).filter((n) => n.includes('未能打开') && n.endsWith('.bak'));
  expect(kept).toHaveLength(1);
  expect(readFileSync(join(dir, kept[0]!)).equals(damaged)).toBe(true);
});

test('(a) the readable tables of a damaged file download as an .xlsx', async ({ page }) => {
  const file = seededWithBackup();
  damageVisits(file);
  await openRecovery(page, file);
  const download = page.waitForEvent('download');
  await page.getByTestId('recovery-export').getByRole('button', { name: '导出为 Excel' }).click();
  expect((await download).suggestedFilename()).toMatch(/^长护助手-可读数据-.*\.xlsx$/);
  await expect(page.getByText(/已导出 \d+ 张数据表，\d+ 张无法读取/)).toBeVisible();
});

test('(b) a newer program’s file: said plainly, nothing touched, and the normal calls refused', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'ltc-e2e-safe-'));
  const file = join(dir, 'ltc.db');
  const raw = new BetterSqlite3(file);
  raw.exec('CREATE TABLE t (x); PRAGMA user_version = 999;');
  raw.close();
  const before = readFileSync(file);
  await openRecovery(page, file);
  const problem = page.getByTestId('recovery-problem');
  await expect(problem).toContainText('数据库文件由更新版本的长护助手创建');
  await expect(problem).toContainText('安装最新版本');
  await expect(page.getByTestId('recovery-backups')).toContainText('备份文件夹中没有备份');
  await screenshot(page, 'recovery-05-too-new');
  await expectAccessible(page, 'recovery-too-new');
  // even a page that asks for the normal screens gets none of them
  await page.goto(`${host!.url}#/residents`);
  await expect(page.getByRole('heading', { level: 1, name: '长护助手 · 安全模式' })).toBeVisible();
  const refused = await page.evaluate(() => (window as unknown as { api: Record<string, (i: unknown) => Promise<unknown>> }).api['residents.list']!({}));
  expect(refused).toMatchObject({ ok: false, error: { code: 'SAFE_MODE' } });
  expect(readFileSync(file).equals(before)).toBe(true);
});

test('(c) a missing file: 找不到文件; another file opened by its path instead', async ({ page }) => {
  const file = seededWithBackup();
  const moved = join(mkdtempSync(join(tmpdir(), 'ltc-e2e-moved-')), 'moved.db');
  renameSync(file, moved);
  await openRecovery(page, file);
  await expect(page.getByTestId('recovery-problem')).toContainText('找不到数据库文件');
  await expect(page.getByTestId('recovery-backups').locator('.ant-table-tbody tr.ant-table-row')).toHaveCount(1);
  await screenshot(page, 'recovery-06-missing');
  expect(existsSync(file)).toBe(false);

  const open = page.getByTestId('recovery-open');
  await open.getByRole('textbox', { name: '数据库文件路径' }).fill(join(moved, '..', 'nope.db'));
  await open.getByRole('textbox', { name: '数据库文件路径' }).press('Enter');
  await expect(open).toContainText('不存在');
  await open.getByRole('textbox', { name: '数据库文件路径' }).fill(moved);
  await open.getByRole('button', { name: '打开' }).click();
  await logIn(page, ADMIN.name, ADMIN.password);
  await expect(page.getByRole('navigation', { name: '主导航' })).toBeVisible();
  await page.getByRole('navigation', { name: '主导航' }).getByRole('menuitem', { name: '服务对象' }).click();
  await expect(page.getByText('王秀英')).toBeVisible();
  rmSync(moved, { force: true });
});

test('(d) an encrypted file without its key: 数据库已加密, nothing touched; with --key-file the preview opens it (decisions.md D37)', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'ltc-e2e-safe-'));
  const file = join(dir, 'ltc.db');
  const key = join(dir, 'ltc.key');
  expect(ltc('import', '--db', file, SAMPLE).code).toBe(0);
  expect(ltc('encrypt', '--db', file, '--key-file', key).code).toBe(0);
  const before = readFileSync(file);
  await openRecovery(page, file);
  const problem = page.getByTestId('recovery-problem');
  await expect(problem).toContainText('数据库已加密，需要密钥');
  await expect(problem).toContainText('--key-file');
  // the recovery code unlocks only where the key is kept (the desktop app): no such form in the preview
  await expect(page.getByTestId('recovery-unlock')).toHaveCount(0);
  await screenshot(page, 'recovery-06-encrypted');
  await expectAccessible(page, 'recovery-encrypted');
  expect(readFileSync(file).equals(before)).toBe(true);
  await host!.stop();

  // the sample has no users yet: the preview opens on the first start's screen, not on safe mode's
  host = await startHost(file, ['--key-file', key]);
  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: '首次使用：创建管理员' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: '长护助手 · 安全模式' })).toHaveCount(0);
});
