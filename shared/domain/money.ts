/**
 * Money is integer fen everywhere (docs/rules.md §5). Rates are held as integer parts per ten
 * thousand so that rounding is exact integer arithmetic: 9000 × 0.70 must be 6300, not 6299.999….
 */
import type { Fen } from './model';

const RATE_SCALE = 10_000;

/** A decimal rate such as 0.7 as parts per ten thousand (7000). */
export function rateToBasisPoints(rate: number): number {
  return Math.round(rate * RATE_SCALE);
}

/** roundHalfUp(numerator / denominator) for non-negative integers, exactly. */
export function divideHalfUp(numerator: number, denominator: number): number {
  if (numerator < 0 || denominator <= 0) throw new RangeError('divideHalfUp takes a non-negative numerator and a positive denominator');
  return Math.floor((2 * numerator + denominator) / (2 * denominator));
}

/** roundHalfUp(amount × rate), to the fen. */
export function applyRate(amountFen: Fen, rate: number): Fen {
  return divideHalfUp(amountFen * rateToBasisPoints(rate), RATE_SCALE);
}

/** roundHalfUp(minutes × hourly fee / 60), to the fen. */
export function feeForMinutes(minutes: number, hourlyFeeFen: Fen): Fen {
  return divideHalfUp(minutes * hourlyFeeFen, 60);
}

/** 1234567 fen → "12,345.67" (yuan, two decimals, grouped as Chinese finance forms print it). */
export function formatYuan(fen: Fen): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100).toLocaleString('en-US');
  return `${sign}${yuan}.${String(abs % 100).padStart(2, '0')}`;
}

/** "12,345.67" or "12345.6" yuan → fen; null when it is not an amount. */
export function parseYuan(text: string): Fen | null {
  const m = /^\s*(-?)(\d{1,3}(?:,\d{3})*|\d+)(?:\.(\d{1,2}))?\s*$/.exec(text);
  if (!m) return null;
  const whole = Number((m[2] ?? '0').replace(/,/g, ''));
  const frac = Number((m[3] ?? '').padEnd(2, '0') || '0');
  const fen = whole * 100 + frac;
  return m[1] === '-' ? -fen : fen;
}
