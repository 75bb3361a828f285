/**
 * One spreadsheet cell as a value of the model, or what is wrong with it in words the user can act on
 * (what to write instead). Every import reads its cells with these, so the same odd cell (full-width
 * digits typed with a Chinese IME, an ID number Excel turned into a number, 2026/10/2 for a date) is
 * read, or refused, alike everywhere. Pure: each import's row check decides what a problem means for it.
 */
import { isValidDate, isValidDateTime } from '../../../shared/domain/dates';
import type { LocalDate } from '../../../shared/domain/model';
import { spellings } from '../../../shared/fields/choices';
import { DATE_HINT, dateShape, readDate } from '../../../shared/fields/date';
import { normalizeIdNumber } from '../../../shared/fields/idNumber';
import { readYuan, yuanNumberToFen } from '../../../shared/fields/money';
import { halfWidth, spellingKey } from '../../../shared/fields/typed';
import type { Cell } from './cellValue';

export { spellings };

export type { Cell } from './cellValue';
export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = <T>(message: string): Parsed<T> => ({ ok: false, message });
const pad = (n: number | string): string => String(n).padStart(2, '0');

/** The text a user sees in the cell (for messages): a date cell as YYYY-MM-DD, with its time if it has one. */
export function shown(c: Cell): string {
  if (c instanceof Date) {
    const day = `${c.getUTCFullYear()}-${pad(c.getUTCMonth() + 1)}-${pad(c.getUTCDate())}`;
    return c.getUTCHours() === 0 && c.getUTCMinutes() === 0 ? day : `${day} ${pad(c.getUTCHours())}:${pad(c.getUTCMinutes())}`;
  }
  return c === null ? '' : String(c);
}

/** Free text, trimmed; an empty cell is null. */
export function text(c: Cell, maxLength: number): Parsed<string | null> {
  if (c === null) return ok(null);
  const t = shown(c).trim();
  if (t.length > maxLength) return bad(`最多 ${maxLength} 个字，现有 ${t.length} 个`);
  return ok(t === '' ? null : t);
}

/** Excel's day 0 for serial numbers is 1899-12-30 (its 1900 leap-year bug included). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const EXCEL_EPOCH_DAY = EXCEL_EPOCH_MS / 86_400_000;
/** The serial number of 1950-01-01. */
const EXCEL_1950 = Date.UTC(1950, 0, 1) / 86_400_000 - EXCEL_EPOCH_DAY;
// A date typed with a time after it (a date cell typed with one): the date is what counts here.
const TRAILING_TIME = /(?:[T\s]+\d{1,2}[:：]\d{1,2}(?:[:：]\d{1,2})?)$/;

/**
 * A calendar date from a date cell, an Excel serial number, or text. exceljs reads a date cell as
 * the wall-clock date in the UTC fields of a Date, so the UTC getters give it back unshifted.
 */
export function date(c: Cell): Parsed<LocalDate | null> {
  if (c === null) return ok(null);
  let y: number, m: number, d: number;
  if (c instanceof Date) {
    if (Number.isNaN(c.getTime())) return bad(`不是有效的日期，请写成 ${DATE_HINT}`);
    [y, m, d] = [c.getUTCFullYear(), c.getUTCMonth() + 1, c.getUTCDate()];
  } else if (typeof c === 'number' && c >= 1 && c < 2_958_466) {
    // A small number in a date column is a typed year or a count, not a day of 1900–1949.
    if (c < EXCEL_1950) return bad(`“${c}”不是日期，请写成 ${DATE_HINT}`);
    const day = new Date((EXCEL_EPOCH_DAY + Math.floor(c)) * 86_400_000);
    [y, m, d] = [day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate()];
  } else {
    const t = halfWidth(String(c)).trim().replace(TRAILING_TIME, '');
    const value = readDate(t);
    if (value) return ok(value);
    const shape = dateShape(t);
    return bad(shape ? `“${shown(c)}”不是存在的日期（${shape}），请核对年月日` : `“${shown(c)}”不是日期，请写成 ${DATE_HINT}`);
  }
  const value = `${String(y).padStart(4, '0')}-${pad(m)}-${pad(d)}`;
  if (!isValidDate(value)) return bad(`“${shown(c)}”不是存在的日期（${value}），请核对年月日`);
  return ok(value);
}

const TIME_RE =
  /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*[T\s]\s*(\d{1,2})\s*[:：时]\s*(\d{1,2})\s*(?:[:：分]\s*(\d{1,2})(?:\.\d+)?\s*秒?)?\s*分?$/;

