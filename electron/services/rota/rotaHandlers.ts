import type { rotaApi } from '../../../shared/api/rota';
import type { HandlersOf } from '../api/handlers';
import { recordAudit } from '../audit/auditLog';
import { serviceToday } from '../db/clock';
import type { LtcDatabase } from '../db/database';
import { readInstitution } from '../dataset/institutionRows';
import { commitRotaImport, previewRotaImport } from './rotaImport';
import { rotaMonth } from './rotaMonth';
import { rotaPdf } from './rotaPdf';
import { deleteShiftType, listShiftTypes, readRotaRules, saveRotaRules, saveShiftType } from './rotaSettings';
import { rotaSheet } from './rotaSheet';
import { startRotaSuggest as rotaSuggest } from './rotaSuggest';
import { rotaWorkbook, xlsxDownload } from './rotaWorkbook';
import { publishRota, setCells } from './rotaWrite';

const institutionName = (db: LtcDatabase): string => readInstitution(db.raw)?.name ?? '本机构';

export const rotaHandlers: HandlersOf<typeof rotaApi> = {
  'rota.shiftTypes': (_i, ctx) => listShiftTypes(ctx.db),
  'rota.saveShiftType': (input, ctx) => saveShiftType(ctx.db, input, ctx.actor),
  'rota.deleteShiftType': (i, ctx) => deleteShiftType(ctx.db, i.id, ctx.actor),
  'rota.rules': (_i, ctx) => readRotaRules(ctx.db),
  'rota.saveRules': (input, ctx) => saveRotaRules(ctx.db, input, ctx.actor),
  'rota.month': (i, ctx) => rotaMonth(ctx.db, i.month),
  'rota.setCells': (input, ctx) => setCells(ctx.db, input, ctx.actor),
  'rota.publish': (i, ctx) => publishRota(ctx.db, i.month, i.by, ctx.actor),
  'rota.pdf': async (i, ctx) => {
    const { bytes, pages } = await rotaPdf(rotaSheet(rotaMonth(ctx.db, i.month)), institutionName(ctx.db), serviceToday());
    const name = `排班表-${i.month}.pdf`;
    recordAudit(ctx.db, { actor: ctx.actor, action: 'export', entity: 'rota', entityId: i.month, after: { file: name, pages } });
    return { name, mime: 'application/pdf', base64: Buffer.from(bytes).toString('base64') };
  },
  'rota.workbook': async (i, ctx) => {
    const bytes = await rotaWorkbook(rotaSheet(rotaMonth(ctx.db, i.month)), { institution: institutionName(ctx.db) });
    const name = `排班表-${i.month}.xlsx`;
    recordAudit(ctx.db, { actor: ctx.actor, action: 'export', entity: 'rota', entityId: i.month, after: { file: name } });
    return xlsxDownload(name, bytes);
  },
  'rota.importTemplate': async (i, ctx) =>
    xlsxDownload(
      `排班导入模板-${i.month}.xlsx`,
      await rotaWorkbook(rotaSheet(rotaMonth(ctx.db, i.month)), { institution: institutionName(ctx.db), template: true }),
    ),
  'rota.importPreview': (i, ctx) => previewRotaImport(ctx.db, i.month, i.file),
  'rota.importCommit': (i, ctx) => commitRotaImport(ctx.db, i, ctx.actor),
  'rota.suggest': (i, ctx) => rotaSuggest(ctx.db, i.month, i.from, i.to),
};
