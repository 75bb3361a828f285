/**
 * What the 月度结算 screen relies on beyond the claim (issue 14): every claim file that leaves the
 * program is audited as an export (the page says every export is); a 校验 is kept (audit log) and shown
 * with the files afterwards, not only as a toast; the 补报 dialog knows beforehand what a 补报 would add
 * and its errors, or why none can be made.
 */
import { describe, expect, it } from 'vitest';
import { submitMonth } from '../../../electron/services/claims/lifecycle';
import { buildPackage } from '../../../electron/services/claims/package';
import type { LtcDatabase } from '../../../electron/services/db/database';
import { idOf, visits } from '../visits/support';
import { api, auditRows, sampleDb } from './support';

const options = { month: '2026-10', actor: '张会计', generatedOn: '2026-11-05', acceptErrors: true, build: buildPackage, today: '2026-11-05' };

async function confirmV6(db: LtcDatabase) {
  const call = visits(db);
  const v = await call('visits.get', { id: idOf(db, 'visits', 'v6') });
  return call('visits.save', {
    id: v.id,
    residentId: v.residentId,
    staffId: v.staffId,
    start: v.start,
    end: v.end,
    items: v.items.map((i) => i.code),
    confirmed: true,
    correctionReason: '家属补签',
  });
}

describe('claim files leaving the program', () => {
  it('each download, preview and result template is audited: who, which claim, which file, how', async () => {
    const db = sampleDb();
    const { claimId } = await submitMonth(db, options);
    const { call } = api(db, '李会计');
    await call('claims.file', { claimId, name: 'claim.json' });
    await call('claims.file', { claimId, name: '结算申报汇总表.pdf', purpose: 'preview' });
    await call('claims.resultTemplate', { claimId });
    const rows = auditRows(db, 'export');
    expect(rows.map((r) => [r.actor, r.entity_id, JSON.parse(r.after_json)])).toEqual([
      ['李会计', String(claimId), { month: '2026-10', kind: 'regular', seq: 0, files: ['claim.json'], via: '下载' }],
      ['李会计', String(claimId), { month: '2026-10', kind: 'regular', seq: 0, files: ['结算申报汇总表.pdf'], via: '预览' }],
      ['李会计', String(claimId), { month: '2026-10', kind: 'regular', seq: 0, files: ['2026-10-审核结果模板.xlsx'], via: '下载' }],
    ]);
  });
});

describe('校验 of a package', () => {
  it('is kept: the month view shows when, by whom and the result, and the audit log has it', async () => {
    const db = sampleDb();
    const { claimId, files } = await submitMonth(db, options);
    const { call, job } = api(db, '李会计');
    expect((await call('claims.month', { month: '2026-10' })).verification).toBeNull();
    const done = await job(call('claims.verify', { claimId }));
    expect(done).toMatchObject({ state: 'done', result: { identical: true, differing: [] } });
    const v = (await call('claims.month', { month: '2026-10' })).verification;
    expect(v).toMatchObject({ by: '李会计', identical: true, differing: [] });
    expect(v?.at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
    expect(auditRows(db, 'verify').map((r) => JSON.parse(r.after_json))).toEqual([{ identical: true, checked: files.length, differing: [] }]);
  });
});

describe('what a 补报 would add', () => {
  it('says why none can be made before the month is submitted, and when nothing was added', async () => {
    const db = sampleDb();
    const { call } = api(db);
    process.env['LTC_TODAY'] = '2026-12-06';
    try {
      expect((await call('claims.supplementPreview', { month: '2026-10' })).blocked).toBe('2026-10 尚未申报，请直接申报本月结算，不需要补报。');
      await submitMonth(db, options);
      expect((await call('claims.supplementPreview', { month: '2026-10' })).blocked).toBe('2026-10 没有可补报的内容：现有记录没有超出已申报的床日或服务。');
      // v6 (60 minutes, 陈淑芬, level 3, 60 yuan an hour, fund 80 %) signed after submission
      await confirmV6(db);
      const p = await call('claims.supplementPreview', { month: '2026-10' });
      const month = await call('claims.month', { month: '2026-10' });
      expect(p).toMatchObject({ blocked: null, lines: 1, totals: { coveredMinutes: 60, feeFen: 6000, fundFen: 4800 } });
      // the records' remaining errors, which 补报 (like 申报) submits only when accepted
      expect(p.errors).toBe(month.counts.issues.error);
      expect(p.errors).toBeGreaterThan(0);
    } finally {
      delete process.env['LTC_TODAY'];
    }
  });
});
