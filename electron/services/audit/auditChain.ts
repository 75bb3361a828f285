/**
 * The audit trail as a hash chain (issue 16 §2, decisions.md D33). Each row's `hash` is the SHA-256 of a
 * canonical serialization of (the previous row's hash, its own id, at, actor, action, entity, entity_id,
 * before_json, after_json), and `prev_hash` repeats the previous row's hash. The triggers refuse UPDATE and
 * DELETE, but whoever can open the file can drop them: the chain is what makes a rewrite, a deletion or a
 * forged row visible afterwards, and the chain's head written into each submitted package's manifest (kept
 * by the agency) makes even a chain recomputed from scratch visible up to that submission.
 *
 * Everything here reads a bare better-sqlite3 connection, so that `ltc verify-audit` and `ltc check` can
 * look at a file opened read-only, without migrating it.
 */
import { createHash } from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3';
import type { AuditDbRow } from './auditLog';

/** The stored columns a row's hash covers, as SQLite returns them: the audit_log row (auditLog.ts). */
export type ChainedRow = AuditDbRow;

/** A stored row with its place in the chain. */
export type StoredAuditRow = ChainedRow & { prev_hash: string | null; hash: string | null };

/** A point of the chain: a row's id and its hash (what a manifest's `auditHead` holds). */
export interface AuditHead {
  id: number;
  hash: string;
}

/**
 * The hash of one row. The serialization is a JSON array in a fixed order: every field is delimited and
 * typed (null stays null, an id stays a number), so no two different rows serialize alike. Never change it:
 * every database and every submitted manifest holds hashes made by it.
 */
