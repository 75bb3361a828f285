/**
 * One permission table (shared/api/permissions.ts), checked by the dispatcher on every call of a face
 * that serves logged-in users (issue 16 §1): no call is forgotten; without a login only the login's own
 * calls answer; each role is refused, with a typed FORBIDDEN, what it may not do, whatever face calls.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../../shared/api/auth';
import { METHOD_NAMES } from '../../../shared/api/methodNames';
import { mayCall, PERMISSIONS } from '../../../shared/api/permissions';
import { idNumber } from '../../support/builders';
import { ok, served, type Served } from './support';

describe('the permission table', () => {
  it('has a rule for every call of the contract, and nothing else', () => {
    for (const m of METHOD_NAMES) expect(PERMISSIONS[m], m).toBeDefined();
    expect(Object.keys(PERMISSIONS).sort()).toEqual([...METHOD_NAMES].sort());
  });

  it('lets 管理员 make every call', () => {
    expect(METHOD_NAMES.filter((m) => !mayCall('admin', m))).toEqual([]);
  });

  it('gives each role what issue 16 says', () => {
    // 录入员: residents, stays, visits; no claims, no settings
    for (const m of ['residents.save', 'residents.addEvent', 'beds.save', 'visits.save', 'visits.importCommit'] as const)
      expect(mayCall('clerk', m), m).toBe(true);
    for (const m of [
      'claims.list',
      'claims.submit',
      'dashboard.claim',
      'institution.save',
      'backups.download',
      'users.add',
      'audit.list',
      'updates.setFeed',
    ] as const)
      expect(mayCall('clerk', m), m).toBe(false);
    // 护士长: staff, certificates, rota, plans, visits
    for (const m of ['staff.save', 'staff.saveCertificate', 'rota.setCells', 'rota.publish', 'plans.save', 'visits.save'] as const)
      expect(mayCall('head_nurse', m), m).toBe(true);
    for (const m of ['claims.submit', 'residents.save', 'backups.create', 'users.list'] as const) expect(mayCall('head_nurse', m), m).toBe(false);
    // 院长: reads all, inspection, reports, approves the submission; changes no records
    for (const m of [
      'claims.month',
      'claims.submit',
      'inspection.evidencePack',
      'inspection.markHit',
      'reports.ledger',
      'audit.list',
      'residents.list',
    ] as const)
      expect(mayCall('director', m), m).toBe(true);
    for (const m of ['residents.save', 'visits.save', 'staff.save', 'backups.download', 'users.add', 'claims.importResult'] as const)
      expect(mayCall('director', m), m).toBe(false);
  });
});

describe('the dispatcher checks the table on every call', () => {
  let s: Served;
  const asRole: Partial<Record<Role, ReturnType<Served['caller']>>> = {};

  beforeAll(async () => {
    s = served(true);
    const admin = s.caller();
    ok(await admin.call('auth.setup', { name: '王管理', password: 'admin-pass-1' }));
    asRole.admin = admin;
    for (const role of ROLES.filter((r) => r !== 'admin')) {
      ok(await admin.call('users.add', { name: `用户-${role}`, role, password: `pass-${role}-1` }));
      const c = s.caller();
      ok(await c.call('auth.login', { name: `用户-${role}`, password: `pass-${role}-1` }));
      asRole[role] = c;
    }
  });

  afterAll(() => s.db.close());

  it('answers nothing but the login’s calls without a session: UNAUTHENTICATED, and nothing runs', async () => {
    const anonymous = s.caller();
    const publicOnes = METHOD_NAMES.filter((m) => PERMISSIONS[m] === 'public');
    // and whether the database opened at all (safe mode, D36: the window asks before the login; it says `normal` and no more)
    expect(publicOnes.sort()).toEqual(['auth.login', 'auth.logout', 'auth.recover', 'auth.setup', 'auth.status', 'recovery.status']);
    for (const m of METHOD_NAMES.filter((x) => PERMISSIONS[x] !== 'public')) {
      const r = await anonymous.call(m, {});
      expect(r.ok, m).toBe(false);
      if (!r.ok) expect(r.error.code, m).toBe('UNAUTHENTICATED');
    }
    // a made-up token is no session either
    anonymous.slot.set('forged-token');
    const r = await anonymous.call('backups.download', { name: 'x.db' });
    expect(r).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('refuses each role every call it may not make with FORBIDDEN, before validating or running anything', async () => {
    for (const role of ROLES) {
      const c = asRole[role]!;
      for (const m of METHOD_NAMES.filter((x) => !mayCall(role, x))) {
        const r = await c.call(m, {});
        expect(r.ok, `${role} ${m}`).toBe(false);
        if (!r.ok) {
          expect(r.error.code, `${role} ${m}`).toBe('FORBIDDEN');
          expect(r.error.message).toMatch(/没有此项操作的权限/);
        }
      }
    }
  });

  it('lets a 录入员 record residents and visits but not see the claim', async () => {
    const clerk = asRole.clerk!;
    expect((await clerk.call('residents.list', {})).ok).toBe(true);
    const claim = await clerk.call('claims.month', { month: '2026-10' });
    expect(claim).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '录入员没有此项操作的权限；如需进行，请联系管理员' } });
  });

  it('writes the logged-in user’s name as the audit actor, not the OS user', async () => {
    const before = s.db.raw.prepare('SELECT max(id) FROM audit_log').pluck().get() as number;
    ok(await asRole.head_nurse!.call('staff.save', { name: '孙丽', idNumber: idNumber('1988-05-06', 7), role: 'caregiver', employedFrom: '2026-01-05' }));
    const actors = s.db.raw.prepare('SELECT DISTINCT actor FROM audit_log WHERE id > ?').pluck().all(before);
    expect(actors).toEqual(['用户-head_nurse']);
  });
});
