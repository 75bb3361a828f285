/** A roster not made from the template: columns found by header, notes row optional, refusals in Chinese. */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { api, freshDb } from '../staff/support';
import { upload } from './support';

async function workbook(rows: (string | null)[][], sheet = '员工'): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('reading a roster workbook', () => {
  it('finds columns by their header in any order, ignores unknown ones, and takes people from row 2 when the notes row is gone', async () => {
    const db = freshDb();
    const file = upload(
      await workbook([
        ['备注', '身份证号*', ' 姓名 ', '岗位'],
        ['新来的', '11010519491231002X', '陈淑霞', '护士长'],
      ]),
    );
    const preview = await api(db).call('roster.preview', { file });
    expect(preview.ignoredColumns).toEqual(['员工：备注']);
    expect(preview.rows.map((r) => [r.row, r.name, r.effects])).toEqual([[2, '陈淑霞', ['新增员工']]]);
  });

  it('refuses a sheet without its 姓名 or 身份证号 column, and a workbook with neither roster sheet', async () => {
    const db = freshDb();
    const { raw } = api(db);
    expect(
      await raw('roster.preview', {
        file: upload(
          await workbook([
            ['姓名', '岗位'],
            ['陈淑霞', '护士'],
          ]),
        ),
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT', message: '“员工”工作表第1行缺少列：身份证号。请使用花名册模板，不要改动表头' },
    });
    expect(await raw('roster.preview', { file: upload(await workbook([['姓名']], 'Sheet1'), '名单.xlsx') })).toMatchObject({
      ok: false,
      error: { message: '“名单.xlsx”里没有“服务对象”或“员工”工作表：请下载花名册模板，在模板中填写后上传（工作表名称不要改动）' },
    });
  });
});
