/**
 * The one query behind the staff list and the certificate matrix: staff filtered, sorted and paged
 * in SQL (LIMIT/OFFSET; a 10,000-person roster never crosses to JS whole), each with the standing of
 * each certificate type on a date. A type's standing is that of its latest-ending certificate issued
 * by the date, so a renewed licence replaces the lapsed one instead of leaving the person "expired".
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { CertStatus, EmploymentFilter, MatrixCell } from '../../../shared/api/staff';
import { daysBetween } from '../../../shared/domain/dates';
import type { CertificateType, LocalDate, StaffRole } from '../../../shared/domain/model';

/** No expiry sorts after every date, so MAX() picks a certificate without one as the best. */
export const NO_EXPIRY = '9999-12-31';

/** The matrix column of each type (SQL identifiers cannot hold the hyphens of the type names). */
export const TYPE_COLUMN: Record<CertificateType, string> = {
  'nurse-licence': 'nurse_licence',
  'ltc-caregiver': 'ltc_caregiver',
  'elderly-caregiver': 'elderly_caregiver',
};

// per_type runs from certificates_by_staff_type alone (migration 003). `only` limits it to a page's
// people, when neither the filter nor the sort needs everyone's standing.
const certCte = (only = false): string => `WITH per_type AS (
  SELECT staff_id, type, MAX(COALESCE(expires_on, '${NO_EXPIRY}')) AS best
  FROM certificates WHERE issued_on <= @date${only ? ' AND staff_id IN (SELECT value FROM json_each(@ids))' : ''} GROUP BY staff_id, type
), cert AS (
  SELECT staff_id, MIN(best) AS worst,
    ${Object.entries(TYPE_COLUMN)
      .map(([type, col]) => `MAX(CASE WHEN type = '${type}' THEN best END) AS ${col}`)
      .join(',\n    ')}
  FROM per_type GROUP BY staff_id
)`;
const CERT_CTE = certCte();
const CERT_COLUMNS = ['worst', ...Object.values(TYPE_COLUMN)] as const;
const PERSON_COLUMNS = 's.id, s.ref, s.name, s.id_number, s.role, s.employed_from, s.employed_to';

/** A best expiry as a standing: none held, expired before the date, within the lead, or valid. */
export const statusOf = (col: string): string =>
  `(CASE WHEN ${col} IS NULL THEN 'none' WHEN ${col} < @date THEN 'expired' WHEN ${col} <= @horizon THEN 'expiring' ELSE 'valid' END)`;

export interface StaffFilter {
  search?: string | undefined;
  role?: StaffRole | undefined;
  employment?: EmploymentFilter | undefined;
  /** the date standings are judged on */
  date: LocalDate;
  /** date + the longest reminder lead: an expiry up to here is "expiring" */
  horizon: LocalDate;
  /** with a type: that column's standing; without: the worst over the types held */
  status?: CertStatus | undefined;
  type?: CertificateType | undefined;
}

export interface StaffSort {
  field?: string | undefined;
  order?: 'ascend' | 'descend' | undefined;
}

const SORT_COLUMN: Record<string, string> = {
  name: 's.name',
  role: 's.role',
  employedFrom: 's.employed_from',
  employedTo: 's.employed_to',
  certificates: 'c.worst',
};

/** A staff table row as SQLite returns it (snake_case, as the columns are named). */
export interface StaffDbRow {
  id: number;
  ref: string;
  name: string;
  id_number: string;
  role: StaffRole | null;
  employed_from: string | null;
  employed_to: string | null;
}

/** The list query's row: the person's columns, with each certificate type's best standing beside them. */
export interface StaffQueryRow extends StaffDbRow {
  worst: string | null;
  nurse_licence: string | null;
  ltc_caregiver: string | null;
  elderly_caregiver: string | null;
}

