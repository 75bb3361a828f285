/**
 * 报表 and 首页 read as the claim screen does (issue 14): the ledger shows 扣款 and 拒付 apart (its 扣款
 * total included whole lines refused), also in its workbook (拒付 after 扣款, hours to two decimals);
 * 首页's month is 预计 while it runs, with what has happened so far beside it.
 * Amounts: the sample's expected October claim (fund 2,612.00: 王秀英 600.00, 李建国 1,860.00, 陈淑芬 152.00).
 */
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { writeClaim } from '../../../electron/services/claims/claimStore';
import { computeMonthClaim } from '../../../electron/services/claims/monthClaim';
import { applyResult } from '../../../electron/services/claims/results';
import { dashboardClaim } from '../../../electron/services/dashboard/dashboardService';
import { importDataset } from '../../../electron/services/dataset/importDataset';
import { openDatabase } from '../../../electron/services/db/database';
import { claimsLedger } from '../../../electron/services/reports/ledger';
import { ledgerWorkbook } from '../../../electron/services/reports/ledgerWorkbook';
import { claimToDate } from '../../../shared/claims/toDate';
import type { InstitutionalEvidence } from '../../../shared/claims/types';
import expected from '../../fixtures/sample-ningbo.expected-2026-10.json';
import { sample, tempDir, track } from '../services/helpers';

function settledOctober() {
  const db = track(openDatabase(path.join(tempDir(), 'ltc.db')));
  importDataset(db, sample(), { actor: 't' });
  const claim = computeMonthClaim(db, '2026-10');
  const id = db.transaction(() =>
    writeClaim(db, { claim, seq: 0, status: 'submitted', computedAt: 't', generatedOn: '2026-11-05', submittedAt: 't', submittedBy: '张会计' }),
  );
  const lines = claim.lines.map((l) =>
    l.name === '李建国'
      ? { idNumber: l.idNumber, mode: l.mode, result: 'deducted' as const, deductedFen: 12000, reason: '护理记录不完整' }
      : l.name === '陈淑芬'
        ? { idNumber: l.idNumber, mode: l.mode, result: 'rejected' as const, reason: '未签字' }
        : { idNumber: l.idNumber, mode: l.mode, result: 'accepted' as const },
  );
  applyResult(db, id, lines, '张会计');
  return db;
}

describe('the ledger: 扣款 and 拒付 apart', () => {
  it('per claim and in the totals', () => {
    const ledger = claimsLedger(settledOctober());
    expect(ledger.rows[0]).toMatchObject({ deductedFen: 12000, rejectedFen: 15200, paidFundFen: 261200 - 12000 - 15200 });
    expect(ledger.totals).toMatchObject({ deductedFen: 12000, rejectedFen: 15200, paidFundFen: 234000 });
  });

  it('in the workbook: 拒付 in a column of its own after 扣款, hours with two decimals', async () => {
    const db = settledOctober();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await ledgerWorkbook(claimsLedger(db), '颐康')) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('结算台账')!;
    expect([ws.getRow(2).getCell(11).value, ws.getRow(2).getCell(12).value, ws.getRow(2).getCell(13).value]).toEqual(['扣款（元）', '拒付（元）', '申报时间']);
    const row = ws.getRow(3);
    expect([row.getCell(6).value, row.getCell(10).value, row.getCell(11).value, row.getCell(12).value]).toEqual([
      Math.round((expected.totals.coveredMinutes * 100) / 60) / 100,
      2340,
      120,
      152,
    ]);
  });
});

describe('首页: the month so far', () => {
  it('an open month is projected, with its bed-days and amounts up to today beside it', async () => {
    const db = track(openDatabase(path.join(tempDir(), 'home.db')));
    importDataset(db, sample(), { actor: 't' });
    const claimCard = await dashboardClaim(db, '2026-10', '2026-10-12');
    const claim = computeMonthClaim(db, '2026-10');
    // expected from the claim's own evidence: the billable days on or before the 12th, at each line's daily split
    let days = 0;
    let fund = 0;
    for (const l of claim.lines) {
      if (l.mode === 'home') {
        fund += l.fundFen;
        continue;
      }
      const n = (l.evidence as InstitutionalEvidence).billable.filter((x) => x <= '2026-10-12').length;
      days += n;
      fund += (l.fundFen / l.billableDays) * n;
    }
    expect(claimCard).toMatchObject({ projected: true, totals: { billableDays: expected.totals.billableDays }, toDate: { billableDays: days, fundFen: fund } });
    expect(days).toBeLessThan(expected.totals.billableDays);
    expect(await dashboardClaim(db, '2026-10', '2026-11-01')).toMatchObject({ projected: false, toDate: null });
  });

  it('counts a home line whole (visits are recorded after they happen) and nothing of days after today', () => {
    const claim = computeMonthClaim(settledOctober(), '2026-10');
    expect(claimToDate(claim, '2026-09-30')).toEqual({
      billableDays: 0,
      coveredMinutes: expected.totals.coveredMinutes,
      feeFen: claim.lines.filter((l) => l.mode === 'home').reduce((n, l) => n + l.feeFen, 0),
      fundFen: claim.lines.filter((l) => l.mode === 'home').reduce((n, l) => n + l.fundFen, 0),
    });
    expect(claimToDate(claim, '2026-10-31')).toMatchObject({
      billableDays: expected.totals.billableDays,
      feeFen: expected.totals.feeFen,
      fundFen: expected.totals.fundFen,
    });
  });
});
