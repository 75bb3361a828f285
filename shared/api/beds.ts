/**
 * 床位: beds and rooms, and who occupies each bed on a day. Occupancy is derived from the admit
 * events' bed and the stay status that day, never typed. Owned by the beds feature.
 */
import { z } from 'zod';
import type { DayStatus } from '../claims/stayTimeline';
import type { Level, LocalDate } from '../domain/model';
import { listQuery, method, recordId, type Page } from './define';
import { realDate } from './staff';

export const BED_SORT_FIELDS = ['code', 'room', 'floor'] as const;

export const bedListQuery = listQuery.extend({
  floor: z.string().trim().max(20).optional(),
  sortField: z.enum(BED_SORT_FIELDS).optional(),
});
export type BedListQuery = z.input<typeof bedListQuery>;

const optionalText = (max: number, tooLong: string) => z.string().trim().max(max, tooLong).optional();

export const bedInput = z.object({
  /** absent: a new bed */
  id: recordId.optional(),
  /** 床位号, e.g. 2-201-1 (floor-room-bed); what admit events record */
  code: z.string().trim().min(1, '请填写床位号').max(30, '床位号最多30位'),
  room: optionalText(30, '房间号最多30位'),
  floor: optionalText(20, '楼层最多20个字'),
  note: optionalText(200, '备注最多200个字'),
});
export type BedInput = z.input<typeof bedInput>;

export interface BedRow {
  id: number;
  code: string;
  room: string | null;
  floor: string | null;
  note: string | null;
  /** admit events that name this bed: a used bed keeps its code and cannot be deleted */
  stays: number;
}

export interface Occupant {
  residentId: number;
  name: string;
  status: DayStatus;
  /** the admission that holds the bed */
  admittedOn: LocalDate;
  level: Level | null;
}

export interface BoardBed {
  /** null: a code admit events use that is not registered as a bed */
  id: number | null;
  code: string;
  room: string | null;
  floor: string | null;
  note: string | null;
  /** more than one: a conflict to fix (two stays name the same bed that day) */
  occupants: Occupant[];
}

export interface BedBoard {
  date: LocalDate;
  /** registered beds, by floor, room and code */
  beds: BoardBed[];
  /** codes used by stays that day but not registered */
  unregistered: BoardBed[];
  /** people in an institutional stay that day whose admission names no bed */
  unassigned: Occupant[];
  counts: {
    total: number;
    /** occupied, including beds kept for someone in hospital or on leave */
    occupied: number;
    /** of the occupied: kept while the person is in hospital or on leave */
    away: number;
    free: number;
  };
}

export interface FreeBed {
  code: string;
  room: string | null;
  floor: string | null;
}

export const bedsApi = {
  'beds.list': method(bedListQuery).returns<Page<BedRow>>(),
  'beds.save': method(bedInput).returns<BedRow>(),
  /** refused (CONFLICT) for a bed a stay names */
  'beds.delete': method(z.object({ id: recordId })).returns<{ id: number }>(),
  'beds.board': method(z.object({ date: realDate })).returns<BedBoard>(),
  /** registered beds nobody occupies on the date: what an admission may choose from */
  'beds.free': method(z.object({ date: realDate })).returns<FreeBed[]>(),
};
