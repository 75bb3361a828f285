/**
 * The append-only audit trail: every write service and every export records one row here, in the
 * same transaction as the change it describes (so a rolled-back change leaves no audit row either).
 * The table's triggers refuse UPDATE and DELETE; this module only ever inserts, and every row is a link
 * of a hash chain (auditChain.ts, decisions.md D33): nothing else may insert into audit_log.
 */
import type { AuditEntryView } from '../../../shared/api/audit';
import type { LtcDatabase } from '../db/database';
import { localTimestamp } from '../db/clock';
import { ensureHashFunction, HASH_FUNCTION } from './auditChain';
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

/**
 * One statement reads the chain's head and appends the next link. An INSERT takes the write lock before
 * it reads anything, so the head it reads is the newest one of the file even with another process (the
 * command line beside the window) writing: two rows can never name the same predecessor, the chain cannot
 * fork. (Separate SELECT and INSERT in a deferred transaction could read a head another connection then
 * extends.) The id is the one AUTOINCREMENT would give, named here because the hash covers it. The time
 * is never earlier than the previous row's: a clock set back must not make the trail look forged (a time
 * going backwards is how verifyChain recognises a row inserted afterwards with a past time).
 */
const INSERT_SQL = `INSERT INTO audit_log (id, at, actor, action, entity, entity_id, before_json, after_json, prev_hash, hash)
  SELECT n.id, n.at, @actor, @action, @entity, @entityId, @before, @after, n.prev,
         ${HASH_FUNCTION}(n.prev, n.id, n.at, @actor, @action, @entity, @entityId, @before, @after)
  FROM (SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'), 0), coalesce(last.id, 0)) + 1 AS id,
               last.hash AS prev,
               CASE WHEN last.at IS NOT NULL AND julianday(last.at) > julianday(@now) THEN last.at ELSE @now END AS at
        FROM (SELECT 1) LEFT JOIN (SELECT id, at, hash FROM audit_log ORDER BY id DESC LIMIT 1) AS last) AS n`;

/** Appends one row and returns its id. */
// prepared once per connection: an import or a migration may write thousands of rows in one transaction
const inserts = new WeakMap<LtcDatabase['raw'], ReturnType<LtcDatabase['raw']['prepare']>>();

function insertStatement(db: LtcDatabase): ReturnType<LtcDatabase['raw']['prepare']> {
  let stmt = inserts.get(db.raw);
  if (!stmt) {
    ensureHashFunction(db.raw);
    inserts.set(db.raw, (stmt = db.raw.prepare(INSERT_SQL)));
  }
  return stmt;
}

export function recordAudit(db: LtcDatabase, entry: AuditEntry): number {
  // personal data kept to what the trail needs: masked ID numbers and phones, no address text (personalFields.ts)
  const [before, after] = maskPersonalPair(entry.before, entry.after);
  const info = insertStatement(db).run({
    now: localTimestamp(),
    actor: entry.actor,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId == null ? null : String(entry.entityId),
    before: toJson(before),
    after: toJson(after),
  });
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
