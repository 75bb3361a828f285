/**
 * 对账 as the clerk files it: an .xlsx in 元 of what reconciliation.ts finds (the JSON of `ltc reconcile`
 * stays as it is). Sheets 按月 (claimed, paid, 扣款 and 拒付 apart, still to settle), 按人 (every claimed
 * line with the agency's answer), 扣款明细 and 拒付明细 (the lines to follow up), and 原因 (the agency's
 * reasons grouped, 扣款 and 拒付 counted apart), each printable (documents/printedSheet.ts).
 */
import { excel } from '../spreadsheet/excel';
import { CARE_MODE_NAMES } from '../../../shared/domain/glossary';
import type { CareMode } from '../../../shared/domain/model';
import { monthLabel } from '../documents/format';
import { addTotals, filterData, MONEY, printedSheet, TEXT, type PrintedSheet, type SheetColumn } from '../documents/printedSheet';
import type { LtcDatabase } from '../db/database';
import { listClaims } from './claimStore';
import { reconciliation, type PersonReconciliation, type Reconciliation } from './reconciliation';

const yuan = (fen: number) => fen / 100;
const RESULT_NAMES: Record<string, string> = { accepted: '通过', deducted: '扣款', rejected: '拒付' };
const NO_REASON = '（未注明原因）';

export interface ReconciliationWorkbookInput {
  rec: Reconciliation;
  institution: { name: string; uscc?: string; agencyCode?: string };
  /** the month asked for; all months when absent */
  month?: string;
  /** each claim's label (本月申报, 补报 1 …) by id */
  claimLabels: ReadonlyMap<number, string>;
  /** the day it is made (the title says so) */
  today: string;
}

const MONTH_COLUMNS: SheetColumn[] = [
  { header: '月份', key: 'month', width: 10, align: 'center' },
  { header: '申报数', key: 'claims', width: 8 },
  { header: '已结算数', key: 'settled', width: 8 },
  { header: '申报基金支付（元）', key: 'claimed', width: 15, numFmt: MONEY },
  { header: '实付基金（元）', key: 'paid', width: 15, numFmt: MONEY },
  { header: '扣款（元）', key: 'deducted', width: 13, numFmt: MONEY },
  { header: '拒付（元）', key: 'rejected', width: 13, numFmt: MONEY },
  { header: '待结算（元）', key: 'pending', width: 13, numFmt: MONEY },
];

const PERSON_COLUMNS: SheetColumn[] = [
  { header: '序号', key: 'no', width: 6, align: 'center' },
  { header: '月份', key: 'month', width: 9, align: 'center' },
  { header: '申报', key: 'claim', width: 9, align: 'center' },
  { header: '姓名', key: 'name', width: 10 },
  { header: '身份证号', key: 'idNumber', width: 21, numFmt: TEXT },
  { header: '护理方式', key: 'mode', width: 9, align: 'center' },
  { header: '申报基金支付（元）', key: 'claimed', width: 14, numFmt: MONEY },
  { header: '审核结果', key: 'result', width: 8, align: 'center' },
  { header: '扣款（元）', key: 'deducted', width: 12, numFmt: MONEY },
  { header: '拒付（元）', key: 'rejected', width: 12, numFmt: MONEY },
  { header: '实付基金（元）', key: 'paid', width: 13, numFmt: MONEY },
  { header: '原因', key: 'reason', width: 30 },
];

const REASON_COLUMNS: SheetColumn[] = [
  { header: '原因', key: 'reason', width: 36 },
  { header: '扣款（次）', key: 'deductedCount', width: 9 },
  { header: '扣款金额（元）', key: 'deducted', width: 14, numFmt: MONEY },
  { header: '拒付（次）', key: 'rejectedCount', width: 9 },
  { header: '拒付金额（元）', key: 'rejected', width: 14, numFmt: MONEY },
  { header: '合计（次）', key: 'count', width: 9 },
  { header: '合计金额（元）', key: 'total', width: 14, numFmt: MONEY },
];

const fenOf = (p: PersonReconciliation, result: 'deducted' | 'rejected') => (p.result === result ? p.deductedFen : 0);

