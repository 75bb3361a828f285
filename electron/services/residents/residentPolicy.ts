/**
 * The rules a resident's screens are judged by: the institution's pack and price list, or, before the
 * institution is set up, the default pack (so assessments and stays can be typed on day one) with an
 * empty price list. The screens say which (`fallback`).
 */
import type { ResidentPolicyView } from '../../../shared/api/residents';
import type { Prices } from '../../../shared/domain/model';
import type { PolicyPack } from '../../../shared/policy/pack';
import { DEFAULT_POLICY_ID, findPolicyPack } from '../../../shared/policy/registry';
import type { LtcDatabase } from '../db/database';
import { readInstitution } from '../dataset/institutionRows';

export interface ResidentPolicy {
  pack: PolicyPack;
  prices: Prices;
  view: ResidentPolicyView;
}

export function loadResidentPolicy(db: LtcDatabase): ResidentPolicy {
  const institution = readInstitution(db.raw);
  const own = institution ? findPolicyPack(institution.policy) : undefined;
  const pack = own ?? findPolicyPack(DEFAULT_POLICY_ID);
  if (!pack) throw new Error(`default policy pack ${DEFAULT_POLICY_ID} is missing`);
  return {
    pack,
    prices: own && institution ? institution.prices : {},
    view: {
      id: pack.id,
      title: pack.title,
      eligibleLevels: [...pack.eligibleLevels],
      benefitStart: pack.assessment.benefitStart,
      validityMonths: pack.assessment.validityMonths,
      fallback: !own,
    },
  };
}
