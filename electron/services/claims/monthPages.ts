/**
 * The month's claim as the 月度结算 screen reads it: its head and counts with claims.month, its lines
 * and issues a page at a time (a big month's are megabytes: sending them whole made every visit to the
 * screen copy ~3.5 MB to the window). The draft is computed once per state of the database and kept
 * for the pages that follow; any write, here or by another connection (the import worker), computes it
 * again.
 */
import type { ClaimHead, ClaimLineRow, IssueLinks, MonthCounts, MonthIssuesPage, MonthIssuesQuery, MonthLinesQuery } from '../../../shared/api/claims';
import type { Page } from '../../../shared/api/define';
import { ISSUE_CODES, ISSUE_SEVERITY, type Severity } from '../../../shared/claims/issueCodes';
import type { Claim, ClaimIssue, ClaimLine } from '../../../shared/claims/types';
import type { LtcDatabase } from '../db/database';
import { computeMonthClaimOffThread } from './claimOffThread';
import { claimsOfMonth, isSent } from './claimStore';

interface Kept {
  state: string;
  claim: Promise<Claim>;
}
const drafts = new WeakMap<LtcDatabase, Map<string, Kept>>();

/**
 * What this connection sees of the database, as a key: `data_version` changes when another connection
 * commits, `total_changes()` when this one writes. Equal keys, equal records, equal draft.
 */
function stateOf(db: LtcDatabase): string {
  const version = db.raw.pragma('data_version', { simple: true }) as number;
  const changes = db.raw.prepare('SELECT total_changes()').pluck().get() as number;
  return `${version}/${changes}`;
}

/** The frozen regular claim once submitted; otherwise the draft as the records stand now. */
export async function currentMonthClaim(db: LtcDatabase, month: string): Promise<{ claim: Claim; frozen: boolean }> {
  const regular = claimsOfMonth(db, month).find((c) => c.summary.kind === 'regular' && c.summary.status !== 'withdrawn') ?? null;
  if (regular && isSent(regular.summary)) return { claim: regular.claim, frozen: true };
  const byMonth = drafts.get(db) ?? new Map<string, Kept>();
  drafts.set(db, byMonth);
  const state = stateOf(db);
  let kept = byMonth.get(month);
  if (!kept || kept.state !== state) {
    kept = { state, claim: computeMonthClaimOffThread(db, month) };
    byMonth.set(month, kept);
    // a failed computation is not kept: the next call tries again
    kept.claim.catch(() => byMonth.delete(month));
  }
  return { claim: await kept.claim, frozen: false };
}

export function headOf(claim: Claim): ClaimHead {
  const { lines: _lines, issues: _issues, ...head } = claim;
  return head;
}

export function countsOf(claim: Claim): MonthCounts {
  const issues: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  const byCode = new Map<string, number>();
  for (const i of claim.issues) {
    issues[i.severity]++;
    byCode.set(i.code, (byCode.get(i.code) ?? 0) + 1);
  }
  const codes = ISSUE_CODES.filter((c) => byCode.has(c)).map((code) => ({ code, severity: ISSUE_SEVERITY[code], count: byCode.get(code)! }));
  return { lines: claim.lines.length, issues, codes };
}

const page = <T>(rows: readonly T[], q: { page?: number | undefined; pageSize?: number | undefined }): Page<T> => {
  const size = q.pageSize ?? 20;
  const start = ((q.page ?? 1) - 1) * size;
  return { rows: rows.slice(start, start + size), total: rows.length };
};

const byName = new Intl.Collator('zh-CN');

export async function monthLines(db: LtcDatabase, q: MonthLinesQuery): Promise<Page<ClaimLineRow>> {
  const { claim } = await currentMonthClaim(db, q.month);
  // ID numbers are stored with an upper-case X; people type either.
  const text = q.search?.trim().toUpperCase() ?? '';
  let rows = claim.lines.filter((l) => (!q.mode || l.mode === q.mode) && (!text || l.name.includes(text) || l.idNumber.includes(text)));
  if (q.sortField) {
    const field = q.sortField;
    const sign = q.sortOrder === 'descend' ? -1 : 1;
    const value = (l: ClaimLine): number => (field === 'name' ? 0 : (l[field] ?? 0));
    rows = [...rows].sort((a, b) => sign * (field === 'name' ? byName.compare(a.name, b.name) : value(a) - value(b)));
  }
  const shown = page(rows, q);
  return { total: shown.total, rows: shown.rows.map(({ evidence: _evidence, ...row }) => row) };
}

const haystack = (i: ClaimIssue): string =>
  [i.message, i.idNumber, i.visit, i.resident, i.staff, i.code, i.date, i.dateTo].filter(Boolean).join(' ').toUpperCase();

export async function monthIssues(db: LtcDatabase, q: MonthIssuesQuery): Promise<MonthIssuesPage> {
  const { claim } = await currentMonthClaim(db, q.month);
  const text = q.search?.trim().toUpperCase() ?? '';
  const rows = claim.issues.filter(
    (i) => (!q.severity || i.severity === q.severity) && (!q.code || i.code === q.code) && (!text || haystack(i).includes(text)),
  );
  const shown = page(rows, q);
  return { ...shown, links: linksOf(db, shown.rows) };
}

/** ref → id of the residents and staff the issues name: issues name refs; screens address records by id. */
function linksOf(db: LtcDatabase, issues: readonly ClaimIssue[]): IssueLinks {
  const ids = (table: 'residents' | 'staff', refs: (string | undefined)[]): Record<string, number> => {
    const wanted = [...new Set(refs.filter((r): r is string => !!r))];
    if (wanted.length === 0) return {};
    const rows = db.raw.prepare(`SELECT ref, id FROM ${table} WHERE ref IN (SELECT value FROM json_each(?))`).all(JSON.stringify(wanted)) as {
      ref: string;
      id: number;
    }[];
    return Object.fromEntries(rows.map((r) => [r.ref, r.id]));
  };
  return {
    residents: ids(
      'residents',
      issues.map((i) => i.resident),
    ),
    staff: ids(
      'staff',
      issues.map((i) => i.staff),
    ),
  };
}
