/**
 * What the visit form's selects offer: clients and caregivers found by name, ID number or ref (30 at
 * most, so an agency with thousands of clients still answers at once), and the catalogue's items.
 * Home-care clients come first; the hint tells a nurse from a caregiver, which matters for medical items.
 */
import type { PersonOption, VisitCatalogue } from '../../../shared/api/visits';
import { CARE_MODE_NAMES, CERTIFICATE_NAMES, STAFF_ROLE_NAMES } from '../../../shared/domain/glossary';
import { maskIdNumber } from '../../../shared/domain/ids';
import type { CareMode, CertificateType, StaffRole } from '../../../shared/domain/model';
import type { LtcDatabase } from '../db/database';
import { loadPolicy } from './judge';

const LIMIT = 30;
const likePattern = (s: string): string => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

const RESIDENTS_SQL = `SELECT r.id, r.name, r.id_number,
    (SELECT mode FROM stay_events e WHERE e.resident_id = r.id AND e.type = 'admit' ORDER BY e.date DESC, e.id DESC LIMIT 1) AS mode,
    (SELECT level FROM assessments a WHERE a.resident_id = r.id ORDER BY a.concluded_on DESC, a.id DESC LIMIT 1) AS level
  FROM residents r`;

const STAFF_SQL = `SELECT s.id, s.name, s.id_number, s.role, s.employed_to,
    (SELECT group_concat(type) FROM (SELECT DISTINCT type FROM certificates c WHERE c.staff_id = s.id ORDER BY type)) AS types
  FROM staff s`;

const MATCH = `(name LIKE @like ESCAPE '\\' OR id_number LIKE @likeId ESCAPE '\\' OR ref LIKE @like ESCAPE '\\')`;

interface ResidentRow {
  id: number;
  name: string;
  id_number: string;
  mode: CareMode | null;
  level: number | null;
}

interface StaffRow {
  id: number;
  name: string;
  id_number: string;
  role: StaffRole | null;
  employed_to: string | null;
  types: string | null;
}

function residentOption(r: ResidentRow): PersonOption {
  const hint = [r.mode ? CARE_MODE_NAMES[r.mode] : '未入住', r.level !== null ? `${r.level}级` : '无评估'].join(' · ');
  return { id: r.id, name: r.name, idMasked: maskIdNumber(r.id_number), hint };
}

function staffOption(s: StaffRow): PersonOption {
  const certs = (s.types ?? '')
    .split(',')
    .filter(Boolean)
    .map((t) => CERTIFICATE_NAMES[t as CertificateType] ?? t);
  const parts = [s.role ? STAFF_ROLE_NAMES[s.role] : '', certs.length > 0 ? certs.join('、') : '无证书', s.employed_to ? `离职 ${s.employed_to}` : ''];
  return { id: s.id, name: s.name, idMasked: maskIdNumber(s.id_number), hint: parts.filter(Boolean).join(' · ') };
}

export function findPeople(db: LtcDatabase, kind: 'resident' | 'staff', search: string | undefined, ids: readonly number[] = []): PersonOption[] {
  const text = search?.trim() ?? '';
  const params = { like: likePattern(text), likeId: likePattern(text.toUpperCase()), limit: LIMIT, ids: JSON.stringify(ids) };
  const where = text ? `WHERE ${MATCH}` : '';
  const chosen = 'WHERE id IN (SELECT value FROM json_each(@ids))';
  if (kind === 'resident') {
    const found = db.raw.prepare(`${RESIDENTS_SQL} ${where} ORDER BY (mode = 'home') DESC, name, id LIMIT @limit`).all(params) as ResidentRow[];
    const extra = ids.length > 0 ? (db.raw.prepare(`${RESIDENTS_SQL} ${chosen}`).all(params) as ResidentRow[]) : [];
    return merge(found, extra).map(residentOption);
  }
  const found = db.raw.prepare(`${STAFF_SQL} ${where} ORDER BY (employed_to IS NOT NULL) ASC, name, id LIMIT @limit`).all(params) as StaffRow[];
  const extra = ids.length > 0 ? (db.raw.prepare(`${STAFF_SQL} ${chosen}`).all(params) as StaffRow[]) : [];
  return merge(found, extra).map(staffOption);
}

/** The chosen ones first (their labels must show), then the matches, each once. */
function merge<T extends { id: number }>(found: T[], chosen: T[]): T[] {
  const seen = new Set(chosen.map((c) => c.id));
  return [...chosen, ...found.filter((f) => !seen.has(f.id))];
}

export function visitCatalogue(db: LtcDatabase): VisitCatalogue | null {
  const policy = loadPolicy(db.raw);
  if (!policy) return null;
  return {
    id: policy.catalogue.id,
    title: policy.catalogue.title,
    packTitle: policy.pack.title,
    minVisitMinutes: policy.pack.minVisitMinutes,
    items: policy.catalogue.items.map((i) => ({
      code: i.code,
      name: i.name,
      class: i.class,
      ...(i.category ? { category: i.category } : {}),
      ...(i.minMinutes !== undefined ? { minMinutes: i.minMinutes } : {}),
    })),
  };
}