export function auditRowHash(prevHash: string | null, row: ChainedRow): string {
  const canonical = JSON.stringify([prevHash, row.id, row.at, row.actor, row.action, row.entity, row.entity_id, row.before_json, row.after_json]);
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

/** SQL function name under which a connection computes row hashes inside the INSERT itself (auditLog.ts). */
export const HASH_FUNCTION = 'ltc_audit_hash';

const registered = new WeakSet<BetterSqlite3.Database>();

/** Gives the connection the hash function once (a function is per connection). */
export function ensureHashFunction(raw: BetterSqlite3.Database): void {
  if (registered.has(raw)) return;
  raw.function(
    HASH_FUNCTION,
    { deterministic: true },
    (prev: unknown, id: unknown, at: unknown, actor: unknown, action: unknown, entity: unknown, entityId: unknown, before: unknown, after: unknown) =>
      auditRowHash(prev as string | null, {
        id: Number(id),
        at: at as string,
        actor: actor as string,
        action: action as string,
        entity: entity as string,
        entity_id: entityId as string | null,
        before_json: before as string | null,
        after_json: after as string | null,
      }),
  );
  registered.add(raw);
}

/** The chain's last row (null for an empty trail), as a submission records it. */
export function auditHead(raw: BetterSqlite3.Database): AuditHead | null {
  const row = raw.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { id: number; hash: string | null } | undefined;
  return row && row.hash ? { id: row.id, hash: row.hash } : null;
}

/** The entity and action of the row migration 016 appends when it hashes an existing trail. */
export const CHAIN_START = { entity: 'audit_log', action: 'chain' } as const;

/** The two triggers that keep the table append-only, as migration 001 created them. */
export const APPEND_ONLY_TRIGGERS = {
  audit_log_no_update: `CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, '审计日志只能追加，不能修改'); END`,
  audit_log_no_delete: `CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, '审计日志只能追加，不能删除'); END`,
} as const;

export type ChainProblemKind = '内容被改动' | '记录缺失' | '时间倒序' | '链头与申报包不符' | '触发器缺失';

export interface ChainProblem {
  kind: ChainProblemKind;
  /** the row that breaks the chain (null for a missing trigger) */
  id: number | null;
  /** why, in words */
  detail: string;
}

export interface ChainReport {
  /** rows in the trail */
  rows: number;
  /** the last row's id (null for an empty trail) */
  lastId: number | null;
  /** every problem found: the triggers', the first broken row's, and each head that does not match; empty when whole */
  problems: ChainProblem[];
}

/** A head to compare with the chain: one stored with a submission, or read from a package's manifest. */
export interface ExpectedHead extends AuditHead {
  /** where it comes from, for the message (`申报包 DIR`, `2026-10 申报的记录`) */
  source: string;
}

const normalize = (sql: string | null): string => (sql ?? '').replace(/\s+/g, ' ').trim();

/** True when the table has the hash columns (migration 016); an older file has no chain yet. */
export function hasChain(raw: BetterSqlite3.Database): boolean {
  const cols = raw.prepare("SELECT name FROM pragma_table_info('audit_log')").pluck().all() as string[];
  return cols.includes('hash') && cols.includes('prev_hash');
}

/** The heads stored with submissions (migration 016 on), oldest first. */
export function storedHeads(raw: BetterSqlite3.Database): ExpectedHead[] {
  const cols = raw.prepare("SELECT name FROM pragma_table_info('claims')").pluck().all() as string[];
  if (!cols.includes('audit_head_id')) return [];
  const rows = raw
    .prepare('SELECT month, kind, seq, audit_head_id AS id, audit_head_hash AS hash FROM claims WHERE audit_head_id IS NOT NULL ORDER BY id')
    .all() as { month: string; kind: string; seq: number; id: number; hash: string }[];
  return rows.map((r) => ({ id: r.id, hash: r.hash, source: `${r.month} ${r.kind === 'supplementary' ? `补报 ${r.seq}` : '申报'}时记录的链头` }));
}

/**
 * Walks the chain in id order and reports the first row that breaks it, plus any expected head (a
 * submission's, a package's) that the chain does not hold. Reads only.
 *
 * Per row, in this order: an id skipped (a deleted row: ids are AUTOINCREMENT and a rolled-back insert
 * takes its id back) is 记录缺失; a row whose own hash does not match its content is 时间倒序 if its time
 * goes back, else 内容被改动; a row whose hash is right but whose `prev_hash` is not the previous row's
 * hash means the previous row was rewritten and re-hashed: that one is 内容被改动; a time earlier than the
 * previous row's is 时间倒序 (recordAudit never writes one: it keeps times in id order). Times of rows the
 * migration hashed (before its 'chain' row) are not judged: they were written before the chain existed.
 */
export function verifyChain(raw: BetterSqlite3.Database, expected: readonly ExpectedHead[] = []): ChainReport {
  const problems: ChainProblem[] = [];
  const triggers = new Map(
    (raw.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'audit_log'").all() as { name: string; sql: string }[]).map((t) => [
      t.name,
      t.sql,
    ]),
  );
  for (const [name, sql] of Object.entries(APPEND_ONLY_TRIGGERS)) {
    if (normalize(triggers.get(name) ?? null) !== normalize(sql)) {
      problems.push({
        kind: '触发器缺失',
        id: null,
        detail: `禁止${name.endsWith('update') ? '修改' : '删除'}审计记录的触发器 ${name} ${triggers.has(name) ? '被改动' : '不存在'}`,
      });
    }
  }

  const chainStart = chainStartOf(raw);
  const rows = raw
    .prepare('SELECT id, at, actor, action, entity, entity_id, before_json, after_json, prev_hash, hash FROM audit_log ORDER BY id')
    .iterate() as IterableIterator<StoredAuditRow>;
  const hashes = new Map<number, string | null>();
  let count = 0;
  let prev: { id: number; at: string; hash: string | null } | null = null;
  let broken: ChainProblem | null = null;
  for (const row of rows) {
    count += 1;
    hashes.set(row.id, row.hash);
    if (!broken) broken = rowProblem(row, prev, chainStart);
    prev = { id: row.id, at: row.at, hash: row.hash };
  }
  // The last rows deleted leave no gap behind them, but SQLite's AUTOINCREMENT counter remembers them.
  const seq = (raw.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'").pluck().get() as number | undefined) ?? 0;
  if (!broken && seq > (prev?.id ?? 0)) {
    broken = { kind: '记录缺失', id: (prev?.id ?? 0) + 1, detail: `已写入到第 ${seq} 条，现只到第 ${prev?.id ?? 0} 条` };
  }
  if (broken) problems.push(broken);

  // the rows a restore set aside: each archive must still be the chain segment its restore row names
  const archivedHashes = new Set<string>();
  const hasArchive = (raw.prepare("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'audit_log_archived'").pluck().get() as number) > 0;
  if (hasArchive) {
    const archive = raw
      .prepare(
        'SELECT restore_id, via, id, at, actor, action, entity, entity_id, before_json, after_json, prev_hash, hash FROM audit_log_archived ORDER BY restore_id, via, id',
      )
      .all() as ArchivedRow[];
    const groups = new Map<string, ArchivedRow[]>();
    for (const a of archive) {
      if (a.hash) archivedHashes.add(`${a.id}:${a.hash}`);
      const key = `${a.restore_id}|${a.via}`;
      groups.set(key, [...(groups.get(key) ?? []), a]);
    }
    const liveRestore = raw.prepare("SELECT id, after_json FROM audit_log WHERE id = ? AND entity = 'database' AND action = 'restore'");
    const restores = raw.prepare("SELECT id FROM audit_log WHERE entity = 'database' AND action = 'restore' ORDER BY id").pluck().all() as number[];
    // every live restore row has its group (perhaps empty); every group hangs under a restore row
    for (const id of restores) if (!groups.has(`${id}|`)) groups.set(`${id}|`, []);
    for (const [key, rows] of groups) {
      const [restoreId, via] = [Number(key.slice(0, key.indexOf('|'))), key.slice(key.indexOf('|') + 1)];
      // the row that says what this group is: the live restore row, or an archived one a level up
      const parts = via === '' ? [] : via.split('/');
      const owner =
        parts.length === 0
          ? (liveRestore.get(restoreId) as { id: number; after_json: string | null } | undefined)
          : groups.get(`${restoreId}|${parts.slice(1).join('/')}`)?.find((a) => a.id === Number(parts[0]) && a.entity === 'database' && a.action === 'restore');
      const problem = owner
        ? archiveProblem(restoreId, owner, rows)
        : { kind: '内容被改动' as const, id: restoreId, detail: '归档的审计记录不属于任何一次恢复' };
      if (problem) problems.push(problem);
    }
  }

  for (const e of expected) {
    if (archivedHashes.has(`${e.id}:${e.hash}`)) continue; // written before a restore replaced the file, and kept
    const at = hashes.get(e.id);
    if (at === undefined) problems.push({ kind: '记录缺失', id: e.id, detail: `${e.source}是第 ${e.id} 条，审计记录中没有这一条` });
    else if (at !== e.hash) problems.push({ kind: '链头与申报包不符', id: e.id, detail: `第 ${e.id} 条的哈希与${e.source}不同：此前的记录被改写过` });
  }
  return { rows: count, lastId: prev?.id ?? null, problems };
}

/**
 * The id of the row migration 016 appended after hashing the rows already there (0: none, the trail was
 * chained from its first row). Only the first such row counts, and only if it says it hashed every row
 * before it: a 'chain' row appended later by someone else cannot exempt earlier rows from the time check.
 */
function chainStartOf(raw: BetterSqlite3.Database): number {
  const first = raw
    .prepare('SELECT id, after_json FROM audit_log WHERE entity = ? AND action = ? ORDER BY id LIMIT 1')
    .get(CHAIN_START.entity, CHAIN_START.action) as { id: number; after_json: string | null } | undefined;
  if (!first) return 0;
  try {
    const said = JSON.parse(first.after_json ?? '{}') as { hashedRows?: unknown; through?: unknown };
    return said.through === first.id - 1 && said.hashedRows === first.id - 1 ? first.id : 0;
  } catch {
    return 0;
  }
}

function rowProblem(row: StoredAuditRow, prev: { id: number; at: string; hash: string | null } | null, chainStart: number): ChainProblem | null {
  const expectedId = (prev?.id ?? 0) + 1;
  if (row.id > expectedId) {
    const missing = row.id - expectedId === 1 ? `第 ${expectedId} 条` : `第 ${expectedId}–${row.id - 1} 条`;
    return { kind: '记录缺失', id: expectedId, detail: `${missing}不见了（下一条是第 ${row.id} 条）` };
  }
  const backwards = prev !== null && row.id >= chainStart && instant(row.at) < instant(prev.at);
  const timeProblem = (): ChainProblem => ({ kind: '时间倒序', id: row.id, detail: `时间 ${row.at} 早于上一条（第 ${prev?.id ?? 0} 条，${prev?.at ?? ''}）` });
  if (row.hash === null || auditRowHash(row.prev_hash, row) !== row.hash) {
    if (backwards) return timeProblem();
    return { kind: '内容被改动', id: row.id, detail: row.hash === null ? '没有哈希：不是由长护助手写入的' : '内容与写入时的哈希不符' };
  }
  if (row.prev_hash !== (prev?.hash ?? null)) {
    // this row is as written; the one before it is not what this row saw when it was written
    return prev
      ? { kind: '内容被改动', id: prev.id, detail: `与下一条（第 ${row.id} 条）写入时记下的哈希不符：被改写后重新计算了哈希` }
      : { kind: '内容被改动', id: row.id, detail: '第一条记录却记着上一条的哈希' };
  }
  if (backwards) return timeProblem();
  return null;
}

type ArchivedRow = StoredAuditRow & { restore_id: number; via: string };

/**
 * An archive that is not what its restore row says it set aside (count, links, each row's hash, last hash).
 * `liveId`: the live restore row the whole archive hangs under (the row a problem is reported at).
 */
function archiveProblem(liveId: number, restore: { id: number; after_json: string | null }, rows: ArchivedRow[]): ChainProblem | null {
  let said: { archivedRows?: unknown; archivedHead?: unknown } = {};
  try {
    said = JSON.parse(restore.after_json ?? '{}') as typeof said;
  } catch {
    // a restore row that does not parse was not written by recordAudit: its own hash says so
  }
  const changed = (detail: string): ChainProblem => ({ kind: '内容被改动', id: liveId, detail: `本次恢复归档的审计记录${detail}` });
  if (typeof said.archivedRows === 'number' && said.archivedRows !== rows.length) return changed(`应为 ${said.archivedRows} 条，现有 ${rows.length} 条`);
  let prev: string | null | undefined;
  for (const a of rows) {
    if (a.hash !== null && auditRowHash(a.prev_hash, a) !== a.hash) return changed(`第 ${a.id} 条与其哈希不符`);
    if (prev !== undefined && a.hash !== null && a.prev_hash !== prev) return changed(`第 ${a.id} 条与上一条不相连`);
    prev = a.hash;
  }
  if (rows.length > 0 && (said.archivedHead ?? null) !== (rows.at(-1)?.hash ?? null)) return changed('末条的哈希与恢复记录不符');
  return null;
}

/** Milliseconds of a stored local timestamp (`2026-10-02T09:00:00.123+08:00`); NaN compares false, so an unreadable time is not called backwards. */
const instant = (at: string): number => Date.parse(at);

/** The one-line verdict `ltc verify-audit` and `ltc check` print for a whole chain. */
export function wholeChainLine(r: ChainReport): string {
  return r.lastId === null ? '审计记录完整（0 条）' : `审计记录完整（${r.rows} 条，末条 #${r.lastId}）`;
}

/** One problem as a line: `#12 内容被改动：内容与写入时的哈希不符`. */
export function problemLine(p: ChainProblem): string {
  return `${p.id === null ? '' : `#${p.id} `}${p.kind}：${p.detail}`;
}
