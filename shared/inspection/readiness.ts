/**
 * 检查准备: the board of what inspectors check (DOMAIN.md §10), one row per check, each 合格 / 需关注 /
 * 不合格 (or 暂无数据 where the product does not hold the data yet) with the records behind it, and a
 * score out of 100 weighted by the settings. Pure: the services gather the facts of a month.
 */
import type { CheckItem, CheckRow, CheckStatus } from '../api/inspection';
import type { IssueCode } from '../claims/issueCodes';
import type { Claim, ClaimIssue, InstitutionalEvidence } from '../claims/types';
import { addMonthsToMonth } from '../domain/dates';
import type { LocalDate, Staff } from '../domain/model';
import { formatYuan } from '../domain/money';
import type { AuditVisit } from './selfAuditTypes';
import { CHECK_IDS, type CheckId } from './settings';

export const CHECK_TITLES: Record<CheckId, string> = {
  assessments: '评估结论有效',
  certificates: '护理人员证书有效',
  nurseItems: '医疗护理项目由护士完成',
  records: '服务记录完整',
  overlaps: '服务时间无重叠',
  duration: '服务时长达标',
  bedDays: '结算床日与在住记录一致',
  excludedDays: '住院、请假、死亡日未结算',
  staffEmployed: '服务人员在职',
  rota: '排班人员在职持证',
  onTime: '按时申报',
  deductions: '经办机构扣款（近12个月）',
  copay: '个人自付已收取',
  selfAudit: '自查发现已核实',
};

/** Checks whose data the product does not hold yet: shown as 暂无数据 with why, never scored. */
export const NO_DATA: Partial<Record<CheckId, string>> = {
  rota: '本月没有排班记录：在“排班”中排好本月的班后，这里核对排班人员当天在职且持有岗位要求的证书。上门服务人员的证书见“护理人员证书有效”。',
  copay: '本软件没有个人自付部分的收费记录，暂无法核对是否已收取。',
};

export interface ReadinessFacts {
  month: string;
  today: LocalDate;
  /** the month's claim as the records stand now */
  now: Claim;
  /** what was claimed (the live regular claim once submitted) and its 补报 */
  sent: Claim | null;
  supplements: Claim[];
  /** the month's visits, and those with no service item */
  visits: AuditVisit[];
  noItems: ReadonlySet<string>;
  staff: readonly Staff[];
  /**
   * the months of the 12 up to `month` from the first month this program holds a claim for (months before
   * it were filed elsewhere): when each regular claim was submitted
   */
  submissions: { month: string; submittedAt: string | null }[];
  onTimeDay: number;
  /** agency results over the 12 months that took money off (扣款, 拒付) */
  deductions: { month: string; name: string; resident?: string; result: 'deducted' | 'rejected'; deductedFen: number; reason: string }[];
  /** self-audit hits of the month not yet marked 已核实（正常） */
  newHits: CheckItem[];
  /**
   * the month's rota as stored (排班, shared/rota/checks.ts judged it): how many of its cells are work shifts,
   * and the cells whose person is not employed that day or lacks the certificate the shift's post needs;
   * null when the month has no rota
   */
  rota: { shifts: number; unfit: CheckItem[] } | null;
  weights: Record<CheckId, number>;
}

const LIMIT = 200;
const issueItem = (i: ClaimIssue): CheckItem => ({ text: i.message, resident: i.resident, staff: i.staff, visit: i.visit, date: i.date, code: i.code });
const issuesOf = (c: Claim, codes: readonly IssueCode[]) => c.issues.filter((i) => codes.includes(i.code));

function row(id: CheckId, status: CheckStatus, count: number | null, summary: string, items: CheckItem[], weights: Record<CheckId, number>): CheckRow {
  return { id, title: CHECK_TITLES[id], status, count, summary, items: items.slice(0, LIMIT), itemsTotal: items.length, weight: weights[id] };
}

/** A check made of claim issues: 不合格 on any error, 需关注 on warnings only. */
function fromIssues(f: ReadinessFacts, id: CheckId, codes: readonly IssueCode[], ok: string, found: (n: number) => string): CheckRow {
  const issues = issuesOf(f.now, codes);
  const status: CheckStatus = issues.some((i) => i.severity === 'error') ? 'fail' : issues.length > 0 ? 'attention' : 'pass';
  return row(id, status, issues.length, issues.length === 0 ? ok : found(issues.length), issues.map(issueItem), f.weights);
}

