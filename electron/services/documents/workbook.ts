/**
 * claim.xlsx as the agency's clerk reads and prints it (docs/rules.md §8.6): sheets 汇总 (the
 * institution, the month, the policy, the totals), 明细 (one row per claim line, ID numbers whole
 * because the agency's form needs them), 服务记录 (every home visit of the month, 计入 or 不计入 and why)
 * and 床日 (the 31-day register of the institutional lines), each with a title, a styled header with
 * units, an autofilter, and A4 landscape printing one page wide with the title and header on every page
 * (printedSheet.ts). Amounts are numbers in yuan with a '#,##0.00' format, so the agency's spreadsheet
 * can add them; a 合计 row holds the claim's own totals (summed in fen), after a blank row, outside the
 * filter. Deterministic: document dates come from `generatedOn`, and the zip entries' times are rewritten.
 */
import type ExcelJS from 'exceljs';
import { ISSUE_TITLES } from '../../../shared/claims/issueCodes';
import type { Claim } from '../../../shared/claims/types';
import { addDays, datesOfMonth, minutesBetween } from '../../../shared/domain/dates';
import type { LocalDate, Visit } from '../../../shared/domain/model';
import { documentDate, hoursValue, levelLabel, modeLabel, monthLabel, timeOf } from './format';
import { bedOf, institutionalEvidence, packageData, type PackageData, type PackageRecords } from './packageData';
import { kindLabel, PDF_CREATOR } from './pdfBase';
import { addRows, addTotals, filterData, MONEY, printedSheet, TEXT, type SheetColumn } from './printedSheet';
import { visitClients } from './visitsPdf';
import { streamingWorkbook } from './xlsxStream';

const yuan = (fen: number) => fen / 100;

export const DETAIL_COLUMNS: readonly SheetColumn[] = [
  { header: '序号', key: 'no', width: 6, align: 'center' },
  { header: '姓名', key: 'name', width: 10 },
  { header: '身份证号', key: 'idNumber', width: 21, numFmt: TEXT },
  { header: '护理方式', key: 'mode', width: 10, align: 'center' },
  { header: '失能等级', key: 'level', width: 19 },
  { header: '床日（天）', key: 'billableDays', width: 9 },
  { header: '服务时长（分钟）', key: 'coveredMinutes', width: 12 },
  { header: '服务次数（次）', key: 'visits', width: 11 },
  { header: '费用合计（元）', key: 'fee', width: 13, numFmt: MONEY },
  { header: '基金支付（元）', key: 'fund', width: 13, numFmt: MONEY },
  { header: '个人负担（元）', key: 'personal', width: 13, numFmt: MONEY },
];

export const VISIT_COLUMNS: readonly SheetColumn[] = [
  { header: '序号', key: 'no', width: 6, align: 'center' },
  { header: '明细序号', key: 'lineNo', width: 8, align: 'center' },
  { header: '姓名', key: 'name', width: 9 },
  { header: '身份证号', key: 'idNumber', width: 20, numFmt: TEXT },
  { header: '服务日期', key: 'date', width: 11, align: 'center' },
  { header: '开始', key: 'start', width: 7, align: 'center' },
  { header: '结束', key: 'end', width: 7, align: 'center' },
  { header: '时长（分钟）', key: 'minutes', width: 10 },
  { header: '护理人员', key: 'caregiver', width: 9 },
  { header: '服务项目', key: 'items', width: 44, wrap: true },
  { header: '签字确认', key: 'confirmed', width: 8, align: 'center' },
  { header: '结算', key: 'outcome', width: 8, align: 'center' },
  { header: '原因', key: 'reason', width: 28, wrap: true },
];

/** The register's marks (the legend printed on the sheet says the same). */
export const DAY_MARKS = { present: '✓', hospital: 'H', leave: 'L', admit: '入', discharge: '出', death: '亡' } as const;
const DAYS = 31;
const DAY_COLUMNS: SheetColumn[] = Array.from({ length: DAYS }, (_, i) => ({ header: String(i + 1), key: `d${i + 1}`, width: 3.2, align: 'center' }));
export const BED_DAY_COLUMNS: readonly SheetColumn[] = [
  { header: '序号', key: 'no', width: 5, align: 'center' },
  { header: '姓名', key: 'name', width: 9 },
  { header: '身份证号', key: 'idNumber', width: 20, numFmt: TEXT },
  { header: '失能等级', key: 'level', width: 18 },
  { header: '床位', key: 'bed', width: 7, align: 'center' },
  ...DAY_COLUMNS,
  { header: '在院（天）', key: 'present', width: 7 },
  { header: '住院（天）', key: 'hospital', width: 7 },
  { header: '请假（天）', key: 'leave', width: 7 },
  { header: '计费床日（天）', key: 'billable', width: 7 },
];
const LEGEND = `标记：${DAY_MARKS.present} 在院\u3000${DAY_MARKS.hospital} 住院\u3000${DAY_MARKS.leave} 请假\u3000${DAY_MARKS.admit} 入院\u3000${DAY_MARKS.discharge} 出院\u3000${DAY_MARKS.death} 死亡\u3000空白 不在入住期内（出院、死亡当日不计床日）；“计费床日”为本次结算的床日数。`;

