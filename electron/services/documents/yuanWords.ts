/**
 * 金额大写: amounts in Chinese financial numerals (壹贰叁…), as settlement forms print the total
 * beside the figures so that neither can be altered alone. 2612.00 → 贰仟陆佰壹拾贰元整.
 */
import type { Fen } from '../../../shared/domain/model';

const DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const SMALL_UNITS = ['', '拾', '佰', '仟'];
const BIG_UNITS = ['', '万', '亿', '万亿'];

/** One group of up to four digits (1–9999), inner zeros collapsed to one 零; `zeroFirst` prefixes 零. */
function group(n: number, zeroFirst: boolean): string {
  let out = '';
  let zero = zeroFirst;
  for (let pos = 3; pos >= 0; pos--) {
    const d = Math.floor(n / 10 ** pos) % 10;
    if (d === 0) {
      if (out) zero = true;
      continue;
    }
    if (zero) out += '零';
    zero = false;
    out += (DIGITS[d] ?? '') + (SMALL_UNITS[pos] ?? '');
  }
  return out;
}

function integerWords(n: number): string {
  if (n === 0) return '零';
  const groups: number[] = [];
  for (let rest = n; rest > 0; rest = Math.floor(rest / 10_000)) groups.push(rest % 10_000);
  let out = '';
  let pendingZero = false;
  for (let i = groups.length - 1; i >= 0; i--) {
    const g = groups[i] ?? 0;
    if (g === 0) {
      pendingZero = out !== '';
      continue;
    }
    // 零 between groups: after an all-zero group (壹亿零壹仟) or before a group without thousands (壹万零伍).
    out += group(g, out !== '' && (pendingZero || g < 1000)) + (BIG_UNITS[i] ?? '');
    pendingZero = false;
  }
  return out;
}

export function yuanInWords(fen: Fen): string {
  if (!Number.isInteger(fen)) throw new RangeError('yuanInWords takes integer fen');
  const sign = fen < 0 ? '负' : '';
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100);
  const jiao = Math.floor(abs / 10) % 10;
  const cents = abs % 10;
  if (jiao === 0 && cents === 0) return `${sign}${integerWords(yuan)}元整`;
  let out = yuan > 0 ? `${integerWords(yuan)}元` : '';
  if (jiao > 0) out += `${DIGITS[jiao]}角`;
  else if (yuan > 0) out += '零';
  if (cents > 0) out += `${DIGITS[cents]}分`;
  return sign + out;
}
