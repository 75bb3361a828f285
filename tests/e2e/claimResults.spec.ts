/**
 * Reading a month's claim and the agency's answer without confusion (issue 14): issues titled in
 * Chinese with their stable code in a tooltip; the agency's result previewed (lines, 通过/扣款/拒付 counts
 * and amounts) before it is imported; its errors in plain words with ID numbers masked; the per-person
 * reconciliation filtered to 扣款 or 拒付; the last 校验 kept with the files; downloads in the audit log.
 * Amounts: the sample's expected October claim (王秀英 600.00, 李建国 1,860.00, 陈淑芬 152.00 fund).
 */
import { writeFileSync } from 'node:fs';
import { AppShell } from './pages/AppShell';
import { AuditPage } from './pages/AuditPage';
import { ClaimsPage } from './pages/ClaimsPage';
import { buttonName } from './pages/ResidentWidgets';
import { importDataset } from './support/dataset';
import { expect, ltcOn, screenshot, test } from './support/fixtures';

const TODAY = '2026-12-06';
const LI = '330205194501010037';
test.use({ hostEnv: { LTC_TODAY: TODAY } });

test.beforeEach(({ host }) => {
  expect(importDataset(host.dbFile, 'tests/fixtures/sample-ningbo.json').code).toBe(0);
});

function resultFile(path: string, deductedFen: number): string {
  const lines = [
    { idNumber: '330205193804120028', mode: 'institutional', result: 'accepted' },
    { idNumber: LI, mode: 'institutional', result: 'deducted', deductedFen, reason: '护理记录不完整' },
    { idNumber: '33020519410923006X', mode: 'home', result: 'rejected', reason: '未签字确认' },
  ];
  writeFileSync(path, JSON.stringify({ format: 'ltc-claim-result', version: 1, month: '2026-10', lines }));
  return path;
}

test('issues are titled in Chinese; the code is in the tooltip for support', async ({ page }) => {
  const claims = new ClaimsPage(page);
  await claims.open('2026-10');
  const issue = claims.issuesOf('LEVEL_NOT_ELIGIBLE').first();
  await expect(issue.getByTestId('issue-title')).toHaveText('失能等级不在支付范围');
  await expect(page.getByTestId('issue-list-error')).not.toContainText('LEVEL_NOT_ELIGIBLE');
  await issue.getByTestId('issue-title').hover();
  await expect(page.getByRole('tooltip')).toHaveText('问题代码（供技术支持）：LEVEL_NOT_ELIGIBLE');
  await claims.filterIssues({ code: 'HOSPITAL_DAY' });
  await expect.poll(claims.shownCodes).toEqual(['HOSPITAL_DAY']);
  await screenshot(page, '49-claims-issue-titles');
});

