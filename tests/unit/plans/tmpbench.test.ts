import { it } from 'vitest';
import { importDataset } from '../../../electron/services/dataset/importDataset';
import { buildSchedulingProblem } from '../../../electron/services/carePlans/suggest/problem';
import { solveSchedule } from '../../../electron/services/carePlans/suggest/solve';
import { admit, assessed, idNumber, institution, resident, staff } from '../../support/builders';
import { addDays } from '../../../shared/domain/dates';
import { pinToday } from '../../support/today';
import { freshDb } from './support';

it('bench', async () => {
  pinToday('2026-10-01');
  const db = freshDb();
  const residents = Array.from({ length: Number(process.env.NC ?? 3000) }, (_v, i) => resident(`c${i}`, [assessed(3 + (i % 3) as 3, '2026-08-10')], [admit('2026-09-01', 'home')], { address: `宁波市${i % 40}区第${i % 40}街道${i % 97}小区`, idNumber: idNumber(addDays('1930-01-01', i % 3000), 1) }));
  const team = Array.from({ length: Number(process.env.NS ?? 800) }, (_v, i) => staff(`s${i}`, [{ type: 'elderly-caregiver', number: 'E', issuedOn: '2020-01-01' }], { role: 'caregiver', employedFrom: '2020-01-01', idNumber: idNumber(addDays('1980-01-01', i), 2) }));
  importDataset(db, { format: 'ltc-dataset', version: 1, institution: institution(), residents, staff: team, visits: [] }, { actor: 'x' });
  const ids = db.raw.prepare('SELECT id FROM residents').pluck().all() as number[];
  const ins = db.raw.prepare("INSERT INTO care_plans (resident_id, visits_per_week, minutes, days, window_start, window_end, preferred_staff_id, updated_at) VALUES (?, 3, 60, '', ?, ?, NULL, 'x')");
  const item = db.raw.prepare("INSERT INTO care_plan_items (plan_id, position, code) VALUES (?, 0, 'LC01')");
  db.transaction(() => ids.forEach((id, i) => item.run(ins.run(id, Math.floor(i / 40) % 2 ? '08:00' : '13:00', Math.floor(i / 40) % 2 ? '12:00' : '17:00').lastInsertRowid)));
  let t0 = performance.now();
  const p = buildSchedulingProblem(db.raw, '2026-10');
  console.log('build', performance.now() - t0, p.demands.length);
  const d0 = p.demands.filter((d) => d.date === '2026-10-02'); const streets = new Map(); for (const d of d0) streets.set(d.street, (streets.get(d.street) ?? 0) + 1); console.log([...streets].slice(0,5), d0.slice(0,3).map(d=>[d.street, d.candidates, d.earliest, d.latest]));
  t0 = performance.now();
  const s = await solveSchedule(p, { onProgress: (x) => x.done % 200 === 0 && console.log((performance.now() - t0).toFixed(0), x.phase) });
  console.log(s.seconds, s.demand, s.met, s.unmet.slice(0, 3));
}, 300000);
