/**
 * Stores a validated dataset, all or nothing: one transaction, so any exception (a refused
 * institution, a timeline that no longer makes sense after merging, a disk error) leaves the
 * database exactly as it was. Import is a merge, so the same file imported twice changes nothing:
 * people are the same person when their ID number is the same; their assessments, events and
 * certificates are added unless an identical one exists; visits are the same when their ref is.
 */
import { minutesBetween } from '../../../shared/domain/dates';
import type { Dataset, Institution, StayEvent, Visit } from '../../../shared/domain/model';
import { recordAudit } from '../audit/auditLog';
import { localTimestamp } from '../db/clock';
import type { LtcDatabase } from '../db/database';
import { DatasetError } from './errors';
import { readInstitution, sameInstitution, writeInstitution } from './institutionRows';
import { STAY_EVENT_NAMES as EVENT_NAMES } from '../../../shared/domain/glossary';
import { stayTimelineProblems } from '../../../shared/domain/stayRules';
import { importPlanning, type PlanningCounts } from './planningRows';
import { validateDataset } from './validateDataset';
import { catalogueCodes, NUMBERS, type VisitBatch } from './visitBatch';

export interface ImportCount {
  added: number;
  /** already present (same person, identical record, or a visit ref already stored) */
  skipped: number;
}

/** Visits: a ref already on file that says something else is not overwritten, and is named. */
export interface VisitImportCount extends ImportCount {
  /** of the skipped, those whose stored record differs from the file's (not applied: a correction is made in the program, with a reason) */
  conflicting: number;
  /** their refs, the first 20 */
  conflictingRefs: string[];
}

export interface ImportSummary extends PlanningCounts {
  institution: 'created' | 'updated' | 'unchanged';
  residents: ImportCount;
  assessments: ImportCount;
  events: ImportCount;
  staff: ImportCount;
  certificates: ImportCount;
  visits: VisitImportCount;
}

const count = (): ImportCount => ({ added: 0, skipped: 0 });
/**
 * The stored person a file's person is: the same ID number; or, for a record with no ID number yet,
 * the same ref and name (two people without ID numbers must not merge into one).
 */
const SAME_PERSON = `SELECT id, name FROM $table
  WHERE (@idNumber <> '' AND id_number = @idNumber) OR (@idNumber = '' AND id_number = '' AND ref = @ref AND name = @name)
  ORDER BY id LIMIT 1`;

/** Identity of a child record: all its fields (absent and null alike). */
const key = (...values: unknown[]): string => JSON.stringify(values.map((v) => v ?? null));

export function importDataset(db: LtcDatabase, dataset: Dataset, opts: { actor: string }): ImportSummary {
  // Re-checked here so no caller can store what the validator refuses.
  const checked = validateDataset(dataset);
  if (!checked.ok) {
    // The problems travel with the error (each with its path); the message only says what happened.
    throw new DatasetError('IMPORT_INVALID', `导入文件有 ${checked.problems.length} 处问题，未导入任何数据，请逐条修改后重新导入`, checked.problems);
  }
  return db.transaction(() => {
    const run = beginImport(db, dataset, opts.actor);
    for (const v of dataset.visits) run.visit(v);
    return run.finish();
  });
}

/**
 * One import inside the caller's transaction, in three steps, so that a file's visits can be given one
 * at a time as they are read (datasetFile.ts): `beginImport` stores the institution and the people of
 * `d` (whose `visits` it does not read), `visit` each visit, `finish` the rota and plans and the audit row.
 */
export interface ImportRun {
  visit(v: Visit): void;
  /** the same for a batch of visits checked by the reading thread (importReader.ts) */
  visitBatch(b: VisitBatch): void;
  finish(): ImportSummary;
}

