import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, type LtcDatabase } from '../../../electron/services/db/database';
import { importDataset } from '../../../electron/services/dataset/importDataset';
import { claimVisitWindow, loadClaimInput } from '../../../electron/services/dataset/loadMonth';
import type { Visit } from '../../../shared/domain/model';
import { pinToday } from '../../support/today';
import { sample, tempDir, track } from './helpers';

function fresh(): LtcDatabase {
  return track(openDatabase(path.join(tempDir(), 'ltc.db')));
}

const visit = (ref: string, start: string, end: string): Visit => ({ ref, resident: 'r3', staff: 's1', start, end, items: ['LC01'], confirmed: true });

describe('loadClaimInput', () => {
  it('window of 2026-10 is 2026-09-24 … 2026-11-01', () => {
    expect(claimVisitWindow('2026-10')).toEqual({ firstDate: '2026-09-24', lastDate: '2026-11-01' });
    expect(claimVisitWindow('2028-03')).toEqual({ firstDate: '2028-02-23', lastDate: '2028-04-01' });
  });

  it('returns only the visits whose start lies in the window, with everyone else whole', () => {
    // 'far-later' is dated 2026-12-15: a day after which it has happened.
    pinToday('2026-12-31');
    const db = fresh();
    const d = sample();
    d.visits.push(
      visit('before-window', '2026-09-23T23:59', '2026-09-24T00:30'),
      visit('window-first', '2026-09-24T00:00', '2026-09-24T01:00'),
      visit('previous-week', '2026-09-28T09:00', '2026-09-28T10:00'),
      visit('window-last', '2026-11-01T23:59', '2026-11-02T00:40'),
      visit('after-window', '2026-11-02T00:00', '2026-11-02T01:00'),
      visit('far-later', '2026-12-15T09:00', '2026-12-15T10:00'),
      visit('far-earlier', '2026-03-15T09:00', '2026-03-15T10:00'),
    );
    importDataset(db, d, { actor: 't' });

    const input = loadClaimInput(db, '2026-10');
    expect(input.visits.map((v) => v.ref).sort()).toEqual(['previous-week', 'v1', 'v2', 'v3', 'v4', 'v5', 'v6', 'window-first', 'window-last'].sort());
    expect(input.institution).toStrictEqual(sample().institution);
    expect(input.residents).toStrictEqual(sample().residents);
    expect(input.staff).toStrictEqual(sample().staff);
    expect(input.visits.find((v) => v.ref === 'v1')).toStrictEqual(sample().visits[0]);
  });

  it('refuses a month that is not YYYY-MM', () => {
    const db = fresh();
    importDataset(db, sample(), { actor: 't' });
    expect(() => loadClaimInput(db, '2026-13')).toThrow(/月份“2026-13”格式不对/);
  });
});
