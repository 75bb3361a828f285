/**
 * 检查准备 and 自查 through the real dispatcher, as the window calls them: the board and its score after a
 * fix, 已核实（正常） marks (audited) that leave only new hits, the settings, the sample and its workbook,
 * and the evidence pack's deterministic bytes (its text is read in evidencePack.test.ts, with pdftotext).
 */
import { describe, expect, it } from 'vitest';
import type { Board } from '../../../shared/api/inspection';
import type { FileDownload } from '../../../shared/api/define';
import { auditRows, MONTH, PERIOD, setup } from './support';

describe('the readiness board', () => {
  it("judges the month's 排班: a caregiver without a certificate on a 早班 fails 排班人员在职持证, a certified one passes it", async () => {
    const { db, call, job } = setup();
    const staff = (sql: string) => db.raw.prepare(sql).get() as { id: number; ref: string };
    // employed on 2026-10-06 (or with no dates), and holding no certificate at all / a caregiver certificate valid that day
    const employed = "(s.employed_from IS NULL OR s.employed_from <= '2026-10-06') AND (s.employed_to IS NULL OR s.employed_to >= '2026-10-06')";
    const uncertified = staff(
      `SELECT s.id, s.ref FROM staff s WHERE ${employed} AND NOT EXISTS (SELECT 1 FROM certificates c WHERE c.staff_id = s.id) ORDER BY s.id LIMIT 1`,
    );
    const certified = staff(
      `SELECT s.id, s.ref FROM staff s JOIN certificates c ON c.staff_id = s.id WHERE ${employed} AND c.type IN ('ltc-caregiver', 'elderly-caregiver') AND c.issued_on <= '2026-10-06' AND (c.expires_on IS NULL OR c.expires_on >= '2026-10-06') ORDER BY s.id LIMIT 1`,
    );
    const early = (await call('rota.shiftTypes', undefined)).find((t) => t.name === '早班')!;
    const rotaRow = async () => (await job<Board>(await call('inspection.board', { month: MONTH }))).checks.find((c) => c.id === 'rota')!;

    await call('rota.setCells', { month: MONTH, cells: [{ staffId: uncertified.id, date: '2026-10-06', shiftTypeId: early.id }] });
    const failed = await rotaRow();
    expect(failed).toMatchObject({ status: 'fail', count: 1 });
    expect(failed.items[0]).toMatchObject({ staff: uncertified.ref, date: '2026-10-06' });
    expect(failed.items[0]!.text).toContain('护理员岗，须持当天有效的');

    await call('rota.setCells', {
      month: MONTH,
      cells: [
        { staffId: uncertified.id, date: '2026-10-06', shiftTypeId: null },
        { staffId: certified.id, date: '2026-10-06', shiftTypeId: early.id },
      ],
    });
    expect(await rotaRow()).toMatchObject({ status: 'pass', count: 0, summary: '本月排班的 1 个班次，排班人员当天都在职并持有岗位要求的有效证书。' });

    // With October on the rota, 自查 judges its bed-days: 10-06 had a caregiver fit for the 早班, the other
    // days with bed-days claimed had nobody
    const bedNoCare = (await call('inspection.selfAudit', PERIOD)).rules.find((r) => r.rule === 'BED_NO_CARE')!;
    expect(bedNoCare.available).toBe(true);
    expect(bedNoCare.hits.length).toBeGreaterThan(0);
    expect(bedNoCare.hits.map((h) => h.date)).not.toContain('2026-10-06');
    expect(bedNoCare.hits.every((h) => h.date.startsWith('2026-10-'))).toBe(true);
  });

  it('shows a 不合格 row with its records, and the score rises once the record is fixed', async () => {
    const { db, call, job } = setup();
    const before = await job<Board>(await call('inspection.board', { month: MONTH }));
    const duration = before.checks.find((c) => c.id === 'duration')!;
    expect(duration).toMatchObject({ status: 'fail', count: 1, title: '服务时长达标' });
    const short = duration.items[0]!;
    expect(short.code).toBe('VISIT_TOO_SHORT');
    // no rota for the month: nothing to judge
    expect(before.checks.find((c) => c.id === 'rota')!.status).toBe('nodata');
    expect(before.history.at(-1)).toMatchObject({ month: MONTH, score: before.score });

    // fix it as the manager would: the visit's real end time
    const id = db.raw.prepare('SELECT id FROM visits WHERE ref = ?').pluck().get(short.visit) as number;
    const v = await call('visits.get', { id });
    const end = `${v.start.slice(0, 11)}${String(Number(v.start.slice(11, 13)) + 1).padStart(2, '0')}${v.start.slice(13)}`;
    await call('visits.save', {
      id,
      residentId: v.residentId,
      staffId: v.staffId,
      start: v.start,
      end,
      items: v.items.map((i) => i.code),
      confirmed: v.confirmed,
      checkIn: v.checkIn,
      checkOut: v.checkOut,
    });
    const after = await job<Board>(await call('inspection.board', { month: MONTH }));
    expect(after.checks.find((c) => c.id === 'duration')).toMatchObject({ status: 'pass', count: 0 });
    expect(after.score).toBeGreaterThan(before.score);
  });
});

