import { writeFileSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
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
  // the visit's change, the import, and first the 首次使用 creation of the 管理员 (decisions.md D35)
  await expect(audit.rows()).toHaveCount(3);
  await expect(audit.rows().first()).toContainText('修改');
  await expect(audit.rows().first()).toContainText('上门服务');
  await expect(audit.rows().first()).toContainText('v6 陈淑芬');
  await expect(audit.rows().first()).toContainText('1 项：签字确认');
  await expect(audit.rows().nth(1)).toContainText('导入');
  await expect(audit.rows().nth(2)).toContainText('新增');
  await expect(audit.rows().nth(2)).toContainText('用户');
  await audit.expand(0);
  const changes = audit.changes();
  await expect(changes).toContainText('签字确认');
  await expect(changes.getByRole('row', { name: /签字确认/ })).toContainText('否是');
  await screenshot(page, '33-audit-log');

  await audit.filter('操作', '导入');
  await expect(audit.rows()).toHaveCount(1);
  await expect(audit.rows().first()).toContainText('数据文件');
});

test('the audit log reads in Chinese: the agency result with its deductions in 元, the claim named by month', async ({ page, host }, info) => {
  expect(ltc('import', '--db', host.dbFile, 'tests/fixtures/sample-ningbo.json').code).toBe(0);
  expect(ltc('submit', '--db', host.dbFile, '--month', '2026-10', '--accept-errors', '--by', '李会计').code).toBe(0);
  const result = info.outputPath('result.json');
  const lines = [
    { idNumber: '330205193804120028', mode: 'institutional', result: 'accepted' },
    { idNumber: '330205194501010037', mode: 'institutional', result: 'deducted', deductedFen: 12000, reason: '护理记录不完整' },
    { idNumber: '33020519410923006X', mode: 'home', result: 'rejected', reason: '未签字确认' },
  ];
  writeFileSync(result, JSON.stringify({ format: 'ltc-claim-result', version: 1, month: '2026-10', lines }));
  expect(ltc('result', '--db', host.dbFile, result).code).toBe(0);

  await new AppShell(page).open('/settings/audit');
  const audit = new AuditPage(page);
  // the result, the submission, the import, and first the 首次使用 creation of the 管理员 (decisions.md D35)
  await expect(audit.rows()).toHaveCount(4);
  await expect(audit.rows().nth(3)).toContainText('用户');
  await expect(audit.rows().first()).toContainText('导入审核结果');
  await expect(audit.rows().first()).toContainText('2026-10 月度申报');
  await expect(audit.rows().nth(1)).toContainText('申报');
  await audit.expand(0);
  const changes = audit.changes();
  await expect(changes.getByRole('row', { name: /^扣款 / })).toContainText('1');
  await expect(changes.getByRole('row', { name: /^拒付 / })).toContainText('1');
  await expect(changes.getByRole('row', { name: /扣款和拒付明细 1 · 扣款金额/ })).toContainText('120.00 元');
  await expect(changes.getByRole('row', { name: /扣款和拒付明细 2 · 审核结果/ })).toContainText('拒付');
  await expect(changes.getByRole('row', { name: /实付基金/ })).toContainText('元');
  await screenshot(page, '33b-audit-result');
  // No English key is left in the field column of any entry.
  await audit.expand(1);
  for (const label of await audit.fieldLabels()) expect(label.replace(/SHA-256|App/g, '')).not.toMatch(/[A-Za-z]/);
  await expect(
    audit
      .changes()
      .nth(1)
      .getByRole('row', { name: /合计 · 费用/ }),
  ).toContainText('元');
});

test('the audit log says whether its trail is whole, and names the first row rewritten behind its back', async ({ page, host }) => {
  expect(ltc('import', '--db', host.dbFile, 'tests/fixtures/sample-ningbo.json').code).toBe(0);
  expect(ltc('export', '--db', host.dbFile, `${host.dbFile}.export.json`).code).toBe(0);
  await new AppShell(page).open('/settings/audit');
  const chain = page.getByTestId('audit-chain');
  // the first 管理员 (首次使用, decisions.md D35), the import and the export: three rows
  await expect(chain).toContainText('审计记录完整（3 条，末条 #3）');
  await screenshot(page, '33c-audit-chain-whole');

  // what the probe did: the triggers dropped, the import's actor rewritten, the triggers put back
  const db = new BetterSqlite3(host.dbFile);
  const triggers = db.prepare("SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'audit_log'").pluck().all() as string[];
  db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
  db.prepare("UPDATE audit_log SET actor = '别人' WHERE id = 2").run();
  for (const sql of triggers) db.exec(sql);
  db.close();

  await page.reload();
  await expect(chain).toContainText('审计记录不完整：#2 内容被改动');
  await screenshot(page, '33d-audit-chain-broken');
});
