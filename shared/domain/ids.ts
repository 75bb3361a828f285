/**
 * Identifier checks of docs/rules.md §9. Each returns a reason (a Chinese sentence saying what
 * is wrong) or null when the identifier passes, so the UI, import and claim all say the same thing.
 */
import { isValidDate } from './dates';
import type { LocalDate } from './model';

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK_CHARS = '10X98765432';

/** The check character (ISO 7064 MOD 11-2) of the first 17 digits of a resident ID number. */
export function idNumberCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (ID_WEIGHTS[i] ?? 0);
  return ID_CHECK_CHARS[sum % 11] ?? '?';
}

/**
 * 公民身份号码 (GB 11643-1999): 18 characters, a real birth date not after `today`, and the check
 * character. Only an upper-case X is accepted (the standard's form).
 */
export function idNumberProblem(id: string, today?: LocalDate): string | null {
  if (id.length !== 18) return `身份证号应为18位，现为${id.length}位`;
  if (!/^\d{17}[\dX]$/.test(id)) {
    if (/^\d{17}x$/.test(id)) return '身份证号最后一位校验码应为大写字母X';
    return '身份证号前17位应为数字，最后一位为数字或大写字母X';
  }
  const birth = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (!isValidDate(birth)) return `身份证号中的出生日期${birth}不是有效日期`;
  if (today && birth > today) return `身份证号中的出生日期${birth}晚于今天（${today}），号码有误，请对照身份证件核对`;
  const expected = idNumberCheckChar(id.slice(0, 17));
  if (id[17] !== expected) return `身份证号校验码不符（最后一位应为${expected}），请核对号码是否录错`;
  return null;
}

/** The number carries a real birth date after `today` (no `today`: never). */
export function idBornAfter(id: string, today?: LocalDate): boolean {
  const birth = idNumberFacts(id)?.birthDate;
  return !!today && !!birth && birth > today;
}

export function isValidIdNumber(id: string, today?: LocalDate): boolean {
  return idNumberProblem(id, today) === null;
}

/** Birth date and sex carried by a valid ID number (17th digit odd = male). */
export function idNumberFacts(id: string): { birthDate: LocalDate; sex: 'male' | 'female' } | null {
  if (!/^\d{17}[\dX]$/.test(id)) return null;
  const birthDate = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (!isValidDate(birthDate)) return null;
  return { birthDate, sex: Number(id[16]) % 2 === 1 ? 'male' : 'female' };
}

/** `110105********002X`: what screens and PDFs show (PIPL), unless the agency's form needs it whole. */
export function maskIdNumber(id: string): string {
  if (id.length < 10) return '*'.repeat(id.length);
  return `${id.slice(0, 6)}${'*'.repeat(id.length - 10)}${id.slice(-4)}`;
}

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function usccCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_CHARS.indexOf(first17[i] ?? '') * (USCC_WEIGHTS[i] ?? 0);
  return USCC_CHARS[(31 - (sum % 31)) % 31] ?? '?';
}

/**
 * 统一社会信用代码 (GB 32100-2015). `format` problems make the code unusable; a `checksum` problem
 * is only a warning, because some early codes fail the check and are still valid (docs/rules.md §9).
 */
export function usccProblem(code: string): { kind: 'format' | 'checksum'; message: string } | null {
  if (code.length !== 18) return { kind: 'format', message: `统一社会信用代码应为18位，现为${code.length}位` };
  for (const ch of code) {
    if (!USCC_CHARS.includes(ch)) {
      return { kind: 'format', message: `统一社会信用代码含有不允许的字符“${ch}”（不使用I、O、Z、S、V及小写字母）` };
    }
  }
  const expected = usccCheckChar(code.slice(0, 17));
  if (code[17] !== expected) {
    return { kind: 'checksum', message: `统一社会信用代码校验位不符（应为${expected}），请与营业执照核对；早期代码可能如此，确认无误可继续` };
  }
  return null;
}
