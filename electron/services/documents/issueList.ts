/**
 * The claim's issues as the institution reads them on paper (问题清单.pdf) and the one count the signed
 * summary keeps of them: no issue code, no record ref (a visit is named by its day and time), ID
 * numbers masked.
 */
import type { ClaimIssue } from '../../../shared/claims/types';
import { maskIdNumber } from '../../../shared/domain/ids';
import { shortDate, timeOf } from './format';
import type { PackageData } from './packageData';

/**
 * 未计入本次申报的记录: the bed-days and visits of the month that an issue kept out of the claim. A day
 * is one an error names (a run of days counts each day, one person's day once); a visit is one an error
 * or a warning names (an unconfirmed visit, a visit over a per-visit limit). Days that are simply not
 * billable (hospital, leave: 提示) and minutes over an hourly quota (no one visit) are not records kept out.
 */
export function unclaimedRecords(issues: readonly ClaimIssue[]): number {
  const days = new Set<string>();
  const visits = new Set<string>();
  for (const i of issues) {
    if (i.visit) {
      if (i.severity !== 'info') visits.add(i.visit);
    } else if (i.date && i.severity === 'error') {
      const who = i.idNumber ?? i.resident ?? '';
      for (const d of daysOf(i.date, i.dateTo ?? i.date)) days.add(`${who} ${d}`);
    }
  }
  return days.size + visits.size;
}

function daysOf(from: string, to: string): string[] {
  const out: string[] = [];
  const d = new Date(`${from}T00:00:00Z`);
  const end = new Date(`${to}T00:00:00Z`);
  while (d <= end && out.length < 400) {
    out.push(d.toISOString().slice(0, 10));
    d.setUTCDate(d.getUTCDate() + 1);
  }
  return out;
}

/** `10-16 09:00—09:20`: how a visit is named where its ref would mean nothing. */
export function visitLabel(data: PackageData, ref: string): string | null {
  const v = data.visitsByRef.get(ref);
  return v ? `${shortDate(v.start.slice(0, 10))} ${timeOf(v.start)}—${timeOf(v.end)}` : null;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The issue's message with every visit ref it names replaced by the visit's day and time (`上门服务
 * v002066（2026-10-16）` → `上门服务（10-16 09:00—09:20）`). Refs are replaced only where the messages
 * put them, so a masked ID number's X, a date or a level is never touched.
 */
export function plainMessage(data: PackageData, issue: ClaimIssue): string {
  let text = issue.message;
  const refs = [...new Set(text.match(/[A-Za-z0-9_.:-]+/g) ?? [])].filter((t) => data.visitsByRef.has(t));
  for (const ref of refs.sort((a, b) => b.length - a.length)) {
    const label = visitLabel(data, ref) ?? '';
    // the messages set a ref apart with a space (or 、 in a list of refs): a number elsewhere (4级) is never one
    text = text.replace(new RegExp(`([ 、])${escape(ref)}(?=$|[ （、，])(（[0-9-]+）)?`, 'g'), (_m, pre: string) => `${pre}（${label}）`);
  }
  // the medical items a nurse must do are listed as `code name`: the name says it (the codes are the catalogue's)
  if (issue.code === 'NURSE_REQUIRED') text = text.replace(/([（、])[A-Za-z0-9_-]+ (?=\p{Script=Han})/gu, '$1');
  // "上门服务 （…）": the space that stood before the ref goes with it
  return text.replace(/ （/g, '（');
}

/** Who the issue is about: the person's name and masked ID number, or the staff member's name. */
export function issueWho(data: PackageData, issue: ClaimIssue): string {
  const resident = issue.resident ? data.residents.get(issue.resident) : undefined;
  const line = issue.idNumber ? data.claim.lines.find((l) => l.idNumber === issue.idNumber) : undefined;
  const name = resident?.name ?? line?.name;
  const id = issue.idNumber ?? resident?.idNumber;
  if (name) return id ? `${name}（${maskIdNumber(id)}）` : name;
  const staff = issue.staff ? data.staff.get(issue.staff) : undefined;
  if (staff) return `员工 ${staff.name}`;
  return id ? maskIdNumber(id) : '—';
}

/** When: the visit's day and time, a run of days, one day, or the month. */
export function issueWhen(data: PackageData, issue: ClaimIssue): string {
  if (issue.visit) return visitLabel(data, issue.visit) ?? (issue.date ? shortDate(issue.date) : '—');
  if (issue.date) return issue.dateTo && issue.dateTo !== issue.date ? `${shortDate(issue.date)} 至 ${shortDate(issue.dateTo)}` : shortDate(issue.date);
  return '本月';
}
