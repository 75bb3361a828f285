/**
 * Each data row of an import checked on its own: who (by ID number, or by name when it is unique),
 * when, which items, and whether its 外部编号 is already stored. What makes a row impossible to store
 * is an error; what the claim would exclude (too short, overlap, unconfirmed, certificate) is left to
 * the claim's rules later and only warned about: records are kept, as in the form. A visit that starts
 * after today has not happened: an error, as in the form (shared/domain/notYet.ts).
 *
 * A row whose 外部编号 is stored is the same record brought in again: identical, it is a duplicate (skipped);
 * different (the caregiver app corrected it, or an earlier file was cut short), its differences from the
 * stored visit are listed, and the import updates that visit only when the user chooses to — never a second
 * visit. A stored row with errors stays a duplicate: nothing in it can be stored.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { ImportRowChange, ImportRowProblem } from '../../../../shared/api/visits';
import { maskIdNumber } from '../../../../shared/domain/ids';
import type { GeoPoint, LocalDate } from '../../../../shared/domain/model';
import { visitNotYet } from '../../../../shared/domain/notYet';
import type { Policy } from '../judge';
import { readStoredRowByExternalRef, splitItems, type StoredRow } from '../visitRows';
import { codes, coordinate, dateTime, idNumber as parseIdNumber, shown, text, yesNo } from '../../spreadsheet/cells';
import { headerOf, type ColumnMap, type Field } from './columns';
import type { Cell, TableRow } from './readTable';

export interface Candidate {
  row: number;
  residentId: number | null;
  residentName: string | null;
  staffId: number | null;
  staffName: string | null;
  start: string | null;
  end: string | null;
  items: string[];
  confirmed: boolean | null;
  checkIn: GeoPoint | null;
  checkOut: GeoPoint | null;
  externalRef: string | null;
  note: string | null;
  errors: ImportRowProblem[];
  /** the 外部编号 is already stored and the row says the same (or cannot be stored): skipped, never an error */
  duplicate: boolean;
  /** the 外部编号 is already stored and the row differs: that visit, and what would change */
  stored: StoredRow | null;
  changes: ImportRowChange[];
}

const shownTime = (t: string | null): string => (t ? t.replace('T', ' ') : '');
const shownPoint = (lat: number | null, lng: number | null): string => (lat === null || lng === null ? '' : `${lat}, ${lng}`);

/** What storing the row over the stored visit would change, field by field, in the screen's words. */
function differences(s: StoredRow, c: Omit<Candidate, 'errors' | 'duplicate' | 'stored' | 'changes' | 'row'>): ImportRowChange[] {
  const out: ImportRowChange[] = [];
  const differ = (field: string, before: string, after: string) => {
    if (before !== after) out.push({ field, before, after });
  };
  if (s.resident_id !== c.residentId) differ('服务对象', s.resident_name, c.residentName ?? '');
  if (s.staff_id !== c.staffId) differ('护理人员', s.staff_name, c.staffName ?? '');
  differ('开始时间', shownTime(s.start_at), shownTime(c.start));
  differ('结束时间', shownTime(s.end_at), shownTime(c.end));
  differ('服务项目', splitItems(s.items).join('、'), c.items.join('、'));
  differ('签字确认', s.confirmed === 1 ? '是' : '否', c.confirmed ? '是' : '否');
  differ('签到位置', shownPoint(s.check_in_lat, s.check_in_lng), shownPoint(c.checkIn?.lat ?? null, c.checkIn?.lng ?? null));
  differ('签退位置', shownPoint(s.check_out_lat, s.check_out_lng), shownPoint(c.checkOut?.lat ?? null, c.checkOut?.lng ?? null));
  differ('备注', s.note ?? '', c.note ?? '');
  return out;
}

interface Person {
  id: number;
  name: string;
  idNumber: string;
}

interface Directory {
  byIdNumber: Map<string, Person[]>;
  byName: Map<string, Person[]>;
}

function directory(sql: BetterSqlite3.Database, table: 'residents' | 'staff'): Directory {
  const byIdNumber = new Map<string, Person[]>();
  const byName = new Map<string, Person[]>();
  for (const p of sql.prepare(`SELECT id, name, id_number AS idNumber FROM ${table}`).all() as Person[]) {
    byIdNumber.set(p.idNumber, [...(byIdNumber.get(p.idNumber) ?? []), p]);
    byName.set(p.name, [...(byName.get(p.name) ?? []), p]);
  }
  return { byIdNumber, byName };
}

const NOUN = { residents: '服务对象', staff: '护理人员' } as const;
const PLACE = { residents: '“服务对象”', staff: '“员工与证书”' } as const;

