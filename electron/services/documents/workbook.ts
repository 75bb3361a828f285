/**
 * claim.xlsx: sheet 汇总 (the institution, the month, the policy, the totals) and sheet 明细 (one row
 * per claim line, ID numbers whole because the agency's form needs them). Amounts are numbers in
 * yuan with a '#,##0.00' format, so the agency's spreadsheet can add them; the totals row holds the
 * claim's own totals (summed in fen), not a formula over rounded floats.
 * Deterministic: document dates come from `generatedOn`, and the zip entries' times are rewritten.
 */
import ExcelJS from 'exceljs';
import type { Claim } from '../../../shared/claims/types';
import type { LocalDate } from '../../../shared/domain/model';
import { documentDate, hoursValue, modeLabel, monthLabel } from './format';
import { kindLabel, PDF_CREATOR } from './pdfBase';
import { markDraft } from './workbookDraft';
import { setZipEntryDates } from './zipDates';

const MONEY = '#,##0.00';
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8E8E8' } };
const yuan = (fen: number) => fen / 100;

export const DETAIL_COLUMNS = [
  { header: '序号', key: 'no', width: 7 },
  { header: '姓名', key: 'name', width: 12 },
  { header: '身份证号', key: 'idNumber', width: 22 },
  { header: '护理方式', key: 'mode', width: 10 },
  { header: '等级', key: 'level', width: 6 },
  { header: '床日', key: 'billableDays', width: 8 },
  { header: '服务分钟', key: 'coveredMinutes', width: 10 },
  { header: '服务次数', key: 'visits', width: 10 },
  { header: '费用合计', key: 'fee', width: 14, style: { numFmt: MONEY } },
  { header: '基金支付', key: 'fund', width: 14, style: { numFmt: MONEY } },
  { header: '个人负担', key: 'personal', width: 14, style: { numFmt: MONEY } },
] as const;

interface WorkbookOptions {
  /** the pack's title, when the shipped pack is the claim's version */
  policyTitle?: string | null;
  /** the institution as printed; by default the claim's */
  institution?: Claim['institution'];
  /** a draft package's workbook: a 草稿（未申报） row on top of every sheet (workbookDraft.ts) */
  draft?: boolean;
}

function summarySheet(wb: ExcelJS.Workbook, claim: Claim, generatedOn: LocalDate, opts: WorkbookOptions): void {
  const ws = wb.addWorksheet('汇总', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = [
    { header: '项目', key: 'item', width: 22 },
    { header: '内容', key: 'value', width: 44 },
  ];
  const t = claim.totals;
  const inst = opts.institution ?? claim.institution;
  const rows: [string, string | number, string?][] = [
    ['机构名称', inst.name],
    ['统一社会信用代码', inst.uscc],
    ['定点机构编码', inst.agencyCode],
    ['结算月份', monthLabel(claim.month)],
    ['申报类型', kindLabel(claim.kind)],
    ['政策', opts.policyTitle ?? claim.policy.id],
    ['政策编号', claim.policy.id],
    ['政策版本', claim.policy.version],
    ['人数', t.persons, '0'],
    ['床日', t.billableDays, '0'],
    ['服务分钟', t.coveredMinutes, '0'],
    ['服务时长（小时）', hoursValue(t.coveredMinutes), '0.00'],
    ['服务次数', t.visits, '0'],
    ['费用合计（元）', yuan(t.feeFen), MONEY],
    ['基金支付（元）', yuan(t.fundFen), MONEY],
    ['个人负担（元）', yuan(t.personalFen), MONEY],
    ['填报日期', generatedOn],
  ];
  for (const [item, value, numFmt] of rows) {
    const row = ws.addRow({ item, value });
    const cell = row.getCell('value');
    cell.alignment = { horizontal: 'left' };
    if (numFmt) cell.numFmt = numFmt;
  }
  styleHeader(ws.getRow(1));
}

function detailSheet(wb: ExcelJS.Workbook, claim: Claim): void {
  const ws = wb.addWorksheet('明细', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = DETAIL_COLUMNS.map((c) => ({ ...c }));
  // Text, so that neither Excel nor the agency's import turns an 18-digit number into 3.30205E+17.
  ws.getColumn('idNumber').numFmt = '@';
  claim.lines.forEach((l, i) => {
    ws.addRow({
      no: i + 1,
      name: l.name,
      idNumber: l.idNumber,
      mode: modeLabel(l.mode),
      level: l.level,
      billableDays: l.billableDays,
      coveredMinutes: l.coveredMinutes,
      visits: l.visits ?? 0,
      fee: yuan(l.feeFen),
      fund: yuan(l.fundFen),
      personal: yuan(l.personalFen),
    });
  });
  const t = claim.totals;
  const total = ws.addRow({
    no: '合计',
    name: `${t.persons}人`,
    billableDays: t.billableDays,
    coveredMinutes: t.coveredMinutes,
    visits: t.visits,
    fee: yuan(t.feeFen),
    fund: yuan(t.fundFen),
    personal: yuan(t.personalFen),
  });
  total.font = { bold: true };
  total.eachCell((c) => (c.border = { top: { style: 'thin' } }));
  styleHeader(ws.getRow(1));
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: DETAIL_COLUMNS.length } };
}

function styleHeader(row: ExcelJS.Row): void {
  row.font = { bold: true };
  row.alignment = { horizontal: 'center', vertical: 'middle' };
  row.eachCell((c) => (c.fill = HEADER_FILL));
}

export async function claimWorkbook(claim: Claim, generatedOn: LocalDate, opts: WorkbookOptions = {}): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const when = documentDate(generatedOn);
  wb.creator = PDF_CREATOR;
  wb.lastModifiedBy = PDF_CREATOR;
  wb.created = when;
  wb.modified = when;
  wb.lastPrinted = when;
  wb.title = `结算申报 ${claim.month}`;
  wb.company = (opts.institution ?? claim.institution).name;
  summarySheet(wb, claim, generatedOn, opts);
  detailSheet(wb, claim);
  if (opts.draft) markDraft(wb);
  // Typed as an ArrayBuffer, a Node Buffer at run time; new Uint8Array() reads either.
  const buffer = await wb.xlsx.writeBuffer();
  return setZipEntryDates(new Uint8Array(buffer as ArrayBuffer), generatedOn);
}
