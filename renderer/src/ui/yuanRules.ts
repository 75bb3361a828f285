/** The form rule of a YuanInput: the Chinese reason a typed amount is not one, naming the field. */
import type { FormRule } from 'antd';
import { S } from './strings';

/** 1,000,000.00 yuan: the services' upper bound of a price (shared/api/institution.ts). */
export const MAX_FEN = 100_000_000;

export function yuanProblem(text: string, label: string): string {
  const t = text.trim().replace(/元$/, '');
  if (/^-/.test(t)) return S.yuanNegative(label);
  if (/^\d[\d,]*\.\d{3,}$/.test(t)) return S.yuanDecimals(label);
  if (/^\d[\d,]*(\.\d{1,2})?$/.test(t)) return S.yuanTooLarge(label);
  return S.yuanNotAmount(label);
}

/** Text left in the form by YuanInput is not an amount: refused with why. */
export const yuanRule = (label: string): FormRule => ({
  validator: (_rule, value: unknown) => (typeof value === 'string' ? Promise.reject(new Error(yuanProblem(value, label))) : Promise.resolve()),
});
