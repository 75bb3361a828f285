/**
 * How the head nurse's typing becomes cells: a shift typed by its key (Z), its name (早班) or the
 * first character of its name (早); a rotation pattern (早早中中夜夜休休) laid from a start day; a block
 * pasted from Excel (tab-separated rows); a week or month copied forward. Pure: the screen computes the
 * cells and sends them in one call (rota.setCells), which is what the services check and store.
 */
import { addDays, dayNumber } from '../domain/dates';
import type { LocalDate } from '../domain/model';
import type { RotaCell, ShiftType } from './types';

/** The shift a typed text means, or null when none or more than one does. '' is not asked here. */
export function resolveShift(text: string, types: readonly ShiftType[]): ShiftType | null {
  const t = text.trim();
  if (!t) return null;
  const exact = types.find((s) => s.name === t);
  if (exact) return exact;
  const byKey = types.filter((s) => s.key.toUpperCase() === t.toUpperCase());
  if (byKey.length === 1) return byKey[0] ?? null;
  const byFirst = types.filter((s) => [...s.name][0] === [...t][0] && [...t].length === 1);
  return byFirst.length === 1 ? (byFirst[0] ?? null) : null;
}

export type PatternResult = { ok: true; shifts: ShiftType[] } | { ok: false; message: string };

/**
 * A rotation pattern: one character per day (早早中中夜夜休休, or keys: ZZMMYYXX), or names separated
 * by spaces, commas or slashes (早班 早班 夜班 休).
 */
export function parsePattern(text: string, types: readonly ShiftType[]): PatternResult {
  const t = text.trim();
  if (!t) return { ok: false, message: '请填写轮班规律，例如 早早中中夜夜休休' };
  const tokens = /[\s,，、/]/.test(t) ? t.split(/[\s,，、/]+/).filter(Boolean) : [...t];
  const shifts: ShiftType[] = [];
  for (const token of tokens) {
    const s = resolveShift(token, types);
    if (!s) return { ok: false, message: `轮班规律中的“${token}”不是已有班次（可用：${types.map((x) => `${x.name}(${x.key})`).join('、')}）` };
    shifts.push(s);
  }
  if (shifts.length > 62) return { ok: false, message: '轮班规律最长 62 天' };
  return { ok: true, shifts };
}

/**
 * The pattern repeated from `start` to `end` (inclusive) for each staff member in order; with
 * `stagger` k the i-th person starts k × i days further into the pattern, so a team on one pattern
 * covers every shift.
 */
export function applyPattern(shifts: readonly ShiftType[], staffIds: readonly number[], start: LocalDate, end: LocalDate, stagger = 0): RotaCell[] {
  const cells: RotaCell[] = [];
  const days = dayNumber(end) - dayNumber(start) + 1;
  const n = shifts.length;
  if (n === 0) return cells;
  staffIds.forEach((staffId, i) => {
    for (let d = 0; d < days; d++) {
      const s = shifts[(((d + i * stagger) % n) + n) % n];
      if (s) cells.push({ staffId, date: addDays(start, d), shiftTypeId: s.id });
    }
  });
  return cells;
}

/** A cell to write: a shift, or null to clear it. */
export interface CellEdit {
  staffId: number;
  date: LocalDate;
  shiftTypeId: number | null;
}

export type PasteResult = { ok: true; edits: CellEdit[] } | { ok: false; message: string };

/**
 * A block copied from Excel (rows by newlines, cells by tabs) laid from a cell: rows go down the staff
 * (in the order shown), columns along the days. An empty cell clears; a text that is no shift refuses
 * the whole paste, naming it. Cells falling outside the grid are left out.
 */
export function parsePaste(
  text: string,
  types: readonly ShiftType[],
  staffOrder: readonly number[],
  dates: readonly LocalDate[],
  at: { row: number; col: number },
): PasteResult {
  const rows = text.replace(/\r/g, '').replace(/\n$/, '').split('\n');
  const edits: CellEdit[] = [];
  for (let r = 0; r < rows.length; r++) {
    const staffId = staffOrder[at.row + r];
    if (staffId === undefined) break;
    const cols = (rows[r] ?? '').split('\t');
    for (let c = 0; c < cols.length; c++) {
      const date = dates[at.col + c];
      if (date === undefined) break;
      const text = (cols[c] ?? '').trim();
      if (!text) {
        edits.push({ staffId, date, shiftTypeId: null });
        continue;
      }
      const s = resolveShift(text, types);
      if (!s) return { ok: false, message: `粘贴内容第 ${r + 1} 行第 ${c + 1} 列“${text}”不是已有班次，未粘贴` };
      edits.push({ staffId, date, shiftTypeId: s.id });
    }
  }
  return { ok: true, edits };
}

/**
 * The cells of `from` … `from + days − 1` moved by `offset` days (复制上周: 7; 复制上月: the
 * days from one month's first to the next's). Cells of the target days that the source leaves empty
 * are cleared, so the copy is exact. Only the staff given are copied.
 */
export function copyCells(cells: readonly RotaCell[], staffIds: readonly number[], from: LocalDate, days: number, offset: number): CellEdit[] {
  const wanted = new Set(staffIds);
  const source = new Map<string, number>();
  const first = dayNumber(from);
  for (const c of cells) {
    const d = dayNumber(c.date) - first;
    if (wanted.has(c.staffId) && d >= 0 && d < days) source.set(`${c.staffId}|${d}`, c.shiftTypeId);
  }
  const edits: CellEdit[] = [];
  for (const staffId of staffIds) {
    for (let d = 0; d < days; d++) edits.push({ staffId, date: addDays(from, d + offset), shiftTypeId: source.get(`${staffId}|${d}`) ?? null });
  }
  return edits;
}