export async function reconciliationWorkbook(input: ReconciliationWorkbookInput): Promise<Uint8Array> {
  const { rec, institution: inst } = input;
  const wb = new (excel().Workbook)();
  wb.creator = '长护助手';
  wb.title = `对账 ${input.month ?? ''}`.trim();
  const period = input.month ? `结算月份：${monthLabel(input.month)}` : '全部已申报月份';
  const whose = `定点机构：${inst.name}${inst.agencyCode ? `\u3000定点机构编码：${inst.agencyCode}` : ''}\u3000${period}\u3000制表日期：${input.today}`;
  const sheet = (name: string, title: string, columns: SheetColumn[], note?: string): PrintedSheet =>
    printedSheet(wb, { name, title, lines: note ? [whose, note] : [whose], columns });

  const byMonth = sheet(
    '按月',
    '长期护理保险结算对账（按月）',
    MONTH_COLUMNS,
    '申报基金支付含本月申报和补报；实付、扣款、拒付为已导入审核结果的明细；待结算为尚未导入审核结果的申报。',
  );
  const sum = { claimed: 0, paid: 0, deducted: 0, rejected: 0, pending: 0, claims: 0, settled: 0 };
  for (const m of rec.months) {
    const lines = rec.persons.filter((p) => p.month === m.month);
    const deducted = lines.reduce((n, p) => n + fenOf(p, 'deducted'), 0);
    const rejected = lines.reduce((n, p) => n + fenOf(p, 'rejected'), 0);
    const pending = lines.filter((p) => p.result === null).reduce((n, p) => n + p.claimedFundFen, 0);
    byMonth.add({
      month: m.month,
      claims: m.claims,
      settled: m.settled,
      claimed: yuan(m.claimedFundFen),
      paid: yuan(m.paidFundFen),
      deducted: yuan(deducted),
      rejected: yuan(rejected),
      pending: yuan(pending),
    });
    Object.assign(sum, {
      claimed: sum.claimed + m.claimedFundFen,
      paid: sum.paid + m.paidFundFen,
      deducted: sum.deducted + deducted,
      rejected: sum.rejected + rejected,
      pending: sum.pending + pending,
      claims: sum.claims + m.claims,
      settled: sum.settled + m.settled,
    });
  }
  filterData(byMonth);
  addTotals(byMonth, {
    month: '合计',
    claims: sum.claims,
    settled: sum.settled,
    claimed: yuan(sum.claimed),
    paid: yuan(sum.paid),
    deducted: yuan(sum.deducted),
    rejected: yuan(sum.rejected),
    pending: yuan(sum.pending),
  });

  const personRows = (list: readonly PersonReconciliation[]) =>
    list.map((p, i) => ({
      no: i + 1,
      month: p.month,
      claim: input.claimLabels.get(p.claimId) ?? '',
      name: p.name,
      idNumber: p.idNumber,
      mode: CARE_MODE_NAMES[p.mode as CareMode] ?? p.mode,
      claimed: yuan(p.claimedFundFen),
      result: p.result ? RESULT_NAMES[p.result] : '待审核',
      deducted: yuan(fenOf(p, 'deducted')),
      rejected: yuan(fenOf(p, 'rejected')),
      paid: p.paidFundFen === null ? null : yuan(p.paidFundFen),
      reason: p.result && p.result !== 'accepted' ? p.reason?.trim() || NO_REASON : '',
    }));
  const personSheet = (name: string, title: string, list: readonly PersonReconciliation[]) => {
    const s = sheet(name, title, PERSON_COLUMNS);
    for (const r of personRows(list)) s.add(r);
    filterData(s);
    const total = (f: (p: PersonReconciliation) => number) => yuan(list.reduce((n, p) => n + f(p), 0));
    addTotals(s, {
      no: '合计',
      name: `${list.length}条`,
      claimed: total((p) => p.claimedFundFen),
      deducted: total((p) => fenOf(p, 'deducted')),
      rejected: total((p) => fenOf(p, 'rejected')),
      paid: total((p) => p.paidFundFen ?? 0),
    });
  };
  personSheet('按人', '长期护理保险结算对账（按人）', rec.persons);
  personSheet(
    '扣款明细',
    '审核扣款明细',
    rec.persons.filter((p) => p.result === 'deducted'),
  );
  personSheet(
    '拒付明细',
    '审核拒付明细',
    rec.persons.filter((p) => p.result === 'rejected'),
  );

  const reasons = new Map<string, { deductedCount: number; deducted: number; rejectedCount: number; rejected: number }>();
  for (const p of rec.persons) {
    if (p.result !== 'deducted' && p.result !== 'rejected') continue;
    const key = p.reason?.trim() || NO_REASON;
    const r = reasons.get(key) ?? { deductedCount: 0, deducted: 0, rejectedCount: 0, rejected: 0 };
    if (p.result === 'deducted') {
      r.deductedCount++;
      r.deducted += p.deductedFen;
    } else {
      r.rejectedCount++;
      r.rejected += p.deductedFen;
    }
    reasons.set(key, r);
  }
  const byReason = sheet('原因', '审核扣款、拒付原因（按次数）', REASON_COLUMNS);
  const sorted = [...reasons].sort(
    ([, a], [, b]) => b.deductedCount + b.rejectedCount - (a.deductedCount + a.rejectedCount) || b.deducted + b.rejected - (a.deducted + a.rejected),
  );
  const t = { deductedCount: 0, deducted: 0, rejectedCount: 0, rejected: 0 };
  for (const [reason, r] of sorted) {
    byReason.add({
      reason,
      deductedCount: r.deductedCount,
      deducted: yuan(r.deducted),
      rejectedCount: r.rejectedCount,
      rejected: yuan(r.rejected),
      count: r.deductedCount + r.rejectedCount,
      total: yuan(r.deducted + r.rejected),
    });
    t.deductedCount += r.deductedCount;
    t.deducted += r.deducted;
    t.rejectedCount += r.rejectedCount;
    t.rejected += r.rejected;
  }
  filterData(byReason);
  addTotals(byReason, {
    reason: '合计',
    deductedCount: t.deductedCount,
    deducted: yuan(t.deducted),
    rejectedCount: t.rejectedCount,
    rejected: yuan(t.rejected),
    count: t.deductedCount + t.rejectedCount,
    total: yuan(t.deducted + t.rejected),
  });
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** The 对账 workbook of a database (one month, or every month) and the file name it is offered under. */
export async function reconciliationFile(db: LtcDatabase, month: string | undefined, today: string): Promise<{ name: string; bytes: Uint8Array }> {
  const rec = reconciliation(db, month ? { month } : {});
  const inst = (db.raw.prepare('SELECT name, uscc, agency_code AS agencyCode FROM institution').get() as
    { name: string; uscc: string; agencyCode: string } | undefined) ?? { name: '' };
  const claimLabels = new Map(listClaims(db).map((c) => [c.id, c.kind === 'regular' ? '本月申报' : `补报 ${c.seq}`]));
  const bytes = await reconciliationWorkbook({ rec, institution: inst, month, claimLabels, today });
  return { name: `对账${month ? `-${month}` : ''}.xlsx`, bytes };
}
