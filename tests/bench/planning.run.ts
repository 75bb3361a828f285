/**
 * Phase 4 of `npm run bench` (issue 12), on databases of its own (the head nurse's sizes):
 * - rotaSuggestSeconds: 排班建议 for 60 staff × 31 days × 4 work shift types (50 caregivers, 10 nurses;
 *   60 severely disabled and 20 other residents: 早/中 14, 夜 7, 护士班 3 a day), in the built solver worker;
 * - planSuggestSeconds: 派单建议 for 3,000 home clients and 800 caregivers, a month, in the solver worker;
 * - rotaRenderMs / rotaEditMs: the 排班 grid of 200 staff × 31 days in Chromium (the built renderer served
 *   by the built host): from opening 排班 to the grid with every row drawn; a shift typed into a cell until
 *   the cell and its checks have been drawn again (median of 5 each).
 * Each with the share of demand met where there is one (rotaSuggestShareMet, planSuggestShareMet).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { it } from 'vitest';
import { buildSchedulingProblem } from '../../electron/services/carePlans/suggest/problem';
import { importDataset } from '../../electron/services/dataset/importDataset';
import { openDatabase, type LtcDatabase } from '../../electron/services/db/database';
import { rotaMonth } from '../../electron/services/rota/rotaMonth';
import { buildProblem } from '../../electron/services/rota/suggest/problem';
import { solveOffThread } from '../../electron/services/solver/solverOffThread';
import { addDays, datesOfMonth } from '../../shared/domain/dates';
import type { Resident, Staff } from '../../shared/domain/model';
import { admit, assessed, idNumber, institution, resident, staff } from '../support/builders';
import { benchSession } from './benchSession';
// the host as the e2e tests start it (out/main/host.js, as `npm run web` does)
import { startHost } from '../e2e/support/host';
import { benchEnv, peakRssMb, round, writeResult } from './common';

const ROOT = resolve(__dirname, '../..');
const SOLVER = join(ROOT, 'out/main/solverWorker.js');
const MONTH = '2026-10';
const carerCert = { type: 'elderly-caregiver' as const, number: 'E', issuedOn: '2020-01-01' };
const nurseCert = { type: 'nurse-licence' as const, number: 'N', issuedOn: '2022-01-01', expiresOn: '2030-01-01' };

function institutionDb(dir: string, name: string, residents: Resident[], team: Staff[]): LtcDatabase {
  const db = openDatabase(join(dir, name));
  importDataset(db, { format: 'ltc-dataset', version: 1, institution: institution(), residents, staff: team, visits: [] }, { actor: 'bench' });
  return db;
}

const people = (n: number, make: (i: number) => Resident): Resident[] => Array.from({ length: n }, (_v, i) => make(i));
const idOf = (i: number, base: string) => idNumber(addDays(base, i), 1 + (i % 9));

async function rotaSuggest(dir: string) {
  const residents = [
    ...people(60, (i) => resident(`r${i}`, [assessed(4, '2026-08-01')], [admit('2026-09-01')], { idNumber: idOf(i, '1930-01-01') })),
    ...people(20, (i) => resident(`o${i}`, [assessed(2, '2026-08-01')], [admit('2026-09-01')], { idNumber: idOf(i, '1935-01-01') })),
  ];
  const team = Array.from({ length: 60 }, (_v, i) =>
    staff(`s${i}`, [i < 50 ? carerCert : nurseCert], { role: i < 50 ? 'caregiver' : 'nurse', employedFrom: '2020-01-01', idNumber: idOf(i, '1980-01-01') }),
  );
  const db = institutionDb(dir, 'rota.db', residents, team);
  try {
    const problem = buildProblem(rotaMonth(db, MONTH), `${MONTH}-01`, `${MONTH}-31`);
    const t0 = performance.now();
    const s = await solveOffThread('rota', problem, () => undefined, undefined, SOLVER);
    return {
      rotaSuggestSeconds: round((performance.now() - t0) / 1000, 2),
      rotaSuggestDemand: s.demand,
      rotaSuggestMet: s.met,
      rotaSuggestShareMet: round(s.met / Math.max(1, s.demand), 3),
    };
  } finally {
    db.close();
  }
}

async function planSuggest(dir: string) {
  const residents = people(3000, (i) =>
    resident(`c${i}`, [assessed((3 + (i % 3)) as 3 | 4 | 5, '2026-08-10')], [admit('2026-09-01', 'home')], {
      address: `宁波市海曙区第${i % 40}街道第${i % 97}小区${i}号`,
      idNumber: idOf(i, '1930-01-01'),
    }),
  );
  const team = Array.from({ length: 800 }, (_v, i) =>
    staff(`s${i}`, [carerCert], { role: 'caregiver', employedFrom: '2020-01-01', idNumber: idOf(i, '1980-01-01') }),
  );
  const db = institutionDb(dir, 'plans.db', residents, team);
  try {
    // 3 visits a week of 60 minutes each, mornings or afternoons by block of 40 clients
    const ids = db.raw.prepare('SELECT id FROM residents ORDER BY id').pluck().all() as number[];
    const plan = db.raw.prepare(
      "INSERT INTO care_plans (resident_id, visits_per_week, minutes, days, window_start, window_end, preferred_staff_id, updated_at) VALUES (?, 3, 60, '', ?, ?, NULL, 'bench')",
    );
    const item = db.raw.prepare("INSERT INTO care_plan_items (plan_id, position, code) VALUES (?, 0, 'LC01')");
    db.transaction(() =>
      ids.forEach((id, i) => item.run(plan.run(id, Math.floor(i / 40) % 2 ? '08:00' : '13:00', Math.floor(i / 40) % 2 ? '12:00' : '17:00').lastInsertRowid)),
    );
    const t0 = performance.now();
    const problem = buildSchedulingProblem(db.raw, MONTH);
    const s = await solveOffThread('plan', problem, () => undefined, undefined, SOLVER);
    return {
      planSuggestSeconds: round((performance.now() - t0) / 1000, 1),
      planSuggestDemand: s.demand,
      planSuggestMet: s.met,
      planSuggestShareMet: round(s.met / Math.max(1, s.demand), 3),
      planSuggestSolver: s.solver,
    };
  } finally {
    db.close();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

async function rotaGrid(dir: string) {
  const residents = people(120, (i) => resident(`r${i}`, [assessed(4, '2026-08-01')], [admit('2026-09-01')], { idNumber: idOf(i, '1930-01-01') }));
  const team = Array.from({ length: 200 }, (_v, i) =>
    staff(`s${i}`, [i < 170 ? carerCert : nurseCert], { role: i < 170 ? 'caregiver' : 'nurse', employedFrom: '2020-01-01', idNumber: idOf(i, '1980-01-01') }),
  );
  const file = join(dir, 'grid.db');
  const db = institutionDb(dir, 'grid.db', residents, team);
  // a filled month: 早早中中夜夜休休 from a different day for each
  const types = new Map((db.raw.prepare('SELECT name, id FROM shift_types').all() as { name: string; id: number }[]).map((t) => [t.name, t.id]));
  const cycle = ['早班', '早班', '中班', '中班', '夜班', '夜班', '休', '休'].map((n) => types.get(n)!);
  const put = db.raw.prepare('INSERT INTO rota_cells (staff_id, date, shift_type_id) VALUES (?, ?, ?)');
  const staffIds = db.raw.prepare('SELECT id FROM staff ORDER BY id').pluck().all() as number[];
  db.transaction(() =>
    staffIds.forEach((s, i) =>
      datesOfMonth(MONTH).forEach((d, n) => put.run(s, d, i < 170 ? cycle[(n + i) % 8]! : n % 7 < 5 ? types.get('护士班')! : types.get('休')!)),
    ),
  );
  db.close();

  const host = await startHost(file);
  const render: number[] = [];
  const edit: number[] = [];
  const profile = mkdtempSync(join(tmpdir(), 'ltc-bench-chromium-'));
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: process.env['LTC_CHROMIUM'] ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run'],
    viewport: { width: 1600, height: 1000 },
    locale: 'zh-CN',
  });
  try {
    await browser.addCookies([{ ...(await benchSession(host.url)), url: host.url, httpOnly: true, sameSite: 'Strict' }]);
    const page = browser.pages()[0] ?? (await browser.newPage());
    for (let run = 0; run < 5; run++) {
      await page.goto(`${host.url}#/`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      // from the click on 排班 to the grid with all 200 rows drawn (the month's data loaded and checked)
      const t0 = await page.evaluate(() => performance.now());
      await page.getByRole('menuitem', { name: '排班' }).click();
      const t1 = await page.waitForFunction(() => document.querySelectorAll('table[role="grid"] tbody tr').length >= 200 && performance.now(), undefined, {
        polling: 'raf',
      });
      render.push(Math.round(((await t1.jsonValue()) as number) - t0));
      // the month shown is today's: open the filled one
      await page.goto(`${host.url}#/rota?month=${MONTH}`);
      await page.waitForFunction(() => document.querySelectorAll('table[role="grid"] tbody tr').length >= 200);
      const cell = page
        .getByRole('grid', { name: '排班表' })
        .getByRole('gridcell')
        .nth(40 + run);
      await cell.click();
      const ms = await cell.evaluate(
        (el) =>
          new Promise<number>((done) => {
            const before = el.textContent;
            // 休 where there is an 早班, else 早班: always a change
            const key = before?.includes('早') ? 'x' : 'z';
            const t = performance.now();
            const seen = new MutationObserver(() => {
              if (el.textContent === before) return;
              seen.disconnect();
              // the change and its checks drawn: the next frame after the cell changed
              requestAnimationFrame(() => done(performance.now() - t));
            });
            seen.observe(el, { subtree: true, childList: true, characterData: true });
            el.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
          }),
      );
      edit.push(Math.round(ms));
    }
  } finally {
    await browser.close();
    rmSync(profile, { recursive: true, force: true });
    await host.stop();
  }
  return { rotaRenderMs: median(render), rotaRenderRunsMs: render, rotaEditMs: median(edit), rotaEditRunsMs: edit };
}

it('measures the rota and the home-visit plan at the head nurse’s sizes', async () => {
  const { out } = benchEnv();
  if (!existsSync(SOLVER)) throw new Error('out/main/solverWorker.js is missing: run `npm run build` first');
  const dir = mkdtempSync(join(dirname(out), 'planning-'));
  try {
    const result: Record<string, unknown> = {
      ...(await rotaSuggest(dir)),
      ...(await planSuggest(dir)),
      ...(await rotaGrid(dir)),
      planningPeakRssMb: peakRssMb(),
    };
    console.log(result);
    writeResult(out, result);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 900_000);