export interface WorkbookOptions {
  /** the pack's title, when the shipped pack is the claim's version */
  policyTitle?: string | null;
  /** the institution as printed; by default the claim's */
  institution?: Claim['institution'];
  /** the claim with the month's records (visits, stays, item names), as the PDFs read them; without it 服务记录 is empty and 床日 has no 入/出/亡 */
  data?: PackageData;
  /** a draft package: a 草稿 row at the top of every sheet */
  draft?: boolean;
}

interface Context {
  claim: Claim;
  data: PackageData;
  inst: Claim['institution'];
  opts: WorkbookOptions;
}

/** 机构 … 结算月份 …: the line under every sheet's title. */
function whose(c: Context): string {
  return `定点机构：${c.inst.name}\u3000统一社会信用代码：${c.inst.uscc}\u3000定点机构编码：${c.inst.agencyCode}\u3000结算月份：${monthLabel(c.claim.month)}\u3000申报类型：${kindLabel(c.claim.kind)}`;
}

function summarySheet(wb: ExcelJS.Workbook, c: Context, generatedOn: LocalDate): void {
  const sheet = printedSheet(wb, {
    name: '汇总',
    title: '长期护理保险结算申报汇总',
    lines: [],
    draft: c.opts.draft,
    columns: [
      { header: '项目', key: 'item', width: 24 },
      { header: '内容', key: 'value', width: 60, align: 'left' },
    ],
  });
  const t = c.claim.totals;
  const rows: [string, string | number, string?][] = [
    ['机构名称', c.inst.name],
    ['统一社会信用代码', c.inst.uscc],
    ['定点机构编码', c.inst.agencyCode],
    ['结算月份', monthLabel(c.claim.month)],
    ['申报类型', kindLabel(c.claim.kind)],
    ['政策', c.opts.policyTitle ?? c.claim.policy.id],
    ['政策版本', c.claim.policy.version],
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
    const row = sheet.ws.addRow({ item, value });
    if (numFmt) row.getCell('value').numFmt = numFmt;
    row.commit();
  }
  sheet.ws.commit();
}

function detailSheet(wb: ExcelJS.Workbook, c: Context): void {
  const sheet = printedSheet(wb, { name: '明细', title: '长期护理保险结算申报明细', lines: [whose(c)], draft: c.opts.draft, columns: DETAIL_COLUMNS });

  addRows(
    sheet,
    c.data.lines.map(({ no, line: l }) => ({
      no,
      name: l.name,
      idNumber: l.idNumber,
      mode: modeLabel(l.mode),
      level: levelLabel(l.level),
      billableDays: l.billableDays,
      coveredMinutes: l.coveredMinutes,
      visits: l.visits ?? 0,
      fee: yuan(l.feeFen),
      fund: yuan(l.fundFen),
      personal: yuan(l.personalFen),
    })),
  );
  filterData(sheet);
  const t = c.claim.totals;
  addTotals(sheet, {
    no: '合计',
    name: `${t.persons}人`,
    billableDays: t.billableDays,
    coveredMinutes: t.coveredMinutes,
    visits: t.visits,
    fee: yuan(t.feeFen),
    fund: yuan(t.fundFen),
    personal: yuan(t.personalFen),
  });
  sheet.ws.commit();
}

/** 计入, or 不计入 and why (the issue titles), as 上门服务记录明细.pdf says it. */
function visitOutcome(data: PackageData, v: Visit): { outcome: string; reason: string } {
  const outcome = data.outcomes.get(v.ref) ?? 'unclaimed';
  if (outcome === 'counted') return { outcome: '计入', reason: '' };
  const titles = [...new Set((data.visitIssues.get(v.ref) ?? []).filter((i) => i.code !== 'OVER_QUOTA').map((i) => ISSUE_TITLES[i.code]))];
  if (outcome === 'overQuota') return { outcome: '不计入', reason: `${ISSUE_TITLES.OVER_QUOTA}，不结算` };
  if (outcome === 'excluded') return { outcome: '不计入', reason: titles.join('、') || '见结算问题' };
  return { outcome: '不计入', reason: `本次未申报${titles.length > 0 ? `：${titles.join('、')}` : ''}` };
}

