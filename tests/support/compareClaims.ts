/**
 * The fixture comparison of ../shared/fixtures/compare.mjs, ported: totals, every line, and which
 * codes each person and each visit get. Returns the differences (empty: same).
 */
interface AnyClaim {
  totals?: Record<string, number>;
  lines?: Array<Record<string, unknown>>;
  issues?: Array<{ code: string; severity: string; idNumber?: string; visit?: string }>;
}

const VISIT_CODES = new Set([
  'VISIT_IN_HOSPITAL',
  'MODE_CONFLICT',
  'CERT_INVALID',
  'NURSE_REQUIRED',
  'VISIT_OVERLAP',
  'VISIT_TOO_SHORT',
  'VISIT_UNCONFIRMED',
  'NO_SERVICE_PERIOD',
]);

export function compareClaims(expected: AnyClaim, actual: AnyClaim | object): string[] {
  return compareAny(expected, actual as AnyClaim);
}

function compareAny(expected: AnyClaim, actual: AnyClaim): string[] {
  const diffs: string[] = [];
  for (const k of ['persons', 'billableDays', 'coveredMinutes', 'feeFen', 'fundFen', 'personalFen']) {
    if (actual.totals?.[k] !== expected.totals?.[k]) diffs.push(`totals.${k}: expected ${expected.totals?.[k]}, got ${actual.totals?.[k]}`);
  }
  const key = (l: Record<string, unknown>) => `${String(l['idNumber'])}/${String(l['mode'])}`;
  const al = new Map((actual.lines ?? []).map((l) => [key(l), l]));
  for (const l of expected.lines ?? []) {
    const a = al.get(key(l));
    if (!a) {
      diffs.push(`missing line ${key(l)}`);
      continue;
    }
    for (const k of ['level', 'billableDays', 'coveredMinutes', 'feeFen', 'fundFen', 'personalFen']) {
      if (a[k] !== l[k]) diffs.push(`line ${key(l)} ${k}: expected ${String(l[k])}, got ${String(a[k])}`);
    }
    al.delete(key(l));
  }
  for (const k of al.keys()) diffs.push(`extra line ${k}`);
  const ikey = (i: { code: string; idNumber?: string; visit?: string }) =>
    VISIT_CODES.has(i.code) || (i.visit && i.code === 'AFTER_DEATH') ? `${i.code}@visit:${i.visit}` : `${i.code}@${i.idNumber}`;
  const notExpiring = (i: { code: string }) => i.code !== 'ASSESSMENT_EXPIRING';
  const ei = new Set((expected.issues ?? []).filter(notExpiring).map(ikey));
  const ai = new Set((actual.issues ?? []).filter(notExpiring).map(ikey));
  for (const k of ei) if (!ai.has(k)) diffs.push(`missing issue ${k}`);
  // extra codes are tolerated on a visit the reference also found invalid
  const badVisits = new Set((expected.issues ?? []).filter((i) => i.visit && i.severity === 'error').map((i) => i.visit));
  for (const k of ai) {
    if (ei.has(k) || /^(HOSPITAL_DAY|LEAVE_DAY)@/.test(k)) continue;
    const m = /@visit:(.*)$/.exec(k);
    if (m && badVisits.has(m[1])) continue;
    diffs.push(`unexpected issue ${k}`);
  }
  return diffs;
}
