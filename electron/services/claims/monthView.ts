/**
 * What the 月度结算 screen shows of a month: the claim as it stands (recomputed, or frozen once
 * submitted), its stored claims (regular, 补报, withdrawn ones as history) with their files and last
 * 校验, and why 申报, 补报 or 撤回 cannot be done now, decided here by the same rules the services
 * apply when they are asked to, so the screen disables a button with the reason instead of failing later.
 */
import type { ClaimSummary, MonthView, StoredClaimView, SupplementaryView, SupplementPreview } from '../../../shared/api/claims';
import { monthNotEndedReason } from '../../../shared/claims/claimWindow';
import { totalsOf } from '../../../shared/claims/computeClaim';
import { supplementaryClaim } from '../../../shared/claims/supplementary';
import type { LocalDate } from '../../../shared/domain/model';
import type { LtcDatabase } from '../db/database';
import { readInstitution } from '../dataset/institutionRows';
import { InputError } from '../errors';
import { computeMonthClaimOffThread } from './claimOffThread';
import { claimsOfMonth, isSent, listClaimFiles, type StoredClaim } from './claimStore';
import { notYetSubmitted, nothingToSupplement } from './lifecycle';
import { lastVerifications } from './verification';
import { countsOf, currentMonthClaim, headOf } from './monthPages';
import { withdrawRefusal } from './withdraw';

export const NO_INSTITUTION = '请先完成机构设置：结算需要机构名称、定点机构编码、政策包和价格表（设置 › 机构设置）。';

function requireInstitution(db: LtcDatabase): void {
  if (!readInstitution(db.raw)) throw new InputError(NO_INSTITUTION);
}

function storedViews(db: LtcDatabase, claims: readonly StoredClaim[]): StoredClaimView[] {
  const verified = lastVerifications(
    db,
    claims.map((c) => c.summary.id),
  );
  return claims.map((c) => ({ ...c.summary, files: listClaimFiles(db, c.summary.id), verification: verified.get(c.summary.id) ?? null }));
}

export async function monthView(db: LtcDatabase, month: string, today: LocalDate): Promise<MonthView> {
  requireInstitution(db);
  const all = claimsOfMonth(db, month);
  const regular = all.find((c) => c.summary.kind === 'regular' && c.summary.status !== 'withdrawn') ?? null;
  const { claim, frozen } = await currentMonthClaim(db, month);
  const [view] = regular && frozen ? storedViews(db, [regular]) : [];
  return {
    month,
    today,
    regular: regular?.summary ?? null,
    supplementary: all.filter((c) => c.summary.kind === 'supplementary' && c.summary.status !== 'withdrawn').map((c) => c.summary),
    withdrawn: storedViews(
      db,
      all.filter((c) => c.summary.status === 'withdrawn'),
    ),
    claim: headOf(claim),
    counts: countsOf(claim),
    locked: frozen,
    files: view?.files ?? [],
    verification: view?.verification ?? null,
    submitBlocked: frozen ? null : monthNotEndedReason(month, today),
    withdrawBlocked: regular && frozen ? withdrawRefusal(db, regular.summary) : null,
  };
}

/** The month's 补报 that stand, with their files, last 校验 and whether each may be withdrawn. */
export function supplementaryViews(db: LtcDatabase, month: string): SupplementaryView[] {
  const live = claimsOfMonth(db, month).filter((c) => c.summary.kind === 'supplementary' && c.summary.status !== 'withdrawn');
  return storedViews(db, live).map((v) => ({ ...v, withdrawBlocked: withdrawRefusal(db, v as ClaimSummary) }));
}

/** What 补报 would add now, and its errors; or why it cannot be made (the same refusals as lifecycle.ts). */
export async function supplementPreview(db: LtcDatabase, month: string, today: LocalDate): Promise<SupplementPreview> {
  requireInstitution(db);
  const sent = claimsOfMonth(db, month).filter((c) => isSent(c.summary));
  const none = { month, totals: totalsOf([]), lines: 0, errors: 0 };
  if (!sent.some((c) => c.summary.kind === 'regular')) return { ...none, blocked: notYetSubmitted(month) };
  const notEnded = monthNotEndedReason(month, today, '补报');
  if (notEnded) return { ...none, blocked: notEnded };
  const extra = supplementaryClaim(
    await computeMonthClaimOffThread(db, month),
    sent.map((c) => c.claim),
  );
  return {
    month,
    blocked: extra.lines.length === 0 ? nothingToSupplement(month) : null,
    totals: extra.totals,
    lines: extra.lines.length,
    errors: extra.issues.filter((i) => i.severity === 'error').length,
  };
}
