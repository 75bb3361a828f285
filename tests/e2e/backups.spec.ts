import BetterSqlite3 from 'better-sqlite3';
import { AppShell } from './pages/AppShell';
import { expect, ltc, screenshot, test } from './support/fixtures';

test('a backup made from 系统与数据 is listed and downloads as a sound database with the records', async ({ page, host }, info) => {
  expect(ltc('import', '--db', host.dbFile, 'tests/fixtures/sample-ningbo.json').code).toBe(0);
  const shell = new AppShell(page);
  await shell.open('/');
  await shell.go('系统与数据');
  const card = page.getByTestId('backups');
  await expect(card).toContainText('还没有备份');
  await card.getByRole('button', { name: '立即备份' }).click();
  await expect(page.getByText(/备份完成：ltc-desk-manual-/)).toBeVisible();
  const rows = card.locator('.ant-table-tbody tr.ant-table-row');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('手动');
  await screenshot(page, '04-system-backups');

  const download = page.waitForEvent('download');
  await rows
    .first()
    .getByRole('button', { name: /^下\s?载$/ })
    .click();
  const file = info.outputPath('backup.db');
  await (await download).saveAs(file);
  const copy = new BetterSqlite3(file, { readonly: true });
  try {
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(copy.prepare('SELECT count(*) FROM residents').pluck().get()).toBe(4);
  } finally {
    copy.close();
  }
});
