/** 审计日志: who changed what and when, read-only (owned by the audit feature). */
import { z } from 'zod';
import { listQuery, localDate, method, noInput, type Page } from './define';

export const auditListQuery = listQuery.extend({
  /** entries made on or after this local date */
  from: localDate.optional(),
  /** entries made on or before this local date */
  to: localDate.optional(),
  actor: z.string().max(100).optional(),
  action: z.string().max(40).optional(),
  entity: z.string().max(40).optional(),
});
export type AuditListQuery = z.input<typeof auditListQuery>;

/** One changed field, its values already made readable (ID numbers masked, yes/no, lists joined). */
export interface AuditChange {
  /** where in the record, e.g. `items`, `checkIn.lat`, `certificates[0].expiresOn` */
  path: string;
  before: string | null;
  after: string | null;
}

export interface AuditEntryView {
  id: number;
  /** local timestamp with its offset, `2026-10-02T09:00:00.123+08:00` */
  at: string;
  actor: string;
  action: string;
  entity: string;
  entityId: string | null;
  /** what the record is called, from its contents: a visit's ref and client, a person's name, a file */
  subject: string | null;
  /** before → after, field by field: every field for a creation or deletion, the changed ones otherwise */
  changes: AuditChange[];
  /** more changes than are listed */
  truncated: boolean;
}

export interface AuditFacets {
  actors: string[];
  actions: string[];
  entities: string[];
}

/** Whether the trail is as it was written (its hash chain, decisions.md D33), as `ltc verify-audit` says. */
export interface AuditChainView {
  /** rows in the trail */
  rows: number;
  /** the last row's id; null for an empty trail */
  lastId: number | null;
  /** the first thing that breaks the chain, in Chinese; null when the trail is whole */
  problem: { id: number | null; kind: string; detail: string } | null;
}

export const auditApi = {
  /** Newest first. `search` looks in the actor, the record's id and the before/after contents. */
  'audit.list': method(auditListQuery).returns<Page<AuditEntryView>>(),
  /** The actors, actions and entities the trail holds, for the filters. */
  'audit.facets': method(noInput).returns<AuditFacets>(),
  /** The hash chain checked against the heads stored with the submissions: whole, or the first broken row. */
  'audit.chain': method(noInput).returns<AuditChainView>(),
};
