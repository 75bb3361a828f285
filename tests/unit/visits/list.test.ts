/** The list's filters, search, sort and paging, on the sample and on a demo agency of 10,000+ visits. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/services/db/database';
import { importDataset } from '../../../electron/services/dataset/importDataset';
import { generateDemoDataset } from '../../../electron/services/demo/generateDemo';
import { tempDir, track } from '../services/helpers';
import { idOf, sampleDb, visits } from './support';

const refs = (page: { rows: { ref: string }[] }): string[] => page.rows.map((r) => r.ref);

describe('visits.list', () => {
  it('filters by client, caregiver, dates and status; newest first by default', async () => {
    const db = sampleDb();
    const list = (q: object) => visits(db)('visits.list', q);
    expect(refs(await list({}))).toEqual(['v6', 'v5', 'v4', 'v3', 'v2', 'v1']);
    expect(refs(await list({ staffId: idOf(db, 'staff', 's2') }))).toEqual(['v3']);
    expect(refs(await list({ residentId: idOf(db, 'residents', 'r3'), from: '2026-10-09', to: '2026-10-16' }))).toEqual(['v4', 'v3', 'v2']);
    expect(refs(await list({ status: 'unconfirmed' }))).toEqual(['v6']);
    expect(refs(await list({ status: 'errors' }))).toEqual(['v5', 'v4']);
    expect(refs(await list({ status: 'valid', sortField: 'start', sortOrder: 'ascend' }))).toEqual(['v1', 'v2', 'v3']);
    const errors = await list({ status: 'errors' });
    expect(errors.total).toBe(2);
    expect(errors.rows[0]?.verdict?.issues.map((i) => i.code)).toEqual(['NURSE_REQUIRED']);
  });

  it('searches names, refs and ID numbers, sorts by a column, pages', async () => {
    const db = sampleDb();
    const list = (q: object) => visits(db)('visits.list', q);
    expect((await list({ search: '陈淑霞' })).total).toBe(1);
    expect(refs(await list({ search: 'v5' }))).toEqual(['v5']);
    expect((await list({ search: '006x' })).total).toBe(6);
    expect((await list({ search: '%' })).total).toBe(0);
    expect(refs(await list({ sortField: 'minutes', sortOrder: 'ascend' }))[0]).toBe('v4');
    const page2 = await list({ page: 2, pageSize: 4 });
    expect(page2).toMatchObject({ total: 6 });
    expect(refs(page2)).toEqual(['v2', 'v1']);
    const row = (await list({ search: 'v1' })).rows[0]!;
    expect(row).toMatchObject({
      residentName: '陈淑芬',
      residentIdMasked: '330205********006X',
      staffName: '施银萍',
      start: '2026-10-02T09:00',
      end: '2026-10-02T10:00',
      minutes: 60,
      confirmed: true,
    });
    expect(row.items).toEqual([
      { code: 'LC01', name: '头面部清洁、梳理', class: 'daily-life' },
      { code: 'LC08', name: '口腔清洁', class: 'daily-life' },
    ]);
  });

  it('pages, searches and filters by status correctly at 10,000+ visits', async () => {
    const db = track(openDatabase(path.join(tempDir(), 'big.db')));
    importDataset(db, generateDemoDataset({ homeClients: 400, institutionalResidents: 20, months: 3 }), { actor: 'seed' });
    const total = db.raw.prepare('SELECT count(*) FROM visits').pluck().get() as number;
    expect(total).toBeGreaterThan(10_000);
    const list = visits(db);
    // Speed is measured by `npm run bench`, never here: this checks the answers at that size.
    const time = async (q: object): Promise<{ total: number }> => ({ total: (await list('visits.list', q)).total });
    const plain = await time({ pageSize: 50 });
    const searched = await time({ search: '王', pageSize: 50, sortField: 'resident', sortOrder: 'ascend' });
    const deep = await time({ page: 200, pageSize: 50 });
    const month = await time({ from: '2026-10-01', to: '2026-10-31', status: 'errors', pageSize: 50 });
    const errors = await time({ status: 'errors', pageSize: 50 });
    const valid = await time({ status: 'valid', pageSize: 50 });
    expect(plain.total).toBe(total);
    expect(deep.total).toBe(total);
    // the client's or the caregiver's name
    expect(searched.total).toBe(
      db.raw
        .prepare(
          "SELECT count(*) FROM visits v JOIN residents r ON r.id = v.resident_id JOIN staff s ON s.id = v.staff_id WHERE r.name LIKE '%王%' OR s.name LIKE '%王%'",
        )
        .pluck()
        .get(),
    );
    expect(month.total).toBeLessThanOrEqual(errors.total);
    expect(errors.total).toBeGreaterThan(0);
    expect(errors.total + valid.total).toBeLessThanOrEqual(total);
  });
});
