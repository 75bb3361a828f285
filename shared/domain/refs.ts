/**
 * 编号: the record numbers this program gives the residents, staff and visits it creates (a form, the
 * roster import, the caregiver-app visit import, the demo). One style per kind: a capital letter and a
 * sequence number padded to a fixed width, so that numbers read alike and sort in the order they were
 * given; past the width the number simply grows (R100000).
 *
 * | kind | style | example |
 * |---|---|---|
 * | 服务对象 resident | `R` + 5 digits | R00042 |
 * | 员工 staff | `S` + 4 digits | S0003 |
 * | 上门服务 visit | `V` + 7 digits | V0001912 |
 *
 * Refs a dataset file brings are kept as the file gives them (they are the file's own keys, and the
 * claim JSON names visits by them); refs stored by earlier versions (R20261206-141833, r3, v001912)
 * are never rewritten. electron/services/db/recordRefs.ts hands out the next free number.
 */
export type RefKind = 'resident' | 'staff' | 'visit';

export const REF_STYLE: Record<RefKind, { prefix: string; digits: number }> = {
  resident: { prefix: 'R', digits: 5 },
  staff: { prefix: 'S', digits: 4 },
  visit: { prefix: 'V', digits: 7 },
};

/** The `n`th ref of a kind: formatRef('resident', 42) = `R00042`. */
export function formatRef(kind: RefKind, n: number): string {
  const { prefix, digits } = REF_STYLE[kind];
  return `${prefix}${String(n).padStart(digits, '0')}`;
}