describe('the self-audit', () => {
  it('marks a hit 已核实（正常） with a note (audited), so only the new ones count; the mark can be withdrawn', async () => {
    const { db, call, planted } = setup();
    const first = await call('inspection.selfAudit', PERIOD);
    const rule = first.rules.find((r) => r.rule === 'NO_CHECKIN')!;
    expect(rule.hits.map((h) => h.visits)).toEqual([planted.noCheckIn]);
    const hit = rule.hits[0]!;
    await call('inspection.markHit', { key: hit.key, rule: hit.rule, note: '护理App定位故障，已电话回访家属确认上门', reason: hit.reason });
    const second = await call('inspection.selfAudit', PERIOD);
    expect(second.totals).toEqual({ hits: first.totals.hits, newHits: first.totals.newHits - 1, verified: 1 });
    expect(second.rules.find((r) => r.rule === 'NO_CHECKIN')!.hits[0]!.mark).toMatchObject({ note: '护理App定位故障，已电话回访家属确认上门', by: '院长' });
    expect(auditRows(db, 'verify-hit')).toEqual([
      {
        entity: 'self-audit-hit',
        entity_id: hit.key,
        after_json: JSON.stringify({ rule: 'NO_CHECKIN', note: '护理App定位故障，已电话回访家属确认上门', reason: hit.reason }),
      },
    ]);
    await call('inspection.unmarkHit', { key: hit.key });
    expect((await call('inspection.selfAudit', PERIOD)).totals.verified).toBe(0);
  });

  it('judges check-ins by a home point set on the client instead of the learned one (audited), and learns again once it is cleared', async () => {
    const { db, call, planted } = setup();
    const far = (await call('inspection.selfAudit', PERIOD)).rules.find((r) => r.rule === 'CHECKIN_FAR')!;
    const visit = planted.far[0]!;
    const hit = far.hits.find((h) => h.visits.includes(visit))!;
    expect(hit.reason).toContain('次签到学习');
    // the home set where that visit checked in: 0 m away, so that visit is no longer far
    const v = db.raw.prepare('SELECT resident_id, check_in_lat AS lat, check_in_lng AS lng FROM visits WHERE ref = ?').get(visit) as {
      resident_id: number;
      lat: number;
      lng: number;
    };
    await call('inspection.setHomePoint', { residentId: v.resident_id, home: { lat: v.lat, lng: v.lng } });
    const after = (await call('inspection.selfAudit', PERIOD)).rules.find((r) => r.rule === 'CHECKIN_FAR')!;
    expect(after.hits.flatMap((h) => h.visits)).not.toContain(visit);
    // the client's other visits are now judged from that point, and the reason says whose point it is
    expect(after.hits.filter((h) => h.resident === hit.resident).every((h) => h.reason.includes('服务对象上设置的住址位置'))).toBe(true);
    expect(auditRows(db, 'update').filter((r) => r.entity === 'home-point')).toHaveLength(1);
    await call('inspection.setHomePoint', { residentId: v.resident_id, home: null });
    expect((await call('inspection.selfAudit', PERIOD)).rules.find((r) => r.rule === 'CHECKIN_FAR')!.hits).toEqual(far.hits);
  });

  it('refuses a mark without a note, naming the field in Chinese', async () => {
    const { dispatch } = setup();
    const r = await dispatch('inspection.markHit', { key: 'NO_CHECKIN:V1', rule: 'NO_CHECKIN', note: '  ' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toBe('输入有误：请填写核实说明');
  });

  it('keeps its parameters as settings: a wider radius finds fewer far check-ins', async () => {
    const { call } = setup();
    const { settings, defaults } = await call('inspection.settings', undefined);
    expect(settings).toEqual(defaults);
    const near = (await call('inspection.selfAudit', PERIOD)).rules.find((r) => r.rule === 'CHECKIN_FAR')!.hits.length;
    await call('inspection.saveSettings', { ...settings, params: { ...settings.params, checkInRadiusM: 20_000 } });
    const far = (await call('inspection.selfAudit', PERIOD)).rules.find((r) => r.rule === 'CHECKIN_FAR')!.hits.length;
    expect(near).toBeGreaterThan(0);
    expect(far).toBe(0);
  });
});

describe('sampling and the evidence pack', () => {
  it('draws the same sample for the same seed and another for another seed', async () => {
    const { call } = setup();
    const input = { ...PERIOD, residents: 4, days: 3, seed: 20261206 };
    const a = await call('inspection.sample', input);
    expect(await call('inspection.sample', input)).toEqual(a);
    expect(a.residents).toHaveLength(4);
    expect(a.days).toHaveLength(3);
    expect(a.rows).toHaveLength(12);
    expect([...a.days].sort()).toEqual(a.days);
    const b = await call('inspection.sample', { ...input, seed: 7 });
    expect([b.residents, b.days]).not.toEqual([a.residents, a.days]);
    // a day's status, and on an admission, discharge or death day which one
    const statuses = /^(在院|住院|请假|居家服务期|居家服务期（住院）|居家服务期（请假）|不在服务期)(（(入院|出院|死亡|开始居家服务|结束居家服务)当日）)?$/;
    for (const r of a.rows) expect(r.status).toMatch(statuses);
  });

  it('makes one deterministic PDF; the export is audited', async () => {
    const { db, call, job } = setup();
    const input = { ...PERIOD, residents: 3, days: 2, seed: 42 };
    const a = await job<FileDownload & { sha256: string; pages: number }>(await call('inspection.evidencePack', input));
    const b = await job<FileDownload & { sha256: string; pages: number }>(await call('inspection.evidencePack', input));
    expect(b.sha256).toBe(a.sha256);
    expect(a.name).toBe('检查资料包-2026-10-01至2026-10-31.pdf');
    expect(auditRows(db, 'export').filter((r) => r.entity === 'inspection')).toHaveLength(2);
  });
});