test('the agency’s result is previewed before it is imported; the reconciliation filters to 扣款 or 拒付', async ({ page, host }, info) => {
  expect(ltcOn(TODAY, 'submit', '--db', host.dbFile, '--month', '2026-10', '--accept-errors').code).toBe(0);
  const claims = new ClaimsPage(page);
  await claims.open('2026-10');
  await claims.tab('审核结果与对账');

  // A deduction above 李建国's fund share: refused, naming him with the ID number masked.
  await claims.chooseResultFile(resultFile(info.outputPath('too-much.json'), 200000));
  await expect(claims.panel().getByRole('alert')).toContainText('李建国（330205********0037）');
  await expect(claims.panel().getByRole('alert')).toContainText('扣款金额 2,000.00 元超过了申报的基金支付金额 1,860.00 元');
  await expect(claims.panel().getByRole('alert')).not.toContainText(LI);

  const file = resultFile(info.outputPath('result.json'), 12000);
  await claims.chooseResultFile(file);
  await expect(claims.resultPreview()).toBeVisible();
  await expect(claims.resultCount('accepted')).toHaveText('1 条 · 600.00');
  await expect(claims.resultCount('deducted')).toHaveText('1 条 · 120.00');
  await expect(claims.resultCount('rejected')).toHaveText('1 条 · 152.00');
  await expect(claims.resultPreview().getByTestId('result-paid')).toContainText('2,340.00');
  await expect(claims.resultPreview()).toContainText('不能再撤回申报');
  await screenshot(page, '50-claims-result-preview');
  // Cancelled: nothing imported.
  await claims
    .resultPreview()
    .getByRole('button', { name: /^取\s?消$/ })
    .click();
  await expect(claims.status()).toHaveText('已申报');

  await claims.importResult(file);
  await expect(claims.status()).toHaveText('已结算');
  await expect(claims.personRows()).toHaveCount(3);
  await claims.filterPersons('扣款');
  await expect(claims.personRows()).toHaveCount(1);
  await expect(claims.personRows().first()).toContainText('李建国');
  await claims.filterPersons('拒付');
  await expect(claims.personRows()).toHaveCount(1);
  await expect(claims.personRows().first()).toContainText('陈淑芬');
  await screenshot(page, '51-claims-reconciliation-filtered');
  await claims.filterPersons('全部');
  await expect(claims.personRows()).toHaveCount(3);

  // 对账 as an .xlsx, for the clerk's files
  const rec = await claims.downloadReconciliation();
  expect(rec.suggestedFilename()).toBe('对账-2026-10.xlsx');

  // The agency corrects its notice (李建国 80.00, not 120.00): the corrected result replaces the first, which is kept.
  await claims.chooseResultFile(resultFile(info.outputPath('corrected.json'), 8000));
  await expect(claims.correctionPreview()).toBeVisible();
  await expect(claims.correctionPreview().getByTestId('result-replaces')).toContainText('实付 2,340.00 元');
  await expect(claims.correctionPreview().getByTestId('result-paid')).toContainText('2,380.00');
  // a correction says why: no importing it until a 更正原因 is given (spaces are none)
  const importCorrected = claims.correctionPreview().getByRole('button', { name: buttonName('确认导入') });
  await expect(importCorrected).toBeDisabled();
  await claims.correctionReason().fill('   ');
  await expect(importCorrected).toBeDisabled();
  await claims.correctionReason().fill('经办机构更正通知：李建国扣款改为80元');
  await importCorrected.click();
  await expect(claims.correctionPreview()).toBeHidden();
  await expect(claims.monthRow('2026-10')).toContainText('2,380.00');
  // both results kept: the one in force, with why it replaced the other, and the one it replaced
  const history = page.getByTestId('result-history').locator('tr.ant-table-row');
  await expect(history).toHaveCount(2);
  await expect(history.first()).toContainText('现行结果');
  await expect(history.first()).toContainText('经办机构更正通知：李建国扣款改为80元');
  await expect(history.nth(1)).not.toContainText('经办机构更正通知');
  await screenshot(page, '51b-claims-result-corrected');
});

test('the last 校验 stays with the files; downloads and checks are in the audit log', async ({ page, host }) => {
  expect(ltcOn(TODAY, 'submit', '--db', host.dbFile, '--month', '2026-10', '--accept-errors').code).toBe(0);
  const claims = new ClaimsPage(page);
  await claims.open('2026-10');
  await claims.tab('申报文件');
  await expect(claims.verification()).toContainText('尚未校验');
  await claims.downloadFile('claim.json');
  await page.getByRole('button', { name: '校验申报文件' }).click();
  // the sample's package: claim.json, claim.xlsx, manifest.json, the summary, three attachments and 问题清单
  await expect(claims.verification()).toContainText('全部 8 个文件与申报时逐字节一致', { timeout: 30_000 });
  await expect(claims.fileRows().filter({ hasText: '一致' })).toHaveCount(8);
  // still there after leaving and coming back
  await page.reload();
  await claims.tab('申报文件');
  await expect(claims.verification()).toContainText(/上次校验：\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/);
  await screenshot(page, '52-claims-files-verified');

  await new AppShell(page).go('审计日志');
  const audit = new AuditPage(page);
  await expect(audit.rows().filter({ hasText: '校验申报文件' })).toHaveCount(1);
  await audit.filter('操作', '导出');
  await expect(audit.rows()).toHaveCount(1);
  await expect(audit.rows().first()).toContainText('结算申报');
});
