/**
 * One cell of an import as a value of the model, or the reason it is not one (in Chinese, saying
 * what to write instead). Pure: the row check decides what a reason means for the row.
 */
import { isValidDateTime } from '../../../../shared/domain/dates';
import type { Cell } from './readTable';

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = <T>(message: string): Parsed<T> => ({ ok: false, message });
const pad = (n: number | string): string => String(n).padStart(2, '0');

/** The text a user sees in the cell (for messages). */
export function shown(c: Cell): string {
  if (c instanceof Date) return `${c.getUTCFullYear()}-${pad(c.getUTCMonth() + 1)}-${pad(c.getUTCDate())} ${pad(c.getUTCHours())}:${pad(c.getUTCMinutes())}`;
  return c === null ? '' : String(c);
}

const TIME_RE = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*[T\s]\s*(\d{1,2})\s*[:：时]\s*(\d{1,2})\s*(?:[:：分]\s*(\d{1,2})(?:\.\d+)?\s*秒?)?\s*分?$/;
/** Excel's day 0 for serial numbers is 1899-12-30 (its 1900 leap-year bug included). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/**
 * A local time `YYYY-MM-DDTHH:mm`. Apps log seconds; the claim counts whole minutes. Seconds are
 * dropped towards the inside of the visit (a start rounds up, an end rounds down) so a duration is
 * never overstated: 09:00:50–09:30:10 is 29 minutes, not 30, and stays too short under a 30-minute rule.
 * exceljs reads a date cell as the wall-clock time in UTC fields, so UTC getters give it back unshifted.
 */
export function parseTime(c: Cell, edge: 'start' | 'end'): Parsed<string> {
  let y: number, mo: number, d: number, h: number, mi: number, s: number;
  if (c instanceof Date || typeof c === 'number') {
    const date = c instanceof Date ? c : new Date(EXCEL_EPOCH_MS + Math.round(c * 86_400_000));
    if (Number.isNaN(date.getTime())) return bad('不是有效的时间');
    [y, mo, d, h, mi, s] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds()];
  } else {
    const m = TIME_RE.exec(String(c ?? '').trim());
    if (!m) return bad(`“${shown(c)}”不是时间，请写成 YYYY-MM-DD HH:mm，例如 2026-10-02 09:00`);
    [y, mo, d, h, mi, s] = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0)];
  }
  let text = `${y}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}`;
  if (!isValidDateTime(text)) return bad(`“${shown(c)}”不是存在的时间（日期须真实存在，时为00–23，分为00–59）`);
  if (s > 0 && edge === 'start') text = addMinute(text);
  return ok(text);
}

function addMinute(t: string): string {
  const ms = Date.UTC(Number(t.slice(0, 4)), Number(t.slice(5, 7)) - 1, Number(t.slice(8, 10)), Number(t.slice(11, 13)), Number(t.slice(14, 16)) + 1);
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

const YES = new Set(['是', '已签', '已签字', '已确认', '确认', 'y', 'yes', 'true', '1', '√', '✓', '✔', '有']);
const NO = new Set(['否', '未签', '未签字', '未确认', 'n', 'no', 'false', '0', '×', '✗', '无']);

/** 签字确认: empty means not confirmed (the claim then warns VISIT_UNCONFIRMED). */
export function parseConfirmed(c: Cell): Parsed<boolean> {
  if (c === null) return ok(false);
  if (typeof c === 'boolean') return ok(c);
  const t = String(c).trim().toLowerCase();
  if (YES.has(t)) return ok(true);
  if (NO.has(t)) return ok(false);
  return bad(`“${shown(c)}”看不出是否签字，请填“是”或“否”`);
}

/** Codes separated by 、 , ; or spaces (full-width forms too), upper-cased, each once. */
export function parseItems(c: Cell): string[] {
  const codes = String(c ?? '')
    .split(/[、,，;；\s/|]+/)
    .map((x) => x.trim().toUpperCase())
    .filter(Boolean);
  return [...new Set(codes)];
}

export function parseCoordinate(c: Cell, kind: 'lat' | 'lng'): Parsed<number | null> {
  if (c === null) return ok(null);
  const n = typeof c === 'number' ? c : Number(String(c).trim());
  const max = kind === 'lat' ? 90 : 180;
  if (!Number.isFinite(n) || Math.abs(n) > max) return bad(`“${shown(c)}”不是有效的${kind === 'lat' ? '纬度（−90 到 90）' : '经度（−180 到 180）'}`);
  return ok(n);
}

/**
 * An ID number as text. Excel shows an 18-digit number as 3.30205E+17 and keeps only 15 digits, so a
 * numeric cell can no longer be trusted: the user must set the column to text and type it again.
 */
export function parseIdNumber(c: Cell): Parsed<string | null> {
  if (c === null) return ok(null);
  if (typeof c === 'number') return bad('身份证号被 Excel 存成了数字，后几位已丢失：请把该列设为“文本”格式，重新填写完整的18位号码');
  return ok(String(c).replace(/\s/g, '').toUpperCase());
}

export function parseText(c: Cell, max: number): Parsed<string | null> {
  if (c === null) return ok(null);
  const t = shown(c).trim();
  if (t.length > max) return bad(`内容过长（${t.length}字），最多${max}字`);
  return ok(t === '' ? null : t);
}