/**
 * A local time `YYYY-MM-DDTHH:mm`. Apps log seconds; the claim counts whole minutes. Seconds are
 * dropped towards the inside of the visit (a start rounds up, an end rounds down) so a duration is
 * never overstated: 09:00:50–09:30:10 is 29 minutes, not 30, and stays too short under a 30-minute rule.
 */
export function dateTime(c: Cell, edge: 'start' | 'end'): Parsed<string> {
  let y: number, mo: number, d: number, h: number, mi: number, s: number;
  if (c instanceof Date || typeof c === 'number') {
    const when = c instanceof Date ? c : new Date(EXCEL_EPOCH_MS + Math.round(c * 86_400_000));
    if (Number.isNaN(when.getTime())) return bad('不是有效的时间');
    [y, mo, d, h, mi, s] = [when.getUTCFullYear(), when.getUTCMonth() + 1, when.getUTCDate(), when.getUTCHours(), when.getUTCMinutes(), when.getUTCSeconds()];
  } else {
    const m = TIME_RE.exec(halfWidth(String(c ?? '')).trim());
    if (!m) return bad(`“${shown(c)}”不是时间，请写成 YYYY-MM-DD HH:mm，例如 2026-10-02 09:00`);
    [y, mo, d, h, mi, s] = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0)];
  }
  let value = `${y}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}`;
  if (!isValidDateTime(value)) return bad(`“${shown(c)}”不是存在的时间（日期须真实存在，时为00–23，分为00–59）`);
  if (s > 0 && edge === 'start') value = addMinute(value);
  return ok(value);
}

function addMinute(t: string): string {
  const d = new Date(Date.UTC(Number(t.slice(0, 4)), Number(t.slice(5, 7)) - 1, Number(t.slice(8, 10)), Number(t.slice(11, 13)), Number(t.slice(14, 16)) + 1));
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
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
  return ok(normalizeIdNumber(shown(c)));
}

/** One of a list, by any of its accepted spellings; the message lists what may be written. */
export function choice<T>(c: Cell, table: ReadonlyMap<string, T>, shownOptions: readonly string[]): Parsed<T | null> {
  if (c === null) return ok(null);
  const value = table.get(spellingKey(shown(c)));
  if (value === undefined) return bad(`“${shown(c)}”不是可选的值，请从下拉列表选择：${shownOptions.join('、')}`);
  return ok(value);
}

const YES_NO = spellings<boolean>([
  [true, ['是', '已签', '已签字', '已确认', '确认', 'y', 'yes', 'true', '1', '√', '✓', '✔', '有']],
  [false, ['否', '未签', '未签字', '未确认', 'n', 'no', 'false', '0', '×', '✗', '无']],
]);

/** 签字确认 and other yes/no cells: empty means no (the claim then warns VISIT_UNCONFIRMED). */
export function yesNo(c: Cell): Parsed<boolean> {
  if (c === null) return ok(false);
  if (typeof c === 'boolean') return ok(c);
  const value = YES_NO.get(spellingKey(String(c)));
  return value === undefined ? bad(`“${shown(c)}”看不出是否签字，请填“是”或“否”`) : ok(value);
}

/** Codes separated by 、 , ; / | or spaces (full-width forms too), upper-cased, each once. */
export function codes(c: Cell): string[] {
  const list = halfWidth(String(c ?? ''))
    .split(/[、,，;；\s/|]+/)
    .map((x) => x.trim().toUpperCase())
    .filter(Boolean);
  return [...new Set(list)];
}

export function coordinate(c: Cell, kind: 'lat' | 'lng'): Parsed<number | null> {
  if (c === null) return ok(null);
  const n = typeof c === 'number' ? c : Number(halfWidth(String(c)).trim());
  const max = kind === 'lat' ? 90 : 180;
  if (!Number.isFinite(n) || Math.abs(n) > max) return bad(`“${shown(c)}”不是有效的${kind === 'lat' ? '纬度（−90 到 90）' : '经度（−180 到 180）'}`);
  return ok(n);
}

/** An amount in yuan (a number cell, or text as shared/fields/money.ts reads it) → fen. `label` names it in the message. */
export function yuan(c: Cell, label: string): Parsed<number | null> {
  if (c === null) return ok(null);
  return typeof c === 'number' ? yuanNumberToFen(c, label) : readYuan(shown(c), label);
}
