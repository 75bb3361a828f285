/**
 * The append-only audit trail: every write service and every export records one row here, in the
 * same transaction as the change it describes (so a rolled-back change leaves no audit row either).
 * The table's triggers refuse UPDATE and DELETE; this module only ever inserts.
 */
import type { AuditEntryView } from '../../../shared/api/audit';
import type { LtcDatabase } from '../db/database';
import { localTimestamp } from '../db/clock';
import { maskPersonalPair } from './personalFields';

/** A row of the audit_log table as SQLite returns it. */
export interface AuditDbRow {
  id: number;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entity_id: string | null;
  before_json: string | null;
  after_json: string | null;
}

export interface AuditEntry {
  /** who did it: the signed-in user's name, or `cli:<user>` for the command line */
  actor: string;
  /** a verb, e.g. `import`, `update`, `submit`, `export` */
  action: string;
  /** what kind of thing, e.g. `dataset`, `resident`, `claim` */
  entity: string;
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
}

/** A row read back: the view's identifying fields (shared/api/audit.ts), with the stored values still raw. */
export type AuditRow = Pick<AuditEntryView, 'id' | 'at' | 'actor' | 'action' | 'entity' | 'entityId'> & {
  before: unknown;
  after: unknown;
};

const INSERT_SQL = `INSERT INTO audit_log (at, actor, action, entity, entity_id, before_json, after_json)
  VALUES (?, ?, ?, ?, ?, ?, ?)`;

/** Appends one row and returns its id. */
export function recordAudit(db: LtcDatabase, entry: AuditEntry): number {
  // personal data kept to what the trail needs: masked ID numbers and phones, no address text (personalFields.ts)
  const [before, after] = maskPersonalPair(entry.before, entry.after);
  const info = db.raw
    .prepare(INSERT_SQL)
    .run(localTimestamp(), entry.actor, entry.action, entry.entity, entry.entityId == null ? null : String(entry.entityId), toJson(before), toJson(after));
  return Number(info.lastInsertRowid);
}

/** The trail, oldest first, optionally for one entity. */
export function listAudit(db: LtcDatabase, filter: { entity?: string; entityId?: string | number } = {}): AuditRow[] {
  const rows = db.raw
    .prepare(
      `SELECT id, at, actor, action, entity, entity_id, before_json, after_json FROM audit_log
       WHERE (@entity IS NULL OR entity = @entity) AND (@entityId IS NULL OR entity_id = @entityId)
       ORDER BY id`,
    )
    .all({ entity: filter.entity ?? null, entityId: filter.entityId == null ? null : String(filter.entityId) }) as AuditDbRow[];
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    actor: r.actor,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    before: r.before_json == null ? null : JSON.parse(r.before_json),
    after: r.after_json == null ? null : JSON.parse(r.after_json),
  }));
}

function toJson(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(value);
}
