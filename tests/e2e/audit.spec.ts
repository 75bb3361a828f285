import { AppShell } from './pages/AppShell';
import { AuditPage } from './pages/AuditPage';
import { VisitsPage } from './pages/VisitsPage';
import { expect, ltc, screenshot, test } from './support/fixtures';

test('the audit log shows a change to a visit, field by field, newest first', async ({ page, host }) => {
  expect(ltc('import', '--db', host.dbFile, 'tests/fixtures/sample-ningbo.json').code).toBe(0);
  const visits = new VisitsPage(page);
  await visits.open();
  await visits.edit('v6');
  await visits.field('签字确认').click();
  await expect(visits.check()).toContainText('符合结算规则');
  await visits.save();
  await expect(page.getByText('服务记录已保存')).toBeVisible();

  const shell = new AppShell(page);
  await shell.go('审计日志');
  const audit = new AuditPage(page);
  await expect(audit.rows()).toHaveCount(2);
  await expect(audit.rows().first()).toContainText('修改');
  await expect(audit.rows().first()).toContainText('上门服务');
  await expect(audit.rows().first()).toContainText('v6 陈淑芬');
  await expect(audit.rows().first()).toContainText('1 项：签字确认');
  await expect(audit.rows().nth(1)).toContainText('导入');
  await audit.expand(0);
  const changes = audit.changes();
  await expect(changes).toContainText('签字确认');
  await expect(changes.getByRole('row', { name: /签字确认/ })).toContainText('否是');
  await screenshot(page, '33-audit-log');

  await audit.filter('操作', '导入');
  await expect(audit.rows()).toHaveCount(1);
  await expect(audit.rows().first()).toContainText('数据文件');
});
