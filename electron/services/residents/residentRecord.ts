/**
 * One resident as stored, with the database ids of their assessments and events (the screens delete
 * by id), and the same person as the claim engine's plain model (readRecords.ts gives it the same
 * shape: rows in insertion order, NULL fields left out), so the screens and the claim agree.
 */
import type { Assessment, CareMode, InsuranceType, Level, Resident, StayEvent, StayEventType } from '../../../shared/domain/model';
import type { LtcDatabase } from '../db/database';
import { ServiceError } from '../errors';

export interface StoredAssessment extends Assessment {
  id: number;
}

export interface StoredEvent extends StayEvent {
  id: number;
  seq: number;
}

export interface StoredResident {
  id: number;
  ref: string;
  name: string;
  idNumber: string;
  insuranceType: InsuranceType | null;
  phone: string | null;
  address: string | null;
  /** in insertion order */
  assessments: StoredAssessment[];
  /** in insertion order (the claim's order for events of one date) */
  events: StoredEvent[];
}

interface ResidentRow {
  id: number;
  ref: string;
  name: string;
  id_number: string;
  insurance_type: InsuranceType | null;
  phone: string | null;
  address: string | null;
}

const present = <T extends object>(o: Record<string, unknown>): T =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined)) as T;

export function readResident(db: LtcDatabase, id: number): StoredResident | null {
  const r = db.raw.prepare('SELECT id, ref, name, id_number, insurance_type, phone, address FROM residents WHERE id = ?').get(id) as ResidentRow | undefined;
  if (!r) return null;
  const assessments = (
    db.raw.prepare('SELECT id, level, concluded_on, number, assessor FROM assessments WHERE resident_id = ? ORDER BY id').all(id) as {
      id: number;
      level: Level;
      concluded_on: string;
      number: string | null;
      assessor: string | null;
    }[]
  ).map((a) => present<StoredAssessment>({ id: a.id, level: a.level, concludedOn: a.concluded_on, number: a.number, assessor: a.assessor }));
  const events = (
    db.raw.prepare('SELECT id, seq, type, date, mode, bed, note FROM stay_events WHERE resident_id = ? ORDER BY id').all(id) as {
      id: number;
      seq: number;
      type: StayEventType;
      date: string;
      mode: CareMode | null;
      bed: string | null;
      note: string | null;
    }[]
  ).map((e) => present<StoredEvent>({ id: e.id, seq: e.seq, type: e.type, date: e.date, mode: e.mode, bed: e.bed, note: e.note }));
  return {
    id: r.id,
    ref: r.ref,
    name: r.name,
    idNumber: r.id_number,
    insuranceType: r.insurance_type,
    phone: r.phone,
    address: r.address,
    assessments,
    events,
  };
}

export function requireResident(db: LtcDatabase, id: number): StoredResident {
  const r = readResident(db, id);
  if (!r) throw new ServiceError('NOT_FOUND', '这位服务对象已不存在（可能已被删除），请回到列表刷新');
  return r;
}

export function toAssessment({ id: _id, ...a }: StoredAssessment): Assessment {
  return a;
}

export function toEvent({ id: _id, seq: _seq, ...e }: StoredEvent): StayEvent {
  return e;
}

/** The claim engine's view of the person. */
export function toModel(r: StoredResident): Resident {
  return present<Resident>({
    ref: r.ref,
    name: r.name,
    idNumber: r.idNumber,
    insuranceType: r.insuranceType,
    phone: r.phone,
    address: r.address,
    assessments: r.assessments.map(toAssessment),
    events: r.events.map(toEvent),
  });
}

/** What the audit log keeps of a resident's personal data (the record in the model's words). */
export function personalAudit(r: Pick<StoredResident, 'ref' | 'name' | 'idNumber' | 'insuranceType' | 'phone' | 'address'>): Record<string, unknown> {
  return { ref: r.ref, name: r.name, idNumber: r.idNumber, insuranceType: r.insuranceType, phone: r.phone, address: r.address };
}
