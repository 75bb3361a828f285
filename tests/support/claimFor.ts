import { computeClaim, type ClaimRecords } from '../../shared/claims/computeClaim';
import type { Claim } from '../../shared/claims/types';
import { findCatalogue, findPolicyPack } from '../../shared/policy/registry';

/** The claim of a month for a dataset, under its own pack (or another by id). */
export function claimFor(records: ClaimRecords, month: string, packId?: string): Claim {
  const pack = findPolicyPack(packId ?? records.institution.policy);
  if (!pack) throw new Error(`no pack ${packId ?? records.institution.policy}`);
  const catalogue = findCatalogue(pack.catalogue);
  if (!catalogue) throw new Error(`no catalogue ${pack.catalogue}`);
  return computeClaim({ month, records, pack, catalogue });
}
