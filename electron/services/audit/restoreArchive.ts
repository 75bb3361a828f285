/**
 * What a restore does to the audit trail (issue 16 §2, decisions.md D33): the restored file's trail is the
 * backup's, so the rows the replaced file had written since that backup would vanish with it. They are
 * kept in `audit_log_archived` under a new row of the trail that says who restored which backup over what,
 * and that names the archived rows' last hash: the archive is itself held by the chain.
 */
import path from 'node:path';
import type { LtcDatabase } from '../db/database';
import { recordAudit } from './auditLog';
import type { StoredAuditRow } from './auditChain';
import { busyTimeoutMs } from '../db/busyTimeout';
import { keyInUse, openConnection, type DatabaseKey } from '../db/cipherKey';

/** A row of the replaced file's trail. */
type OldRow = StoredAuditRow;

const sameRow = (a: OldRow, b: OldRow): boolean =>
  a.hash !== null && b.hash !== null
    ? a.hash === b.hash
    : a.at === b.at &&
      a.actor === b.actor &&
      a.action === b.action &&
      a.entity === b.entity &&
      a.entity_id === b.entity_id &&
      a.before_json === b.before_json &&
      a.after_json === b.after_json;

/** A row of an archive: under which restore row (`restore_id`) and path of archived restore rows (`via`). */
interface OldArchivedRow extends OldRow {
  restore_id: number;
  via: string;
}

/** The audit rows of a file and its archive, read-only, with null hashes where its schema has none yet. */
function rowsOf(file: string, key: DatabaseKey | null): { trail: OldRow[]; archive: OldArchivedRow[] } {
  const db = openConnection(file, { readonly: true, fileMustExist: true, timeout: busyTimeoutMs() }, keyInUse(file, key));
  try {
    const tables = new Set(db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all() as string[]);
    if (!tables.has('audit_log')) return { trail: [], archive: [] };
    const cols = db.prepare("SELECT name FROM pragma_table_info('audit_log')").pluck().all() as string[];
    const hashCols = cols.includes('hash') ? 'prev_hash, hash' : 'NULL AS prev_hash, NULL AS hash';
    const trail = db
      .prepare(`SELECT id, at, actor, action, entity, entity_id, before_json, after_json, ${hashCols} FROM audit_log ORDER BY id`)
      .all() as OldRow[];
    const archive = tables.has('audit_log_archived')
      ? (db.prepare(`SELECT * FROM audit_log_archived ORDER BY restore_id, via, id`).all() as OldArchivedRow[])
      : [];
    return { trail, archive };
  } finally {
    db.close();
  }
}

export interface RestoreAudit {
  /** the id of the row recording the restore */
  restoreId: number;
  /** rows of the replaced file kept in audit_log_archived */
  archived: number;
}

/**
 * Records a restore in the restored (and migrated) database: the rows of `replacedCopy` (the copy taken of
 * the file before it was replaced) that the restored trail does not have, archived, and one row naming
 * `actor`, the backup and the copy. The rows the two trails share are the restored file's own (same id,
 * same hash); every row of the replaced file after the last shared one is archived.
 */
export function recordRestore(db: LtcDatabase, o: { actor: string; backupFile: string; replacedCopy: string | null; key?: DatabaseKey | null }): RestoreAudit {
  // the replaced copy is encrypted with the database's key when the replaced file was (db.key: the restored file's)
  const { trail: replaced, archive: replacedArchive } = o.replacedCopy ? rowsOf(o.replacedCopy, o.key ?? db.key) : { trail: [], archive: [] };
  return db.transaction(() => {
    const kept = new Map(
      (
        db.raw.prepare('SELECT id, at, actor, action, entity, entity_id, before_json, after_json, prev_hash, hash FROM audit_log ORDER BY id').all() as OldRow[]
      ).map((r) => [r.id, r]),
    );
    let shared = 0;
    for (const r of replaced) {
      const mine = kept.get(r.id);
      if (!mine || !sameRow(mine, r)) break;
      shared = r.id;
    }
    const archived = replaced.filter((r) => r.id > shared);
    const last = archived.at(-1);
    const restoreId = recordAudit(db, {
      actor: o.actor,
      action: 'restore',
      entity: 'database',
      entityId: null,
      after: {
        backup: path.basename(o.backupFile),
        replaced: o.replacedCopy ? path.basename(o.replacedCopy) : null,
        archivedRows: archived.length,
        ...(last ? { archivedFrom: archived[0]!.id, archivedThrough: last.id, archivedHead: last.hash } : {}),
      },
    });
    const insert = db.raw.prepare(
      `INSERT INTO audit_log_archived (restore_id, via, id, at, actor, action, entity, entity_id, before_json, after_json, prev_hash, hash)
       VALUES (@restoreId, @via, @id, @at, @actor, @action, @entity, @entity_id, @before_json, @after_json, @prev_hash, @hash)`,
    );
    const row = (r: OldRow) => ({
      id: r.id,
      at: r.at,
      actor: r.actor,
      action: r.action,
      entity: r.entity,
      entity_id: r.entity_id,
      before_json: r.before_json,
      after_json: r.after_json,
      prev_hash: r.prev_hash,
      hash: r.hash,
    });
    for (const r of archived) insert.run({ restoreId, via: '', ...row(r) });
    // What the replaced file had archived under a restore row that is archived now travels with it, one level
    // deeper; what it had archived under a restore row both files share, the restored file holds already.
    for (const r of replacedArchive.filter((a) => a.restore_id > shared)) {
      insert.run({ restoreId, via: r.via ? `${r.restore_id}/${r.via}` : String(r.restore_id), ...row(r) });
    }
    return { restoreId, archived: archived.length };
  });
}