function visitSheet(wb: ExcelJS.Workbook, c: Context): void {
  const clients = visitClients(c.data);
  const sheet = printedSheet(wb, {
    name: '服务记录',
    title: '上门服务记录',
    lines: [
      whose(c),
      '本月全部上门服务记录；“结算”：计入 — 计入本次结算；不计入 — 原因见“原因”（超出限额、有错误或未签字确认）。“明细序号”与明细表的序号一致。',
    ],
    draft: c.opts.draft,
    columns: VISIT_COLUMNS,
  });
  let no = 0;
  let minutes = 0;
  let counted = 0;
  for (const client of clients) {
    for (const v of client.visits) {
      const m = minutesBetween(v.start, v.end);
      const o = visitOutcome(c.data, v);
      minutes += m;
      if (o.outcome === '计入') counted++;
      sheet.add({
        no: ++no,
        lineNo: client.no ?? '',
        name: client.resident.name,
        idNumber: client.resident.idNumber,
        date: v.start.slice(0, 10),
        start: timeOf(v.start),
        end: timeOf(v.end),
        minutes: m,
        caregiver: c.data.staff.get(v.staff)?.name ?? v.staff,
        items: v.items.map(c.data.itemName).join('、'),
        confirmed: v.confirmed ? '已确认' : '未确认',
        outcome: o.outcome,
        reason: o.reason,
      });
    }
  }
  filterData(sheet);
  addTotals(sheet, { no: '合计', name: `${no}次`, minutes, outcome: `计入${counted}次`, reason: no > counted ? `不计入${no - counted}次` : '' });
  sheet.ws.commit();
}

function bedDaySheet(wb: ExcelJS.Workbook, c: Context): void {
  const month = c.claim.month;
  const dates = datesOfMonth(month);
  const sheet = printedSheet(wb, { name: '床日', title: '机构护理床日登记', lines: [whose(c), LEGEND], draft: c.opts.draft, columns: BED_DAY_COLUMNS });
  // Day columns past the month's end (the 29th to 31st of a short month) are headed — and stay empty.
  const headerRow = sheet.ws.getRow(sheet.header);
  for (let d = dates.length + 1; d <= DAYS; d++) headerRow.getCell(`d${d}`).value = '—';
  const totals = { present: 0, hospital: 0, leave: 0, billable: 0 };
  for (const { no, line } of c.data.lines) {
    if (line.mode !== 'institutional') continue;
    const e = institutionalEvidence(line);
    const sets = { hospital: new Set(e.hospital), leave: new Set(e.leave), present: new Set([...e.present, ...e.billable]) };
    const resident = c.data.residents.get(line.resident);
    const events = new Map<string, string>();
    for (const ev of resident?.events ?? []) {
      if (!ev.date.startsWith(month)) continue;
      if (ev.type === 'admit' && ev.mode === 'institutional') events.set(ev.date, DAY_MARKS.admit);
      // the day one leaves is outside the stay (算入不算出): marked only when the stay ran up to it
      if ((ev.type === 'discharge' || ev.type === 'death') && wasInStay(sets, ev.date))
        events.set(ev.date, ev.type === 'death' ? DAY_MARKS.death : DAY_MARKS.discharge);
    }
    const row: Record<string, unknown> = {
      no,
      name: line.name,
      idNumber: line.idNumber,
      level: levelLabel(line.level),
      bed: bedOf(resident, month) ?? '',
      present: e.present.length,
      hospital: e.hospital.length,
      leave: e.leave.length,
      billable: e.billable.length,
    };
    dates.forEach((d, i) => {
      const mark =
        events.get(d) ??
        (sets.hospital.has(d) ? DAY_MARKS.hospital : sets.leave.has(d) ? DAY_MARKS.leave : sets.present.has(d) ? DAY_MARKS.present : undefined);
      if (mark) row[`d${i + 1}`] = mark;
    });
    sheet.add(row);
    totals.present += e.present.length;
    totals.hospital += e.hospital.length;
    totals.leave += e.leave.length;
    totals.billable += e.billable.length;
  }
  filterData(sheet);
  addTotals(sheet, { no: '合计', name: `${sheet.last - sheet.header}人`, ...totals });
  sheet.ws.commit();
}

/** The day before `date` was a day of the stay (present, in hospital or on leave). */
function wasInStay(sets: { hospital: Set<string>; leave: Set<string>; present: Set<string> }, date: LocalDate): boolean {
  const before = addDays(date, -1);
  return sets.present.has(before) || sets.hospital.has(before) || sets.leave.has(before);
}

export async function claimWorkbook(claim: Claim, generatedOn: LocalDate, opts: WorkbookOptions = {}): Promise<Uint8Array> {
  // written row by row (xlsxStream.ts): a month's visits held as cell objects took ~700 MB
  const { wb, finish } = streamingWorkbook(generatedOn);
  const when = documentDate(generatedOn);
  const inst = opts.institution ?? claim.institution;
  wb.creator = PDF_CREATOR;
  wb.lastModifiedBy = PDF_CREATOR;
  wb.created = when;
  wb.modified = when;
  wb.lastPrinted = when;
  wb.title = `结算申报 ${claim.month}`;
  // (the company, an app.xml property the streaming writer does not write, is on every sheet's title lines)
  const data = opts.data ?? packageData(claim, { residents: [], staff: [], visits: [] } as unknown as PackageRecords, { institution: inst });
  const c: Context = { claim, data, inst, opts };
  summarySheet(wb, c, generatedOn);
  detailSheet(wb, c);
  if (c.data.monthVisits.size > 0) visitSheet(wb, c);
  if (claim.lines.some((l) => l.mode === 'institutional')) bedDaySheet(wb, c);
  return finish();
}
