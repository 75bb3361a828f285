import type { auditApi } from '../../../shared/api/audit';
import type { HandlersOf } from '../api/handlers';
import { storedHeads, verifyChain } from './auditChain';
import { auditFacets, listAuditPage } from './auditQuery';

export const auditHandlers: HandlersOf<typeof auditApi> = {
  'audit.list': (input, ctx) => listAuditPage(ctx.db, input),
  'audit.facets': (_input, ctx) => auditFacets(ctx.db),
  'audit.chain': (_input, ctx) => {
    // in one read transaction: the chain and the stored heads as of the same commit
    const r = ctx.db.transaction(() => verifyChain(ctx.db.raw, storedHeads(ctx.db.raw)));
    // the first row that breaks it, as ltc verify-audit names it; a missing trigger when no row does
    const first = r.problems.find((p) => p.id !== null) ?? r.problems[0] ?? null;
    return { rows: r.rows, lastId: r.lastId, problem: first };
  },
};
