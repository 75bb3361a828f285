import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { RosterImportPage } from './pages/RosterImportPage';
import { StaffListPage } from './pages/StaffListPage';
import { expect, screenshot, test } from './support/fixtures';

/** The downloaded template, filled in as a user would (by header, from row 3), saved for upload. */
async function fill(template: string, out: string, sheets: Record<string, Record<string, string | Date>[]>): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(template);
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.getWorksheet(name)!;
    const headers = (ws.getRow(1).values as unknown[]).map(String);
    rows.forEach((row, i) => {
      for (const [header, value] of Object.entries(row)) ws.getRow(3 + i).getCell(headers.indexOf(header)).value = value;
    });
  }
  await wb.xlsx.writeFile(out);
}

test('the roster template is downloaded, filled with one bad row, checked, imported without it, and the people are in the lists', async ({
  page,
  host,
}, info) => {
  const roster = new RosterImportPage(page);
  const staffList = new StaffListPage(page);
  await staffList.open();
  await page.getByRole('button', { name: '从 Excel 导入花名册' }).click();
  await expect(page.getByRole('heading', { name: '花名册导入' })).toBeVisible();

  const download = await roster.downloadTemplate();
  expect(download.suggestedFilename()).toBe('花名册导入模板.xlsx');
  const dir = info.outputPath('roster');
  mkdirSync(dir, { recursive: true });
  const template = join(dir, 'template.xlsx');
  await download.saveAs(template);
  const filled = join(dir, '花名册.xlsx');
  await fill(template, filled, {
    服务对象: [
      {
        姓名: '王秀英',
        身份证号: '330205193804120028',
        参保类型: '城乡居民医保',
        评估等级: '4级 重度失能Ⅱ级',
        评估结论日期: new Date('2026-08-20T00:00:00Z'),
        入住日期: '2026-10-10',
        护理方式: '机构',
        床位: '2-201-1',
      },
      // 2 月没有 30 日: the one bad row
      { 姓名: '赵大海', 身份证号: '11010519491231002X', 评估等级: '3级 重度失能Ⅰ级', 评估结论日期: '2026-02-30' },
    ],
    员工: [
      {
        姓名: '陈淑霞',
        身份证号: '330205198506150045',
        岗位: '护士',
        入职日期: '2024/3/1',
        证书类型: '护士执业证书',
        证书编号: '202233012345',
        发证日期: '2022-07-01',
      },
      {
        姓名: '施银萍',
        身份证号: '330205199002010027',
        岗位: '护理员',
        证书类型: '长期照护师证书',
        证书编号: 'CZ2025-000223',
        证书等级: '初级',
        发证日期: '2025-04-19',
      },
    ],
  });

  await roster.choose(filled);
  await expect(roster.issues('residents', 4)).toHaveText('服务对象第4行「评估结论日期」：“2026-02-30”不是存在的日期（2026-02-30），请核对年月日');
  await expect(page.getByText('1 行有错误：请修改文件后重新上传，或排除这些行后导入其余各行')).toBeVisible();
  await expect(roster.commitButton()).toBeDisabled();
  await screenshot(page, '23-roster-preview');

  await roster.excludeErrors().check();
  await expect(roster.commitButton()).toHaveText('导入 3 行');
  await expect(roster.commitButton()).toBeEnabled();
  await roster.commitButton().click();
  await expect(page.getByText('花名册已导入')).toBeVisible();
  await expect(roster.summary()).toContainText('服务对象：新增 1 人，已存在 0 人');
  await expect(roster.summary()).toContainText('员工：新增 2 人，已存在 0 人');
  await expect(roster.summary()).toContainText('导入 3 行，排除 1 行');
  await screenshot(page, '24-roster-done');

  await page.getByRole('button', { name: '员工列表' }).first().click();
  await expect(staffList.row('陈淑霞')).toContainText('330205********0045');
  await expect(staffList.row('陈淑霞').getByTestId('certificate-badge')).toContainText('护士执业证书');
  await expect(staffList.row('施银萍').getByTestId('certificate-badge')).toContainText('长期照护师证书');

  // The residents list belongs to another screen; the stored records are what it will show.
  const db = new BetterSqlite3(host.dbFile, { readonly: true });
  try {
    expect(db.prepare('SELECT name FROM residents').pluck().all()).toEqual(['王秀英']);
    expect(db.prepare('SELECT type, date, mode, bed FROM stay_events').all()).toEqual([
      { type: 'admit', date: '2026-10-10', mode: 'institutional', bed: '2-201-1' },
    ]);
  } finally {
    db.close();
  }
});
