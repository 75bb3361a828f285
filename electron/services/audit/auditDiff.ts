/**
 * Before/after of an audit row as a list of changed fields a person can read: nested records are
 * flattened to paths (`checkIn.lat`, `certificates[0].expiresOn`), lists of plain values are joined,
 * values are written as the screens write them (money in 元, enums in Chinese, yes/no, times:
 * shared/audit/auditValues.ts), and ID numbers are masked (PIPL) wherever they appear. The stored JSON
 * stays whole; this is only how it is shown.
 */
import type { AuditChange } from '../../../shared/api/audit';
import { auditValueText } from '../../../shared/audit/auditValues';
import { lastKey } from '../../../shared/audit/auditWords';
import { maskIdNumber } from '../../../shared/domain/ids';

/** Stop listing after this many fields: a dataset import's summary is long enough to read, not more. */
const MAX_CHANGES = 200;
const MAX_VALUE = 500;
const ID_NUMBER_IN_TEXT = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g;
const ID_FIELD = /id_?number$/i;

function showText(s: string): string {
  const text = s.replace(ID_NUMBER_IN_TEXT, (id) => maskIdNumber(id.toUpperCase()));
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE)}…` : text;
}

/** `key`: the field the value belongs to, which says how to write it (a fee, a care mode…). */
function show(v: unknown, key: string): string {
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') {
    const words = auditValueText(key, v);
    if (words !== undefined) return words;
    return typeof v === 'string' ? showText(v) : String(v);
  }
  return showText(JSON.stringify(v));
}

const isPlain = (v: unknown): boolean => v === null || ['string', 'number', 'boolean'].includes(typeof v);

function flatten(v: unknown, path: string, out: Map<string, string | null>): void {
  if (v === null || v === undefined) {
    out.set(path, null);
  } else if (Array.isArray(v)) {
    if (v.every(isPlain)) out.set(path, v.length === 0 ? '（无）' : v.map((x) => (x === null ? '' : show(x, lastKey(path)))).join('、'));
    else v.forEach((x, i) => flatten(x, `${path}[${i}]`, out));
  } else if (typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>);
    if (entries.length === 0) out.set(path, null);
    for (const [k, x] of entries) flatten(x, path ? `${path}.${k}` : k, out);
  } else {
    // A mistyped ID number fails the pattern above but is no less personal: mask it by its field name.
    out.set(path, ID_FIELD.test(path) && typeof v === 'string' ? maskIdNumber(v) : show(v, lastKey(path)));
  }
}

/** Every field of a creation or deletion; the changed fields of an update, in the record's order. */
export function auditChanges(before: unknown, after: unknown): { changes: AuditChange[]; truncated: boolean } {
  const b = new Map<string, string | null>();
  const a = new Map<string, string | null>();
  if (before !== null && before !== undefined) flatten(before, '', b);
  if (after !== null && after !== undefined) flatten(after, '', a);
  const paths = [...new Set([...b.keys(), ...a.keys()])];
  const changes: AuditChange[] = [];
  for (const path of paths) {
    const x = b.get(path) ?? null;
    const y = a.get(path) ?? null;
    if (x !== y) changes.push({ path: path || '（值）', before: x, after: y });
  }
  return { changes: changes.slice(0, MAX_CHANGES), truncated: changes.length > MAX_CHANGES };
}
