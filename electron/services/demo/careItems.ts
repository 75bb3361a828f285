/**
 * Which catalogue items (interim-42: LCnn daily-life, MCnn medical) the demo's visits log. Each
 * client has a care plan (护理计划) of a few items chosen for their level, and each visit does part
 * of it: the same person gets the same kind of care week after week, as the service logs of a real
 * agency show, rather than a random draw from the whole catalogue.
 */
import type { Level } from '../../../shared/domain/model';
import { Weighted, type Rng } from './prng';

/** Daily-life items by how often home care does them; the bedridden ones weigh more from level 4. */
function dailyLifeTable(level: Level): Weighted<string> {
  const bedridden = level >= 4 ? 5 : 1;
  return new Weighted<string>([
    ['LC01', 10],
    ['LC08', 8],
    ['LC15', 8],
    ['LC05', 7],
    ['LC09', 6],
    ['LC10', 6],
    ['LC11', 6],
    ['LC02', 5],
    ['LC04', 5],
    ['LC07', 5],
    ['LC12', 4],
    ['LC06', 4],
    ['LC03', 4],
    ['LC17', 4],
    ['LC18', 4],
    ['LC16', 2],
    ['LC20', 3],
    ['LC21', 3],
    ['LC23', 3],
    ['LC22', 2],
    ['LC24', 2],
    ['LC19', bedridden],
    ['LC25', bedridden],
    ['LC13', bedridden / 2],
    ['LC14', 0.5],
  ]);
}
const DAILY_LIFE_TABLES = new Map<Level, Weighted<string>>(([0, 1, 2, 3, 4, 5] as Level[]).map((l) => [l, dailyLifeTable(l)]));

/** The nursing needs that bring a nurse home each week, with how common they are among such clients. */
const MEDICAL_NEEDS: ReadonlyArray<readonly [string, number]> = [
  ['MC09', 0.35], // diabetes: blood glucose
  ['MC10', 0.2], // pressure wound dressing
  ['MC03', 0.15], // medication by mouth
  ['MC02', 0.1], // nasogastric feeding
  ['MC12', 0.1],
  ['MC13', 0.1], // insulin
  ['MC01', 0.1],
  ['MC11', 0.08],
  ['MC14', 0.05], // stoma
  ['MC15', 0.03], // PICC line
];

export function dailyLifePlan(rng: Rng, level: Level): string[] {
  const table = DAILY_LIFE_TABLES.get(level) ?? dailyLifeTable(level);
  const size = rng.int(4, 7);
  const plan = new Set<string>();
  for (let tries = 0; plan.size < size && tries < 40; tries++) plan.add(table.pick(rng));
  // Catheter and stoma-bag care are needs of particular people, not of a day's choice.
  if (rng.chance(0.08)) plan.add('LC26');
  if (rng.chance(0.03)) plan.add('LC27');
  return [...plan].sort();
}

/** Vital signs at every nurse visit (MC05), plus the person's own needs. */
export function medicalPlan(rng: Rng): string[] {
  const plan = ['MC05'];
  for (const [code, p] of MEDICAL_NEEDS) if (rng.chance(p)) plan.push(code);
  return plan.sort();
}

/** Part of a plan: `min`…`max` distinct items, in catalogue order. */
export function someOf(rng: Rng, plan: readonly string[], min: number, max: number): string[] {
  const k = Math.min(plan.length, rng.int(min, max));
  const copy = [...plan];
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(rng.float() * (copy.length - i));
    const t = copy[i] as string;
    copy[i] = copy[j] as string;
    copy[j] = t;
  }
  return copy.slice(0, k).sort();
}