export function beginImport(db: LtcDatabase, d: Dataset, actor: string): ImportRun {
  const sql = db.raw;
  const now = localTimestamp();
  const summary: ImportSummary = {
    institution: 'unchanged',
    residents: count(),
    assessments: count(),
    events: count(),
    staff: count(),
    certificates: count(),
    visits: { ...count(), conflicting: 0, conflictingRefs: [] },
  };

  const before = readInstitution(sql);
  if (before && before.uscc !== d.institution.uscc && before.agencyCode !== d.institution.agencyCode) {
    throw new DatasetError(
      'IMPORT_OTHER_INSTITUTION',
      `导入文件属于另一家机构（${d.institution.name}，统一社会信用代码 ${d.institution.uscc}，定点机构编码 ${d.institution.agencyCode}），` +
        `与本数据库的机构（${before.name}，${before.uscc}，${before.agencyCode}）不符，已拒绝导入。`,
    );
  }
  if (!before || !sameInstitution(before, d.institution)) {
    writeInstitution(sql, d.institution, now);
    summary.institution = before ? 'updated' : 'created';
  }

  const residentIds = importResidents(db, d, now, summary);
  const staffIds = importStaff(db, d, now, summary);

  // Into an empty visits table (a new database, `ltc claim --dataset`, a first migration), the visits'
  // secondary indexes are built once after the last visit instead of kept up row by row (issue 17): kept
  // up in the visits' random order of residents, staff and times, they were half of the inserting. Their
  // definitions are dropped and run again word for word in this transaction: a refusal rolls both back.
  const deferredIndexes = (sql.prepare('SELECT NOT EXISTS (SELECT 1 FROM visits)').pluck().get() as number) === 1 ? dropVisitIndexes(db) : [];

  // A visit already on file (same ref) is skipped: the insert itself finds it on the ref's unique
  // index (DO NOTHING for that conflict only; any other constraint still fails the import), instead
  // of a lookup before every insert.
  const insertVisit = sql.prepare(`INSERT INTO visits (ref, resident_id, staff_id, start_at, end_at, minutes, confirmed,
      check_in_lat, check_in_lng, check_out_lat, check_out_lng, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (ref) DO NOTHING`);
  const insertItem = sql.prepare('INSERT INTO visit_items (visit_id, position, code) VALUES (?, ?, ?)');
  // Only for a ref already on file: what is stored, to tell "the same visit again" from "a corrected one".
  const storedVisit = sql
    .prepare(
      `SELECT resident_id, staff_id, start_at, end_at, confirmed, check_in_lat, check_in_lng, check_out_lat, check_out_lng, note,
         (SELECT group_concat(code, ',') FROM (SELECT code FROM visit_items WHERE visit_id = v.id ORDER BY position)) AS items
       FROM visits v WHERE ref = ?`,
    )
    .raw();
  // the file's people by their index in its lists (a batch's), and its catalogue's codes by theirs
  const residentAt = d.residents.map((r) => residentIds.get(r.ref)!);
  const staffAt = d.staff.map((s) => staffIds.get(s.ref)!);
  let codes: string[] | null = null;

  /** A visit whose ref is on file already: skipped, and named when what is stored differs. */
  const skipped = (ref: string, file: unknown[]): void => {
    summary.visits.skipped++;
    const stored = storedVisit.get(ref) as unknown[] | undefined;
    if (stored && key(...stored.map((x) => (typeof x === 'bigint' ? Number(x) : x))) !== key(...file.map((x) => (typeof x === 'bigint' ? Number(x) : x)))) {
      summary.visits.conflicting++;
      if (summary.visits.conflictingRefs.length < 20) summary.visits.conflictingRefs.push(ref);
    }
  };

  const visit = (v: Visit): void => {
    const residentId = residentIds.get(v.resident);
    const staffId = staffIds.get(v.staff);
    const inserted = insertVisit.run(
      v.ref,
      residentId,
      staffId,
      v.start,
      v.end,
      minutesBetween(v.start, v.end),
      v.confirmed ? 1 : 0,
      v.checkIn?.lat ?? null,
      v.checkIn?.lng ?? null,
      v.checkOut?.lat ?? null,
      v.checkOut?.lng ?? null,
      v.note ?? null,
    );
    if (inserted.changes === 0) {
      const file = [
        residentId,
        staffId,
        v.start,
        v.end,
        v.confirmed ? 1 : 0,
        v.checkIn?.lat,
        v.checkIn?.lng,
        v.checkOut?.lat,
        v.checkOut?.lng,
        v.note,
        v.items.join(','),
      ];
      skipped(v.ref, file);
      return;
    }
    const id = inserted.lastInsertRowid;
    const items = v.items;
    for (let position = 0; position < items.length; position++) insertItem.run(id, position, items[position]);
    summary.visits.added++;
  };

  /** visit() for a batch of checked visits (visitBatch.ts): the same rows. */
  const visitBatch = (b: VisitBatch): void => {
    codes ??= catalogueCodes(d);
    const { text, numbers: n, itemCounts, items } = b;
    const orNull = (x: number): number | null => (Number.isNaN(x) ? null : x);
    let item = 0;
    for (let k = 0; k < b.count; k++) {
      const o = k * NUMBERS;
      const t = 4 * k;
      const residentId = residentAt[n[o]!];
      const staffId = staffAt[n[o + 1]!];
      const inserted = insertVisit.run(
        text[t],
        residentId,
        staffId,
        text[t + 1],
        text[t + 2],
        n[o + 2],
        n[o + 3],
        orNull(n[o + 4]!),
        orNull(n[o + 5]!),
        orNull(n[o + 6]!),
        orNull(n[o + 7]!),
        text[t + 3],
      );
      const count = itemCounts[k]!;
      if (inserted.changes === 0) {
        const list: string[] = [];
        for (let j = 0; j < count; j++) list.push(codes[items[item + j]!]!);
        const gps = (x: number): number | undefined => (Number.isNaN(x) ? undefined : x);
        const note = text[t + 3] ?? undefined;
        skipped(text[t]!, [
          residentId,
          staffId,
          text[t + 1],
          text[t + 2],
          n[o + 3],
          gps(n[o + 4]!),
          gps(n[o + 5]!),
          gps(n[o + 6]!),
          gps(n[o + 7]!),
          note,
          list.join(','),
        ]);
        item += count;
        continue;
      }
      const id = inserted.lastInsertRowid;
      for (let position = 0; position < count; position++) insertItem.run(id, position, codes[items[item++]!]);
      summary.visits.added++;
    }
  };

  const finish = (): ImportSummary => {
    for (const definition of deferredIndexes) sql.exec(definition);
    // 1.1: the rota, the care plans and the planned visits (present only when the file has them)
    Object.assign(summary, importPlanning(sql, d, residentIds, staffIds));

    recordAudit(db, {
      actor,
      action: 'import',
      entity: 'dataset',
      before: before ? { institution: before } : null,
      after: { institution: pick(d.institution), summary },
    });
    return summary;
  };
  return { visit, visitBatch, finish };
}

