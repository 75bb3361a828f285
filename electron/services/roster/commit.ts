/**
 * Carries out a roster plan: one transaction, so a failure at the last row leaves the database as it
 * was, with one audit entry that says which file, what was added and which rows were left out.
 */
import { createHash } from 'node:crypto';
import type { RosterSummary } from '../../../shared/api/roster';
import { recordAudit } from '../audit/auditLog';
import { localTimestamp } from '../db/clock';
import type { LtcDatabase } from '../db/database';
import { allocateRefs } from '../db/recordRefs';
import { InputError } from '../errors';
import type { RosterPlan } from './plan';

export interface CommitFacts {
  fileName: string;
  bytes: Buffer;
  actor: string;
  excluded: readonly { sheet: string; row: number }[];
}

/** Refuses a plan that still holds a row with an error: the user fixes it or leaves it out. */
export function assertNoErrors(plan: RosterPlan): void {
  const bad = plan.rows.filter((r) => r.issues.some((i) => i.severity === 'error'));
  if (bad.length === 0) return;
  const problems = bad.flatMap((r) =>
    r.issues.filter((i) => i.severity === 'error').map((i) => ({ path: `${r.sheetName}第${r.row}行${i.column ? `「${i.column}」` : ''}`, message: i.message })),
  );
  throw new InputError(`还有 ${bad.length} 行有错误，未导入任何数据：请修改后重新上传，或勾选“排除有错误的行”`, problems);
}

export function carryOut(db: LtcDatabase, plan: RosterPlan, facts: CommitFacts): RosterSummary {
  const sql = db.raw;
  const now = localTimestamp();
  const summary: RosterSummary = {
    residents: { added: 0, matched: 0 },
    assessments: { added: 0, skipped: 0 },
    admissions: { added: 0, skipped: 0 },
    staff: { added: 0, matched: 0 },
    certificates: { added: 0, skipped: 0 },
    importedRows: plan.importedRows,
    excludedRows: plan.excludedRows,
  };
  const added: { residents: { id: number; ref: string; name: string }[]; staff: { id: number; ref: string; name: string }[] } = { residents: [], staff: [] };

  const residentRefs = allocateRefs(sql, 'resident', plan.residents.filter((p) => p.existingId === null).length);
  const insertResident = sql.prepare(
    `INSERT INTO residents (ref, name, id_number, insurance_type, phone, address, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertAssessment = sql.prepare('INSERT INTO assessments (resident_id, level, concluded_on, number, assessor) VALUES (?, ?, ?, ?, ?)');
  const nextSeq = sql.prepare('SELECT coalesce(max(seq) + 1, 0) FROM stay_events WHERE resident_id = ?').pluck();
  const insertEvent = sql.prepare('INSERT INTO stay_events (resident_id, seq, type, date, mode, bed, note) VALUES (?, ?, ?, ?, ?, ?, NULL)');
  for (const p of plan.residents) {
    let id = p.existingId;
    if (id === null) {
      const f = p.first;
      const ref = residentRefs.shift()!;
      id = Number(insertResident.run(ref, f.name, f.idNumber, f.insuranceType, f.phone, f.address, now, now).lastInsertRowid);
      added.residents.push({ id, ref, name: f.name });
      summary.residents.added++;
    } else summary.residents.matched++;
    for (const a of p.add.assessments) insertAssessment.run(id, a.level, a.concludedOn, a.number ?? null, a.assessor ?? null);
    // seq continues after the stored events, so a same-day event from the file sorts after them.
    let seq = nextSeq.get(id) as number;
    for (const e of p.add.admits) insertEvent.run(id, seq++, e.type, e.date, e.mode ?? null, e.bed ?? null);
    summary.assessments.added += p.add.assessments.length;
    summary.assessments.skipped += p.skipped.assessments;
    summary.admissions.added += p.add.admits.length;
    summary.admissions.skipped += p.skipped.admits;
  }

  const staffRefs = allocateRefs(sql, 'staff', plan.staff.filter((p) => p.existingId === null).length);
  const insertStaff = sql.prepare(
    'INSERT INTO staff (ref, name, id_number, role, employed_from, employed_to, created_at, updated_at) VALUES (?, ?, ?, ?, ?, NULL, ?, ?)',
  );
  const insertCertificate = sql.prepare('INSERT INTO certificates (staff_id, type, number, level, issued_on, expires_on) VALUES (?, ?, ?, ?, ?, ?)');
  for (const p of plan.staff) {
    let id = p.existingId;
    if (id === null) {
      const f = p.first;
      const ref = staffRefs.shift()!;
      id = Number(insertStaff.run(ref, f.name, f.idNumber, f.role, f.employedFrom, now, now).lastInsertRowid);
      added.staff.push({ id, ref, name: f.name });
      summary.staff.added++;
    } else summary.staff.matched++;
    for (const c of p.add.certificates) insertCertificate.run(id, c.type, c.number, c.level ?? null, c.issuedOn, c.expiresOn ?? null);
    summary.certificates.added += p.add.certificates.length;
    summary.certificates.skipped += p.skipped.certificates;
  }

  recordAudit(db, {
    actor: facts.actor,
    action: 'import',
    entity: 'roster',
    before: null,
    after: {
      file: facts.fileName,
      sha256: createHash('sha256').update(facts.bytes).digest('hex'),
      summary,
      added,
      excludedRows: facts.excluded,
    },
  });
  return summary;
}
