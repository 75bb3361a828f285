import type { reportsApi } from '../../../shared/api/reports';
import type { HandlersOf } from '../api/handlers';
import { recordAudit } from '../audit/auditLog';
import { claimsLedger } from './ledger';
import { ledgerWorkbook } from './ledgerWorkbook';
import { XLSX_MIME } from '../spreadsheet/mime';

export const reportsHandlers: HandlersOf<typeof reportsApi> = {
  'reports.ledger': (i, ctx) => claimsLedger(ctx.db, i),
  'reports.ledgerWorkbook': async (i, ctx) => {
    const ledger = claimsLedger(ctx.db, i);
    const name = (ctx.db.raw.prepare('SELECT name FROM institution').pluck().get() as string | undefined) ?? '';
    const bytes = await ledgerWorkbook(ledger, name);
    // Exports are audited (docs/rules.md §9): who took which figures out of the program, and when.
    recordAudit(ctx.db, {
      actor: ctx.actor,
      action: 'export',
      entity: 'report',
      entityId: null,
      after: { report: '结算台账', year: i.year ?? null, status: i.status ?? null, rows: ledger.rows.length },
    });
    return { name: `结算台账${i.year ? `-${i.year}` : ''}.xlsx`, mime: XLSX_MIME, base64: Buffer.from(bytes).toString('base64') };
  },
};
