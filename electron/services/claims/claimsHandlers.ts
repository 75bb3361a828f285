/**
 * 月度结算 calls. Submitting and 补报 run as jobs: the claim worker computes the claim, checks it and
 * builds the package (its PDFs in worker threads of their own); this thread only stores the result.
 * So the window stays responsive and shows progress. Every file that leaves the program (a download,
 * a preview, a print copy, a saved package, the result template with its whole ID numbers) is audited
 * as an export (docs/rules.md §9), and so is each 校验 of a package.
 */
import type { claimsApi, ClaimSummary } from '../../../shared/api/claims';
import type { HandlersOf } from '../api/handlers';
import type { ServiceContext } from '../api/context';
import { recordAudit } from '../audit/auditLog';
import type { LtcDatabase } from '../db/database';
import { InputError, ServiceError } from '../errors';
import { startJob } from '../jobs/jobs';
import { serviceToday } from '../staff/staffFacts';
import { getClaim, listClaims, readClaimFiles, type StoredClaim } from './claimStore';
import { submitMonth, submitSupplementary } from './lifecycle';
import { offThreadPreparer, verifyRegenerationOffThread } from './claimOffThread';
import { monthIssues, monthLines } from './monthPages';
import { monthView, supplementaryViews, supplementPreview } from './monthView';
import { buildPackage, PACKAGE_MIME } from './package';
import { reconciliation } from './reconciliation';
import { reconciliationFile } from './reconciliationWorkbook';
import { applyResultFile, currentResult, previewResultFile, resultHistory, resultTemplate } from './results';
import { writePrintCopy } from './printCopy';
import { savePackageVerified } from './savePackage';
import { recordVerification } from './verification';
import { withdrawClaim } from './withdraw';

function stored(db: LtcDatabase, id: number): StoredClaim {
  const c = getClaim(db, id);
  if (!c) throw new ServiceError('NOT_FOUND', `找不到结算申报 ${id}`);
  return c;
}

function storedFile(db: LtcDatabase, claimId: number, name: string) {
  const f = readClaimFiles(db, claimId).find((x) => x.name === name);
  if (!f) throw new ServiceError('NOT_FOUND', `申报文件 ${name} 不存在`);
  return f;
}

/** One export of a claim's files: which claim, which files, how they left the program. */
function auditExport(ctx: ServiceContext, s: ClaimSummary, files: string[], via: string): void {
  recordAudit(ctx.db, { actor: ctx.actor, action: 'export', entity: 'claim', entityId: s.id, after: { month: s.month, kind: s.kind, seq: s.seq, files, via } });
}

