import type { institutionApi } from '../../../shared/api/institution';
import type { Institution } from '../../../shared/domain/model';
import { listPolicyPacks } from '../../../shared/policy/registry';
import type { HandlersOf } from '../api/handlers';
import { getInstitution, saveInstitution } from './institutionService';

export const institutionHandlers: HandlersOf<typeof institutionApi> = {
  'institution.get': (_input, ctx) => getInstitution(ctx.db),
  'institution.save': (input, ctx) => saveInstitution(ctx.db, input as Institution, ctx.actor),
  'policy.list': () => listPolicyPacks().map((pack) => ({ id: pack.id, version: pack.version, title: pack.title, pack })),
};
