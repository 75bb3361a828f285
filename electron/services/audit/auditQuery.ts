/**
 * The audit screen's reads: a page of the trail, newest first, filtered in SQL (the trail only grows,
 * so it is never loaded whole), and the values its filters can take. Read-only, like the trail itself.
 */
import type { z } from 'zod';
import type { AuditEntryView, AuditFacets, auditListQuery } from '../../../shared/api/audit';
import type { Page } from '../../../shared/api/define';
import { addDays } from '../../../shared/domain/dates';
import { CLAIM_KIND_NAMES } from '../../../shared/domain/glossary';
import type { LtcDatabase } from '../db/database';
import { auditChanges } from './auditDiff';
import type { AuditDbRow } from './auditLog';

type Query = z.output<typeof auditListQuery>;

type Row = AuditDbRow;

/**
 * The action as shown and filtered: rows written before 补报 had its own action logged a supplementary
 * claim as `submit` with `kind: supplementary`; they read as 补报 like the newer `supplement` rows.
 */
const ACTION_SQL = `CASE WHEN action = 'submit' AND json_extract(after_json, '$.kind') = 'supplementary' THEN 'supplement' ELSE action END`;

const likePattern = (s: string): string => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export function listAuditPage(db: LtcDatabase, q: Query): Page<AuditEntryView> {
  const clauses: string[] = [];
  const params: Record<string, unknown> = {};
  // `at` is a local timestamp (`2026-10-02T09:00:00.123+08:00`): a bare date sorts before all of its day.
  if (q.from) {
    clauses.push('at >= @from');
    params.from = q.from;
  }
  if (q.to) {
    clauses.push('at < @toNext');
    params.toNext = addDays(q.to, 1);
  }
  for (const key of ['actor', 'entity'] as const) {
    if (q[key]) {
      clauses.push(`${key} = @${key}`);
      params[key] = q[key];
    }
  }
  if (q.action) {
    clauses.push(`${ACTION_SQL} = @action`);
    params.action = q.action;
  }
  const search = q.search?.trim();
  if (search) {
    clauses.push(
      `(actor LIKE @like ESCAPE '\\' OR entity_id LIKE @like ESCAPE '\\' OR before_json LIKE @like ESCAPE '\\' OR after_json LIKE @like ESCAPE '\\')`,
    );
    params.like = likePattern(search);
  }
  const where = clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '';
  // The id is the order of writing (AUTOINCREMENT, append-only), so it sorts by time without a tie.
  const dir = q.sortOrder === 'ascend' ? 'ASC' : 'DESC';
  const total = db.raw.prepare(`SELECT count(*) FROM audit_log ${where}`).pluck().get(params) as number;
  const rows = db.raw
    .prepare(
      `SELECT id, at, actor, ${ACTION_SQL} AS action, entity, entity_id, before_json, after_json FROM audit_log ${where} ORDER BY id ${dir} LIMIT @limit OFFSET @offset`,
    )
    .all({ ...params, limit: q.pageSize, offset: (q.page - 1) * q.pageSize }) as Row[];
  const claimName = claimNamer(db);
  return {
    total,
    rows: rows.map((r) => {
      const before = parse(r.before_json);
      const after = parse(r.after_json);
      const { changes, truncated } = auditChanges(before, after);
      const subject = r.entity === 'claim' ? claimName(after ?? before, r.entity_id) : subjectOf(before, after);
      return { id: r.id, at: r.at, actor: r.actor, action: r.action, entity: r.entity, entityId: r.entity_id, subject, changes, truncated };
    }),
  };
}

/** `2026-09 月度申报`, `2026-09 补报 2`: from the row, or for rows that did not log the month, from the claim. */
function claimNamer(db: LtcDatabase): (logged: unknown, entityId: string | null) => string | null {
  const stored = db.raw.prepare('SELECT month, kind, seq FROM claims WHERE id = ?');
  return (logged, entityId) => {
    const o = logged && typeof logged === 'object' ? (logged as Record<string, unknown>) : {};
    let c: { month?: unknown; kind?: unknown; seq?: unknown } = o;
    if (typeof o.month !== 'string' && entityId !== null) c = (stored.get(entityId) as typeof c | undefined) ?? {};
    if (typeof c.month !== 'string') return null;
    const kind = c.kind === 'supplementary' ? `${CLAIM_KIND_NAMES.supplementary} ${typeof c.seq === 'number' ? c.seq : ''}`.trim() : CLAIM_KIND_NAMES.regular;
    // a row about one of the claim's files (a download, say) names the file too
    return [c.month, kind, typeof o.file === 'string' ? o.file : null].filter(Boolean).join(' ');
  };
}

function parse(json: string | null): unknown {
  if (json === null) return null;
  try {
    return JSON.parse(json) as unknown;
  } catch {
    // Written by recordAudit with JSON.stringify; a row that does not parse is shown as it is stored.
    return json;
  }
}

/** A record's own name for the list (`v6 陈淑芬`, `王秀英`, `app.csv`); ID numbers never go here. */
function subjectOf(before: unknown, after: unknown): string | null {
  const text = (key: string): string | undefined => {
    for (const o of [after, before]) {
      const v = o && typeof o === 'object' ? (o as Record<string, unknown>)[key] : undefined;
      if (typeof v === 'string' && v) return v;
    }
    return undefined;
  };
  const parts = [text('ref') ?? text('residentRef') ?? text('staffRef'), text('resident') ?? text('name') ?? text('staff'), text('file')].filter(
    (p): p is string => !!p,
  );
  return parts.length > 0 ? parts.join(' ').slice(0, 80) : null;
}

export function auditFacets(db: LtcDatabase): AuditFacets {
  const distinct = (col: string): string[] => db.raw.prepare(`SELECT DISTINCT ${col} AS v FROM audit_log ORDER BY v`).pluck().all() as string[];
  return { actors: distinct('actor'), actions: distinct(ACTION_SQL), entities: distinct('entity') };
}
