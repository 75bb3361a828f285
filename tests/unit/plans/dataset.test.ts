/**
 * The dataset format's 1.1 sections: a database with a rota, a care plan and planned visits exports them
 * (version 1.1), a fresh database imports them and exports the same document, a second import changes
 * nothing; a database without any stays version 1; refs that point nowhere are refused with their path.
 */
import { describe, expect, it } from 'vitest';
import { exportDataset } from '../../../electron/services/dataset/exportDataset';
import { importDataset } from '../../../electron/services/dataset/importDataset';
import { validateDataset } from '../../../electron/services/dataset/validateDataset';
import type { Dataset } from '../../../shared/domain/model';
import { pinToday } from '../../support/today';
import { api, freshDb, idOf, seed } from './support';

describe('ltc-dataset 1.1: the rota, the care plans and the planned visits', () => {
  it('round-trips: export, import into a new database, export again gives the same document; a second import adds nothing', async () => {
    pinToday('2026-10-02');
    const db = freshDb();
    seed(db, { clients: 2, carers: 2 });
    expect(exportDataset(db).version).toBe(1);
    const { call } = api(db);
    const [c1, c2, s1, s2] = [idOf(db, 'residents', 'c1'), idOf(db, 'residents', 'c2'), idOf(db, 'staff', 's1'), idOf(db, 'staff', 's2')];
    await call('plans.save', {
      residentId: c1,
      items: ['LC01'],
      visitsPerWeek: 2,
      minutes: 60,
      days: [4, 1],
      windowStart: '08:00',
      windowEnd: '12:00',
      preferredStaffId: s1,
      excludedStaffIds: [s2],
      note: '上午',
    });
    await call('plans.saveSchedule', {
      month: '2026-10',
      from: '2026-10-05',
      visits: [
        { residentId: c1, staffId: s1, date: '2026-10-05', start: '09:00', minutes: 60 },
        { residentId: c2, staffId: null, date: '2026-10-06', start: '10:00', minutes: 60 },
      ],
    });
    const early = db.raw.prepare("SELECT id FROM shift_types WHERE name = '早班'").pluck().get() as number;
    db.raw.prepare('INSERT INTO rota_cells (staff_id, date, shift_type_id) VALUES (?, ?, ?)').run(s1, '2026-10-05', early);
    db.raw.prepare("INSERT INTO rota_months (month, published_at, published_by) VALUES ('2026-10', '2026-09-28T10:00', '张敏')").run();

    const first = exportDataset(db);
    expect(first.version).toBe(1.1);
    expect(first.rota?.cells).toEqual([{ staff: 's1', date: '2026-10-05', shift: '早班' }]);
    expect(first.rota?.published).toEqual([{ month: '2026-10', at: '2026-09-28T10:00', by: '张敏' }]);
    expect(first.rota?.shiftTypes.map((t) => t.name)).toEqual(['早班', '中班', '夜班', '护士班', '休', '年假', '病假', '事假']);
    expect(first.carePlans).toEqual([
      {
        resident: 'c1',
        items: ['LC01'],
        visitsPerWeek: 2,
        minutes: 60,
        days: [1, 4],
        windowStart: '08:00',
        windowEnd: '12:00',
        preferredStaff: 's1',
        excludedStaff: ['s2'],
        note: '上午',
      },
    ]);
    expect(first.plannedVisits).toEqual([
      { resident: 'c1', staff: 's1', date: '2026-10-05', start: '09:00', minutes: 60 },
      { resident: 'c2', date: '2026-10-06', start: '10:00', minutes: 60 },
    ]);
    expect(validateDataset(first).ok).toBe(true);

    const other = freshDb();
    const summary = importDataset(other, first, { actor: 'test' });
    expect([summary.rotaCells, summary.carePlans, summary.plannedVisits]).toEqual([
      { added: 1, skipped: 0 },
      { added: 1, skipped: 0 },
      { added: 2, skipped: 0 },
    ]);
    expect(exportDataset(other)).toEqual(first);
    const again = importDataset(other, first, { actor: 'test' });
    expect([again.rotaCells, again.carePlans, again.plannedVisits]).toEqual([
      { added: 0, skipped: 1 },
      { added: 0, skipped: 1 },
      { added: 0, skipped: 2 },
    ]);
    expect(exportDataset(other)).toEqual(first);
  });

  it('refuses a plan or a planned visit of nobody in the file, a shift not among the types, and the sections in a version 1 file', () => {
    pinToday('2026-10-02');
    const db = freshDb();
    seed(db, { clients: 1, carers: 1 });
    const base = exportDataset(db);
    const bad: Dataset = {
      ...base,
      version: 1.1,
      rota: { shiftTypes: [], cells: [{ staff: 's1', date: '2026-10-05', shift: '早班' }], published: [] },
      carePlans: [{ resident: 'c9', items: ['LC01'], visitsPerWeek: 2, minutes: 60, days: [], windowStart: '08:00', windowEnd: '12:00', excludedStaff: [] }],
      plannedVisits: [{ resident: 'c1', staff: 's9', date: '2026-10-05', start: '09:00', minutes: 60 }],
    };
    const r = validateDataset(bad);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => [p.path, p.message])).toEqual([
      ['rota.cells[0].shift', '班次“早班”不在 rota.shiftTypes 中'],
      ['carePlans[0].resident', '找不到编号为“c9”的服务对象，请核对编号，或在 residents 中补上此人'],
      ['plannedVisits[0].staff', '找不到编号为“s9”的工作人员，请核对编号，或在 staff 中补上此人'],
    ]);
    const v1 = validateDataset({ ...base, plannedVisits: [{ resident: 'c1', date: '2026-10-05', start: '09:00', minutes: 60 }] });
    expect(v1.ok || v1.problems.map((p) => p.path)).toEqual(['version']);
  });
});
