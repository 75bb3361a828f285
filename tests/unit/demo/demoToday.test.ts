/**
 * The demo as `ltc demo` makes it: relative to a today, the last three full months and the current
 * month so far, nothing after today, with a bed register holding every institutional resident.
 */
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import datasetSchema from '../../../resources/schemas/dataset.schema.json';
import { demoBeds, generateDemoDataset } from '../../../electron/services/demo/generateDemo';
import { addDays, addMonthsToMonth, dayNumber, firstOfNextMonth, fromDayNumber, monthOf } from '../../../shared/domain/dates';
import { idNumberProblem } from '../../../shared/domain/ids';
import type { Dataset } from '../../../shared/domain/model';
import { standingOn } from '../../../electron/services/residents/standing';
import { claimFor } from '../../support/claimFor';
import { admitOf, homeClients, inService, isShort, medicalByNonNurse, orderProblem, overlaps, validUntil } from './demoChecks';

const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);
const validateSchema = ajv.compile(datasetSchema);

const TODAY = '2026-12-06';
const FIRST = '2026-09-01';
const FOCUS = '2026-11';
const demo = generateDemoDataset({ today: TODAY });

/** Every date a dataset records, with what it is, to find any after today. */
function datesOf(d: Dataset): Array<[string, string]> {
  return [
    ...d.residents.flatMap((r) => [
      ...r.events.map((e): [string, string] => [`${r.ref} ${e.type}`, e.date]),
      ...r.assessments.map((a): [string, string] => [`${r.ref} assessment`, a.concludedOn]),
    ]),
    ...d.staff.flatMap((s) => [
      [`${s.ref} employed`, s.employedFrom ?? ''] as [string, string],
      ...s.certificates.map((c): [string, string] => [`${s.ref} ${c.type}`, c.issuedOn]),
    ]),
    ...d.visits.map((v): [string, string] => [v.ref, v.end.slice(0, 10)]),
  ];
}

