/**
 * 检查准备 and 自查 calls. The heavy reading runs in the inspection worker (inspectOffThread.ts); this
 * thread saves the settings, the 已核实 marks and home points, and audits every file that leaves the
 * program (the hits' and the sample's workbooks, the evidence pack) as an export (DOMAIN.md 9).
 */
import type { inspectionApi, SettingsView } from '../../../shared/api/inspection';
import { DEFAULT_INSPECTION_SETTINGS } from '../../../shared/inspection/settings';
import type { HandlersOf } from '../api/handlers';
import type { ServiceContext } from '../api/context';
import { recordAudit } from '../audit/auditLog';
import { serviceToday } from '../db/clock';
import type { LtcDatabase } from '../db/database';
import { findPdfFonts } from '../documents/fonts';
import { startJob } from '../jobs/jobs';
import { XLSX_MIME } from '../spreadsheet/mime';
import { inspectOffThread } from './inspectOffThread';
import { markHit, readInspectionSettings, saveInspectionSettings, setHomePoint, unmarkHit } from './inspectionStore';
import { sampleWorkbook, selfAuditWorkbook } from './inspectionWorkbooks';

const settingsView = (db: LtcDatabase): SettingsView => ({ settings: readInspectionSettings(db), defaults: DEFAULT_INSPECTION_SETTINGS });
const institutionName = (db: LtcDatabase): string => (db.raw.prepare('SELECT name FROM institution').pluck().get() as string | undefined) ?? '';
const b64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');

function auditExport(ctx: ServiceContext, what: string, after: Record<string, unknown>): void {
  recordAudit(ctx.db, { actor: ctx.actor, action: 'export', entity: 'inspection', entityId: null, after: { report: what, ...after } });
}

export const inspectionHandlers: HandlersOf<typeof inspectionApi> = {
  'inspection.settings': (_i, ctx) => settingsView(ctx.db),
  'inspection.saveSettings': (i, ctx) => {
    saveInspectionSettings(ctx.db, i, ctx.actor);
    return settingsView(ctx.db);
  },
  'inspection.board': (i, ctx) => {
    const settings = readInspectionSettings(ctx.db);
    return {
      jobId: startJob('inspection-board', (report) => inspectOffThread(ctx.db, { task: 'board', month: i.month, today: serviceToday(), settings }, report)),
    };
  },
  'inspection.selfAudit': (i, ctx) => inspectOffThread(ctx.db, { task: 'selfAudit', period: i, settings: readInspectionSettings(ctx.db) }),
  'inspection.selfAuditWorkbook': async (i, ctx) => {
    const view = await inspectOffThread(ctx.db, { task: 'selfAudit', period: i, settings: readInspectionSettings(ctx.db) });
    const bytes = await selfAuditWorkbook(view, institutionName(ctx.db));
    auditExport(ctx, '自查发现', { period: `${i.from} 至 ${i.to}`, rows: view.totals.hits });
    return { name: `自查发现-${i.from}至${i.to}.xlsx`, mime: XLSX_MIME, base64: b64(bytes) };
  },
  'inspection.markHit': (i, ctx) => ({ key: markHit(ctx.db, i, ctx.actor).key }),
  'inspection.unmarkHit': (i, ctx) => {
    unmarkHit(ctx.db, i.key, ctx.actor);
    return { key: i.key };
  },
  'inspection.setHomePoint': (i, ctx) => setHomePoint(ctx.db, i.residentId, i.home, ctx.actor),
  'inspection.sample': (i, ctx) => inspectOffThread(ctx.db, { task: 'sample', request: i, settings: readInspectionSettings(ctx.db) }),
  'inspection.sampleWorkbook': async (i, ctx) => {
    const view = await inspectOffThread(ctx.db, { task: 'sample', request: i, settings: readInspectionSettings(ctx.db) });
    const bytes = await sampleWorkbook(view, institutionName(ctx.db));
    auditExport(ctx, '抽查', { period: `${i.from} 至 ${i.to}`, seed: i.seed, rows: view.rows.length });
    return { name: `抽查-${i.from}至${i.to}-种子${i.seed}.xlsx`, mime: XLSX_MIME, base64: b64(bytes) };
  },
  'inspection.evidencePack': (i, ctx) => {
    const settings = readInspectionSettings(ctx.db);
    const generatedOn = serviceToday();
    const fonts = findPdfFonts();
    return {
      jobId: startJob('inspection-pack', async (report) => {
        const pack = await inspectOffThread(ctx.db, { task: 'pack', request: i, settings, generatedOn, fonts }, report);
        auditExport(ctx, '检查资料包', { period: `${i.from} 至 ${i.to}`, seed: i.seed, file: pack.name, sha256: pack.sha256 });
        return { name: pack.name, mime: 'application/pdf', base64: b64(pack.bytes), pages: pack.pages, sha256: pack.sha256 };
      }),
    };
  },
};
