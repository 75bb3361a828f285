/**
 * 上门服务 list: filters, search, sort and paging in SQL, so 10,000+ visits stay fast. The status
 * filter is the claim's verdict, not a stored flag (a certificate or an assessment entered later
 * changes it): "unconfirmed" is a column, but "valid" and "has errors" need the rules, so the
 * candidates are judged in one pass (people and neighbours loaded once) before paging.
 */
import type { z } from 'zod';
import type { Page } from '../../../shared/api/define';
import type { VisitRow, visitListQuery } from '../../../shared/api/visits';
import { addDays } from '../../../shared/domain/dates';
import type { LtcDatabase } from '../db/database';
import { InputError } from '../errors';
import { judgeTargets, loadPolicy } from './judge';
import { ITEMS_SQL, ROW_COLUMNS, ROW_FROM, targetOf, toVisitRows, type StoredRow } from './visitRows';

type Query = z.output<typeof visitListQuery>;

const ORDER_COLUMNS = { start: 'v.start_at', end: 'v.end_at', minutes: 'v.minutes', resident: 'r.name', staff: 's.name' } as const;

/** LIKE treats % and _ as wildcards; a search for "10%" means the characters. */
const likePattern = (s: string): string => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

interface Sql {
  where: string;
  params: Record<string, unknown>;
  /** the names are needed (search or sort by name) */
  joins: boolean;
  order: string;
}

function buildSql(q: Query): Sql {
  const clauses: string[] = [];
  const params: Record<string, unknown> = {};
  if (q.residentId !== undefined) {
    clauses.push('v.resident_id = @residentId');
    params.residentId = q.residentId;
  }
  if (q.staffId !== undefined) {
    clauses.push('v.staff_id = @staffId');
    params.staffId = q.staffId;
  }
  // A bare date sorts before every time of its day: [from, to + 1 day) covers whole days.
  if (q.from) {
    clauses.push('v.start_at >= @from');
    params.from = q.from;
  }
  if (q.to) {
    clauses.push('v.start_at < @toNext');
    params.toNext = addDays(q.to, 1);
  }
  if (q.status === 'unconfirmed') clauses.push('v.confirmed = 0');
  // Only a confirmed visit can be valid: the SQL narrows what the rules must judge.
  if (q.status === 'valid') clauses.push('v.confirmed = 1');
  const search = q.search?.trim();
  if (search) {
    clauses.push(
      `(r.name LIKE @like ESCAPE '\\' OR s.name LIKE @like ESCAPE '\\' OR v.ref LIKE @like ESCAPE '\\' OR v.external_ref LIKE @like ESCAPE '\\' OR r.id_number LIKE @likeId ESCAPE '\\')`,
    );
    params.like = likePattern(search);
    // ID numbers are stored with an upper-case X (GB 11643); people type either.
    params.likeId = likePattern(search.toUpperCase());
  }
  const field = q.sortField ?? 'start';
  // Newest first unless the user sorts a column ascending.
  const dir = q.sortField && q.sortOrder === 'ascend' ? 'ASC' : 'DESC';
  return {
    where: clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '',
    params,
    joins: !!search || field === 'resident' || field === 'staff',
    order: `ORDER BY ${ORDER_COLUMNS[field]} ${dir}, v.id ${dir}`,
  };
}

export function listVisits(db: LtcDatabase, q: Query): Page<VisitRow> {
  const sql = db.raw;
  const policy = loadPolicy(sql);
  const s = buildSql(q);
  const from = s.joins ? ROW_FROM : 'FROM visits v';
  const offset = (q.page - 1) * q.pageSize;

  if (q.status === 'valid' || q.status === 'errors') {
    if (!policy) throw new InputError('按“可结算/有错误”筛选要用结算规则，请先在机构设置中填写机构并选择政策包');
    const candidates = sql
      .prepare(`SELECT v.id, v.ref, v.resident_id, v.staff_id, v.start_at, v.end_at, v.confirmed, ${ITEMS_SQL} AS items ${from} ${s.where} ${s.order}`)
      .all(s.params) as StoredRow[];
    const verdicts = judgeTargets(sql, policy, candidates.map(targetOf));
    const keep = q.status === 'valid' ? (i: number) => verdicts[i]!.valid : (i: number) => verdicts[i]!.issues.some((x) => x.severity === 'error');
    const matching = candidates.map((c, i) => ({ id: c.id, verdict: verdicts[i]! })).filter((_, i) => keep(i));
    const page = matching.slice(offset, offset + q.pageSize);
    const byId = new Map(
      (
        sql
          .prepare(`SELECT ${ROW_COLUMNS} ${ROW_FROM} WHERE v.id IN (SELECT value FROM json_each(?))`)
          .all(JSON.stringify(page.map((p) => p.id))) as StoredRow[]
      ).map((r) => [r.id, r]),
    );
    const rows = page.map((p) => byId.get(p.id)!);
    return {
      rows: toVisitRows(
        sql,
        rows,
        policy,
        page.map((p) => p.verdict),
      ),
      total: matching.length,
    };
  }

  const total = (sql.prepare(`SELECT count(*) ${from} ${s.where}`).pluck().get(s.params) as number) ?? 0;
  const rows = sql
    .prepare(`SELECT ${ROW_COLUMNS} ${ROW_FROM} ${s.where} ${s.order} LIMIT @limit OFFSET @offset`)
    .all({ ...s.params, limit: q.pageSize, offset }) as StoredRow[];
  return { rows: toVisitRows(sql, rows, policy), total };
}
