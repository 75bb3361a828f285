/**
 * What the audit log keeps of personal data (issue 16 §3, PIPL's "minimum necessary"): an ID number and
 * a phone masked as the screens show them (330205********0037, 138****0001), an address not at all, only
 * that one was there. A change hidden by the mask (the middle digits of an ID number, an address) is still
 * recorded as a change: the new value is marked （已更改）. The records themselves keep the full values;
 * the log says who changed what, not what a person's number is.
 */
import { maskIdNumber } from '../../../shared/domain/ids';

const ID_KEYS = new Set(['idNumber', 'id_number']);
const PHONE_KEYS = new Set(['phone']);
const ADDRESS_KEYS = new Set(['address']);

export const ADDRESS_SET = '（已填写）';
export const CHANGED = '（已更改）';

export function maskPhone(phone: string): string {
  const digits = phone.replace(/\s/g, '');
  return digits.length < 7 ? '*'.repeat(digits.length) : `${digits.slice(0, 3)}${'*'.repeat(digits.length - 7)}${digits.slice(-4)}`;
}

function maskValue(key: string, value: unknown): unknown {
  if (typeof value !== 'string' || value === '') return value;
  if (ID_KEYS.has(key)) return maskIdNumber(value);
  if (PHONE_KEYS.has(key)) return maskPhone(value);
  if (ADDRESS_KEYS.has(key)) return ADDRESS_SET;
  return value;
}

const isPersonalKey = (key: string): boolean => ID_KEYS.has(key) || PHONE_KEYS.has(key) || ADDRESS_KEYS.has(key);
const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** A value with every personal field (at any depth) masked. */
export function maskPersonal(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskPersonal);
  if (!isRecord(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, isPersonalKey(k) ? maskValue(k, v) : maskPersonal(v)]));
}

/** before and after masked, with a change the mask would hide marked on the after side (top-level fields). */
export function maskPersonalPair(before: unknown, after: unknown): [unknown, unknown] {
  const b = maskPersonal(before);
  const a = maskPersonal(after);
  if (isRecord(before) && isRecord(after) && isRecord(b) && isRecord(a)) {
    for (const k of Object.keys(after)) {
      if (isPersonalKey(k) && before[k] !== after[k] && b[k] === a[k] && typeof a[k] === 'string') a[k] = `${String(a[k])}${CHANGED}`;
    }
  }
  return [b, a];
}
