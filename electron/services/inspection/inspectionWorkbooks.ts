/**
 * The self-audit's hits and a sample as .xlsx workbooks, for the manager to work through or hand over:
 * Chinese headers, one row per hit (or per person-day and visit), the seed in the sample's title.
 */
import type ExcelJS from 'exceljs';
import { excel } from '../spreadsheet/excel';
import type { SampleView, SelfAuditView } from '../../../shared/api/inspection';

function sheet(wb: ExcelJS.Workbook, name: string, title: string, headers: string[], widths: number[]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 2 }] });
  ws.addRow([title]).font = { bold: true, size: 13 };
  ws.addRow(headers).font = { bold: true };
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  return ws;
}

function newBook(): ExcelJS.Workbook {
  const wb = new (excel().Workbook)();
  wb.creator = '长护助手';
  return wb;
}

export async function selfAuditWorkbook(view: SelfAuditView, institution: string): Promise<Uint8Array> {
  const wb = newBook();
  const hits = sheet(
    wb,
    '自查发现',
    `${institution} 自查发现（${view.from} 至 ${view.to}）`,
    ['规则', '日期', '服务对象', '护理人员', '服务记录', '发现', '处理', '核实人', '核实时间'],
    [22, 11, 10, 10, 20, 70, 36, 10, 18],
  );
  for (const r of view.rules) {
    for (const h of r.hits) {
      hits.addRow([
        r.title,
        h.date,
        h.resident ?? '',
        h.staff ?? '',
        h.visits.join('、'),
        h.reason,
        h.mark ? `已核实（正常）：${h.mark.note}` : '未核实',
        h.mark?.by ?? '',
        h.mark?.at.slice(0, 16).replace('T', ' ') ?? '',
      ]);
    }
  }
  const rules = sheet(wb, '规则', '自查规则', ['规则', '说明', '发现', '未核实', '数据'], [22, 70, 8, 8, 60]);
  for (const r of view.rules) rules.addRow([r.title, r.description, r.hits.length, r.newHits, r.available ? r.notes.join(' ') : `暂无数据：${r.why ?? ''}`]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

export async function sampleWorkbook(view: SampleView, institution: string): Promise<Uint8Array> {
  const wb = newBook();
  const ws = sheet(
    wb,
    '抽查',
    `${institution} 抽查（${view.from} 至 ${view.to}，随机种子 ${view.seed}，${view.residents.length} 人 × ${view.days.length} 天）`,
    ['日期', '服务对象编号', '姓名', '记录状态', '床位', '结算', '服务记录', '时间', '护理人员', '服务项目', '签字确认', '签到位置'],
    [11, 12, 10, 14, 10, 14, 12, 12, 10, 30, 9, 20],
  );
  for (const r of view.rows) {
    const head = [r.date, r.resident, r.name, r.status, r.bed ?? '', r.claimed];
    if (r.visits.length === 0) ws.addRow([...head, '', '', '', '', '', '']);
    for (const v of r.visits) ws.addRow([...head, v.ref, v.time, v.staff, v.items, v.confirmed ? '是' : '否', v.place]);
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
