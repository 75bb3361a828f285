/**
 * Invariants of the claim over random institutions (fast-check): whatever the records, the claim
 * must add up and must not depend on the order records were typed in.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { totalsOf } from '../../../shared/claims/computeClaim';
import { addDays, daysInMonth } from '../../../shared/domain/dates';
import type { Dataset, Level, StayEvent, Visit } from '../../../shared/domain/model';
import { findPolicyPack } from '../../../shared/policy/registry';
import { caregiverCert, dataset, idNumber, institution, nurseLicence } from '../../support/builders';
import { claimFor } from '../../support/claimFor';

const MONTH = '2026-10';
const BASE = '2026-08-01';
const day = (n: number) => addDays(BASE, n);

/** A valid stay timeline: admit, then some hospital/leave+return pairs, maybe an end. */
const eventsArb = fc
  .record({
    mode: fc.constantFrom<'institutional' | 'home'>('institutional', 'home'),
    start: fc.integer({ min: 0, max: 100 }),
    gaps: fc.array(
      fc.record({
        kind: fc.constantFrom<'hospital' | 'leave'>('hospital', 'leave'),
        after: fc.integer({ min: 0, max: 10 }),
        len: fc.integer({ min: 0, max: 6 }),
      }),
      { maxLength: 3 },
    ),
    end: fc.option(fc.record({ kind: fc.constantFrom<'discharge' | 'death'>('discharge', 'death'), after: fc.integer({ min: 0, max: 30 }) }), {
      nil: undefined,
    }),
  })
  .map(({ mode, start, gaps, end }) => {
    const events: StayEvent[] = [{ type: 'admit', date: day(start), mode }];
    let t = start;
    for (const g of gaps) {
      t += g.after;
      events.push({ type: g.kind, date: day(t) });
      t += g.len;
      events.push({ type: 'return', date: day(t) });
    }
    if (end) events.push({ type: end.kind, date: day(t + end.after) });
    return events;
  });

const residentArb = fc.record({
  level: fc.integer({ min: 0, max: 5 }) as fc.Arbitrary<Level>,
  concluded: fc.integer({ min: -800, max: 90 }),
  events: eventsArb,
  badId: fc.boolean(),
});

const visitArb = fc.record({
  resident: fc.nat(),
  staff: fc.nat({ max: 2 }),
  startDay: fc.integer({ min: 50, max: 95 }),
  startMin: fc.integer({ min: 6 * 60, max: 22 * 60 }),
  length: fc.integer({ min: 0, max: 240 }),
  confirmed: fc.boolean(),
  medical: fc.boolean(),
});

const institutionArb = fc.record({
  residents: fc.array(residentArb, { minLength: 1, maxLength: 8 }),
  visits: fc.array(visitArb, { maxLength: 40 }),
  policy: fc.constantFrom('ningbo-2022', 'shanghai-home', 'nantong', 'tianjin'),
});

type Spec = typeof institutionArb extends fc.Arbitrary<infer T> ? T : never;