/** Returns the file's resident ref → database id. */
function importResidents(db: LtcDatabase, d: Dataset, now: string, summary: ImportSummary): Map<string, number | bigint> {
  const sql = db.raw;
  const byIdNumber = sql.prepare(SAME_PERSON.replace('$table', 'residents'));
  const insert = sql.prepare(`INSERT INTO residents (ref, name, id_number, insurance_type, phone, address, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
  const assessmentsOf = sql.prepare('SELECT level, concluded_on, number, assessor FROM assessments WHERE resident_id = ?').raw();
  const eventsOf = sql.prepare('SELECT type, date, mode, bed, note, seq FROM stay_events WHERE resident_id = ? ORDER BY seq');
  const insertAssessment = sql.prepare('INSERT INTO assessments (resident_id, level, concluded_on, number, assessor) VALUES (?, ?, ?, ?, ?)');
  const insertEvent = sql.prepare('INSERT INTO stay_events (resident_id, seq, type, date, mode, bed, note) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const refTaken = refChecker(db, 'residents');

  const ids = new Map<string, number | bigint>();
  for (const r of d.residents) {
    const existing = byIdNumber.get({ idNumber: r.idNumber, ref: r.ref, name: r.name }) as { id: number; name: string } | undefined;
    let id: number | bigint;
    let knownAssessments = new Set<string>();
    let knownEvents = new Set<string>();
    let storedEvents: (StayEvent & { seq: number })[] = [];
    if (existing) {
      id = existing.id;
      summary.residents.skipped++;
      knownAssessments = new Set((assessmentsOf.all(id) as unknown[][]).map((row) => key(...row)));
      storedEvents = eventsOf.all(id) as (StayEvent & { seq: number })[];
      knownEvents = new Set(storedEvents.map((e) => key(e.type, e.date, e.mode, e.bed, e.note)));
    } else {
      id = insert.run(refTaken(r.ref), r.name, r.idNumber, r.insuranceType ?? null, r.phone ?? null, r.address ?? null, now, now).lastInsertRowid;
      summary.residents.added++;
    }
    ids.set(r.ref, id);

    for (const a of r.assessments) {
      if (knownAssessments.has(key(a.level, a.concludedOn, a.number, a.assessor))) summary.assessments.skipped++;
      else {
        insertAssessment.run(id, a.level, a.concludedOn, a.number ?? null, a.assessor ?? null);
        summary.assessments.added++;
      }
    }
    // seq continues after the stored events, so a same-day event from the file sorts after them.
    let seq = storedEvents.reduce((max, e) => Math.max(max, e.seq + 1), 0);
    const added: StayEvent[] = [];
    for (const e of r.events) {
      if (knownEvents.has(key(e.type, e.date, e.mode, e.bed, e.note))) summary.events.skipped++;
      else {
        insertEvent.run(id, seq++, e.type, e.date, e.mode ?? null, e.bed ?? null, e.note ?? null);
        added.push(e);
        summary.events.added++;
      }
    }
    // A file that is fine on its own can still contradict what is stored (a second admission).
    if (existing && added.length > 0) {
      const problems = stayTimelineProblems([...storedEvents, ...added]);
      if (problems.length > 0) {
        throw new DatasetError(
          'IMPORT_TIMELINE',
          `${existing.name}（${r.ref}）的${added.map((e) => EVENT_NAMES[e.type]).join('、')}与已有记录合并后前后矛盾，已取消整个导入：` +
            problems.map((p) => p.message).join('；'),
        );
      }
    }
  }
  return ids;
}

/** Returns the file's staff ref → database id. */
function importStaff(db: LtcDatabase, d: Dataset, now: string, summary: ImportSummary): Map<string, number | bigint> {
  const sql = db.raw;
  const byIdNumber = sql.prepare(SAME_PERSON.replace('$table', 'staff'));
  const insert = sql.prepare(`INSERT INTO staff (ref, name, id_number, role, employed_from, employed_to, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
  const certificatesOf = sql.prepare('SELECT type, number, level, issued_on, expires_on FROM certificates WHERE staff_id = ?').raw();
  const insertCertificate = sql.prepare('INSERT INTO certificates (staff_id, type, number, level, issued_on, expires_on) VALUES (?, ?, ?, ?, ?, ?)');
  const refTaken = refChecker(db, 'staff');

  const ids = new Map<string, number | bigint>();
  for (const s of d.staff) {
    const existing = byIdNumber.get({ idNumber: s.idNumber, ref: s.ref, name: s.name }) as { id: number } | undefined;
    let id: number | bigint;
    let known = new Set<string>();
    if (existing) {
      id = existing.id;
      summary.staff.skipped++;
      known = new Set((certificatesOf.all(id) as unknown[][]).map((row) => key(...row)));
    } else {
      id = insert.run(refTaken(s.ref), s.name, s.idNumber, s.role ?? null, s.employedFrom ?? null, s.employedTo ?? null, now, now).lastInsertRowid;
      summary.staff.added++;
    }
    ids.set(s.ref, id);
    for (const c of s.certificates) {
      if (known.has(key(c.type, c.number, c.level, c.issuedOn, c.expiresOn))) summary.certificates.skipped++;
      else {
        insertCertificate.run(id, c.type, c.number, c.level ?? null, c.issuedOn, c.expiresOn ?? null);
        summary.certificates.added++;
      }
    }
  }
  return ids;
}

/**
 * Drops the visits table's secondary indexes (not its unique ones, on which the inserts rely: the ref's, the
 * external ref's) and returns their definitions, to be run again after the inserts.
 */
function dropVisitIndexes(db: LtcDatabase): string[] {
  const indexes = db.raw
    .prepare(
      "SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'visits' AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%' ORDER BY name",
    )
    .all() as { name: string; sql: string }[];
  for (const { name } of indexes) db.raw.exec(`DROP INDEX "${name}"`);
  return indexes.map((i) => i.sql);
}

/**
 * The file's ref is kept so export gives it back; when another person already holds it (refs are
 * only a file's own keys), the new person gets `<ref>-2`, `<ref>-3`, ….
 */
function refChecker(db: LtcDatabase, table: 'residents' | 'staff'): (ref: string) => string {
  const taken = db.raw.prepare(`SELECT 1 FROM ${table} WHERE ref = ?`).pluck();
  return (ref) => {
    let candidate = ref;
    for (let n = 2; taken.get(candidate); n++) candidate = `${ref}-${n}`;
    return candidate;
  };
}

function pick(i: Institution): Pick<Institution, 'name' | 'uscc' | 'agencyCode' | 'policy'> {
  return { name: i.name, uscc: i.uscc, agencyCode: i.agencyCode, policy: i.policy };
}
