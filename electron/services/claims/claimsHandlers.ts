/**
 * 月度结算 calls. Submitting and 补报 run as jobs: the claim worker computes the claim, checks it and
 * builds the package (its PDFs in worker threads of their own); this thread only stores the result.
 * So the window stays responsive and shows progress.
 */
import type { claimsApi, MonthView, SupplementaryView } from '../../../shared/api/claims';
import type { HandlersOf } from '../api/handlers';
import type { LtcDatabase } from '../db/database';
import { localToday } from '../db/clock';
import { InputError, ServiceError } from '../errors';
import { startJob } from '../jobs/jobs';
import { claimsOfMonth, getClaim, listClaims, readClaimFiles, type StoredClaim } from './claimStore';
import { submitMonth, submitSupplementary } from './lifecycle';
import { computeMonthClaimOffThread, offThreadPreparer, verifyRegenerationOffThread } from './claimOffThread';
import { buildPackage, PACKAGE_MIME } from './package';
import { reconciliation } from './reconciliation';
import { applyResult, readResultFile, resultTemplate } from './results';
import { writePrintCopy } from './printCopy';
import { savePackageVerified } from './savePackage';

const fileInfos = (db: LtcDatabase, id: number) => readClaimFiles(db, id).map((f) => ({ name: f.name, sha256: f.sha256, bytes: f.bytes.length }));

function stored(db: LtcDatabase, id: number): StoredClaim {
  const c = getClaim(db, id);
  if (!c) throw new ServiceError('NOT_FOUND', `找不到结算申报 ${id}`);
  return c;
}

export async function monthView(db: LtcDatabase, month: string): Promise<MonthView> {
  const all = claimsOfMonth(db, month);
  const regular = all.find((c) => c.summary.kind === 'regular') ?? null;
  const frozen = regular && regular.summary.status !== 'draft';
  return {
    month,
    regular: regular?.summary ?? null,
    supplementary: all.filter((c) => c.summary.kind === 'supplementary').map((c) => c.summary),
    claim: frozen ? regular.claim : await computeMonthClaimOffThread(db, month),
    locked: !!frozen,
    files: frozen ? fileInfos(db, regular.summary.id) : [],
    links: recordLinks(db),
  };
}

/** ref → id of residents, staff and visits: issues name refs; screens address records by id. */
function recordLinks(db: LtcDatabase): MonthView['links'] {
  const map = (sql: string) => Object.fromEntries((db.raw.prepare(sql).all() as { ref: string; id: number }[]).map((r) => [r.ref, r.id]));
  return { residents: map('SELECT ref, id FROM residents'), staff: map('SELECT ref, id FROM staff') };
}

export const claimsHandlers: HandlersOf<typeof claimsApi> = {
  'claims.list': (_i, ctx) => listClaims(ctx.db),
  'claims.month': (i, ctx) => monthView(ctx.db, i.month),
  'claims.submit': (i, ctx) => ({
    jobId: startJob('submit', async (report) => {
      await submitMonth(ctx.db, { month: i.month, actor: i.by ?? ctx.actor, generatedOn: localToday(), acceptErrors: i.acceptErrors, build: buildPackage, prepare: offThreadPreparer(), onProgress: report });
      return monthView(ctx.db, i.month);
    }),
  }),
  'claims.supplement': (i, ctx) => ({
    jobId: startJob('supplement', async (report) => {
      const s = await submitSupplementary(ctx.db, { month: i.month, actor: i.by ?? ctx.actor, generatedOn: localToday(), acceptErrors: i.acceptErrors, build: buildPackage, prepare: offThreadPreparer(), onProgress: report });
      return stored(ctx.db, s.claimId).summary;
    }),
  }),
  'claims.supplementary': (i, ctx): SupplementaryView[] =>
    claimsOfMonth(ctx.db, i.month)
      .filter((c) => c.summary.kind === 'supplementary')
      .map((c) => ({ ...c.summary, files: fileInfos(ctx.db, c.summary.id) })),
  'claims.file': (i, ctx) => {
    const f = readClaimFiles(ctx.db, i.claimId).find((x) => x.name === i.name);
    if (!f) throw new ServiceError('NOT_FOUND', `申报文件 ${i.name} 不存在`);
    return { name: f.name, mime: PACKAGE_MIME(f.name), base64: Buffer.from(f.bytes).toString('base64') };
  },
  'claims.openFile': async (i, ctx) => {
    if (!ctx.openFile) throw new InputError('浏览器预览不能调用本机的PDF阅读器，请用“预览”或下载后打开打印。');
    const f = readClaimFiles(ctx.db, i.claimId).find((x) => x.name === i.name);
    if (!f) throw new ServiceError('NOT_FOUND', `申报文件 ${i.name} 不存在`);
    return { opened: await ctx.openFile(writePrintCopy(i.claimId, f)) };
  },
  'claims.saveToFolder': async (i, ctx) => {
    const c = stored(ctx.db, i.claimId);
    if (!ctx.chooseFolder) throw new InputError('浏览器预览不能直接写入U盘，请逐个下载申报文件，或在桌面程序中保存。');
    const folder = await ctx.chooseFolder(`保存 ${c.summary.month} 申报包`);
    if (!folder) return { cancelled: true as const };
    const dir = `${folder}/${c.summary.month}${c.summary.kind === 'supplementary' ? `-补报${c.summary.seq}` : ''}-长护险结算申报`;
    const files = savePackageVerified(dir, readClaimFiles(ctx.db, i.claimId));
    return { folder: dir, files: files.map((f) => ({ name: f.name, sha256: f.sha256, bytes: f.bytes })) };
  },
  'claims.verify': (i, ctx) => {
    // An unknown claim is refused at once, as a typed error, rather than as a job that fails.
    stored(ctx.db, i.claimId);
    return { jobId: startJob('verify', (report) => verifyRegenerationOffThread(ctx.db, i.claimId, report)) };
  },
  'claims.resultTemplate': async (i, ctx) => {
    const c = stored(ctx.db, i.claimId);
    const bytes = await resultTemplate(c.claim.lines, c.summary.month);
    return { name: `${c.summary.month}-审核结果模板.xlsx`, mime: PACKAGE_MIME('x.xlsx'), base64: Buffer.from(bytes).toString('base64') };
  },
  'claims.importResult': async (i, ctx) => {
    const lines = await readResultFile(i.file.name, Buffer.from(i.file.base64, 'base64'));
    applyResult(ctx.db, i.claimId, lines, ctx.actor);
    return stored(ctx.db, i.claimId).summary;
  },
  'claims.reconciliation': (i, ctx) => reconciliation(ctx.db, i.month ? { month: i.month } : {}),
};
