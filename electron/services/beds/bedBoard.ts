/**
 * 床位看板: every registered bed with whoever holds it on the day, plus what needs fixing: codes stays
 * use that are not registered, and people in a stay with no bed named.
 */
import type { BedBoard, BoardBed, FreeBed } from '../../../shared/api/beds';
import type { LocalDate } from '../../../shared/domain/model';
import type { LtcDatabase } from '../db/database';
import { occupancyOn } from './occupancy';

interface BedRecord {
  id: number;
  code: string;
  room: string | null;
  floor: string | null;
  note: string | null;
}

// Floors and rooms sort as people number them: 2 before 10 (a plain text order puts 10 first).
const COLLATOR = new Intl.Collator('zh-CN', { numeric: true });
const BY_PLACE = (a: BedRecord, b: BedRecord): number =>
  COLLATOR.compare(a.floor ?? '', b.floor ?? '') || COLLATOR.compare(a.room ?? '', b.room ?? '') || COLLATOR.compare(a.code, b.code);

function allBeds(db: LtcDatabase): BedRecord[] {
  return (db.raw.prepare('SELECT id, code, room, floor, note FROM beds').all() as BedRecord[]).sort(BY_PLACE);
}

export function bedBoard(db: LtcDatabase, date: LocalDate): BedBoard {
  const { byBed, unassigned } = occupancyOn(db, date);
  const registered = allBeds(db);
  const beds: BoardBed[] = registered.map((b) => ({ ...b, occupants: byBed.get(b.code) ?? [] }));
  const known = new Set(registered.map((b) => b.code));
  const unregistered: BoardBed[] = [...byBed]
    .filter(([code]) => !known.has(code))
    .map(([code, occupants]) => ({ id: null, code, room: null, floor: null, note: null, occupants }));
  const occupied = beds.filter((b) => b.occupants.length > 0);
  return {
    date,
    beds,
    unregistered,
    unassigned,
    counts: {
      total: beds.length,
      occupied: occupied.length,
      away: occupied.filter((b) => b.occupants.every((o) => o.status !== 'present')).length,
      free: beds.length - occupied.length,
    },
  };
}

export function freeBeds(db: LtcDatabase, date: LocalDate): FreeBed[] {
  const { byBed } = occupancyOn(db, date);
  return allBeds(db)
    .filter((b) => !byBed.has(b.code))
    .map((b) => ({ code: b.code, room: b.room, floor: b.floor }));
}
