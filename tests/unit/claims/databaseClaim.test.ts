/**
 * The month's claim from the database (computeMonthClaim: the engine's own lean load, which reads
 * the week before the month only for overlaps unless the pack has weekly limits) is the claim the
 * engine gives for the month's records read whole (loadClaimInput), under every shipped pack, with
 * visits that straddle the window's edges, cross midnight into the month and overlap.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeMonthClaim } from '../../../electron/services/claims/monthClaim';
import { importDataset } from '../../../electron/services/dataset/importDataset';
import { loadClaimFacts, loadClaimInput } from '../../../electron/services/dataset/loadMonth';
import { openDatabase } from '../../../electron/services/db/database';
import { visitsOf } from '../../../shared/claims/visitTable';
import type { Dataset, Visit } from '../../../shared/domain/model';
import { claimFor } from '../../support/claimFor';
import { sample, tempDir, track } from '../services/helpers';

const visit = (ref: string, staff: string, start: string, end: string, items: string[] = ['LC01'], confirmed = true): Visit => ({
  ref,
  resident: 'r3',
  staff,
  start,
  end,
  items,
  confirmed,
});

function institution(policy: string): Dataset {
  const d = sample();
  d.institution.policy = policy;
  d.institution.prices.visitFeeFen = 6500;
  d.visits.push(
    // the week before October 2026 (Monday 09-28): weekly limits of per-visit packs
    visit('w-mon', 's1', '2026-09-28T09:00', '2026-09-28T10:00'),
    visit('w-tue', 's1', '2026-09-29T09:00', '2026-09-29T10:00', ['LC01', 'LC08']),
    visit('w-wed', 's2', '2026-09-30T09:00', '2026-09-30T10:00', ['MC05']),
    visit('w-early', 's1', '2026-09-24T08:00', '2026-09-24T09:00'),
    // before the window: never read
    visit('w-before', 's1', '2026-09-23T08:00', '2026-09-23T09:00'),
    // runs from the week before into the month, over two October visits of the same caregiver
    visit('long', 's2', '2026-09-27T22:00', '2026-10-01T08:30'),
    visit('oct1-a', 's2', '2026-10-01T08:00', '2026-10-01T09:00'),
    // ends exactly when the month starts: touches, does not overlap
    visit('to-midnight', 's1', '2026-09-30T23:00', '2026-10-01T00:00'),
    visit('oct1-b', 's1', '2026-10-01T00:00', '2026-10-01T01:00', [], false),
    // the last day into the day after, over a visit of that day
    visit('oct31', 's1', '2026-10-31T23:30', '2026-11-01T00:45'),
    visit('nov1', 's1', '2026-11-01T00:15', '2026-11-01T01:00'),
  );
  return d;
}

describe('the claim from the database', () => {
  for (const policy of ['ningbo-2022', 'shanghai-home', 'nantong', 'tianjin']) {
    it(`is the engine's claim of the whole records (${policy})`, () => {
      const db = track(openDatabase(path.join(tempDir(), 'ltc.db')));
      importDataset(db, institution(policy), { actor: 't' });
      for (const month of ['2026-09', '2026-10', '2026-11']) {
        const claim = computeMonthClaim(db, month);
        expect(claim).toStrictEqual(claimFor(loadClaimInput(db, month), month));
        expect(claim).toStrictEqual(claimFor(loadClaimFacts(db, month), month));
      }
      const october = computeMonthClaim(db, '2026-10');
      const codes = (ref: string) => october.issues.filter((i) => i.visit === ref).map((i) => i.code);
      expect(codes('oct1-a')).toContain('VISIT_OVERLAP');
      expect(codes('oct31')).toContain('VISIT_OVERLAP');
      expect(codes('oct1-b')).toEqual(['VISIT_UNCONFIRMED']);
    });
  }

  it('reads the same visits as the whole records, less only what cannot touch the month', () => {
    const db = track(openDatabase(path.join(tempDir(), 'ltc.db')));
    importDataset(db, institution('ningbo-2022'), { actor: 't' });
    const whole = loadClaimInput(db, '2026-10').visits;
    const lean = visitsOf(loadClaimFacts(db, '2026-10', { weekBefore: false }).visits);
    const strip = ({ ref, resident, staff, start, end, items, confirmed }: Visit) => ({ ref, resident, staff, start, end, items: [...items], confirmed });
    expect(visitsOf(loadClaimFacts(db, '2026-10').visits).map(strip)).toEqual(whole.map(strip));
    expect(lean.map((v) => v.ref)).toEqual(whole.filter((v) => v.start >= '2026-10-01' || v.end > '2026-10-01T00:00').map((v) => v.ref));
    expect(lean.map((v) => v.ref)).toContain('long');
    expect(lean.map((v) => v.ref)).not.toContain('to-midnight');
  });

  it('reads the same visits when the ids of the month are far apart (entered out of time order)', () => {
    const db = track(openDatabase(path.join(tempDir(), 'ltc.db')));
    const d = institution('shanghai-home');
    // more visits of another year between the month's first ids and its last ones than the month has
    const late = d.visits.splice(3);
    for (let i = 0; i < 60; i++)
      d.visits.push(visit(`old${i}`, 's1', `2025-03-${String(1 + (i % 28)).padStart(2, '0')}T08:00`, `2025-03-${String(1 + (i % 28)).padStart(2, '0')}T09:00`));
    d.visits.push(...late);
    importDataset(db, d, { actor: 't' });
    for (const month of ['2026-10', '2025-03']) {
      expect(computeMonthClaim(db, month)).toStrictEqual(claimFor(loadClaimInput(db, month), month));
      expect(visitsOf(loadClaimFacts(db, month).visits).map((v) => v.ref)).toEqual(loadClaimInput(db, month).visits.map((v) => v.ref));
    }
  });
});
