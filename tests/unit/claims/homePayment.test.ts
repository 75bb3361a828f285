import { describe, expect, it } from 'vitest';
import { admit, assessed, caregiverCert, dataset, institution, resident, staff, visit } from '../../support/builders';
import { claimFor } from '../../support/claimFor';

const cg = staff('s1', [caregiverCert()]);
const client = (level: 2 | 3 | 4 | 5 = 3) => resident('c', [assessed(level, '2026-04-30')], [admit('2026-05-06', 'home')]);

/** One-hour visits at 09:00 on the given October days (or other month via full dates). */
const hourVisits = (dates: string[], minutes = 60) =>
  dates.map((d, i) => {
    const date = d.length === 2 ? `2026-10-${d}` : d;
    const end = `${String(9 + Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
    return visit(`v${i + 1}`, 'c', 's1', `${date}T09:00`, `${date}T${end}`);
  });

describe('home care: hourly quota (ningbo-2022)', () => {
  it('pays valid minutes at the hourly fee, fund 80%', () => {
    const c = claimFor(dataset({ residents: [client()], staff: [cg], visits: hourVisits(['02', '09', '16']) }), '2026-10');
    expect(c.lines[0]).toMatchObject({ coveredMinutes: 180, visits: 3, feeFen: 18000, fundFen: 14400, personalFen: 3600 });
  });

  it('caps at the level quota (level 3: 20 h) and reports OVER_QUOTA for the rest', () => {
    // 21 visits of 2 hours = 42 h, quota 20 h
    const days = Array.from({ length: 21 }, (_, i) => String(i + 1).padStart(2, '0'));
    const c = claimFor(dataset({ residents: [client(3)], staff: [cg], visits: hourVisits(days, 120) }), '2026-10');
    expect(c.lines[0]).toMatchObject({ coveredMinutes: 1200, feeFen: 120000, fundFen: 96000, personalFen: 24000 });
    const over = c.issues.filter((i) => i.code === 'OVER_QUOTA');
    expect(over).toHaveLength(1);
    expect(over[0]?.severity).toBe('warning');
    expect(over[0]?.message).toContain('1320');
  });

  it('gives level 5 a 30 h quota', () => {
    const days = Array.from({ length: 20 }, (_, i) => String(i + 1).padStart(2, '0'));
    const c = claimFor(dataset({ residents: [client(5)], staff: [cg], visits: hourVisits(days, 120) }), '2026-10');
    expect(c.lines[0]?.coveredMinutes).toBe(1800);
  });

  it('does not carry unused quota over to the next month', () => {
    const days = Array.from({ length: 21 }, (_, i) => `2026-11-${String(i + 1).padStart(2, '0')}`);
    const c = claimFor(dataset({ residents: [client(3)], staff: [cg], visits: hourVisits(days, 120) }), '2026-11');
    expect(c.lines[0]?.coveredMinutes).toBe(1200);
  });
});

describe('home care: per visit (shanghai-home: 65 yuan, fund 90%, 3/5/7 a week)', () => {
  const sh = institution({ policy: 'shanghai-home', prices: {} });

  it('pays 65 yuan a visit with the fund at 90%', () => {
    const c = claimFor(dataset({ institution: sh, residents: [client(3)], staff: [cg], visits: hourVisits(['05', '06', '07']) }), '2026-10');
    expect(c.lines[0]).toMatchObject({ visits: 3, feeFen: 19500, fundFen: 17550, personalFen: 1950 });
  });

  it('counts at most one visit a day and at most 3 a week for level 3', () => {
    const vs = [
      visit('a', 'c', 's1', '2026-10-05T09:00', '2026-10-05T10:00'),
      visit('a2', 'c', 's1', '2026-10-05T14:00', '2026-10-05T15:00'),
      visit('b', 'c', 's1', '2026-10-06T09:00', '2026-10-06T10:00'),
      visit('c2', 'c', 's1', '2026-10-07T09:00', '2026-10-07T10:00'),
      visit('d', 'c', 's1', '2026-10-08T09:00', '2026-10-08T10:00'),
    ];
    const c = claimFor(dataset({ institution: sh, residents: [client(3)], staff: [cg], visits: vs }), '2026-10');
    expect(c.lines[0]?.visits).toBe(3);
    expect(
      c.issues
        .filter((i) => i.code === 'OVER_QUOTA')
        .map((i) => i.visit)
        .sort(),
    ).toEqual(['a2', 'd']);
  });

  it('counts the earlier month’s visits against a week that straddles two months', () => {
    // 2026-10-01 is a Thursday: the week runs 09-28 … 10-04. Three visits in September use it up.
    const vs = hourVisits(['2026-09-28', '2026-09-29', '2026-09-30', '01', '02', '05']);
    const c = claimFor(dataset({ institution: sh, residents: [client(3)], staff: [cg], visits: vs }), '2026-10');
    expect(c.lines[0]?.visits).toBe(1);
    expect(c.issues.filter((i) => i.code === 'OVER_QUOTA')).toHaveLength(2);
    const sep = claimFor(dataset({ institution: sh, residents: [client(3)], staff: [cg], visits: vs }), '2026-09');
    expect(sep.lines[0]?.visits).toBe(3);
  });

  it('needs 60 minutes a visit under shanghai-home', () => {
    const c = claimFor(dataset({ institution: sh, residents: [client(3)], staff: [cg], visits: hourVisits(['05'], 45) }), '2026-10');
    expect(c.issues.map((i) => i.code)).toContain('VISIT_TOO_SHORT');
  });
});

describe('home care: per visit with a fixed copay (nantong: 5 yuan a visit, 4 a week, levels 2–5)', () => {
  it('has the person pay 5 yuan a visit and the fund the rest of the institution’s visit fee', () => {
    const nt = institution({ policy: 'nantong', prices: { visitFeeFen: 5000 } });
    const c = claimFor(dataset({ institution: nt, residents: [client(2)], staff: [cg], visits: hourVisits(['05', '06', '07', '08', '09']) }), '2026-10');
    expect(c.lines[0]).toMatchObject({ level: 2, visits: 4, feeFen: 20000, fundFen: 18000, personalFen: 2000 });
  });
});

describe('home care: monthly fee cap (tianjin: 2,100 yuan a month, fund 75%)', () => {
  const tj = institution({ policy: 'tianjin', prices: { hourlyFeeFen: 6000 } });

  it('charges every valid minute and caps the fund’s base at 210000 fen', () => {
    const days = Array.from({ length: 25 }, (_, i) => String(i + 1).padStart(2, '0'));
    const c = claimFor(dataset({ institution: tj, residents: [client(4)], staff: [cg], visits: hourVisits(days, 120) }), '2026-10');
    expect(c.lines[0]).toMatchObject({ coveredMinutes: 3000, feeFen: 300000, fundFen: 157500, personalFen: 142500 });
  });

  it('pays 75% of the fee below the cap', () => {
    const c = claimFor(dataset({ institution: tj, residents: [client(4)], staff: [cg], visits: hourVisits(['02']) }), '2026-10');
    expect(c.lines[0]).toMatchObject({ feeFen: 6000, fundFen: 4500, personalFen: 1500 });
  });
});

describe('a person in both modes', () => {
  it('gets one line per mode and counts once in totals.persons', () => {
    const r = resident(
      'c',
      [assessed(4, '2026-01-10')],
      [admit('2026-03-01', 'home'), { type: 'discharge', date: '2026-10-15' }, admit('2026-10-15', 'institutional')],
    );
    const c = claimFor(dataset({ residents: [r], staff: [cg], visits: [visit('v', 'c', 's1', '2026-10-02T09:00', '2026-10-02T10:00')] }), '2026-10');
    expect(c.lines.map((l) => [l.mode, l.billableDays, l.coveredMinutes])).toEqual([
      ['institutional', 17, 0],
      ['home', 0, 60],
    ]);
    expect(c.totals.persons).toBe(1);
  });
});
