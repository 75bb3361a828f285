/**
 * The audit screen's reads: a page of the trail, newest first, filtered in SQL (the trail only grows,
 * so it is never loaded whole), and the values its filters can take. Read-only, like the trail itself.
 */
import type { z } from 'zod';
import type { AuditEntryView, AuditFacets, auditListQuery } from '../../../shared/api/audit';
import type { Page } from '../../../shared/api/define';
import { addDays } from '../../../shared/domain/dates';
import type { LtcDatabase } from '../db/database';
import { auditChanges } from './auditDiff';
import type { AuditDbRow } from './auditLog';

type Query = z.output<typeof auditListQuery>;

type Row = AuditDbRow;

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
  for (const key of ['actor', 'action', 'entity'] as const) {
    if (q[key]) {
      clauses.push(`${key} = @${key}`);
      params[key] = q[key];
    }
  }
  const search = q.search?.trim();
  if (search) {
    clauses.push(`(actor LIKE @like ESCAPE '\\' OR entity_id LIKE @like ESCAPE '\\' OR before_json LIKE @like ESCAPE '\\' OR after_json LIKE @like ESCAPE '\\')`);
    params.like = likePattern(search);
  }
  const where = clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '';
  // The id is the order of writing (AUTOINCREMENT, append-only), so it sorts by time without a tie.
  const dir = q.sortOrder === 'ascend' ? 'ASC' : 'DESC';
  const total = db.raw.prepare(`SELECT count(*) FROM audit_log ${where}`).pluck().get(params) as number;
  const rows = db.raw
    .prepare(`SELECT id, at, actor, action, entity, entity_id, before_json, after_json FROM audit_log ${where} ORDER BY id ${dir} LIMIT @limit OFFSET @offset`)
    .all({ ...params, limit: q.pageSize, offset: (q.page - 1) * q.pageSize }) as Row[];
  return {
    total,
    rows: rows.map((r) => {
      const before = parse(r.before_json);
      const after = parse(r.after_json);
      const { changes, truncated } = auditChanges(before, after);
      return { id: r.id, at: r.at, actor: r.actor, action: r.action, entity: r.entity, entityId: r.entity_id, subject: subjectOf(before, after), changes, truncated };
    }),
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
  const parts = [text('ref'), text('resident') ?? text('name'), text('file')].filter((p): p is string => !!p);
  return parts.length > 0 ? parts.join(' ').slice(0, 80) : null;
}

export function auditFacets(db: LtcDatabase): AuditFacets {
  const distinct = (col: 'actor' | 'action' | 'entity'): string[] => db.raw.prepare(`SELECT DISTINCT ${col} FROM audit_log ORDER BY ${col}`).pluck().all() as string[];
  return { actors: distinct('actor'), actions: distinct('action'), entities: distinct('entity') };
}