function records(f: ReadinessFacts): CheckRow {
  const items: CheckItem[] = [];
  let unconfirmed = 0;
  let noPlace = 0;
  let noItems = 0;
  for (const v of f.visits) {
    const gaps: string[] = [];
    if (f.noItems.has(v.ref)) {
      noItems++;
      gaps.push('没有服务项目');
    }
    if (!v.confirmed) {
      unconfirmed++;
      gaps.push('未签字确认');
    }
    if (!v.checkIn) {
      noPlace++;
      gaps.push('没有签到位置');
    }
    if (gaps.length > 0)
      items.push({
        text: `服务记录 ${v.ref}（${v.start.replace('T', ' ')}）${gaps.join('、')}`,
        resident: v.resident,
        staff: v.staff,
        visit: v.ref,
        date: v.start.slice(0, 10),
      });
  }
  const status: CheckStatus = noItems > 0 ? 'fail' : items.length > 0 ? 'attention' : 'pass';
  const summary =
    f.visits.length === 0
      ? '本月没有上门服务记录。'
      : items.length === 0
        ? `本月 ${f.visits.length} 条上门服务记录的时间、护理人员、服务项目、签字确认和签到位置齐全。`
        : `本月 ${f.visits.length} 条记录中：没有服务项目 ${noItems} 条，未签字确认 ${unconfirmed} 条，没有签到位置 ${noPlace} 条。`;
  return row('records', status, items.length, summary, items, f.weights);
}

/** Claimed institutional days, per resident, over the sent claim and its 补报. */
function claimedDays(f: ReadinessFacts): Map<string, { name: string; days: Set<string> }> {
  const out = new Map<string, { name: string; days: Set<string> }>();
  for (const c of f.sent ? [f.sent, ...f.supplements] : []) {
    for (const l of c.lines) {
      if (l.mode !== 'institutional') continue;
      const e = out.get(l.resident) ?? { name: l.name, days: new Set<string>() };
      for (const d of (l.evidence as InstitutionalEvidence).billable) e.days.add(d);
      out.set(l.resident, e);
    }
  }
  return out;
}

function nowEvidence(f: ReadinessFacts): Map<string, InstitutionalEvidence> {
  return new Map(f.now.lines.filter((l) => l.mode === 'institutional').map((l) => [l.resident, l.evidence as InstitutionalEvidence]));
}

function bedDays(f: ReadinessFacts): CheckRow {
  if (!f.sent) return row('bedDays', 'pass', 0, `${f.month} 尚未申报：草稿按当前在住记录计算床日，二者一致。申报后在此核对已申报的床日与记录。`, [], f.weights);
  const now = nowEvidence(f);
  const items: CheckItem[] = [];
  let over = 0;
  let under = 0;
  const claimed = claimedDays(f);
  for (const [resident, c] of claimed) {
    const billable = new Set(now.get(resident)?.billable ?? []);
    const extra = [...c.days].filter((d) => !billable.has(d)).length;
    const missing = [...billable].filter((d) => !c.days.has(d)).length;
    if (extra > 0) {
      over++;
      items.push({ text: `${c.name}：已申报 ${c.days.size} 个床日，按现有记录只应结算 ${billable.size} 个（多 ${extra} 个）`, resident });
    } else if (missing > 0) {
      under++;
      items.push({ text: `${c.name}：已申报 ${c.days.size} 个床日，按现有记录应结算 ${billable.size} 个（可补报 ${missing} 个）`, resident });
    }
  }
  for (const l of f.now.lines) {
    if (l.mode === 'institutional' && !claimed.has(l.resident)) {
      under++;
      items.push({ text: `${l.name}：未申报，按现有记录应结算 ${l.billableDays} 个床日`, resident: l.resident });
    }
  }
  const status: CheckStatus = over > 0 ? 'fail' : under > 0 ? 'attention' : 'pass';
  const summary =
    items.length === 0 ? '已申报的床日与现有在住记录逐日一致。' : `已申报床日多于记录 ${over} 人（需退回或更正），少于记录 ${under} 人（可补报）。`;
  return row('bedDays', status, items.length, summary, items, f.weights);
}