describe('the demo as of a today', () => {
  it('validates, and records nothing after today (a record on today is fine)', () => {
    expect(validateSchema(demo), JSON.stringify(validateSchema.errors?.slice(0, 3))).toBe(true);
    expect(datesOf(demo).filter(([, date]) => date > TODAY)).toEqual([]);
    for (const p of [...demo.residents, ...demo.staff]) expect(idNumberProblem(p.idNumber, TODAY)).toBeNull();
  });

  it('covers the last three full months and the current month up to today', () => {
    const days = new Set(demo.visits.map((v) => v.start.slice(0, 10)));
    expect([...days].sort()[0]).toBe(FIRST);
    expect([...days].sort().at(-1)).toBe(TODAY);
    for (const month of ['2026-09', '2026-10', '2026-11', '2026-12']) {
      expect([...days].filter((d) => d.startsWith(month)).length, month).toBeGreaterThan(month === '2026-12' ? 4 : 25);
    }
    // the last days are not all signed yet, as on a real Monday morning
    expect(demo.visits.filter((v) => v.start.startsWith(TODAY) && !v.confirmed).length).toBeGreaterThan(0);
  });

  it('keeps its people consistent: valid timelines, visits while in service, one caregiver in one place', () => {
    for (const r of demo.residents) expect(orderProblem(r), r.ref).toBeNull();
    const residents = new Map(demo.residents.map((r) => [r.ref, r]));
    for (const v of demo.visits) expect(inService(residents.get(v.resident)!, v.start.slice(0, 10)), v.ref).toBe(true);
    expect(overlaps(demo.visits)).toHaveLength(1);
  });

  it('covers every stay day up to today with an assessment in force', () => {
    for (const r of demo.residents) {
      const list = [...r.assessments].sort((a, b) => (a.concludedOn < b.concludedOn ? -1 : 1));
      for (let d = admitOf(r).date > FIRST ? admitOf(r).date : FIRST; d <= TODAY; d = addDays(d, 1)) {
        if (r.events.some((e) => (e.type === 'discharge' || e.type === 'death') && e.date <= d)) break;
        const held = list.filter((a) => firstOfNextMonth(a.concludedOn) <= d).pop();
        expect(held && validUntil(held.concludedOn) >= d, `${r.ref} ${d}`).toBe(true);
      }
    }
  });

  it('puts the stories and the deliberate faults into the last full month, whose claim shows them', () => {
    const inFocus = demo.residents.flatMap((r) => r.events.filter((e) => e.date.startsWith(FOCUS)).map((e) => e.type));
    for (const type of ['admit', 'hospital', 'leave', 'discharge', 'death'] as const) expect(inFocus, type).toContain(type);
    for (const v of [...demo.visits.filter(isShort), ...overlaps(demo.visits).flat(), ...medicalByNonNurse(demo)]) {
      expect(v.start.slice(0, 7)).toBe(FOCUS);
    }
    const codes = new Set(claimFor(demo, FOCUS).issues.map((i) => i.code));
    for (const code of [
      'VISIT_TOO_SHORT',
      'VISIT_OVERLAP',
      'NURSE_REQUIRED',
      'VISIT_UNCONFIRMED',
      'ASSESSMENT_EXPIRING',
      'LEVEL_NOT_ELIGIBLE',
      'HOSPITAL_DAY',
      'LEAVE_DAY',
    ]) {
      expect(codes, code).toContain(code);
    }
    for (const code of ['NO_ASSESSMENT', 'CERT_INVALID', 'NO_SERVICE_PERIOD', 'AFTER_DEATH', 'MODE_CONFLICT', 'BAD_ID_NUMBER', 'VISIT_IN_HOSPITAL']) {
      expect(codes, code).not.toContain(code);
    }
  });

  it('records no assessment after the person’s stay ended', () => {
    for (const r of demo.residents) {
      const end = r.events.find((e) => e.type === 'discharge' || e.type === 'death')?.date;
      if (end)
        expect(
          r.assessments.filter((a) => a.concludedOn >= end),
          r.ref,
        ).toEqual([]);
    }
  });

  it('gives the reminders of today something to say: an assessment and a nurse licence ending within 30 days', () => {
    const ends = demo.residents.map((r) => validUntil(r.assessments.at(-1)!.concludedOn));
    expect(ends.filter((e) => e >= TODAY && e <= addDays(TODAY, 30)).length).toBeGreaterThanOrEqual(1);
    const licences = demo.staff.flatMap((s) => s.certificates.filter((c) => c.type === 'nurse-licence'));
    expect(licences.filter((c) => c.expiresOn! >= TODAY && c.expiresOn! <= addDays(TODAY, 30))).toHaveLength(1);
  });

  it('has a bed register with every institutional resident of today in a bed of their own, and free beds', () => {
    const beds = demoBeds(demo);
    expect(beds).toHaveLength(120);
    expect(new Set(beds.map((b) => b.code)).size).toBe(120);
    for (const b of beds) expect(b.code.startsWith(`${b.room}-`) && b.room.startsWith(`${b.floor}-`), b.code).toBe(true);
    const codes = new Set(beds.map((b) => b.code));
    const held = demo.residents
      .map((r) => standingOn(r.events, TODAY))
      .filter((s) => s.mode === 'institutional' && (s.status === 'present' || s.status === 'hospital' || s.status === 'leave'));
    expect(held.length).toBeGreaterThan(30);
    for (const s of held) expect(codes.has(s.bed!), s.bed ?? 'no bed').toBe(true);
    expect(new Set(held.map((s) => s.bed)).size).toBe(held.length);
    expect(120 - held.length).toBeGreaterThan(0);
    for (const r of homeClients(demo)) expect(admitOf(r).bed).toBeUndefined();
  });

  it('is the same for the same today, and moves with it', () => {
    expect(generateDemoDataset({ today: TODAY })).toEqual(demo);
    const later = generateDemoDataset({ today: '2027-03-31' });
    expect(datesOf(later).filter(([, date]) => date > '2027-03-31')).toEqual([]);
    expect(later.visits.some((v) => v.start.startsWith('2026-12-01'))).toBe(true);
    expect(later.visits.some((v) => v.start < '2026-12-01')).toBe(false);
  });

  it('keeps its promises whatever the day, the 1st of a month and the 31st included', () => {
    const days = fc.integer({ min: dayNumber('2025-01-01'), max: dayNumber('2028-12-31') }).map(fromDayNumber);
    const options = fc.record({ seed: fc.integer(), today: fc.oneof(days, fc.constantFrom('2027-01-01', '2026-12-31', '2027-03-01', '2028-02-29')) });
    fc.assert(
      fc.property(options, ({ seed, today }) => {
        const d = generateDemoDataset({ seed, today, institutionalResidents: 12, homeClients: 15 });
        expect(validateSchema(d)).toBe(true);
        expect(datesOf(d).filter(([, date]) => date > today)).toEqual([]);
        for (const r of d.residents) expect(orderProblem(r), r.ref).toBeNull();
        const focus = addMonthsToMonth(monthOf(today), -1);
        const types = d.residents.flatMap((r) => r.events.filter((e) => e.date.startsWith(focus)).map((e) => e.type));
        for (const type of ['admit', 'hospital', 'discharge', 'death'] as const) expect(types, `${today} ${type}`).toContain(type);
      }),
      { numRuns: 20 },
    );
  });

  it('refuses a today that is not a date, or a today together with a fixed end month', () => {
    expect(() => generateDemoDataset({ today: '2026-13-01' })).toThrow(RangeError);
    expect(() => generateDemoDataset({ today: TODAY, endMonth: '2026-10' })).toThrow(/today or endMonth/);
  });
});
