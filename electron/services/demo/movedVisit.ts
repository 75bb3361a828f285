/**
 * The demo's 改挂 pattern, made the way it happens: after the visit is in the database, someone changes
 * its caregiver in the program (visitWrite.ts), and the audit log keeps the before and after that the
 * self-audit's MOVED_AFTER_CAP rule reads.
 */
import type { LtcDatabase } from '../db/database';
import { getVisit, saveVisit } from '../visits/visitWrite';
import type { PlantedPatterns } from './auditPatterns';

export function moveAfterCap(db: LtcDatabase, moved: PlantedPatterns['moved'], actor: string): void {
  if (!moved) return;
  const id = (table: string, ref: string) => db.raw.prepare(`SELECT id FROM ${table} WHERE ref = ?`).pluck().get(ref) as number;
  const v = getVisit(db, id('visits', moved.visit));
  saveVisit(
    db,
    {
      id: v.id,
      residentId: v.residentId,
      staffId: id('staff', moved.to),
      start: v.start,
      end: v.end,
      items: v.items.map((i) => i.code),
      confirmed: v.confirmed,
      checkIn: v.checkIn,
      checkOut: v.checkOut,
      note: v.note ?? undefined,
    },
    actor,
  );
}
