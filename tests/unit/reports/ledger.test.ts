/**
 * 结算台账: submitted and settled claims with what the agency paid. The sample's October claim
 * (fund 2,612.00 by tests/fixtures/sample-ningbo.expected-2026-10.json) is stored as submitted, then
 * settled with one deduction; the ledger, its totals and its .xlsx must say the same.
 */
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { reportsApi } from '../../../shared/api/reports';
import type { ServiceContext } from '../../../electron/services/api/context';
import { listAudit } from '../../../electron/services/audit/auditLog';
import { writeClaim } from '../../../electron/services/claims/claimStore';
import { computeMonthClaim } from '../../../electron/services/claims/monthClaim';
import { applyResult } from '../../../electron/services/claims/results';
import { importDataset } from '../../../electron/services/dataset/importDataset';
import { openDatabase, type LtcDatabase } from '../../../electron/services/db/database';
import { reportsHandlers } from '../../../electron/services/reports/reportsHandlers';
import expected from '../../fixtures/sample-ningbo.expected-2026-10.json';
import { sample, tempDir, track } from '../services/helpers';

function octoberSubmitted(): { db: LtcDatabase; id: number } {
  const db = track(openDatabase(path.join(tempDir(), 'ltc.db')));
  importDataset(db, sample(), { actor: 't' });
  // a draft of November: work in progress, never in the ledger
  db.transaction(() => writeClaim(db, { claim: computeMonthClaim(db, '2026-11'), seq: 0, status: 'draft', computedAt: '2026-12-01T10:00:00.000+08:00' }));
  const claim = computeMonthClaim(db, '2026-10');
  const id = db.transaction(() =>
    writeClaim(db, {
      claim,
      seq: 0,
      status: 'submitted',
      computedAt: '2026-11-05T10:00:00.000+08:00',
      generatedOn: '2026-11-05',
      submittedAt: '2026-11-05T10:00:00.000+08:00',
      submittedBy: '张会计',
    }),
  );
  return { db, id };
}

function reports(db: LtcDatabase) {
  const ctx: ServiceContext = { db, actor: '院长', shell: 'browser', appVersion: 'test', openFolder: () => false };
  return async <M extends keyof typeof reportsApi>(method: M, input: unknown) => {
    const handler = reportsHandlers[method] as (i: unknown, c: ServiceContext) => unknown;
    return (await handler(reportsApi[method].input.parse(input), ctx)) as NonNullable<(typeof reportsApi)[M]['output']>;
  };
}

describe('the claims ledger', () => {
  it('lists a submitted claim as outstanding until the agency answers, drafts not at all', async () => {
    const { db } = octoberSubmitted();
    const ledger = await reports(db)('reports.ledger', {});
    expect(ledger.rows).toHaveLength(1);
    expect(ledger.rows[0]).toMatchObject({
      month: '2026-10',
      status: 'submitted',
      persons: 3,
      billableDays: 43,
      fundFen: expected.totals.fundFen,
      paidFundFen: null,
      deductedFen: 0,
    });
    expect(ledger.totals).toMatchObject({ claims: 1, settled: 0, fundFen: 261200, paidFundFen: 0, outstandingFundFen: 261200 });
    expect(ledger.years).toEqual(['2026']);
  });

  it('shows what was paid and deducted once the result is imported, and filters by year and status', async () => {
    const { db, id } = octoberSubmitted();
    const lines = expected.lines.map((l) =>
      l.name === '李建国'
        ? { idNumber: l.idNumber, mode: l.mode as 'institutional', result: 'deducted' as const, deductedFen: 12000, reason: '护理记录不完整' }
        : { idNumber: l.idNumber, mode: l.mode as 'institutional' | 'home', result: 'accepted' as const },
    );
    applyResult(db, id, lines, '张会计');
    const call = reports(db);
    const ledger = await call('reports.ledger', { year: '2026' });
    expect(ledger.rows[0]).toMatchObject({ status: 'settled', paidFundFen: 261200 - 12000, deductedFen: 12000 });
    expect(ledger.totals).toMatchObject({ settled: 1, paidFundFen: 249200, deductedFen: 12000, outstandingFundFen: 0 });
    expect((await call('reports.ledger', { status: 'submitted' })).rows).toEqual([]);
    expect((await call('reports.ledger', { year: '2025' })).rows).toEqual([]);
    await expect(call('reports.ledger', { year: '26' })).rejects.toThrow();
  });

  it('exports the ledger as .xlsx with amounts as numbers in yuan, and audits the export', async () => {
    const { db } = octoberSubmitted();
    const file = await reports(db)('reports.ledgerWorkbook', { year: '2026' });
    expect(file.name).toBe('结算台账-2026.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('结算台账')!;
    expect(ws.getRow(2).getCell(1).value).toBe('结算月份');
    const row = ws.getRow(3);
    expect([row.getCell(1).value, row.getCell(3).value, row.getCell(8).value, row.getCell(10).value]).toEqual(['2026-10', '已申报', 2612, null]);
    expect(ws.getColumn(8).numFmt).toBe('#,##0.00');
    const audit = listAudit(db, { entity: 'report' });
    expect(audit).toEqual([expect.objectContaining({ actor: '院长', action: 'export', after: expect.objectContaining({ report: '结算台账', rows: 1 }) })]);
  });
});
