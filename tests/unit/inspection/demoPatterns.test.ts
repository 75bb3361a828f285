/**
 * The demo institution as `ltc demo` makes it: the fraud patterns planted in its last full month are each
 * found by the self-audit, and nothing else is (the false-positive count README.md states: 0), in that
 * month and in the two full months before it. Planting them adds no claim issue the demo did not have.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { plantAuditPatterns } from '../../../electron/services/demo/auditPatterns';
import { generateDemoDataset } from '../../../electron/services/demo/generateDemo';
import { moveAfterCap } from '../../../electron/services/demo/movedVisit';
import { importDataset } from '../../../electron/services/dataset/importDataset';
import { openDatabase } from '../../../electron/services/db/database';
import { selfAuditOf } from '../../../electron/services/inspection/selfAuditService';
import type { RuleId } from '../../../shared/inspection/selfAuditTypes';
import { DEFAULT_INSPECTION_SETTINGS } from '../../../shared/inspection/settings';
import { claimFor } from '../../support/claimFor';
import { pinToday } from '../../support/today';
import { tempDir, track } from '../services/helpers';

const TODAY = '2026-12-06';
const FOCUS = '2026-11';

function plantedDemo() {
  pinToday(TODAY);
  const dataset = generateDemoDataset({ today: TODAY });
  const planted = plantAuditPatterns(dataset, FOCUS);
  const db = track(openDatabase(path.join(tempDir(), 'demo.db')));
  importDataset(db, dataset, { actor: 'demo' });
  moveAfterCap(db, planted.moved, 'demo');
  return { db, dataset, planted };
}

describe('the demo’s planted patterns', () => {
  it('are each found, and nothing else is, in the last full month', () => {
    const { db, planted } = plantedDemo();
    const result = selfAuditOf(db, { from: `${FOCUS}-01`, to: `${FOCUS}-30` }, DEFAULT_INSPECTION_SETTINGS);
    const found = Object.fromEntries(result.rules.map((r) => [r.rule, r.hits.map((h) => h.visits)])) as Record<RuleId, string[][]>;
    const [sameA, sameB] = planted.samePoint!;
    const [travelA, travelB] = planted.travel!;
    expect(found.SAME_POINT).toEqual([[sameA, sameB]]);
    expect(found.IMPOSSIBLE_TRAVEL).toEqual([[travelA, travelB]]);
    // the two visits logged 2.2 km off, and the two visits checked in somewhere else by the patterns above
    expect(found.CHECKIN_FAR.flat().sort()).toEqual([...planted.far, sameB, travelB].sort());
    expect(found.NO_CHECKIN).toEqual([planted.noCheckIn]);
    expect(found.UNIFORM_DURATION).toEqual([planted.uniform!.visits]);
    expect(found.MOVED_AFTER_CAP).toEqual([[planted.moved!.visit]]);
    for (const rule of ['CAP_EXACT', 'BOTH_MODES'] as const) expect(found[rule], rule).toEqual([]);
    const total = result.rules.reduce((n, r) => n + r.hits.length, 0);
    expect(total).toBe(9);
  });

  it('leave the clean full months before it without a single hit', () => {
    const { db } = plantedDemo();
    for (const [from, to] of [
      ['2026-09-01', '2026-09-30'],
      ['2026-10-01', '2026-10-31'],
    ] as const) {
      const hits = selfAuditOf(db, { from, to }, DEFAULT_INSPECTION_SETTINGS).rules.flatMap((r) => r.hits);
      expect(
        hits.map((h) => h.reason),
        from,
      ).toEqual([]);
    }
  });

  it('add no claim issue the demo did not already have', () => {
    const clean = generateDemoDataset({ today: TODAY });
    const { dataset } = plantedDemo();
    const codes = (d: typeof clean) => [...new Set(claimFor(d, FOCUS).issues.map((i) => i.code))].sort();
    expect(codes(dataset)).toEqual(codes(clean));
  });
});
