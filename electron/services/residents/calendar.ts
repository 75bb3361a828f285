/**
 * 床日日历: each day of a month for one person, as the claim computes it. The day statuses come from
 * the timeline; whether an institutional day is billed, and why not, comes from the claim engine's own
 * institutional month (shared/claims/institutional.ts), so the calendar can never disagree with the
 * claim. Home-care days are paid by visit, not by day, so they carry no billing verdict here.
 */
import type { CalendarDay, ResidentCalendar } from '../../../shared/api/residents';
import { assessmentOn } from '../../../shared/claims/assessments';
import { institutionalMonth } from '../../../shared/claims/institutional';
import { ISSUE_TITLES, type IssueCode } from '../../../shared/claims/issueCodes';
import { messages } from '../../../shared/claims/messages';
import { residentFacts } from '../../../shared/claims/residentFacts';
import { stayMarksOfMonth } from '../../../shared/claims/stayMarks';
import { statusOn } from '../../../shared/claims/stayTimeline';
import { datesOfMonth, monthEnd } from '../../../shared/domain/dates';
import { idNumberProblem } from '../../../shared/domain/ids';
import type { Level, Month } from '../../../shared/domain/model';
import type { LtcDatabase } from '../db/database';
import { loadResidentPolicy } from './residentPolicy';
import { requireResident, toModel } from './residentRecord';

export function residentCalendar(db: LtcDatabase, id: number, month: Month): ResidentCalendar {
  const stored = requireResident(db, id);
  const policy = loadResidentPolicy(db);
  const { pack, prices } = policy;
  const resident = toModel(stored);
  const facts = residentFacts(resident, pack);
  const inst = institutionalMonth(facts, month, pack, prices);
  const billable = new Set(inst.line?.evidence && 'billable' in inst.line.evidence ? inst.line.evidence.billable : []);
  // A failing ID number keeps every record but gets no claim line (computeClaim.ts does the same).
  const idProblem = idNumberProblem(resident.idNumber, monthEnd(month));
  const notes: string[] = [];
  if (policy.view.fallback) notes.push(`机构尚未设置，暂按默认政策“${pack.title}”计算，价格表为空。请先完成机构设置。`);
  if (idProblem && billable.size > 0) notes.push(messages.badIdNumberResident(resident.name, resident.idNumber, idProblem));

  const dayReason = (date: string): CalendarDay['reason'] => {
    if (idProblem && billable.has(date)) return { code: 'BAD_ID_NUMBER', message: ISSUE_TITLES.BAD_ID_NUMBER };
    const issue = inst.issues.find((i) => i.date && i.date <= date && date <= (i.dateTo ?? i.date));
    return issue ? { code: issue.code as IssueCode, message: issue.message } : null;
  };

  const counts: ResidentCalendar['counts'] = { institutional: { present: 0, hospital: 0, leave: 0, billable: 0 }, home: { present: 0, hospital: 0, leave: 0 } };
  // admission, discharge and death days are labelled; whether they count is the timeline's (算入不算出)
  const marks = stayMarksOfMonth(resident.events, month);
  const days: CalendarDay[] = datesOfMonth(month).map((date) => {
    const seg = statusOn(facts.timeline, date);
    const level = assessmentOn(facts.periods, date)?.level ?? null;
    const mark = marks.get(date) ?? null;
    if (!seg) return { date, status: null, mode: null, level, billable: null, reason: null, mark };
    counts[seg.mode][seg.status]++;
    if (seg.mode === 'home') {
      return { date, status: seg.status, mode: 'home', level, billable: null, reason: null, mark };
    }
    const paid = billable.has(date) && !idProblem;
    if (paid) counts.institutional.billable++;
    return { date, status: seg.status, mode: 'institutional', level, billable: paid, reason: paid ? null : dayReason(date), mark };
  });
  const whole = inst.issues.find((i) => !i.date);
  if (whole) notes.push(whole.message);
  const homeDays = counts.home.present + counts.home.hospital + counts.home.leave;
  if (homeDays > 0) notes.push(`居家护理期间按上门服务记录结算，不按床日计费（本月居家服务期 ${homeDays} 天）。`);

  const l = idProblem ? null : inst.line;
  const line = l ? { level: l.level as Level, billableDays: l.billableDays, feeFen: l.feeFen, fundFen: l.fundFen, personalFen: l.personalFen } : null;
  return { month, days, counts, line, notes, policy: policy.view };
}
