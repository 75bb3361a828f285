import { describe, expect, it } from 'vitest';
import type { Claim } from '../../../shared/claims/types';
import { admit, assessed, caregiverCert, dataset, ev, nurseLicence, resident, staff, visit } from '../../support/builders';
import { claimFor } from '../../support/claimFor';

/** The codes each visit got, as `ref:CODE`, sorted. */
const visitCodes = (c: Claim) =>
  c.issues
    .filter((i) => i.visit)
    .map((i) => `${i.visit}:${i.code}`)
    .sort();

const client = (events = [admit('2026-05-06', 'home')], over = {}) => resident('c', [assessed(3, '2026-04-30')], events, over);
const cg = staff('s1', [caregiverCert()]);
const nurse = staff('n1', [nurseLicence()]);

function octoberWith(visits: ReturnType<typeof visit>[], events?: Parameters<typeof client>[0], people = [cg, nurse]) {
  return claimFor(dataset({ residents: [client(events)], staff: people, visits }), '2026-10');
}

describe('visit validity (docs/rules.md §7)', () => {
  it('counts a confirmed visit by a certified caregiver inside the service period', () => {
    const c = octoberWith([visit('v1', 'c', 's1', '2026-10-02T09:00', '2026-10-02T10:00')]);
    expect(visitCodes(c)).toEqual([]);
    expect(c.lines[0]).toMatchObject({ mode: 'home', coveredMinutes: 60, visits: 1 });
  });

  it('VISIT_TOO_SHORT below the pack minimum (ningbo 30 min); exactly 30 min is fine', () => {
    const c = octoberWith([visit('short', 'c', 's1', '2026-10-02T09:00', '2026-10-02T09:29'), visit('ok', 'c', 's1', '2026-10-03T09:00', '2026-10-03T09:30')]);
    expect(visitCodes(c)).toEqual(['short:VISIT_TOO_SHORT']);
    expect(c.lines[0]?.coveredMinutes).toBe(30);
  });

  it('VISIT_TOO_SHORT for a zero-length visit', () => {
    expect(visitCodes(octoberWith([visit('z', 'c', 's1', '2026-10-02T09:00', '2026-10-02T09:00')]))).toEqual(['z:VISIT_TOO_SHORT']);
  });

  it('VISIT_OVERLAP excludes both overlapping visits of one caregiver; touching visits are fine', () => {
    const c = octoberWith([
      visit('a', 'c', 's1', '2026-10-02T09:00', '2026-10-02T10:00'),
      visit('b', 'c', 's1', '2026-10-02T09:30', '2026-10-02T10:30'),
      visit('t', 'c', 's1', '2026-10-02T10:30', '2026-10-02T11:30'),
    ]);
    expect(visitCodes(c)).toEqual(['a:VISIT_OVERLAP', 'b:VISIT_OVERLAP']);
    expect(c.lines[0]?.coveredMinutes).toBe(60);
  });

  it('VISIT_UNCONFIRMED is a warning and the visit is excluded until confirmed', () => {
    const c = octoberWith([visit('u', 'c', 's1', '2026-10-02T09:00', '2026-10-02T10:00', { confirmed: false })]);
    expect(c.issues.find((i) => i.visit === 'u')).toMatchObject({ code: 'VISIT_UNCONFIRMED', severity: 'warning' });
    expect(c.lines).toHaveLength(0);
  });

  it('NURSE_REQUIRED when a caregiver without a nurse licence logs a medical item', () => {
    const c = octoberWith([visit('m', 'c', 's1', '2026-10-02T09:00', '2026-10-02T10:00', { items: ['MC12'] })]);
    expect(visitCodes(c)).toEqual(['m:NURSE_REQUIRED']);
  });

  it('a nurse with a valid licence may do medical and daily-life items', () => {
    const c = octoberWith([visit('m', 'c', 'n1', '2026-10-02T09:00', '2026-10-02T10:00', { items: ['MC12', 'LC01'] })]);
    expect(visitCodes(c)).toEqual([]);
  });

  it('NURSE_REQUIRED and CERT_INVALID from the day after a nurse licence expires', () => {
    const expiring = staff('n2', [nurseLicence('2021-10-01', '2026-10-10')]);
    const c = octoberWith(
      [
        visit('before', 'c', 'n2', '2026-10-10T09:00', '2026-10-10T10:00', { items: ['MC01'] }),
        visit('after', 'c', 'n2', '2026-10-11T09:00', '2026-10-11T10:00', { items: ['MC01'] }),
      ],
      undefined,
      [expiring],
    );
    expect(visitCodes(c)).toEqual(['after:CERT_INVALID', 'after:NURSE_REQUIRED']);
  });

  it('CERT_INVALID when the caregiver holds no certificate valid that day', () => {
    const none = staff('s0', []);
    const future = staff('s2', [caregiverCert('2026-10-20')]);
    const c = octoberWith(
      [visit('a', 'c', 's0', '2026-10-02T09:00', '2026-10-02T10:00'), visit('b', 'c', 's2', '2026-10-03T09:00', '2026-10-03T10:00')],
      undefined,
      [none, future],
    );
    expect(visitCodes(c)).toEqual(['a:CERT_INVALID', 'b:CERT_INVALID']);
  });

  it('VISIT_IN_HOSPITAL on a hospital day; the return day is served again', () => {
    const events = [admit('2026-05-06', 'home'), ev('hospital', '2026-10-10'), ev('return', '2026-10-13')];
    const c = octoberWith(
      [visit('h', 'c', 's1', '2026-10-12T09:00', '2026-10-12T10:00'), visit('r', 'c', 's1', '2026-10-13T09:00', '2026-10-13T10:00')],
      events,
    );
    expect(visitCodes(c)).toEqual(['h:VISIT_IN_HOSPITAL']);
  });

  it('NO_SERVICE_PERIOD before the admit date and on the discharge day', () => {
    const events = [admit('2026-10-05', 'home'), ev('discharge', '2026-10-20')];
    const c = octoberWith(
      [
        visit('pre', 'c', 's1', '2026-10-04T09:00', '2026-10-04T10:00'),
        visit('in', 'c', 's1', '2026-10-05T09:00', '2026-10-05T10:00'),
        visit('out', 'c', 's1', '2026-10-20T09:00', '2026-10-20T10:00'),
      ],
      events,
    );
    expect(visitCodes(c)).toEqual(['out:NO_SERVICE_PERIOD', 'pre:NO_SERVICE_PERIOD']);
  });

  it('NO_SERVICE_PERIOD on the day of death and AFTER_DEATH after it', () => {
    const events = [admit('2026-05-06', 'home'), ev('death', '2026-10-20')];
    const c = octoberWith(
      [
        visit('before', 'c', 's1', '2026-10-19T09:00', '2026-10-19T10:00'),
        visit('day', 'c', 's1', '2026-10-20T09:00', '2026-10-20T10:00'),
        visit('after', 'c', 's1', '2026-10-21T09:00', '2026-10-21T10:00'),
      ],
      events,
    );
    expect(visitCodes(c)).toEqual(['after:AFTER_DEATH', 'day:NO_SERVICE_PERIOD']);
    expect(c.lines[0]?.coveredMinutes).toBe(60);
  });

  it('MODE_CONFLICT for a home visit during an institutional stay', () => {
    const events = [admit('2026-05-06', 'home'), ev('discharge', '2026-10-10'), admit('2026-10-10', 'institutional')];
    const c = octoberWith([visit('x', 'c', 's1', '2026-10-12T09:00', '2026-10-12T10:00')], events);
    expect(visitCodes(c)).toContain('x:MODE_CONFLICT');
  });

  it('NO_ASSESSMENT and LEVEL_NOT_ELIGIBLE for visits', () => {
    const late = resident('late', [assessed(4, '2026-10-10')], [admit('2026-05-06', 'home')]);
    const low = resident('low', [assessed(1, '2026-01-10')], [admit('2026-05-06', 'home')]);
    const c = claimFor(
      dataset({
        residents: [late, low],
        staff: [cg],
        visits: [visit('a', 'late', 's1', '2026-10-12T09:00', '2026-10-12T10:00'), visit('b', 'low', 's1', '2026-10-13T09:00', '2026-10-13T10:00')],
      }),
      '2026-10',
    );
    expect(visitCodes(c)).toEqual(['a:NO_ASSESSMENT', 'b:LEVEL_NOT_ELIGIBLE']);
    expect(c.lines).toHaveLength(0);
  });

  it('reports every broken rule of one visit, not only the first', () => {
    const c = octoberWith([visit('bad', 'c', 's0', '2026-10-02T09:00', '2026-10-02T09:10', { confirmed: false, items: ['MC01'] })], undefined, [
      staff('s0', []),
    ]);
    expect(visitCodes(c)).toEqual(['bad:CERT_INVALID', 'bad:NURSE_REQUIRED', 'bad:VISIT_TOO_SHORT', 'bad:VISIT_UNCONFIRMED']);
  });

  it('a visit belongs to the month it starts in, even when it ends after midnight', () => {
    const v = visit('night', 'c', 's1', '2026-10-31T23:30', '2026-11-01T00:30');
    const oct = octoberWith([v]);
    expect(oct.lines[0]?.coveredMinutes).toBe(60);
    const nov = claimFor(dataset({ residents: [client()], staff: [cg], visits: [v] }), '2026-11');
    expect(nov.lines).toHaveLength(0);
  });

  it('BAD_ID_NUMBER for a caregiver whose ID number fails its check', () => {
    const badStaff = staff('s9', [caregiverCert()], { idNumber: '330205199001010000' });
    const c = octoberWith([visit('v', 'c', 's9', '2026-10-02T09:00', '2026-10-02T10:00')], undefined, [badStaff]);
    expect(c.issues.filter((i) => i.code === 'BAD_ID_NUMBER')).toEqual([expect.objectContaining({ staff: 's9', severity: 'error' })]);
  });
});
