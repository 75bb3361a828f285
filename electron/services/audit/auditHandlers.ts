import type { auditApi } from '../../../shared/api/audit';
import type { HandlersOf } from '../api/handlers';
import { auditFacets, listAuditPage } from './auditQuery';

export const auditHandlers: HandlersOf<typeof auditApi> = {
  'audit.list': (input, ctx) => listAuditPage(ctx.db, input),
  'audit.facets': (_input, ctx) => auditFacets(ctx.db),
};