function excludedDays(f: ReadinessFacts): CheckRow {
  const items: CheckItem[] = issuesOf(f.now, ['AFTER_DEATH']).map(issueItem);
  const now = nowEvidence(f);
  for (const [resident, c] of claimedDays(f)) {
    const e = now.get(resident);
    const hospital = new Set(e?.hospital ?? []);
    const leave = new Set(e?.leave ?? []);
    const billable = new Set(e?.billable ?? []);
    for (const d of [...c.days].sort()) {
      if (billable.has(d)) continue;
      const what = hospital.has(d) ? '住院日' : leave.has(d) ? '请假日' : '不在住（出院或死亡后）';
      items.push({ text: `${c.name} ${d} 已按床日申报，按现有记录为${what}`, resident, date: d });
    }
  }
  const inMonth = f.now.lines.reduce(
    (n, l) => (l.mode === 'institutional' ? n + (l.evidence as InstitutionalEvidence).hospital.length + (l.evidence as InstitutionalEvidence).leave.length : n),
    0,
  );
  const summary =
    items.length === 0 ? `本月住院、请假日共 ${inMonth} 天，均未计入结算；没有死亡后的服务。` : `${items.length} 处住院、请假或死亡后的日期被结算或记有服务。`;
  return row('excludedDays', items.length > 0 ? 'fail' : 'pass', items.length, summary, items, f.weights);
}

function staffEmployed(f: ReadinessFacts): CheckRow {
  const staff = new Map(f.staff.map((s) => [s.ref, s]));
  const items: CheckItem[] = [];
  for (const v of f.visits) {
    const s = staff.get(v.staff);
    const d = v.start.slice(0, 10);
    if (!s || (s.employedFrom && d < s.employedFrom) || (s.employedTo && d > s.employedTo)) {
      const when = s?.employedTo && d > s.employedTo ? `已于 ${s.employedTo} 离职` : s?.employedFrom ? `${s.employedFrom} 才入职` : '不在员工名单';
      items.push({ text: `服务记录 ${v.ref}（${d}）的护理人员${s ? s.name : v.staff}${when}`, staff: v.staff, visit: v.ref, date: d });
    }
  }
  const summary =
    items.length === 0
      ? `本月上门服务的护理人员在服务当天均在职（${new Set(f.visits.map((v) => v.staff)).size} 人）。`
      : `${items.length} 条服务记录的护理人员当天不在职。`;
  return row('staffEmployed', items.length > 0 ? 'fail' : 'pass', items.length, summary, items, f.weights);
}

/** The deadline of a month's claim: the `onTimeDay` of the next month. */
export const deadlineOf = (month: string, onTimeDay: number): LocalDate => `${addMonthsToMonth(month, 1)}-${String(onTimeDay).padStart(2, '0')}`;

function onTime(f: ReadinessFacts): CheckRow {
  if (f.submissions.length === 0) return row('onTime', 'nodata', null, '尚未在本软件中申报过：从第一次申报的月份起核对是否按时申报。', [], f.weights);
  const items: CheckItem[] = [];
  let late = 0;
  let missing = 0;
  let due = 0;
  for (const s of f.submissions) {
    const deadline = deadlineOf(s.month, f.onTimeDay);
    const on = s.submittedAt?.slice(0, 10) ?? null;
    if (on === null && f.today <= deadline) continue;
    due++;
    if (on === null) {
      missing++;
      items.push({ text: `${s.month} 未申报（截止 ${deadline}）` });
    } else if (on > deadline) {
      late++;
      items.push({ text: `${s.month} 于 ${on} 申报，晚于截止日 ${deadline}` });
    }
  }
  const status: CheckStatus = missing > 0 ? 'fail' : late > 0 ? 'attention' : 'pass';
  const summary =
    due === 0
      ? '近12个月没有已到截止日的申报。'
      : items.length === 0
        ? `近12个月已到截止日的 ${due} 个月均按时申报（次月 ${f.onTimeDay} 日前）。`
        : `近12个月：未申报 ${missing} 个月，逾期申报 ${late} 个月（截止为次月 ${f.onTimeDay} 日）。`;
  return row('onTime', status, items.length, summary, items, f.weights);
}

