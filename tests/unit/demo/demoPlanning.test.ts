/**
 * The demo's rota and plans (`ltc demo`, dataset 1.1) as the head nurse meets them on 2026-12-09, a
 * Wednesday: a rota that works except the problems planted this week (Monday 12-07): the caregiver
 * without a certificate on two 早班, Tuesday's night nobody covers, one 中班 followed by an 早班; plans for
 * the home clients in service within their quotas but one; 派单 with one visit not given and one overlap ahead,
 * and this week's missed and unplanned visits behind.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importDataset } from '../../../electron/services/dataset/importDataset';
import { openDatabase } from '../../../electron/services/db/database';
import { generateDemoDataset } from '../../../electron/services/demo/generateDemo';
import { demoPlanning } from '../../../electron/services/demo/planning';
import { checkRota } from '../../../shared/rota/checks';
import type { Dataset } from '../../../shared/domain/model';
import { pinToday } from '../../support/today';
import { api as plansApi } from '../plans/support';
import { api as rotaApi } from '../rota/support';
import { tempDir, track } from '../services/helpers';

const TODAY = '2026-12-09';

async function demo() {
  pinToday(TODAY);
  const records = generateDemoDataset({ today: TODAY });
  const dataset: Dataset = { ...records, version: 1.1, ...demoPlanning(records, TODAY) };
  const db = track(openDatabase(path.join(tempDir(), 'demo.db')));
  importDataset(db, dataset, { actor: 'test' });
  return { db, dataset };
}

describe('the demo’s rota', () => {
  it('has last month published and this month’s draft whose only problems are the three planted this week', async () => {
    const { db, dataset } = await demo();
    const view = await rotaApi(db).call('rota.month', { month: '2026-12' });
    expect(view.published).toBeNull();
    expect((await rotaApi(db).call('rota.month', { month: '2026-11' })).published?.by).toBeTruthy();
    const issues = checkRota(view).issues.map((i) => [i.code, i.date]);
    const uncertified = dataset.staff.find((s) => s.role === 'caregiver' && s.certificates.length === 0)!;
    expect(issues.filter(([code]) => code === 'CERT_MISSING')).toEqual([
      ['CERT_MISSING', '2026-12-08'],
      ['CERT_MISSING', '2026-12-09'],
    ]);
    expect(checkRota(view).issues.find((i) => i.code === 'CERT_MISSING')?.message).toContain(uncertified.name);
    expect(issues.filter(([code]) => code === 'UNDERSTAFFED')).toEqual([['UNDERSTAFFED', '2026-12-08']]);
    expect(checkRota(view).issues.find((i) => i.code === 'UNDERSTAFFED')?.message).toMatch(/^2026-12-08 夜班应配 1 人/);
    expect(issues.filter(([code]) => code === 'REST_SHORT')).toHaveLength(1);
    expect(issues.filter(([code]) => !['CERT_MISSING', 'UNDERSTAFFED', 'REST_SHORT'].includes(code!))).toEqual([]);
  });
});

describe('the demo’s plans', () => {
  it('plans every home client seen lately, within the quota; 派单 ahead has one not given and one overlap; this week behind has a missed visit', async () => {
    const { db, dataset } = await demo();
    const { call } = plansApi(db);
    const list = await call('plans.list', undefined);
    const planned = list.rows.filter((r) => r.plan);
    expect(planned.length).toBe(dataset.carePlans!.length);
    expect(planned.length).toBeGreaterThan(30);
    // one plan over its level's monthly hours (the planted one: 120 minutes, at least 3 a week)
    const over = planned.filter((r) => r.problems.length > 0);
    expect(over).toHaveLength(1);
    expect(over[0]!.plan!.minutes).toBe(120);
    expect(over[0]!.problems[0]).toMatch(/^超出按小时限额：每周 \d 次 × 每次 120 分钟/);
    const view = await call('plans.schedule', { month: '2026-12' });
    const ahead = view.conflicts.filter((c) => c.visitIds.every((id) => view.visits.find((v) => v.id === id)!.date >= TODAY));
    expect(ahead.map((c) => c.kind).sort()).toEqual(['NO_CAREGIVER', 'OVERLAP']);
    const cmp = await call('plans.compare', { month: '2026-12' });
    expect(cmp.unplanned).toHaveLength(2);
    expect(cmp.missed).toHaveLength(2);
    expect(cmp.missed.some((m) => m.date >= '2026-12-07')).toBe(true);
  });
});
