/**
 * 服务对象列表: search, filters, sort and paging in SQL (residentSql.ts), so 10,000 people stay
 * fast; only the page's rows are turned into views, with the ID number masked (PIPL).
 */
import type { z } from 'zod';
import type { ResidentListPage, ResidentRow, ResidentStatus, residentListQuery } from '../../../shared/api/residents';
import { daysBetween } from '../../../shared/domain/dates';
import { idNumberFacts, idNumberProblem, maskIdNumber } from '../../../shared/domain/ids';
import type { CareMode, Level, LocalDate } from '../../../shared/domain/model';
import type { LtcDatabase } from '../db/database';
import { loadResidentPolicy } from './residentPolicy';
import { derivedParams, derivedResidentsSql, LEVEL_SQL, STATUS_SQL } from './residentSql';
import { ageOn, localToday } from './today';

type Query = z.output<typeof residentListQuery>;

interface Row {
  id: number;
  ref: string;
  name: string;
  id_number: string;
  status: ResidentStatus;
  last_date: string | null;
  mode: CareMode | null;
  bed: string | null;
  level: Level | null;
  latest_end: string | null;
}

const IN_STAY = "('present', 'hospital', 'leave')";

const ORDER: Record<Exclude<NonNullable<Query['sortField']>, 'age'>, string> = {
  name: 'name',
  ref: 'ref',
  level: 'level',
  assessmentEnds: 'latest_end',
  status: `CASE status WHEN 'present' THEN 1 WHEN 'hospital' THEN 2 WHEN 'leave' THEN 3 WHEN 'discharged' THEN 4 WHEN 'deceased' THEN 5 ELSE 6 END`,
  mode: 'mode',
  bed: 'bed',
};

function orderBy(q: Query): string {
  if (!q.sortField) return 'id DESC';
  const dir = q.sortOrder === 'descend' ? 'DESC' : 'ASC';
  // age sorts on the birth date inside the ID number, the other way round (a later birth is younger)
  if (q.sortField === 'age') return `substr(id_number, 7, 8) ${dir === 'ASC' ? 'DESC' : 'ASC'}, id`;
  const expr = ORDER[q.sortField];
  // NULLs (no level, no bed) go last either way
  return `${expr} IS NULL, ${expr} ${dir}, id`;
}

const escapeLike = (s: string): string => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export function listResidents(db: LtcDatabase, q: Query): ResidentListPage {
  const { pack } = loadResidentPolicy(db);
  const today = q.today ?? localToday();
  const params: Record<string, unknown> = { ...derivedParams(pack, today) };

  const inner: string[] = ['1'];
  const search = q.search?.trim();
  if (search) {
    params.search = `%${escapeLike(search)}%`;
    params.searchUpper = `%${escapeLike(search.toUpperCase())}%`;
    inner.push("(r.name LIKE @search ESCAPE '\\' OR r.ref LIKE @search ESCAPE '\\' OR r.id_number LIKE @searchUpper ESCAPE '\\')");
  }
  const outer: string[] = ['1'];
  if (q.mode) {
    params.mode = q.mode;
    outer.push('mode = @mode');
  }
  if (q.status === 'in-stay') outer.push(`status IN ${IN_STAY}`);
  else if (q.status) {
    params.status = q.status;
    outer.push('status = @status');
  }
  if (q.level === 'none') outer.push('level IS NULL');
  else if (q.level) {
    params.level = Number(q.level);
    outer.push('level = @level');
  }

  const rowsSql = `SELECT * FROM (
      SELECT d.id, d.ref, d.name, d.id_number, d.last_date, d.mode, d.latest_end,
        ${STATUS_SQL} AS status, ${LEVEL_SQL} AS level,
        CASE WHEN ${STATUS_SQL} IN ${IN_STAY} AND d.mode = 'institutional' THEN d.admit_bed END AS bed
      FROM (${derivedResidentsSql(pack, inner.join(' AND '))}) d
    ) WHERE ${outer.join(' AND ')}`;
  const total = db.raw.prepare(`SELECT count(*) FROM (${rowsSql})`).pluck().get(params) as number;
  const rows = db.raw
    .prepare(`${rowsSql} ORDER BY ${orderBy(q)} LIMIT @limit OFFSET @offset`)
    .all({ ...params, limit: q.pageSize, offset: (q.page - 1) * q.pageSize }) as Row[];
  return { rows: rows.map((r) => toRow(r, today)), total, today };
}

function toRow(r: Row, today: LocalDate): ResidentRow {
  const facts = idNumberFacts(r.id_number);
  return {
    id: r.id,
    ref: r.ref,
    name: r.name,
    idNumberMasked: maskIdNumber(r.id_number),
    idWarning: idNumberProblem(r.id_number, today),
    sex: facts?.sex ?? null,
    // a birth date after today (a number stored before such were refused) has no age
    age: facts && facts.birthDate <= today ? ageOn(facts.birthDate, today) : null,
    level: r.level,
    assessmentEndsOn: r.latest_end,
    assessmentDaysLeft: r.latest_end ? daysBetween(today, r.latest_end) : null,
    mode: r.mode,
    status: r.status,
    statusSince: r.status === 'none' ? null : r.last_date,
    bed: r.bed,
  };
}
