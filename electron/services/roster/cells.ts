/**
 * One cell of the roster as a value of the model, or what is wrong with it in words the user can act
 * on (what to write instead). Pure: the row check decides what a problem means for the row.
 */
import { isValidDate } from '../../../shared/domain/dates';
import type { LocalDate } from '../../../shared/domain/model';
import type { Cell } from './readRoster';

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = <T>(message: string): Parsed<T> => ({ ok: false, message });
const pad = (n: number | string): string => String(n).padStart(2, '0');

/** Full-width digits and letters (typed with a Chinese IME) as their ASCII selves. */
const halfWidth = (s: string): string => s.replace(/[０-９Ａ-Ｚａ-ｚ]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

/** The text a user sees in the cell (for messages). */
export function shown(c: Cell): string {
  if (c instanceof Date) return `${c.getUTCFullYear()}-${pad(c.getUTCMonth() + 1)}-${pad(c.getUTCDate())}`;
  return c === null ? '' : String(c);
}

export function text(c: Cell, maxLength: number): Parsed<string | null> {
  if (c === null) return ok(null);
  const t = shown(c).trim();
  if (t.length > maxLength) return bad(`最多 ${maxLength} 个字，现有 ${t.length} 个`);
  return ok(t === '' ? null : t);
}

/** Excel's day 0 for serial numbers is 1899-12-30 (its 1900 leap-year bug included). */
const EXCEL_EPOCH_DAY = Date.UTC(1899, 11, 30) / 86_400_000;
/** The serial number of 1950-01-01. */
const EXCEL_1950 = Date.UTC(1950, 0, 1) / 86_400_000 - EXCEL_EPOCH_DAY;
// 2026-10-02, 2026/10/2, 2026.10.2, 2026年10月2日, and a time after it (a date cell typed with one).
const DATE_RE = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[T\s]+\d{1,2}[:：]\d{1,2}(?:[:：]\d{1,2})?)?$/;
const COMPACT_RE = /^(\d{4})(\d{2})(\d{2})$/;

/**
 * A calendar date from a date cell, an Excel serial number, or text. exceljs reads a date cell as
 * the wall-clock date in the UTC fields of a Date, so the UTC getters give it back unshifted.
 */
export function date(c: Cell): Parsed<LocalDate | null> {
  if (c === null) return ok(null);
  let y: number, m: number, d: number;
  if (c instanceof Date) {
    if (Number.isNaN(c.getTime())) return bad('不是有效的日期，请写成 YYYY-MM-DD，例如 2026-10-02');
    [y, m, d] = [c.getUTCFullYear(), c.getUTCMonth() + 1, c.getUTCDate()];
  } else if (typeof c === 'number' && c >= 1 && c < 2_958_466) {
    // A small number in a date column is a typed year or a count, not a day of 1900–1949.
    if (c < EXCEL_1950) return bad(`“${c}”不是日期，请写成 YYYY-MM-DD，例如 2026-10-02`);
    const day = new Date((EXCEL_EPOCH_DAY + Math.floor(c)) * 86_400_000);
    [y, m, d] = [day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate()];
  } else {
    const t = halfWidth(String(c)).trim();
    const match = DATE_RE.exec(t) ?? COMPACT_RE.exec(t);
    if (!match) return bad(`“${shown(c)}”不是日期，请写成 YYYY-MM-DD，例如 2026-10-02`);
    [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  }
  const value = `${String(y).padStart(4, '0')}-${pad(m)}-${pad(d)}`;
  if (!isValidDate(value)) return bad(`“${shown(c)}”不是存在的日期（${value}），请核对年月日`);
  return ok(value);
}

/**
 * An ID number as typed: spaces dropped, full-width digits and a lower-case x made standard. A number
 * cell is refused: Excel keeps 15 significant digits, so the last three of 18 are already gone.
 */
export function idNumber(c: Cell): Parsed<string | null> {
  if (c === null) return ok(null);
  if (typeof c === 'number') {
    return bad(`被 Excel 存成了数字（${c}），后几位已丢失：请把本列设为“文本”格式后重新输入完整的18位号码`);
  }
  return ok(halfWidth(shown(c)).replace(/\s/g, '').toUpperCase());
}

/** One of a list, by any of its accepted spellings; the message lists what may be written. */
export function choice<T>(c: Cell, spellings: ReadonlyMap<string, T>, shownOptions: readonly string[]): Parsed<T | null> {
  if (c === null) return ok(null);
  const key = halfWidth(shown(c)).replace(/\s/g, '').toLowerCase();
  const value = spellings.get(key);
  if (value === undefined) return bad(`“${shown(c)}”不是可选的值，请从下拉列表选择：${shownOptions.join('、')}`);
  return ok(value);
}

/** A spelling table: each value under its names, compared without spaces and case. */
export function spellings<T>(entries: [T, string[]][]): Map<string, T> {
  const out = new Map<string, T>();
  for (const [value, names] of entries) for (const n of names) out.set(n.replace(/\s/g, '').toLowerCase(), value);
  return out;
}
