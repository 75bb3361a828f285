/** 员工列表 and 证书矩阵: search, filters, sort, paging and standings, on real SQLite (10,000 people too). */
import { describe, expect, it } from 'vitest';
import type { LtcDatabase } from '../../../electron/services/db/database';
import type { CertificateInput } from '../../../shared/api/staff';
import { api, freshDb, idNumber } from './support';

const DATE = '2026-10-01';

/** A small team whose standings on 2026-10-01 are known from their certificates' dates. */
async function team(db: LtcDatabase) {
  const { call } = api(db);
  const add = async (name: string, serial: number, role: 'nurse' | 'caregiver', certs: Omit<CertificateInput, 'staffId'>[], employedTo?: string) => {
    const s = await call('staff.save', {
      name,
      idNumber: idNumber('1980-01-01', serial),
      role,
      employedFrom: '2020-01-01',
      ...(employedTo ? { employedTo } : {}),
    });
    for (const c of certs) await call('staff.saveCertificate', { ...c, staffId: s.id });
    return s;
  };
  return {
    // a licence valid beyond 60 days and a caregiver certificate without expiry
    valid: await add('甲护士', 1, 'nurse', [
      { type: 'nurse-licence', number: 'N1', issuedOn: '2022-07-01', expiresOn: '2027-06-30' },
      { type: 'ltc-caregiver', number: 'C1', issuedOn: '2024-01-01' },
    ]),
    // 20 days left
    expiring: await add('乙护士', 2, 'nurse', [{ type: 'nurse-licence', number: 'N2', issuedOn: '2021-10-21', expiresOn: '2026-10-21' }]),
    // lapsed, and a renewal is not issued until after the date: expired on the date
    expired: await add('丙护士', 3, 'nurse', [
      { type: 'nurse-licence', number: 'N3', issuedOn: '2021-09-01', expiresOn: '2026-08-31' },
      { type: 'nurse-licence', number: 'N3b', issuedOn: '2026-10-15', expiresOn: '2031-10-14' },
    ]),
    // a lapsed licence replaced by a renewal already in force: valid
    renewed: await add('丁护士', 4, 'nurse', [
      { type: 'nurse-licence', number: 'N4', issuedOn: '2021-06-01', expiresOn: '2026-05-31' },
      { type: 'nurse-licence', number: 'N4b', issuedOn: '2026-05-20', expiresOn: '2031-05-19' },
    ]),
    none: await add('戊护理员', 5, 'caregiver', []),
    left: await add('己护理员', 6, 'caregiver', [{ type: 'elderly-caregiver', number: 'E6', issuedOn: '2019-01-01' }], '2026-06-30'),
  };
}

describe('the staff list', () => {
  it('filters by certificate standing on the date: all valid, expiring within 60 days, expired, none', async () => {
    const db = freshDb();
    await team(db);
    const { call } = api(db);
    const names = async (certStatus: 'valid' | 'expiring' | 'expired' | 'none') =>
      (await call('staff.list', { date: DATE, certStatus, sortField: 'name' })).rows.map((r) => r.name).sort();
    expect(await names('valid')).toEqual(['丁护士', '己护理员', '甲护士'].sort());
    expect(await names('expiring')).toEqual(['乙护士']);
    expect(await names('expired')).toEqual(['丙护士']);
    expect(await names('none')).toEqual(['戊护理员']);
  });

  it('searches name, ID number and key; filters role and employment; sorts and pages on the server', async () => {
    const db = freshDb();
    const t = await team(db);
    const { call } = api(db);
    expect((await call('staff.list', { search: '丙' })).rows.map((r) => r.name)).toEqual(['丙护士']);
    const id = db.raw.prepare('SELECT id_number FROM staff WHERE id = ?').pluck().get(t.expiring.id) as string;
    expect((await call('staff.list', { search: id.slice(-6) })).rows.map((r) => r.name)).toEqual(['乙护士']);
    expect((await call('staff.list', { search: t.none.ref })).rows.map((r) => r.name)).toEqual(['戊护理员']);
    expect((await call('staff.list', { search: '%' })).total).toBe(0);

    expect((await call('staff.list', { role: 'caregiver' })).total).toBe(2);
    expect((await call('staff.list', { employment: 'left', date: DATE })).rows.map((r) => r.name)).toEqual(['己护理员']);
    expect((await call('staff.list', { employment: 'current', date: DATE })).total).toBe(5);
    // On the last working day the person is still employed.
    expect((await call('staff.list', { employment: 'current', date: '2026-06-30' })).total).toBe(6);

    const byExpiry = await call('staff.list', { date: DATE, sortField: 'certificates', sortOrder: 'ascend' });
    expect(byExpiry.rows.map((r) => r.name).slice(0, 2)).toEqual(['丙护士', '乙护士']);
    expect(byExpiry.rows.at(-1)!.name).toBe('戊护理员'); // none held sorts last
    const page2 = await call('staff.list', { page: 2, pageSize: 4 });
    expect(page2.total).toBe(6);
    // Newest first by default: the last two of six on page two are the first two added.
    expect(page2.rows.map((r) => r.name)).toEqual(['乙护士', '甲护士']);
  });

  it('gives each row its certificates with days left and the reminder band', async () => {
    const db = freshDb();
    const t = await team(db);
    const { call } = api(db);
    const rows = (await call('staff.list', { date: DATE })).rows;
    const expiring = rows.find((r) => r.id === t.expiring.id)!;
    expect(expiring.certificates).toMatchObject([{ type: 'nurse-licence', number: 'N2', daysLeft: 20, band: 30, validOnDate: true }]);
    expect(rows.find((r) => r.id === t.valid.id)!.certificates.map((c) => [c.type, c.band])).toEqual([
      ['ltc-caregiver', null],
      ['nurse-licence', null],
    ]);
  });
});