export function checkRows(sql: BetterSqlite3.Database, rows: readonly TableRow[], map: ColumnMap, policy: Policy, today: LocalDate): Candidate[] {
  const people = { residents: directory(sql, 'residents'), staff: directory(sql, 'staff') };
  const firstRowOfRef = new Map<string, number>();
  const out: Candidate[] = [];

  for (const r of rows) {
    if (r.row <= map.headerRow) continue;
    const errors: ImportRowProblem[] = [];
    const cell = (f: Field): Cell => (map.index[f] === undefined ? null : (r.cells[map.index[f]!] ?? null));
    const column = (f: Field): string => map.headers[f] ?? headerOf(f);
    const fail = (f: Field, message: string): void => void errors.push({ column: column(f), message });
    function take<T>(f: Field, p: { ok: true; value: T } | { ok: false; message: string }, fallback: T): T {
      if (p.ok) return p.value;
      fail(f, p.message);
      return fallback;
    }

    const who = (table: 'residents' | 'staff', idField: Field, nameField: Field): Person | null => {
      const idNumber = take(idField, parseIdNumber(cell(idField)), null);
      const name = take(nameField, text(cell(nameField), 50), null);
      const dir = people[table];
      if (idNumber) {
        const found = dir.byIdNumber.get(idNumber) ?? [];
        if (found.length === 0) fail(idField, `找不到身份证号为 ${maskIdNumber(idNumber)} 的${NOUN[table]}，请核对号码，或先在${PLACE[table]}中登记此人`);
        else if (found.length > 1)
          fail(idField, `系统中有 ${found.length} 位${NOUN[table]}登记了身份证号 ${maskIdNumber(idNumber)}，请先在${PLACE[table]}中更正重复的记录`);
        else if (name && found[0]!.name !== name)
          fail(nameField, `身份证号 ${maskIdNumber(idNumber)} 登记的${NOUN[table]}是“${found[0]!.name}”，与“${name}”不一致，请核对`);
        else return found[0]!;
        return null;
      }
      if (name) {
        const found = dir.byName.get(name) ?? [];
        if (found.length === 1) return found[0]!;
        if (found.length === 0) fail(nameField, `找不到名为“${name}”的${NOUN[table]}，请核对姓名，或先在${PLACE[table]}中登记此人`);
        else fail(nameField, `系统中有 ${found.length} 位名为“${name}”的${NOUN[table]}，请在“${headerOf(idField)}”列填写身份证号以区分`);
        return null;
      }
      // A numeric ID cell has already said what is wrong with it.
      if (!errors.some((e) => e.column === column(idField))) fail(idField, `请填写${NOUN[table]}的身份证号或姓名`);
      return null;
    };

    const resident = who('residents', 'residentId', 'residentName');
    const staff = who('staff', 'staffId', 'staffName');
    const start = cell('start') === null ? (fail('start', '未填写'), null) : take('start', dateTime(cell('start'), 'start'), null);
    const end = cell('end') === null ? (fail('end', '未填写'), null) : take('end', dateTime(cell('end'), 'end'), null);
    // end = start is kept (the claim calls it too short); end before start is no visit at all.
    if (start && end && end < start) fail('end', `${shown(cell('end'))} 早于开始时间 ${shown(cell('start'))}，请核对签到、签退时间`);
    const notYet = start ? visitNotYet(start, today) : null;
    if (notYet) fail('start', notYet);
    const items = codes(cell('items'));
    if (items.length === 0) fail('items', '未填写，请填写服务项目目录中的编码，例如 LC01');
    const unknown = items.filter((c) => !policy.items.has(c));
    if (unknown.length > 0) fail('items', `${unknown.map((c) => `“${c}”`).join('、')} 不在服务项目目录中，请核对编码（目录见导入模板的“服务项目目录”表）`);
    const confirmed = take('confirmed', yesNo(cell('confirmed')), null);
    const point = (latF: Field, lngF: Field): GeoPoint | null => {
      const lat = take(latF, coordinate(cell(latF), 'lat'), null);
      const lng = take(lngF, coordinate(cell(lngF), 'lng'), null);
      if ((cell(latF) === null) !== (cell(lngF) === null)) fail(cell(latF) === null ? latF : lngF, `${column(latF)}和${column(lngF)}要么都填，要么都不填`);
      return lat !== null && lng !== null ? { lat, lng } : null;
    };
    const checkIn = point('inLat', 'inLng');
    const checkOut = point('outLat', 'outLng');
    const externalRef = take('externalRef', text(cell('externalRef'), 100), null);
    const note = take('note', text(cell('note'), 500), null);

    const read = {
      residentId: resident?.id ?? null,
      residentName: resident?.name ?? (shown(cell('residentName')) || null),
      staffId: staff?.id ?? null,
      staffName: staff?.name ?? (shown(cell('staffName')) || null),
      start,
      end,
      items,
      confirmed,
      checkIn,
      checkOut,
      externalRef,
      note,
    };
    let duplicate = false;
    let stored: StoredRow | null = null;
    let changes: ImportRowChange[] = [];
    if (externalRef) {
      const first = firstRowOfRef.get(externalRef);
      const before = readStoredRowByExternalRef(sql, externalRef);
      if (first === undefined) firstRowOfRef.set(externalRef, r.row);
      if (before) {
        // the stored record again: its first row in the file speaks for it, a repeat is skipped
        changes = first === undefined && errors.length === 0 ? differences(before, read) : [];
        if (changes.length > 0) stored = before;
        else duplicate = true;
      } else if (first !== undefined) fail('externalRef', `外部编号“${externalRef}”与第 ${first} 行重复，同一条记录只能导入一次，请删去重复的行`);
    }
    out.push({ row: r.row, ...read, errors: duplicate ? [] : errors, duplicate, stored, changes });
  }
  return out;
}
