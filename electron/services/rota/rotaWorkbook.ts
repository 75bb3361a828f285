/**
 * 排班表.xlsx: staff × days with shift names, each cell coloured as on the screen, paid hours per person,
 * and the coverage rows (应配/实配) under the grid. The same layout is the import template (排班导入模板):
 * a rota kept in Excel comes back in through rota.importPreview.
 */
import { excel } from '../spreadsheet/excel';
import type { FileDownload } from '../../../shared/api/define';
import { XLSX_MIME } from '../spreadsheet/mime';
import { dayHeader, shiftLegend, type RotaSheet } from './rotaSheet';

/** The header row of the grid (編号 姓名 岗位 1 2 …): the import finds it by 编号 in the first column. */
export const HEADER_ROW = 3;
export const FIRST_DAY_COLUMN = 4;
const argb = (hex: string) => `FF${hex.slice(1).toUpperCase()}`;

export async function rotaWorkbook(sheet: RotaSheet, opts: { institution: string; template?: boolean }): Promise<Uint8Array> {
  const { view, dates } = sheet;
  const wb = new (excel().Workbook)();
  wb.creator = '长护助手';
  const ws = wb.addWorksheet(view.month, { views: [{ state: 'frozen', xSplit: 3, ySplit: HEADER_ROW }] });
  const status = view.published ? `已发布（${view.published.by}，${view.published.at.slice(0, 10)}）` : '草稿';
  ws.getCell(1, 1).value = `${opts.institution} 排班表 ${view.month}（${opts.template ? '导入模板：每格填写班次名称或快捷键，空格为未排' : status}）`;
  ws.getCell(1, 1).font = { bold: true, size: 13 };
  ws.getCell(2, 1).value = `班次：${shiftLegend(view.shiftTypes)}`;
  ws.getCell(2, 1).font = { size: 9, color: { argb: 'FF555555' } };
  const header = ws.getRow(HEADER_ROW);
  header.values = ['编号', '姓名', '岗位', ...dates.map(dayHeader), ...(opts.template ? [] : ['工时（小时）'])];
  header.font = { bold: true };
  header.alignment = { wrapText: true, horizontal: 'center', vertical: 'middle' };
  header.height = 30;
  ws.getColumn(1).width = 9;
  ws.getColumn(2).width = 10;
  ws.getColumn(3).width = 8;
  dates.forEach((_d, i) => (ws.getColumn(FIRST_DAY_COLUMN + i).width = 5.5));
  for (const r of sheet.rows) {
    const row = ws.addRow([
      r.ref,
      r.name,
      r.role,
      ...dates.map((d) => r.shifts.get(d)?.name ?? null),
      ...(opts.template ? [] : [Math.round((r.paidMinutes / 60) * 10) / 10]),
    ]);
    dates.forEach((d, i) => {
      const t = r.shifts.get(d);
      const cell = row.getCell(FIRST_DAY_COLUMN + i);
      cell.alignment = { horizontal: 'center' };
      if (t) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(t.color) } };
    });
  }
  if (!opts.template) {
    ws.addRow([]);
    for (const t of view.shiftTypes.filter((x) => sheet.check.coverage.some((c) => c.shiftTypeId === x.id))) {
      const row = ws.addRow([
        '',
        `${t.name} 应配/实配`,
        '',
        ...dates.map((d) => {
          const c = sheet.check.coverage.find((x) => x.date === d && x.shiftTypeId === t.id);
          return c ? `${c.required}/${c.assigned}` : null;
        }),
      ]);
      dates.forEach((d, i) => {
        const c = sheet.check.coverage.find((x) => x.date === d && x.shiftTypeId === t.id);
        if (c && c.assigned < c.required) row.getCell(FIRST_DAY_COLUMN + i).font = { color: { argb: 'FFC00000' }, bold: true };
      });
    }
    if (sheet.check.issues.length > 0) {
      const issues = wb.addWorksheet('排班问题');
      issues.columns = [
        { header: '日期', width: 12 },
        { header: '问题', width: 100 },
      ];
      issues.getRow(1).font = { bold: true };
      for (const i of sheet.check.issues) issues.addRow([i.date, i.message]);
    }
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

export function xlsxDownload(name: string, bytes: Uint8Array): FileDownload {
  return { name, mime: XLSX_MIME, base64: Buffer.from(bytes).toString('base64') };
}
