/**
 * The import template (.xlsx): the columns with one example row, a sheet saying how to fill each
 * column, and the catalogue's codes so nobody has to guess an item code. ID-number and time columns
 * are text-formatted: Excel would otherwise turn an 18-digit number into 3.30205E+17 and lose digits.
 */
import { excel } from '../../spreadsheet/excel';
import type { FileDownload } from '../../../../shared/api/define';
import type { LtcDatabase } from '../../db/database';
import { loadPolicy } from '../judge';
import { COLUMNS } from './columns';
import { XLSX_MIME } from '../../spreadsheet/mime';

const EXAMPLE: Record<string, string> = {
  服务对象身份证号: '11010519491231002X',
  服务对象姓名: '张三',
  护理人员身份证号: '',
  护理人员姓名: '李四',
  开始时间: '2026-10-02 09:00',
  结束时间: '2026-10-02 10:00',
  服务项目编码: 'LC01、LC08',
  签字确认: '是',
  签到纬度: '29.8891',
  签到经度: '121.5602',
  签退纬度: '',
  签退经度: '',
  外部编号: 'APP-20261002-0001',
  备注: '示例行，导入前请删除',
};

const TEXT_COLUMNS = new Set(['服务对象身份证号', '护理人员身份证号', '开始时间', '结束时间', '服务项目编码', '外部编号']);
const CLASS_NAMES = { 'daily-life': '生活照护', medical: '医疗护理' } as const;

export async function importTemplate(db: LtcDatabase): Promise<FileDownload> {
  const wb = new (excel().Workbook)();
  wb.creator = '长护助手';
  // A fixed date keeps the template's bytes the same from one download to the next.
  wb.created = new Date(Date.UTC(2026, 0, 1));
  wb.modified = wb.created;

  const sheet = wb.addWorksheet('服务记录', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = COLUMNS.map((c) => ({ header: c.header, key: c.header, width: Math.max(12, c.header.length * 2 + 4) }));
  sheet.getRow(1).font = { bold: true };
  COLUMNS.forEach((c, i) => {
    if (TEXT_COLUMNS.has(c.header)) sheet.getColumn(i + 1).numFmt = '@';
  });
  sheet.addRow(COLUMNS.map((c) => EXAMPLE[c.header] ?? ''));
  sheet.getRow(2).font = { color: { argb: 'FF888888' } };

  const help = wb.addWorksheet('填写说明');
  help.columns = [
    { header: '列名', width: 20 },
    { header: '怎么填', width: 80 },
    { header: '也认的列名', width: 60 },
  ];
  help.getRow(1).font = { bold: true };
  for (const c of COLUMNS) help.addRow([c.header, c.note, c.aliases.join('、')]);
  help.addRow([]);
  help.addRow(['', '第一行是列名，从第二行起每行一条服务记录。列的顺序不限，多余的列会被忽略。']);
  help.addRow(['', '时长不足、时间重叠、未签字、证书不符等问题不会阻止导入，但这些记录在改正前不计入结算。']);

  const policy = loadPolicy(db.raw);
  if (policy) {
    const items = wb.addWorksheet('服务项目目录');
    items.columns = [
      { header: '编码', width: 10 },
      { header: '名称', width: 36 },
      { header: '类别', width: 12 },
      { header: '最短时长（分钟）', width: 18 },
    ];
    items.getRow(1).font = { bold: true };
    for (const i of policy.catalogue.items) items.addRow([i.code, i.name, CLASS_NAMES[i.class], i.minMinutes ?? '']);
  }
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  return { name: '上门服务导入模板.xlsx', mime: XLSX_MIME, base64: buffer.toString('base64') };
}
