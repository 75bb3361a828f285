/**
 * A month's claim from the database: load the month's records, pick the institution's pack and
 * catalogue, and hand plain data to the pure engine in shared/claims.
 */
import { computeClaim, judgesWeekBefore, type ClaimRecords } from '../../../shared/claims/computeClaim';
import type { Claim } from '../../../shared/claims/types';
import { isValidMonth } from '../../../shared/domain/dates';
import { findCatalogue, findPolicyPack } from '../../../shared/policy/registry';
import type { LtcDatabase } from '../db/database';
import { readInstitution } from '../dataset/institutionRows';
import { loadClaimFacts } from '../dataset/loadMonth';
import { InputError } from '../errors';

export function computeMonthClaim(db: LtcDatabase, month: string): Claim {
  if (!isValidMonth(month)) throw new InputError(`月份“${month}”格式不对，请写成 YYYY-MM，例如 2026-10`, [{ path: 'month', message: '应为 YYYY-MM' }]);
  return db.transaction(() => {
    // The pack first (when the institution names a known one): it decides whether the week before
    // the month is read whole (per-visit weekly limits) or only for overlaps (judgesWeekBefore).
    const policy = readInstitution(db.raw)?.policy;
    const known = policy === undefined ? undefined : findPolicyPack(policy);
    const records = loadClaimFacts(db, month, { weekBefore: !known || judgesWeekBefore(known) });
    return claimOf(month, records);
  });
}

function claimOf(month: string, records: ClaimRecords): Claim {
  const pack = findPolicyPack(records.institution.policy);
  if (!pack) throw new InputError(`机构设置的政策包“${records.institution.policy}”不存在，请在机构设置中重新选择政策包`);
  const catalogue = findCatalogue(pack.catalogue);
  if (!catalogue) throw new InputError(`政策包“${pack.id}”使用的服务项目目录“${pack.catalogue}”不存在`);
  return computeClaim({ month, records, pack, catalogue });
}
