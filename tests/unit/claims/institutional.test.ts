import { describe, expect, it } from 'vitest';
import type { Claim } from '../../../shared/claims/types';
import { admit, assessed, dataset, ev, institution, resident } from '../../support/builders';
import { claimFor } from '../../support/claimFor';

const codes = (c: Claim, code: string) => c.issues.filter((i) => i.code === code);
const only = (c: Claim) => {
  expect(c.lines).toHaveLength(1);
  return c.lines[0]!;
};

describe('bed-days (docs/rules.md §6)', () => {
  it('computes the worked example: 15 stay days, 3 hospital days, 12 billable, fund 600.00, personal 480.00', () => {
    const r = resident(
      'r1',
      [assessed(4, '2026-08-20')],
      [admit('2026-10-10'), ev('hospital', '2026-10-15'), ev('return', '2026-10-18'), ev('discharge', '2026-10-25')],
    );
    const c = claimFor(dataset({ residents: [r] }), '2026-10');
    const l = only(c);
    expect(l).toMatchObject({ mode: 'institutional', level: 4, billableDays: 12, feeFen: 108000, fundFen: 60000, personalFen: 48000 });
    expect(l.evidence).toMatchObject({ hospital: ['2026-10-15', '2026-10-16', '2026-10-17'] });
    const hospital = codes(c, 'HOSPITAL_DAY');
    expect(hospital.length).toBeGreaterThan(0);
    expect(hospital.every((i) => i.severity === 'info')).toBe(true);
  });

  it('counts the admission day when it is the last day of the month', () => {
    const r = resident('r1', [assessed(5, '2026-01-10')], [admit('2026-10-31')]);
    expect(only(claimFor(dataset({ residents: [r] }), '2026-10')).billableDays).toBe(1);
  });

  it('counts every day of the month when the discharge is on the 1st of the next month', () => {
    const r = resident('r1', [assessed(5, '2026-01-10')], [admit('2026-09-20'), ev('discharge', '2026-11-01')]);
    expect(only(claimFor(dataset({ residents: [r] }), '2026-10')).billableDays).toBe(31);
  });

  it('does not bill the discharge day nor the day of death', () => {
    const a = resident('a', [assessed(5, '2026-01-10')], [admit('2026-09-20'), ev('discharge', '2026-10-01')]);
    const b = resident('b', [assessed(5, '2026-01-10')], [admit('2026-09-20'), ev('death', '2026-10-05')]);
    const c = claimFor(dataset({ residents: [a, b] }), '2026-10');
    expect(c.lines).toHaveLength(1);
    expect(c.lines[0]).toMatchObject({ resident: 'b', billableDays: 4 });
  });

  it('does not bill leave days under ningbo-2022 (0 a month) and reports them as LEAVE_DAY', () => {
    const r = resident('r1', [assessed(3, '2026-01-10')], [admit('2026-01-20'), ev('leave', '2026-10-05'), ev('return', '2026-10-08')]);
    const c = claimFor(dataset({ residents: [r] }), '2026-10');
    expect(only(c).billableDays).toBe(28);
    expect(codes(c, 'LEAVE_DAY').map((i) => i.idNumber)).toEqual([r.idNumber]);
  });

  it('starts benefits on the 1st of the month after the conclusion, so earlier days are NO_ASSESSMENT', () => {
    const r = resident('r1', [assessed(4, '2026-10-15')], [admit('2026-10-01')]);
    const c = claimFor(dataset({ residents: [r] }), '2026-10');
    expect(c.lines).toHaveLength(0);
    expect(codes(c, 'NO_ASSESSMENT')).toHaveLength(1);
    expect(codes(c, 'NO_ASSESSMENT')[0]).toMatchObject({ severity: 'error', date: '2026-10-01', dateTo: '2026-10-31' });
    expect(only(claimFor(dataset({ residents: [r] }), '2026-11')).billableDays).toBe(30);
  });

  it('ends an assessment after 24 months and stops billing from then', () => {
    // concluded 2024-09-20 → in force 2024-10-01 … 2026-09-30
    const r = resident('r1', [assessed(4, '2024-09-20')], [admit('2025-01-01')]);
    expect(only(claimFor(dataset({ residents: [r] }), '2026-09')).billableDays).toBe(30);
    const oct = claimFor(dataset({ residents: [r] }), '2026-10');
    expect(oct.lines).toHaveLength(0);
    expect(codes(oct, 'NO_ASSESSMENT')).toHaveLength(1);
  });

  it('applies a level change from the 1st of the next month, never mid-month', () => {
    const r = resident('r1', [assessed(3, '2026-01-10'), assessed(5, '2026-10-12')], [admit('2026-02-01')]);
    const oct = only(claimFor(dataset({ residents: [r] }), '2026-10'));
    expect(oct).toMatchObject({ level: 3, billableDays: 31, feeFen: 31 * 8000, fundFen: 31 * 4000 });
    const nov = only(claimFor(dataset({ residents: [r] }), '2026-11'));
    expect(nov).toMatchObject({ level: 5, feeFen: 30 * 10000, fundFen: 30 * 6000 });
  });

  it('warns ASSESSMENT_EXPIRING when the assessment ends within 30 days of the month', () => {
    // in force 2024-12-01 … 2026-11-30
    const soon = resident('soon', [assessed(4, '2024-11-20')], [admit('2025-01-01')]);
    // in force 2025-01-01 … 2026-12-31
    const later = resident('later', [assessed(4, '2024-12-20')], [admit('2025-01-01')]);
    const c = claimFor(dataset({ residents: [soon, later] }), '2026-10');
    expect(codes(c, 'ASSESSMENT_EXPIRING').map((i) => [i.resident, i.severity, i.date])).toEqual([['soon', 'warning', '2026-11-30']]);
  });

  it('pays nothing for a level the pack does not cover (LEVEL_NOT_ELIGIBLE)', () => {
    const r = resident('r1', [assessed(2, '2026-01-10')], [admit('2026-02-01')]);
    const c = claimFor(dataset({ residents: [r] }), '2026-10');
    expect(c.lines).toHaveLength(0);
    expect(codes(c, 'LEVEL_NOT_ELIGIBLE')[0]).toMatchObject({ severity: 'error', idNumber: r.idNumber });
  });

  it('caps the fee, not the fund share, under tianjin: fund 70% of min(fee, 70 yuan)', () => {
    const r = resident('r1', [assessed(4, '2026-01-10')], [admit('2026-02-01')]);
    const l = only(claimFor(dataset({ institution: institution({ policy: 'tianjin' }), residents: [r] }), '2026-10'));
    expect(l).toMatchObject({ billableDays: 31, feeFen: 31 * 9000, fundFen: 31 * 4900, personalFen: 31 * 4100 });
  });

  it('reports MODE_NOT_COVERED and makes no line where the pack pays no institutional care', () => {
    const r = resident('r1', [assessed(4, '2026-01-10')], [admit('2026-02-01')]);
    const c = claimFor(dataset({ institution: institution({ policy: 'shanghai-home' }), residents: [r] }), '2026-10');
    expect(c.lines).toHaveLength(0);
    expect(codes(c, 'MODE_NOT_COVERED')).toHaveLength(1);
    expect(codes(c, 'MODE_NOT_COVERED')[0]?.severity).toBe('info');
  });

  it('keeps a person with a bad ID number but gives no line until it is corrected (BAD_ID_NUMBER)', () => {
    const r = resident('r1', [assessed(4, '2026-01-10')], [admit('2026-02-01')], { idNumber: '330205194501010038' });
    const c = claimFor(dataset({ residents: [r] }), '2026-10');
    expect(c.lines).toHaveLength(0);
    expect(codes(c, 'BAD_ID_NUMBER')).toEqual([expect.objectContaining({ severity: 'error', idNumber: '330205194501010038' })]);
    expect(codes(c, 'BAD_ID_NUMBER')[0]?.message).not.toContain('330205194501010038');
  });

  it('reports PRICE_MISSING when the price list has no daily fee for the level', () => {
    const r = resident('r1', [assessed(4, '2026-01-10')], [admit('2026-02-01')]);
    const c = claimFor(dataset({ institution: institution({ prices: { dailyFeeFen: { '5': 10000 } } }), residents: [r] }), '2026-10');
    expect(c.lines).toHaveLength(0);
    expect(codes(c, 'PRICE_MISSING')).toHaveLength(1);
  });

  it('ignores a person with no stay and no visits this month', () => {
    const r = resident('r1', [assessed(4, '2026-01-10')], [admit('2026-02-01'), ev('discharge', '2026-03-01')], { idNumber: 'bad' });
    const c = claimFor(dataset({ residents: [r] }), '2026-10');
    expect(c.lines).toHaveLength(0);
    expect(c.issues).toHaveLength(0);
  });
});
