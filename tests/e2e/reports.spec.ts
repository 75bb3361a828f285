import { writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { AppShell } from './pages/AppShell';
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
  expect([sheet.getRow(3).getCell(1).value, sheet.getRow(3).getCell(8).value, sheet.getRow(3).getCell(10).value, sheet.getRow(3).getCell(11).value]).toEqual(['2026-10', 2612, 2492, 120]);

  await reports.openMonth('2026-10');
  await expect(page).toHaveURL(/#\/claims\?month=2026-10/);
});
