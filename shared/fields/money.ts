/**
 * Amounts in 元 as people type them (`1,234.50`, `120元`, `１２０`) → integer fen, or why not, naming the
 * field: the one reading shared by the forms (YuanInput), the imports (spreadsheet cells) and the
 * agency-result file. Shown with formatYuan (shared/domain/money.ts): 12,345.67.
 */
import { formatYuan } from '../domain/money';
import type { Fen } from '../domain/model';
import { halfWidth } from './typed';

export { formatYuan };

export type Read<T> = { ok: true; value: T } | { ok: false; message: string };

/** Typed text → fen; the empty text is null. Never rounds: a third decimal is refused. */
export function readYuan(text: string, label: string): Read<Fen | null> {
  const t = halfWidth(text)
    .replace(/[,，\s]/g, '')
    .replace(/元$/, '');
  if (t === '') return { ok: true, value: null };
  if (!/^-?\d+(\.\d+)?$/.test(t)) return { ok: false, message: `${label}“${text.trim()}”不是数字，请填写金额（元），例如 120.50` };
  if (/\.\d{3,}$/.test(t)) return { ok: false, message: `${label} ${t} 最多两位小数（元，精确到分）` };
  const [whole = '0', frac = ''] = t.replace('-', '').split('.');
  const fen = Number(whole) * 100 + Number(frac.padEnd(2, '0'));
  return { ok: true, value: t.startsWith('-') ? -fen : fen };
}

/**
 * A number (a spreadsheet's number cell) → fen. A whole number of fen up to binary noise (a formula's
 * 10.549999999999999) is that many fen; anything finer is refused, never rounded.
 */
export function yuanNumberToFen(n: number, label: string): Read<Fen> {
  const fen = Math.round(n * 100);
  if (Math.abs(n * 100 - fen) > 1e-6) return { ok: false, message: `${label} ${n} 最多两位小数（元，精确到分）` };
  return { ok: true, value: fen };
}