describe('the certificate matrix', () => {
  it('shows each type per person on the chosen date, with counts, and filters by one type’s standing', async () => {
    const db = freshDb();
    const t = await team(db);
    const { call } = api(db);
    const m = await call('staff.matrix', { date: DATE, pageSize: 50 });
    const row = (id: number) => m.rows.find((r) => r.id === id)!.cells;
    expect(row(t.valid.id)).toEqual({
      'nurse-licence': { status: 'valid', expiresOn: '2027-06-30', daysLeft: 272 },
      'ltc-caregiver': { status: 'valid', expiresOn: null, daysLeft: null },
      'elderly-caregiver': { status: 'none', expiresOn: null, daysLeft: null },
    });
    expect(row(t.expiring.id)['nurse-licence']).toEqual({ status: 'expiring', expiresOn: '2026-10-21', daysLeft: 20 });
    expect(row(t.expired.id)['nurse-licence']).toEqual({ status: 'expired', expiresOn: '2026-08-31', daysLeft: -31 });
    expect(m.counts['nurse-licence']).toEqual({ valid: 2, expiring: 1, expired: 1, none: 2 });
    expect(m.leadDays).toBe(60);

    const lapsed = await call('staff.matrix', { date: DATE, type: 'nurse-licence', status: 'expired' });
    expect(lapsed.rows.map((r) => r.name)).toEqual(['丙护士']);
    // After the renewal is issued the same person is valid: the date decides.
    const later = await call('staff.matrix', { date: '2026-10-15', type: 'nurse-licence', status: 'valid' });
    expect(later.rows.map((r) => r.name).sort()).toEqual(['丁护士', '丙护士', '甲护士'].sort());
  });
});

describe('at 10,000 staff', () => {
  it('answers a page, a search, a standing filter and a sort by expiry at 10,000 people, from the covering index', () => {
    const db = freshDb('big.db');
    const insertStaff = db.raw.prepare(
      "INSERT INTO staff (ref, name, id_number, role, employed_from, created_at, updated_at) VALUES (?, ?, ?, ?, '2020-01-01', 'x', 'x')",
    );
    const insertCert = db.raw.prepare('INSERT INTO certificates (staff_id, type, number, issued_on, expires_on) VALUES (?, ?, ?, ?, ?)');
    db.transaction(() => {
      for (let i = 1; i <= 10_000; i++) {
        const id = Number(insertStaff.run(`s${i}`, `员工${i}`, idNumber('1985-01-01', i), i % 3 === 0 ? 'nurse' : 'caregiver').lastInsertRowid);
        insertCert.run(id, 'ltc-caregiver', `C${i}`, '2020-01-01', null);
        if (i % 3 === 0) insertCert.run(id, 'nurse-licence', `N${i}`, '2022-01-01', `2026-${String((i % 12) + 1).padStart(2, '0')}-15`);
      }
    });
    const { call } = api(db);
    // Speed is measured by `npm run bench`, never here: this checks the answers at that size.
    const time = (_label: string, input: Parameters<typeof call<'staff.list'>>[1]) => call('staff.list', input);
    return (async () => {
      await time('warm-up', {});
      expect((await time('page 1', { date: DATE })).total).toBe(10_000);
      expect((await time('search', { date: DATE, search: '员工99' })).total).toBe(111);
      const expiring = await time('expiring', { date: DATE, certStatus: 'expiring' });
      // nurses whose licence ends on 10-15 or 11-15 (within 60 days of 10-01): i % 12 = 9 or 10
      expect(expiring.total).toBe(Array.from({ length: 10_000 }, (_, k) => k + 1).filter((i) => i % 3 === 0 && (i % 12 === 9 || i % 12 === 10)).length);
      const sorted = await time('sort by expiry', { date: DATE, sortField: 'certificates', sortOrder: 'ascend', page: 30 });
      expect(sorted.total).toBe(10_000);
      await call('staff.matrix', { date: DATE, type: 'nurse-licence', status: 'expired' });

      const plan = db.raw
        .prepare(
          "EXPLAIN QUERY PLAN SELECT staff_id, type, MAX(COALESCE(expires_on, '9999-12-31')) FROM certificates WHERE issued_on <= ? GROUP BY staff_id, type",
        )
        .all(DATE) as { detail: string }[];
      expect(plan.map((p) => p.detail).join(' ')).toContain('COVERING INDEX certificates_by_staff_type');
    })();
  });
});
