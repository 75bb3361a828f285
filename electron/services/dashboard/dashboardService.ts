/**
 * 首页: what needs attention this month: assessments and certificates running out, unconfirmed visits,
 * the week's plans (one quick call), and the month's claim as it stands (its own call, computed off thread).
 */
import type { Dashboard, DashboardClaim } from '../../../shared/api/dashboard';
import { daysBetween, monthEnd, monthStart } from '../../../shared/domain/dates';
import { assessmentReminders, certificateExpiring } from '../../../shared/domain/reminders';
import { monthHasEnded } from '../../../shared/claims/claimWindow';
import { buildTimeline, statusOn } from '../../../shared/claims/stayTimeline';
import { claimToDate } from '../../../shared/claims/toDate';
import { findPolicyPack } from '../../../shared/policy/registry';
import { computeMonthClaimOffThread } from '../claims/claimOffThread';
import { claimsOfMonth, isSent } from '../claims/claimStore';
import { weekPlanVsDone } from '../carePlans/compare';
import type { LtcDatabase } from '../db/database';
import { readInstitution } from '../dataset/institutionRows';
import { readResidents, readStaff } from '../dataset/readRecords';

export function dashboard(db: LtcDatabase, month: string, today: string): Dashboard {
  const institution = readInstitution(db.raw);
  const pack = findPolicyPack(institution?.policy ?? 'ningbo-2022');
  const lead = pack?.reminderLeadDays ?? [60, 30, 7];
  const residents = readResidents(db.raw);
  const staff = readStaff(db.raw);
  const idOf = (refs: Map<number, string>) => new Map([...refs].map(([id, ref]) => [ref, id]));
  const residentIds = idOf(residents.refs);
  const staffIds = idOf(staff.refs);

  const assessmentsExpiring = pack
    ? assessmentReminders(residents.list, pack, today).map((a) => ({
        residentId: residentIds.get(a.resident.ref) ?? 0,
        name: a.resident.name,
        level: a.level,
        endsOn: a.endsOn,
        daysLeft: a.daysLeft,
      }))
    : [];
  const certificatesExpiring = staff.list
    .filter((s) => !s.employedTo || s.employedTo >= today)
    .flatMap((s) =>
      s.certificates
        .filter((c) => certificateExpiring(c, today, lead))
        .map((c) => ({
          staffId: staffIds.get(s.ref) ?? 0,
          name: s.name,
          certificateType: c.type,
          number: c.number,
          expiresOn: c.expiresOn ?? '',
          daysLeft: daysBetween(today, c.expiresOn ?? today),
        })),
    )
    .sort((a, b) => a.daysLeft - b.daysLeft);

  const range = { from: monthStart(month), to: `${monthEnd(month)}T23:59` };
  const visitCount = db.raw
    .prepare('SELECT COUNT(*) AS n, COALESCE(SUM(confirmed = 0), 0) AS unconfirmed FROM visits WHERE start_at >= @from AND start_at <= @to')
    .get(range) as { n: number; unconfirmed: number };

  return {
    month,
    today,
    institutionName: institution?.name ?? null,
    reminderLeadDays: lead,
    assessmentsExpiring,
    certificatesExpiring,
    unconfirmedVisits: visitCount.unconfirmed,
    counts: {
      residents: residents.list.length,
      inStay: residents.list.filter((r) => statusOn(buildTimeline(r.events), today)).length,
      staff: staff.list.filter((s) => !s.employedTo || s.employedTo >= today).length,
      visitsThisMonth: visitCount.n,
    },
    plansThisWeek: weekPlanVsDone(db.raw, today),
  };
}

/** The claim card of 首页: a submitted month shows what was submitted; an open one, the claim as the records stand now. */
export async function dashboardClaim(db: LtcDatabase, month: string, today: string): Promise<DashboardClaim | null> {
  if (!readInstitution(db.raw)) return null;
  const stored = claimsOfMonth(db, month).find((x) => x.summary.kind === 'regular' && isSent(x.summary));
  const c = stored ? stored.claim : await computeMonthClaimOffThread(db, month);
  const count = (s: string) => c.issues.filter((i) => i.severity === s).length;
  const projected = !stored && !monthHasEnded(month, today);
  return {
    status: stored?.summary.status === 'settled' ? 'settled' : stored ? 'submitted' : 'none',
    totals: c.totals,
    errors: count('error'),
    warnings: count('warning'),
    infos: count('info'),
    projected,
    toDate: projected ? claimToDate(c, today) : null,
  };
}
