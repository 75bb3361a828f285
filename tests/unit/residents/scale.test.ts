/**
 * The list's SQL derives status, mode, bed, level and expiry itself (to filter and sort 10,000 people
 * in the database); here it is held against the claim engine's own derivation (residents.get) over
 * many generated histories, and timed at 10,000 residents.
 */
import { describe, expect, it } from 'vitest';
import { addDays, addMonths } from '../../../shared/domain/dates';
import { idNumberCheckChar } from '../../../shared/domain/ids';
import type { PolicyPack } from '../../../shared/policy/pack';
import { endSql } from '../../../electron/services/residents/residentSql';
import type { LtcDatabase } from '../../../electron/services/db/database';
import { api, emptyDb } from './support';

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const idNumber = (n: number): string => {
  const first17 = `3302051940${String(101 + (n % 28))
    .padStart(4, '0')
    .slice(0, 2)}${String(10 + (n % 18))}${String(n % 1000).padStart(3, '0')}`.slice(0, 17);
  return first17 + idNumberCheckChar(first17);
};

/** Seeds `n` residents with possible histories: admit, then hospital/leave/return, maybe discharge or death. */
function seed(db: LtcDatabase, n: number, seedValue = 7): void {
  const r = rng(seedValue);
  const day = (from: string, max: number) => addDays(from, 1 + Math.floor(r() * max));
  const insR = db.raw.prepare("INSERT INTO residents (ref, name, id_number, created_at, updated_at) VALUES (?, ?, ?, 't', 't')");
  const insA = db.raw.prepare('INSERT INTO assessments (resident_id, level, concluded_on) VALUES (?, ?, ?)');
  const insE = db.raw.prepare('INSERT INTO stay_events (resident_id, seq, type, date, mode, bed) VALUES (?, ?, ?, ?, ?, ?)');
  db.transaction(() => {
    for (let i = 1; i <= n; i++) {
      const id = Number(insR.run(`g${i}`, `测试${i}`, idNumber(i)).lastInsertRowid);
      let concluded = day('2023-01-01', 700);
      for (let k = Math.floor(r() * 3); k >= 0; k--) {
        insA.run(id, Math.floor(r() * 6), concluded);
        concluded = day(concluded, 500);
      }
      if (r() < 0.1) continue;
      const mode = r() < 0.6 ? 'institutional' : 'home';
      let date = day('2024-01-01', 600);
      let seq = 0;
      insE.run(id, seq++, 'admit', date, mode, mode === 'institutional' ? `B-${i}` : null);
      for (let k = Math.floor(r() * 4); k > 0; k--) {
        date = day(date, 60);
        insE.run(id, seq++, r() < 0.5 ? 'hospital' : 'leave', date, null, null);
        date = day(date, 20);
        insE.run(id, seq++, 'return', date, null, null);
      }
      const end = r();
      if (end < 0.3) insE.run(id, seq, 'discharge', day(date, 90), null, null);
      else if (end < 0.4) insE.run(id, seq, 'death', day(date, 90), null, null);
    }
  });
}

describe('the list agrees with the claim engine', () => {
  it('on status, mode, bed, level in force and assessment end, for 400 generated people on several days', async () => {
    const db = emptyDb();
    seed(db, 400);
    const call = api(db);
    const seen = new Set<string>();
    for (const today of ['2024-03-15', '2024-12-31', '2025-06-01', '2026-02-28']) {
      const list = await call('residents.list', { today, pageSize: 500 });
      expect(list.total).toBe(400);
      for (const row of list.rows) {
        seen.add(row.status);
        if (row.level !== null) seen.add('level');
        const d = await call('residents.get', { id: row.id, today });
        const pick = (x: typeof row | typeof d) => [x.status, x.statusSince, x.mode, x.bed, x.level, x.assessmentEndsOn];
        expect(pick(row), `${row.ref} on ${today}`).toEqual(pick(d));
      }
    }
    // the generated histories reach every status, so every branch of the SQL was compared
    expect([...seen].sort()).toEqual(['deceased', 'discharged', 'hospital', 'leave', 'level', 'none', 'present']);
  });

  it('computes validity ends as shared/domain/dates.ts does, month-end days clamped', () => {
    const db = emptyDb();
    const pack = { assessment: { benefitStart: 'conclusion-date', validityMonths: 1 } } as PolicyPack;
    for (const start of ['2026-01-31', '2026-01-15', '2024-01-30', '2026-03-31', '2026-12-31']) {
      const sql = db.raw
        .prepare(`SELECT ${endSql(pack, '@c')}`)
        .pluck()
        .get({ c: start, validity: '+1 months' });
      expect(sql, start).toBe(addDays(addMonths(start, 1), -1));
    }
  });
});

describe('at 10,000 residents', () => {
  it('a filtered, sorted page and the bed board answer correctly at 10,000 residents', async () => {
    const db = emptyDb();
    seed(db, 10_000, 11);
    const call = api(db);
    // Speed is measured by `npm run bench`, never here: this checks the answers at that size.
    const time = (_name: string, q: object) => call('residents.list', { today: '2026-10-16', pageSize: 20, ...q });
    await time('warm-up', {});
    const all = await time('first page', {});
    expect(all.total).toBe(10_000);
    expect(all.rows).toHaveLength(20);
    await time('sorted by assessment end', { sortField: 'assessmentEnds', sortOrder: 'ascend', page: 300 });
    await time('in stay, level 4, by bed', { status: 'in-stay', level: '4', sortField: 'bed' });
    await time('search', { search: '测试99' });
    // the board and the admission's free-bed list read only the people who can be in a stay that day
    db.raw.exec("INSERT INTO beds (code) SELECT 'B-' || id FROM residents WHERE id % 2 = 0");
    for (const [name, method] of [
      ['beds.board', 'beds.board'],
      ['beds.free', 'beds.free'],
    ] as const) {
      const r = await call(method, { date: '2025-06-01' });
      if (name === 'beds.board') expect((r as { counts: { total: number } }).counts.total).toBe(5000);
    }
  });
});