/** `\` escapes LIKE's wildcards, so a search for "50%" finds that text rather than everything. */
const likePattern = (s: string): string => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function where(f: StaffFilter, withStatus: boolean): { sql: string; params: Record<string, unknown> } {
  const parts: string[] = [];
  const params: Record<string, unknown> = { date: f.date, horizon: f.horizon };
  const search = f.search?.trim();
  if (search) {
    parts.push(`(s.name LIKE @like ESCAPE '\\' OR s.id_number LIKE @like ESCAPE '\\' OR s.ref LIKE @like ESCAPE '\\')`);
    // LIKE ignores ASCII case, so a typed lower-case x still finds an ID number ending in X.
    params['like'] = likePattern(search);
  }
  if (f.role) {
    parts.push('s.role = @role');
    params['role'] = f.role;
  }
  // 在职 on the date: not yet left (the last day of work still counts as employed).
  if (f.employment === 'current') parts.push('(s.employed_to IS NULL OR s.employed_to >= @date)');
  if (f.employment === 'left') parts.push('s.employed_to < @date');
  if (withStatus && f.status) {
    parts.push(`${statusOf(f.type ? `c.${TYPE_COLUMN[f.type]}` : 'c.worst')} = @status`);
    params['status'] = f.status;
  }
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

const FROM = 'FROM staff s LEFT JOIN cert c ON c.staff_id = s.id';

export function queryStaff(
  sql: BetterSqlite3.Database,
  f: StaffFilter,
  sort: StaffSort,
  page: number,
  pageSize: number,
): { rows: StaffQueryRow[]; total: number } {
  const w = where(f, true);
  const column = sort.field ? SORT_COLUMN[sort.field] : undefined;
  // Newest first by default, so a person just added is on the first page; id breaks ties stably.
  const order = column ? `${column} ${sort.order === 'descend' ? 'DESC' : 'ASC'} NULLS LAST, s.id` : 's.id DESC';
  const paging = { limit: pageSize, offset: (page - 1) * pageSize };
  if (f.status || sort.field === 'certificates') {
    // count(*) OVER () gives the total from the same pass over everyone's standings (they cost the most).
    const rows = sql
      .prepare(
        `${CERT_CTE} SELECT ${PERSON_COLUMNS}, ${CERT_COLUMNS.map((col) => `c.${col}`).join(', ')}, count(*) OVER () AS total ${FROM} ${w.sql} ORDER BY ${order} LIMIT @limit OFFSET @offset`,
      )
      .all({ ...w.params, ...paging }) as (StaffQueryRow & { total: number })[];
    const total = rows[0]?.total ?? (sql.prepare(`${CERT_CTE} SELECT count(*) ${FROM} ${w.sql}`).pluck().get(w.params) as number);
    return { rows, total };
  }
  // The page is chosen from staff alone; only its own people's certificates are judged.
  const people = sql
    .prepare(`SELECT ${PERSON_COLUMNS} FROM staff s ${w.sql} ORDER BY ${order} LIMIT @limit OFFSET @offset`)
    .all({ ...w.params, ...paging }) as StaffQueryRow[];
  const total = sql.prepare(`SELECT count(*) FROM staff s ${w.sql}`).pluck().get(w.params) as number;
  const standings = new Map(
    (
      sql
        .prepare(`${certCte(true)} SELECT staff_id, ${CERT_COLUMNS.join(', ')} FROM cert`)
        .all({ date: f.date, ids: JSON.stringify(people.map((p) => p.id)) }) as Record<string, string | null>[]
    ).map((c) => [Number(c['staff_id']), c]),
  );
  const rows = people.map((p) => {
    const c = standings.get(p.id);
    return { ...p, ...Object.fromEntries(CERT_COLUMNS.map((col) => [col, c?.[col] ?? null])) } as StaffQueryRow;
  });
  return { rows, total };
}

/** Per type, how many of the filtered people (the type/status filter aside) stand where. */
export function countStatuses(sql: BetterSqlite3.Database, f: StaffFilter): Record<CertificateType, Record<CertStatus, number>> {
  const w = where(f, false);
  const statuses: CertStatus[] = ['valid', 'expiring', 'expired', 'none'];
  const sums = Object.values(TYPE_COLUMN).flatMap((col) => statuses.map((st) => `coalesce(sum(${statusOf(`c.${col}`)} = '${st}'), 0) AS ${col}__${st}`));
  const row = sql.prepare(`${CERT_CTE} SELECT ${sums.join(', ')} ${FROM} ${w.sql}`).get(w.params) as Record<string, number>;
  const out = {} as Record<CertificateType, Record<CertStatus, number>>;
  for (const [type, col] of Object.entries(TYPE_COLUMN) as [CertificateType, string][]) {
    out[type] = Object.fromEntries(statuses.map((st) => [st, row[`${col}__${st}`] ?? 0])) as Record<CertStatus, number>;
  }
  return out;
}

/** The same judgement as statusOf() in SQL, for the values SQL handed back. */
export function standing(best: string | null, f: { date: LocalDate; horizon: LocalDate }): MatrixCell {
  if (best === null) return { status: 'none', expiresOn: null, daysLeft: null };
  if (best === NO_EXPIRY) return { status: 'valid', expiresOn: null, daysLeft: null };
  const daysLeft = daysBetween(f.date, best);
  return { status: best < f.date ? 'expired' : best <= f.horizon ? 'expiring' : 'valid', expiresOn: best, daysLeft };
}