export const claimsHandlers: HandlersOf<typeof claimsApi> = {
  'claims.list': (_i, ctx) => listClaims(ctx.db),
  'claims.month': (i, ctx) => monthView(ctx.db, i.month, serviceToday()),
  'claims.monthLines': (i, ctx) => monthLines(ctx.db, i),
  'claims.monthIssues': (i, ctx) => monthIssues(ctx.db, i),
  'claims.submit': (i, ctx) => ({
    jobId: startJob('submit', async (report) => {
      await submitMonth(ctx.db, {
        month: i.month,
        // the logged-in user acts (the audit log); `by` is the 申报人 the documents print
        actor: ctx.actor,
        ...(i.by ? { submittedBy: i.by } : {}),
        generatedOn: serviceToday(),
        acceptErrors: i.acceptErrors,
        build: buildPackage,
        prepare: offThreadPreparer(),
        onProgress: report,
      });
      return monthView(ctx.db, i.month, serviceToday());
    }),
  }),
  'claims.supplement': (i, ctx) => ({
    jobId: startJob('supplement', async (report) => {
      const s = await submitSupplementary(ctx.db, {
        month: i.month,
        // the logged-in user acts (the audit log); `by` is the 申报人 the documents print
        actor: ctx.actor,
        ...(i.by ? { submittedBy: i.by } : {}),
        generatedOn: serviceToday(),
        acceptErrors: i.acceptErrors,
        build: buildPackage,
        prepare: offThreadPreparer(),
        onProgress: report,
      });
      return stored(ctx.db, s.claimId).summary;
    }),
  }),
  'claims.supplementary': (i, ctx) => supplementaryViews(ctx.db, i.month),
  'claims.supplementPreview': (i, ctx) => supplementPreview(ctx.db, i.month, serviceToday()),
  'claims.withdraw': (i, ctx) => withdrawClaim(ctx.db, { claimId: i.claimId, reason: i.reason, actor: ctx.actor, ...(i.by ? { withdrawnBy: i.by } : {}) }),
  'claims.file': (i, ctx) => {
    const c = stored(ctx.db, i.claimId);
    const f = storedFile(ctx.db, i.claimId, i.name);
    auditExport(ctx, c.summary, [f.name], i.purpose === 'preview' ? '预览' : '下载');
    return { name: f.name, mime: PACKAGE_MIME(f.name), base64: Buffer.from(f.bytes).toString('base64') };
  },
  'claims.openFile': async (i, ctx) => {
    if (!ctx.openFile) throw new InputError('浏览器预览不能调用本机的PDF阅读器，请用“预览”或下载后打开打印。');
    const c = stored(ctx.db, i.claimId);
    const f = storedFile(ctx.db, i.claimId, i.name);
    auditExport(ctx, c.summary, [f.name], '打开打印');
    return { opened: await ctx.openFile(writePrintCopy(i.claimId, f)) };
  },
  'claims.saveToFolder': async (i, ctx) => {
    const c = stored(ctx.db, i.claimId);
    if (!ctx.chooseFolder) throw new InputError('浏览器预览不能直接写入U盘，请逐个下载申报文件，或在桌面程序中保存。');
    const folder = await ctx.chooseFolder(`保存 ${c.summary.month} 申报包`);
    if (!folder) return { cancelled: true as const };
    const dir = `${folder}/${c.summary.month}${c.summary.kind === 'supplementary' ? `-补报${c.summary.seq}` : ''}-长护险结算申报`;
    const files = savePackageVerified(dir, readClaimFiles(ctx.db, i.claimId));
    auditExport(
      ctx,
      c.summary,
      files.map((f) => f.name),
      `保存到 ${dir}`,
    );
    return { folder: dir, files: files.map((f) => ({ name: f.name, sha256: f.sha256, bytes: f.bytes })) };
  },
  'claims.verify': (i, ctx) => {
    // An unknown claim is refused at once, as a typed error, rather than as a job that fails.
    stored(ctx.db, i.claimId);
    return {
      jobId: startJob('verify', async (report) => {
        const result = await verifyRegenerationOffThread(ctx.db, i.claimId, report);
        recordVerification(ctx.db, i.claimId, result, ctx.actor);
        return result;
      }),
    };
  },
  'claims.resultTemplate': async (i, ctx) => {
    const c = stored(ctx.db, i.claimId);
    // after a result was imported, the template shows it, to be corrected rather than typed again
    const bytes = await resultTemplate({
      lines: c.claim.lines,
      month: c.summary.month,
      institution: c.claim.institution,
      seq: c.summary.seq,
      previous: currentResult(ctx.db, i.claimId),
    });
    const name = `${c.summary.month}-审核结果模板.xlsx`;
    auditExport(ctx, c.summary, [name], '下载');
    return { name, mime: PACKAGE_MIME('x.xlsx'), base64: Buffer.from(bytes).toString('base64') };
  },
  'claims.previewResult': async (i, ctx) =>
    previewResultFile(ctx.db, i.claimId, { name: i.file.name, bytes: Buffer.from(i.file.base64, 'base64') }, { replace: i.replace }),
  'claims.importResult': async (i, ctx) => {
    await applyResultFile(ctx.db, i.claimId, { name: i.file.name, bytes: Buffer.from(i.file.base64, 'base64') }, ctx.actor, {
      replace: i.replace,
      correctionReason: i.correctionReason,
    });
    return stored(ctx.db, i.claimId).summary;
  },
  'claims.resultHistory': (i, ctx) => {
    stored(ctx.db, i.claimId);
    return resultHistory(ctx.db, i.claimId);
  },
  'claims.reconciliation': (i, ctx) => reconciliation(ctx.db, i.month ? { month: i.month } : {}),
  'claims.reconciliationWorkbook': async (i, ctx) => {
    const file = await reconciliationFile(ctx.db, i.month, serviceToday());
    // Exports are audited (docs/rules.md §9): whole ID numbers leave the program in it.
    recordAudit(ctx.db, {
      actor: ctx.actor,
      action: 'export',
      entity: 'report',
      entityId: null,
      after: { report: '对账', month: i.month ?? null, file: file.name },
    });
    return { name: file.name, mime: PACKAGE_MIME('x.xlsx'), base64: Buffer.from(file.bytes).toString('base64') };
  },
};
