/** The roster template: what a user downloads must open cleanly and guide the typing. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { freshDb } from '../staff/support';
import { tempDir } from '../services/helpers';
import { excelDate, filledTemplate, templateBytes } from './support';

const RESIDENT_HEADERS = [
  '姓名',
  '身份证号',
  '参保类型',
  '电话',
  '地址',
  '评估等级',
  '评估结论日期',
  '评估结论书编号',
  '评估机构',
  '入住日期',
  '护理方式',
  '床位',
];
const STAFF_HEADERS = ['姓名', '身份证号', '岗位', '入职日期', '证书类型', '证书编号', '证书等级', '发证日期', '有效期至'];

const haveSoffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;

/**
 * Every sheet of each workbook as CSV through LibreOffice, in one run (sheet -1: one file per sheet,
 * UTF-8, cells as shown): `{ 'template-员工': '…' }`.
 */
function toCsv(files: Record<string, Buffer>): Record<string, string> {
  const dir = tempDir();
  const paths = Object.entries(files).map(([name, bytes]) => {
    fs.writeFileSync(path.join(dir, `${name}.xlsx`), bytes);
    return path.join(dir, `${name}.xlsx`);
  });
  const r = spawnSync(
    'soffice',
    [
      `-env:UserInstallation=file://${dir}/profile`,
      '--headless',
      '--convert-to',
      'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1',
      '--outdir',
      dir,
      ...paths,
    ],
    { encoding: 'utf8', timeout: 120_000 },
  );
  expect(r.status, r.stderr).toBe(0);
  return Object.fromEntries(
    fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.csv'))
      .map((f) => [f.replace(/\.csv$/, ''), fs.readFileSync(path.join(dir, f), 'utf8')]),
  );
}

describe('the roster template', () => {
  it('has the two sheets, a bold header, a notes row, drop-down lists and date columns formatted YYYY-MM-DD', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await templateBytes(freshDb())) as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['服务对象', '员工']);
    const residents = wb.getWorksheet('服务对象')!;
    const staff = wb.getWorksheet('员工')!;
    expect((residents.getRow(1).values as unknown[]).slice(1)).toEqual(RESIDENT_HEADERS);
    expect((staff.getRow(1).values as unknown[]).slice(1)).toEqual(STAFF_HEADERS);
    expect(residents.getCell('A1').font?.bold).toBe(true);
    expect(staff.getCell('C1').font?.bold).toBe(true);
    expect(residents.getCell('B2').value).toBe('必填，18位，末位X大写；本列为文本格式');
    // The drop-downs reach row 2000 with the glossary's words.
    expect(residents.getCell('K500').dataValidation).toMatchObject({ type: 'list', formulae: ['"机构,居家"'] });
    expect(residents.getCell('F3').dataValidation?.formulae[0]).toContain('4级 重度失能Ⅱ级');
    expect(staff.getCell('C3').dataValidation?.formulae).toEqual(['"护士,护理员,护士长,管理员,负责人,其他"']);
    expect(staff.getCell('E3').dataValidation?.formulae).toEqual(['"护士执业证书,长期照护师证书,养老护理员证书"']);
    expect(residents.getColumn(7).numFmt).toBe('yyyy-mm-dd');
    expect(staff.getColumn(9).numFmt).toBe('yyyy-mm-dd');
    // ID numbers are text, or Excel turns them into 3.30205E+17.
    expect(residents.getColumn(2).numFmt).toBe('@');
  });

  it('opens cleanly in LibreOffice as downloaded, and a date typed into a date column reads back as YYYY-MM-DD', async (ctx) => {
    if (!haveSoffice) ctx.skip('LibreOffice (soffice) is not installed here; .ci/run installs libreoffice-calc');
    const db = freshDb();
    const csv = toCsv({
      template: await templateBytes(db),
      filled: await filledTemplate(db, {
        员工: [{ 姓名: '陈淑霞', 身份证号: '11010519491231002X', 入职日期: excelDate('2024-03-01'), 发证日期: excelDate('2022-07-01') }],
      }),
    });
    expect(Object.keys(csv).sort()).toEqual(['filled-员工', 'filled-服务对象', 'template-员工', 'template-服务对象'].sort());
    // As downloaded: the header and the notes row, nothing else.
    expect(csv['template-服务对象']!.trim().split(/\r?\n/)).toEqual([RESIDENT_HEADERS.join(','), expect.stringMatching(/^必填，例如 王秀英,/)]);
    expect(csv['template-员工']!.trim().split(/\r?\n/)[0]).toBe(STAFF_HEADERS.join(','));
    // Filled in: the column's date format shows the date as the user typed it.
    expect(csv['filled-员工']!.trim().split(/\r?\n/)[2]).toBe('陈淑霞,11010519491231002X,,2024-03-01,,,,2022-07-01,');
  }, 180_000);
});