function build(spec: Spec): Dataset {
  const residents = spec.residents.map((r, i) => {
    const id = idNumber('1940-03-03', i + 1);
    return {
      ref: `r${i}`,
      name: `对象${i}`,
      idNumber: r.badId && i % 3 === 0 ? id.slice(0, 17) + (id.endsWith('0') ? '1' : '0') : id,
      assessments: [{ level: r.level, concludedOn: addDays('2026-08-01', r.concluded) }],
      events: r.events,
    };
  });
  const staff = [
    { ref: 's0', name: '护士', idNumber: idNumber('1990-01-01', 1), certificates: [nurseLicence()] },
    { ref: 's1', name: '护理员', idNumber: idNumber('1991-01-01', 2), certificates: [caregiverCert()] },
    { ref: 's2', name: '无证', idNumber: idNumber('1992-01-01', 3), certificates: [] },
  ];
  const visits: Visit[] = spec.visits.map((v, i) => {
    const startAbs = v.startDay * 1440 + v.startMin;
    const fmt = (abs: number) =>
      `${addDays(BASE, Math.floor(abs / 1440))}T${String(Math.floor((abs % 1440) / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
    return {
      ref: `v${i}`,
      resident: `r${v.resident % residents.length}`,
      staff: `s${v.staff}`,
      start: fmt(startAbs),
      end: fmt(startAbs + v.length),
      items: [v.medical ? 'MC01' : 'LC01'],
      confirmed: v.confirmed,
    };
  });
  return dataset({ institution: institution({ policy: spec.policy }), residents, staff, visits });
}

const runs = { numRuns: 150 };

describe('claim invariants (property tests)', () => {
  it('fund + personal = fee on every line, none negative, and totals are the sums of the lines', () => {
    fc.assert(
      fc.property(institutionArb, (spec) => {
        const c = claimFor(build(spec), MONTH);
        for (const l of c.lines) {
          expect(l.fundFen + l.personalFen).toBe(l.feeFen);
          expect(l.fundFen).toBeGreaterThanOrEqual(0);
          expect(l.personalFen).toBeGreaterThanOrEqual(0);
        }
        expect(c.totals).toEqual(totalsOf(c.lines));
        const sum = c.lines.reduce((s, l) => s + l.feeFen, 0);
        expect(c.totals.feeFen).toBe(sum);
      }),
      runs,
    );
  });

  it('billable days never exceed the days of the month, and each person has at most one line a mode', () => {
    fc.assert(
      fc.property(institutionArb, (spec) => {
        const c = claimFor(build(spec), MONTH);
        const keys = new Set<string>();
        for (const l of c.lines) {
          expect(l.billableDays).toBeLessThanOrEqual(daysInMonth(2026, 10));
          const k = `${l.idNumber}/${l.mode}`;
          expect(keys.has(k)).toBe(false);
          keys.add(k);
        }
      }),
      runs,
    );
  });

  it('hourly quota: covered minutes never exceed the level quota', () => {
    const pack = findPolicyPack('ningbo-2022')!;
    fc.assert(
      fc.property(institutionArb, (spec) => {
        const c = claimFor(build({ ...spec, policy: 'ningbo-2022' }), MONTH);
        for (const l of c.lines.filter((x) => x.mode === 'home')) {
          const quota = pack.home?.model === 'hourly-quota' ? (pack.home.quotaHours[String(l.level) as '3'] ?? 0) : 0;
          expect(l.coveredMinutes).toBeLessThanOrEqual(quota * 60);
        }
      }),
      runs,
    );
  });

  it('nobody with a failing ID number gets a line; only eligible levels are paid', () => {
    fc.assert(
      fc.property(institutionArb, (spec) => {
        const ds = build(spec);
        const c = claimFor(ds, MONTH);
        const bad = new Set(c.issues.filter((i) => i.code === 'BAD_ID_NUMBER' && i.idNumber).map((i) => i.idNumber));
        const eligible = findPolicyPack(spec.policy)!.eligibleLevels as number[];
        for (const l of c.lines) {
          expect(bad.has(l.idNumber)).toBe(false);
          expect(eligible).toContain(l.level);
        }
      }),
      runs,
    );
  });

  it('does not depend on the order residents and visits were recorded in', () => {
    fc.assert(
      fc.property(institutionArb, fc.integer(), (spec, seed) => {
        const ds = build(spec);
        const shuffle = <T>(xs: T[]) =>
          xs
            .map((x, i) => ({ x, k: (i * 7919 + seed) % 104729 }))
            .sort((a, b) => a.k - b.k)
            .map((p) => p.x);
        const shuffled: Dataset = { ...ds, residents: shuffle(ds.residents), visits: shuffle(ds.visits) };
        const a = claimFor(ds, MONTH);
        const b = claimFor(shuffled, MONTH);
        const norm = (c: typeof a) => ({
          totals: c.totals,
          lines: [...c.lines].sort((x, y) => `${x.resident}${x.mode}`.localeCompare(`${y.resident}${y.mode}`)),
        });
        expect(norm(b)).toEqual(norm(a));
      }),
      runs,
    );
  });
});
