/** Today on the services' side: the local calendar date, or LTC_TODAY where a test sets it. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { localTimestamp, serviceToday } from '../../../electron/services/db/clock';
import { localToday } from '../../../electron/services/residents/today';
import { serviceToday as staffToday } from '../../../electron/services/staff/staffFacts';

describe('serviceToday', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('is the local date of the wall clock', () => {
    vi.stubEnv('LTC_TODAY', '');
    const d = new Date(2026, 11, 31, 23, 59);
    expect(serviceToday(d)).toBe('2026-12-31');
    expect(serviceToday()).toBe(localTimestamp().slice(0, 10));
  });

  it('is LTC_TODAY where set, for every service that asks', () => {
    vi.stubEnv('LTC_TODAY', '2027-02-28');
    expect(serviceToday()).toBe('2027-02-28');
    expect(staffToday()).toBe('2027-02-28');
    expect(localToday()).toBe('2027-02-28');
  });

  it('refuses an LTC_TODAY that is not a date rather than use the real one', () => {
    for (const bad of ['2027-02-29', '2027-2-28', 'tomorrow']) {
      vi.stubEnv('LTC_TODAY', bad);
      expect(() => serviceToday(), bad).toThrow(/LTC_TODAY/);
    }
  });
});