function deductions(f: ReadinessFacts): CheckRow {
  const items = f.deductions.map((d): CheckItem => ({
    text: `${d.month} ${d.name}：${d.result === 'rejected' ? '拒付' : '扣款'} ${formatYuan(d.deductedFen)} 元，原因：${d.reason}`,
    resident: d.resident,
  }));
  const fen = f.deductions.reduce((s, d) => s + d.deductedFen, 0);
  const summary =
    items.length === 0 ? '近12个月经办机构没有扣款或拒付。' : `近12个月经办机构扣款、拒付 ${items.length} 笔，共 ${formatYuan(fen)} 元（原因见下方统计）。`;
  return row('deductions', items.length > 0 ? 'attention' : 'pass', items.length, summary, items, f.weights);
}

/** 排班人员在职持证: every work shift of the month's rota staffed by someone employed and certified that day. */
function rota(f: ReadinessFacts): CheckRow | undefined {
  if (!f.rota || f.rota.shifts === 0) return undefined;
  const n = f.rota.unfit.length;
  const summary =
    n === 0 ? `本月排班的 ${f.rota.shifts} 个班次，排班人员当天都在职并持有岗位要求的有效证书。` : `${n} 个班次的排班人员当天不在职或没有岗位要求的有效证书。`;
  return row('rota', n > 0 ? 'fail' : 'pass', n, summary, f.rota.unfit, f.weights);
}

export function readinessChecks(f: ReadinessFacts): CheckRow[] {
  const built: Partial<Record<CheckId, CheckRow>> = {
    assessments: fromIssues(
      f,
      'assessments',
      ['NO_ASSESSMENT', 'LEVEL_NOT_ELIGIBLE', 'ASSESSMENT_EXPIRING'],
      '本月结算的每一位服务对象在每个计费日都有有效评估。',
      (n) => `${n} 处评估问题：无有效评估、等级不在支付范围或即将到期。`,
    ),
    certificates: fromIssues(
      f,
      'certificates',
      ['CERT_INVALID'],
      '每条上门服务的护理人员当天都持有有效证书。',
      (n) => `${n} 条上门服务的护理人员当天没有有效证书。`,
    ),
    nurseItems: fromIssues(
      f,
      'nurseItems',
      ['NURSE_REQUIRED'],
      '医疗护理项目均由持有效护士执业证书的人员完成。',
      (n) => `${n} 条服务中的医疗护理项目不是护士完成的。`,
    ),
    records: records(f),
    overlaps: fromIssues(f, 'overlaps', ['VISIT_OVERLAP'], '没有同一护理人员时间重叠的服务。', (n) => `${n} 处同一护理人员的服务时间重叠。`),
    duration: fromIssues(f, 'duration', ['VISIT_TOO_SHORT'], '没有短于最低服务时长的上门服务。', (n) => `${n} 条上门服务短于最低服务时长。`),
    bedDays: bedDays(f),
    excludedDays: excludedDays(f),
    staffEmployed: staffEmployed(f),
    rota: rota(f),
    onTime: onTime(f),
    deductions: deductions(f),
    selfAudit: row(
      'selfAudit',
      f.newHits.length > 0 ? 'attention' : 'pass',
      f.newHits.length,
      f.newHits.length === 0 ? '本月自查没有未核实的发现。' : `本月自查有 ${f.newHits.length} 条发现尚未核实。`,
      f.newHits,
      f.weights,
    ),
  };
  return CHECK_IDS.map((id) => built[id] ?? row(id, 'nodata', null, NO_DATA[id] ?? '暂无数据', [], f.weights));
}

const FACTOR: Record<Exclude<CheckStatus, 'nodata'>, number> = { pass: 1, attention: 0.5, fail: 0 };

/**
 * Out of 100: each check with data counts by its weight, fully when 合格, half when 需关注, not at all
 * when 不合格; checks without data (暂无数据) and checks weighted 0 are left out of the total.
 */
export function readinessScore(checks: readonly CheckRow[]): number {
  let got = 0;
  let max = 0;
  for (const c of checks) {
    if (c.status === 'nodata' || c.weight <= 0) continue;
    max += c.weight;
    got += c.weight * FACTOR[c.status];
  }
  return max === 0 ? 100 : Math.round((got * 100) / max);
}
