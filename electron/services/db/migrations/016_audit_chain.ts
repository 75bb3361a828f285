/**
 * The audit trail becomes a hash chain (issue 16 §2, decisions.md D33): `prev_hash` and `hash` on every
 * row, the rows already there hashed in id order here, and the chain's head recorded with each submission
 * (`claims.audit_head_id`, `audit_head_hash`), which its manifest prints; `audit_log_archived` keeps the rows
 * a restore replaced. The update-refusing trigger is
 * dropped for the hashing and created again, word for word, in the same transaction.
 * When there were rows, one more is appended saying the chain starts here: the times of the rows before
 * it were written without the chain and are not judged (auditChain.ts verifyChain).
 * Number 016: 015 belongs to the corrected-result reason, on its own branch (the runner runs every
 * migration above the file's version, gaps included).
 */
import { APPEND_ONLY_TRIGGERS, auditRowHash, CHAIN_START, type ChainedRow } from '../../audit/auditChain';
import { localTimestamp } from '../clock';
import type { Migration } from './types';

export const migration016: Migration = {
  number: 16,
  name: 'audit_chain',
  up(db) {
    db.exec(`
ALTER TABLE audit_log ADD COLUMN prev_hash TEXT;
ALTER TABLE audit_log ADD COLUMN hash TEXT;
ALTER TABLE claims ADD COLUMN audit_head_id INTEGER;
ALTER TABLE claims ADD COLUMN audit_head_hash TEXT;
DROP TRIGGER audit_log_no_update;
-- A restore keeps the replaced file's audit rows written since the backup here, under the row that
-- records the restore (db/restore.ts); append-only like the trail.
-- \`via\`: '' for a row of the replaced file's trail; for a row that file had itself archived at an earlier
-- restore, the path of archived restore rows it hangs under ('50', '50/20'), so nothing archived is dropped.
CREATE TABLE audit_log_archived (
  restore_id   INTEGER NOT NULL REFERENCES audit_log (id),
  via          TEXT NOT NULL DEFAULT '',
  id           INTEGER NOT NULL,
  at           TEXT NOT NULL,
  actor        TEXT NOT NULL,
  action       TEXT NOT NULL,
  entity       TEXT NOT NULL,
  entity_id    TEXT,
  before_json  TEXT,
  after_json   TEXT,
  prev_hash    TEXT,
  hash         TEXT,
  PRIMARY KEY (restore_id, via, id)
);
CREATE TRIGGER audit_log_archived_no_update BEFORE UPDATE ON audit_log_archived
BEGIN SELECT RAISE(ABORT, '归档的审计日志不能修改'); END;
CREATE TRIGGER audit_log_archived_no_delete BEFORE DELETE ON audit_log_archived
BEGIN SELECT RAISE(ABORT, '归档的审计日志不能删除'); END;`);
    const rows = db.prepare('SELECT id, at, actor, action, entity, entity_id, before_json, after_json FROM audit_log ORDER BY id').all() as ChainedRow[];
    const set = db.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?');
    let prev: string | null = null;
    for (const row of rows) {
      const hash = auditRowHash(prev, row);
      set.run(prev, hash, row.id);
      prev = hash;
    }
    db.exec(`${APPEND_ONLY_TRIGGERS.audit_log_no_update};`);
    const last = rows.at(-1);
    if (last) {
      const seq = (db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'").pluck().get() as number | undefined) ?? 0;
      const now = localTimestamp();
      const row: ChainedRow = {
        id: Math.max(seq, last.id) + 1,
        // never before the last row's time (as recordAudit keeps them)
        at: Date.parse(last.at) > Date.parse(now) ? last.at : now,
        actor: '长护助手',
        action: CHAIN_START.action,
        entity: CHAIN_START.entity,
        entity_id: null,
        before_json: null,
        after_json: JSON.stringify({ hashedRows: rows.length, through: last.id }),
      };
      db.prepare(
        'INSERT INTO audit_log (id, at, actor, action, entity, entity_id, before_json, after_json, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ).run(row.id, row.at, row.actor, row.action, row.entity, row.entity_id, row.before_json, row.after_json, prev, auditRowHash(prev, row));
    }
  },
};
