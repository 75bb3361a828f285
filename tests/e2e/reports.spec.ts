import { writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { AppShell } from './pages/AppShell';
import { ClaimsPage } from './pages/ClaimsPage';
import { ReportsPage } from './pages/ReportsPage';
import { expect, ltc, screenshot, test } from './support/fixtures';

// The sample's expected October claim (tests/fixtures/sample-ningbo.expected-2026-10.json): fund 2,612.00;
// the agency deducts 120.00 from 李建国's line.
test('the ledger shows what October claimed, what the agency paid and deducted, and exports it to Excel', async ({ page, host }, info) => {
  expect(ltc('import', '--db', host.dbFile, 'tests/fixtures/sample-ningbo.json').code).toBe(0);
  expect(ltc('submit', '--db', host.dbFile, '--month', '2026-10', '--accept-errors', '--by', '张会计').code).toBe(0);
  const result = info.outputPath('result.json');
  writeFileSync(
    result,
    JSON.stringify({
      format: 'ltc-claim-result',
      version: 1,
      month: '2026-10',
      lines: [
        { idNumber: '330205193804120028', mode: 'institutional', result: 'accepted' },
        { idNumber: '330205194501010037', mode: 'institutional', result: 'deducted', deductedFen: 12000, reason: '护理记录不完整' },
        { idNumber: '33020519410923006X', mode: 'home', result: 'accepted' },
      ],
    }),
  );
  expect(ltc('result', '--db', host.dbFile, result).code).toBe(0);

  await new AppShell(page).open();
  await new AppShell(page).go('报表');
  const reports = new ReportsPage(page);
  await expect(reports.rows()).toHaveCount(1);
  const row = reports.rows().first();
  await expect(row).toContainText('2026-10');
  await expect(row).toContainText('已结算');
  await expect(row).toContainText('2,612.00');
  await expect(row).toContainText('2,492.00');
  await expect(row).toContainText('120.00');
  await expect(reports.totals()).toContainText('待结算基金（元）0.00');
  await screenshot(page, '60-reports-ledger');

  await reports.filterStatus('已申报');
  await expect(reports.empty()).toBeVisible();
  await reports.filterStatus('全部状态');
  await expect(reports.rows()).toHaveCount(1);

  const download = await reports.exportWorkbook();
  expect(download.suggestedFilename()).toBe('结算台账.xlsx');
  const file = info.outputPath('ledger.xlsx');
  await download.saveAs(file);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const sheet = wb.getWorksheet('结算台账')!;
  expect([sheet.getRow(3).getCell(1).value, sheet.getRow(3).getCell(8).value, sheet.getRow(3).getCell(10).value, sheet.getRow(3).getCell(11).value]).toEqual([
    '2026-10',
    2612,
    2492,
    120,
  ]);

  await reports.openMonth('2026-10');
  await expect(page).toHaveURL(/#\/claims\?month=2026-10/);
});

// The ledger reads as the claim screen does (issue 14): its hours and counts formatted alike (764.8 vs
// 764.82, 1140 vs 1,140 before), and 扣款 apart from 拒付 (陈淑芬's whole line, 152.00 fund, refused).
test('the ledger formats figures as the claim screen does and shows 扣款 and 拒付 apart', async ({ page, host }, info) => {
  expect(ltc('import', '--db', host.dbFile, 'tests/fixtures/sample-ningbo.json').code).toBe(0);
  expect(ltc('submit', '--db', host.dbFile, '--month', '2026-10', '--accept-errors').code).toBe(0);
  const result = info.outputPath('result.json');
  writeFileSync(
    result,
    JSON.stringify({
      format: 'ltc-claim-result',
      version: 1,
      month: '2026-10',
      lines: [
        { idNumber: '330205193804120028', mode: 'institutional', result: 'accepted' },
        { idNumber: '330205194501010037', mode: 'institutional', result: 'deducted', deductedFen: 12000, reason: '护理记录不完整' },
        { idNumber: '33020519410923006X', mode: 'home', result: 'rejected', reason: '未签字确认' },
      ],
    }),
  );
  expect(ltc('result', '--db', host.dbFile, result).code).toBe(0);

  // what the claim screen shows for October
  const claims = new ClaimsPage(page);
  await claims.open('2026-10');
  const days = (await claims.total('billableDays').innerText()).trim();
  const hours = (await claims.total('hours').innerText()).trim();
  expect(hours).toBe('3.17');

  await new AppShell(page).go('报表');
  const reports = new ReportsPage(page);
  const row = reports.rows().first();
  await expect(reports.cell(row, '床日')).toHaveText(days);
  await expect(reports.cell(row, '时长（小时）')).toHaveText(hours);
  await expect(reports.cell(row, '扣款（元）')).toHaveText('120.00');
  await expect(reports.cell(row, '拒付（元）')).toHaveText('152.00');
  await expect(reports.totals()).toContainText('扣款（元）120.00');
  await expect(reports.totals()).toContainText('拒付（元）152.00');
  await screenshot(page, '61-reports-deducted-rejected');
});

test('large counts are grouped in the ledger as on the claim screen (demo institution)', async ({ page, host }) => {
  test.setTimeout(180_000);
  expect(ltc('demo', '--db', host.dbFile).code).toBe(0);
  expect(ltc('submit', '--db', host.dbFile, '--month', '2026-10', '--accept-errors').code).toBe(0);
  const claims = new ClaimsPage(page);
  await claims.open('2026-10');
  const days = (await claims.total('billableDays').innerText()).trim();
  const hours = (await claims.total('hours').innerText()).trim();
  await new AppShell(page).go('报表');
  const reports = new ReportsPage(page);
  const row = reports.rows().first();
  await expect(reports.cell(row, '床日')).toHaveText(days);
  await expect(reports.cell(row, '时长（小时）')).toHaveText(hours);
  // the demo's October has over a thousand bed-days: grouped, as antd's Statistic groups them
  expect(days).toMatch(/^\d{1,3}(,\d{3})+$/);
});
