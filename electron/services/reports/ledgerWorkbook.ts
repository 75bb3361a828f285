/** 结算台账.xlsx: the ledger as people keep it in Excel, Chinese headers, amounts as numbers in yuan. */
import { excel } from '../spreadsheet/excel';
import type { Ledger } from '../../../shared/api/reports';

const STATUS_NAMES = { draft: '草稿', submitted: '已申报', settled: '已结算', withdrawn: '已撤回' } as const;
const YUAN = '#,##0.00';
const HEADERS = [
  '结算月份',
  '类型',
  '状态',
  '人数',
  '床日',
  '服务时长（小时）',
  '费用合计（元）',
  '基金支付（元）',
  '个人负担（元）',
  '实付基金（元）',
  '扣款（元）',
  '拒付（元）',
  '申报时间',
  '申报人',
];
const WIDTHS = [11, 9, 9, 7, 8, 14, 15, 15, 15, 15, 12, 12, 18, 12];
const YUAN_COLUMNS = [7, 8, 9, 10, 11, 12];
// 拒付 is a column of its own after 扣款 (added later: the columns before it keep their places).

const yuan = (fen: number) => fen / 100;

export async function ledgerWorkbook(ledger: Ledger, institutionName: string): Promise<Uint8Array> {
  const wb = new (excel().Workbook)();
  wb.creator = '长护助手';
  const ws = wb.addWorksheet('结算台账', { views: [{ state: 'frozen', ySplit: 2 }] });
  ws.addRow([`${institutionName} 长护险结算台账${ledger.year ? `（${ledger.year}年）` : ''}`]).font = { bold: true, size: 13 };
  ws.addRow(HEADERS).font = { bold: true };
  for (const r of ledger.rows) {
    ws.addRow([
      r.month,
      r.kind === 'regular' ? '正常申报' : `补报${r.seq}`,
      STATUS_NAMES[r.status],
      r.persons,
      r.billableDays,
      // hours to two decimals, as the claim screen and the claim's documents show them
      Math.round((r.coveredMinutes * 100) / 60) / 100,
      yuan(r.feeFen),
      yuan(r.fundFen),
      yuan(r.personalFen),
      r.paidFundFen === null ? null : yuan(r.paidFundFen),
      yuan(r.deductedFen),
      yuan(r.rejectedFen),
      r.submittedAt ? r.submittedAt.slice(0, 16).replace('T', ' ') : null,
      r.submittedBy,
    ]);
  }
  const t = ledger.totals;
  ws.addRow([
    '合计',
    `${t.claims} 笔`,
    `已结算 ${t.settled}`,
    null,
    null,
    null,
    yuan(t.feeFen),
    yuan(t.fundFen),
    yuan(t.personalFen),
    yuan(t.paidFundFen),
    yuan(t.deductedFen),
    yuan(t.rejectedFen),
    null,
    null,
  ]).font = { bold: true };
  ws.addRow(['待结算基金（元）', null, null, null, null, null, null, yuan(t.outstandingFundFen)]);
  for (const c of YUAN_COLUMNS) ws.getColumn(c).numFmt = YUAN;
  ws.getColumn(6).numFmt = '#,##0.00';
  WIDTHS.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
