/**
 * The claim judges its visits' days by day number (shared/claims/dayNumbers.ts). The rules are
 * written over date strings (stayTimeline, assessments, certificates): by number they must give the
 * same answer on every day, for any stay, assessments and certificates; and a record with a date
 * that is not one must not be judged by number at all.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assessmentOn } from '../../../shared/claims/assessments';
import { certificateValidOn } from '../../../shared/claims/certificates';
import { certificateDays, certifiedOn, periodOn, residentDays, segmentOn } from '../../../shared/claims/dayNumbers';
import { residentFacts } from '../../../shared/claims/residentFacts';
import { statusOn } from '../../../shared/claims/stayTimeline';
import { addDays, dayNumber } from '../../../shared/domain/dates';
import type { Certificate, Level, Resident, StayEvent } from '../../../shared/domain/model';
import { findPolicyPack } from '../../../shared/policy/registry';

const BASE = '2025-11-20';
const on = (n: number) => addDays(BASE, n);
const pack = findPolicyPack('ningbo-2022');

const eventArb = fc.record({
  type: fc.constantFrom<StayEvent['type']>('admit', 'hospital', 'leave', 'return', 'discharge', 'death'),
  day: fc.integer({ min: 0, max: 400 }),
  mode: fc.constantFrom<'institutional' | 'home'>('institutional', 'home'),
});
const assessmentArb = fc.record({ level: fc.integer({ min: 0, max: 6 }), day: fc.integer({ min: 0, max: 400 }) });
const certificateArb = fc.record({
  type: fc.constantFrom<Certificate['type']>('nurse-licence', 'ltc-caregiver', 'elderly-caregiver'),
  issued: fc.integer({ min: 0, max: 400 }),
  lasts: fc.option(fc.integer({ min: 0, max: 400 }), { nil: undefined }),
});

function resident(events: { type: StayEvent['type']; day: number; mode: 'institutional' | 'home' }[], assessments: { level: number; day: number }[]): Resident {
  return {
    ref: 'r',
    name: '张三',
    idNumber: '330203194501010012',
    events: events.map((e) => ({ type: e.type, date: on(e.day), ...(e.type === 'admit' ? { mode: e.mode } : {}) })),
    assessments: assessments.map((a) => ({ level: a.level as Level, concludedOn: on(a.day) })),
  };
}

describe('judging by day number', () => {
  it('finds the same stay segment and assessment as the date strings, on every day', () => {
    if (!pack) throw new Error('ningbo-2022 pack missing');
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 8 }), fc.array(assessmentArb, { maxLength: 4 }), (events, assessments) => {
        const facts = residentFacts(resident(events, assessments), pack);
        const days = residentDays(facts);
        expect(days).not.toBeNull();
        if (!days) return;
        for (let n = -5; n <= 800; n += 3) {
          const date = on(n);
          const d = dayNumber(date);
          expect(facts.timeline.segments[segmentOn(days, d)] ?? null).toBe(statusOn(facts.timeline, date));
          expect(facts.periods[periodOn(days, d)] ?? null).toBe(assessmentOn(facts.periods, date));
          if (facts.timeline.deathOn !== null) expect(d > days.deathDay).toBe(date > facts.timeline.deathOn);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('knows the same valid certificates as the date strings, of any type or of one', () => {
    fc.assert(
      fc.property(fc.array(certificateArb, { maxLength: 4 }), (specs) => {
        const certs: Certificate[] = specs.map((c, i) => ({
          type: c.type,
          number: `C${i}`,
          issuedOn: on(c.issued),
          ...(c.lasts === undefined ? {} : { expiresOn: on(c.issued + c.lasts) }),
        }));
        const days = certificateDays(certs);
        expect(days).not.toBeNull();
        if (!days) return;
        for (let n = -5; n <= 850; n += 7) {
          const date = on(n);
          expect(certifiedOn(days, dayNumber(date))).toBe(certs.some((c) => certificateValidOn(c, date)));
          expect(certifiedOn(days, dayNumber(date), 'nurse-licence')).toBe(certs.some((c) => c.type === 'nurse-licence' && certificateValidOn(c, date)));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('is not used for records holding a date that is not one', () => {
    if (!pack) throw new Error('ningbo-2022 pack missing');
    const r = resident([{ type: 'admit', day: 0, mode: 'home' }], [{ level: 3, day: 0 }]);
    r.events.push({ type: 'hospital', date: '2026-02-30' });
    expect(residentDays(residentFacts(r, pack))).toBeNull();
    expect(certificateDays([{ type: 'ltc-caregiver', number: 'C1', issuedOn: '2026-13-01' }])).toBeNull();
    // an empty expiry is no expiry, as certificateValidOn reads it
    const open = certificateDays([{ type: 'ltc-caregiver', number: 'C1', issuedOn: '2026-01-01', expiresOn: '' }]);
    expect(open && certifiedOn(open, dayNumber('2099-01-01'))).toBe(true);
  });
});
