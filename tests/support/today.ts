/**
 * Pins the services' today (`LTC_TODAY`, electron/services/db/clock.ts) for the running test, so a
 * test that stores records dated after the machine's today (refused as "not happened yet") says which
 * day it is, and a test of that refusal controls the day it judges by.
 */
import { onTestFinished, vi } from 'vitest';

export function pinToday(date: string): void {
  vi.stubEnv('LTC_TODAY', date);
  onTestFinished(() => {
    vi.unstubAllEnvs();
  });
}
