/** The addresses that fix a claim issue: shared/claims/issueFixes.ts says which record, this says where it is on screen. */
import { ISSUE_FIXES, type ResidentTab, type StaffPlace } from '../../../../shared/claims/issueFixes';
import type { ClaimIssue } from '../../../../shared/claims/types';
import { monthEnd, monthStart } from '../../../../shared/domain/dates';

export type { ResidentTab, StaffPlace };

export interface FixLink {
  kind: 'visit' | 'resident' | 'staff' | 'clientVisits' | 'institution';
  to: string;
  /** which part of the record: a resident tab or a staff place */
  place?: ResidentTab | StaffPlace;
}

const visitsOf = (key: 'resident' | 'staff', id: number, from: string, to: string) => `/visits?${key}=${id}&from=${from}&to=${to}`;

/** The links of one issue, in the order shown. `links`: record ids behind the refs (MonthView['links']). */
export function fixLinks(i: ClaimIssue, links: { residents: Record<string, number>; staff: Record<string, number> }): FixLink[] {
  const fix = ISSUE_FIXES[i.code] ?? {};
  const month = i.date?.slice(0, 7);
  const out: FixLink[] = [];
  // The visits list reads its search from `q` (useVisitFilters); a visit ref finds exactly that visit.
  if (fix.visit && i.visit) out.push({ kind: 'visit', to: `/visits?q=${encodeURIComponent(i.visit)}` });
  const residentId = i.resident ? links.residents[i.resident] : undefined;
  if (fix.resident && residentId !== undefined) {
    const query = new URLSearchParams({ tab: fix.resident });
    if (fix.resident === 'calendar' && month) query.set('month', month);
    out.push({ kind: 'resident', to: `/residents/${residentId}?${query.toString()}`, place: fix.resident });
  }
  if (fix.clientVisits && !i.visit && residentId !== undefined && month) {
    out.push({ kind: 'clientVisits', to: visitsOf('resident', residentId, monthStart(month), monthEnd(month)) });
  }
  const staffId = i.staff ? links.staff[i.staff] : undefined;
  if (fix.staff && staffId !== undefined) {
    if (fix.staff === 'visits') {
      if (i.date) out.push({ kind: 'staff', to: visitsOf('staff', staffId, i.date, i.date), place: 'visits' });
    } else out.push({ kind: 'staff', to: `/staff/${staffId}${fix.staff === 'certificates' ? '?focus=certificates' : ''}`, place: fix.staff });
  }
  if (fix.institution) out.push({ kind: 'institution', to: '/settings/institution' });
  return out;
}
