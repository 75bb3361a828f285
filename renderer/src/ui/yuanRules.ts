/** The form rule of a YuanInput: the Chinese reason a typed amount is not one, naming the field. */
import type { FormRule } from 'antd';

/** 1,000,000.00 yuan: the services' upper bound of a price (shared/api/institution.ts). */
export const MAX_FEN = 100_000_000;

export function yuanProblem(text: string, label: string): string {
  const t = text.trim().replace(/元$/, '');
  if (/^-/.test(t)) return `${label}不能为负数`;
  if (/^\d[\d,]*\.\d{3,}$/.test(t)) return `${label}最多两位小数（精确到分）`;
  if (/^\d[\d,]*(\.\d{1,2})?$/.test(t)) return `${label}不能超过 1,000,000.00 元`;
  return `${label}应为金额（单位元，数字），例如 60 或 60.50`;
}

/** Text left in the form by YuanInput is not an amount: refused with why. */
export const yuanRule = (label: string): FormRule => ({
  validator: (_rule, value: unknown) => (typeof value === 'string' ? Promise.reject(new Error(yuanProblem(value, label))) : Promise.resolve()),
});
