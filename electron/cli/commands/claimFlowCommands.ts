/**
 * `ltc submit`, `ltc supplement`, `ltc withdraw`, `ltc result`, `ltc result-template`, `ltc reconcile`:
 * month-end headless, the same services as the 月度结算 screen.
 */
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { formatYuan } from '../../../shared/domain/money';
import { claimsOfMonth, isSent } from '../../services/claims/claimStore';
import { submitMonth, submitSupplementary } from '../../services/claims/lifecycle';
import { buildPackage } from '../../services/claims/package';
import { reconciliation } from '../../services/claims/reconciliation';
import { reconciliationFile } from '../../services/claims/reconciliationWorkbook';
import { applyResultFile, currentResult, resultTemplate } from '../../services/claims/results';
import { recordAudit } from '../../services/audit/auditLog';
import { savePackageVerified } from '../../services/claims/savePackage';
import { openDatabase } from '../../services/db/database';
import { cliKey } from '../keyFile';
import { InputError } from '../../services/errors';
import { serviceToday } from '../../services/staff/staffFacts';
import { withdrawClaim } from '../../services/claims/withdraw';
import { requireExisting, writeFileAtomic } from '../io';
import { progressLogger } from '../progress';
import { claimSummary } from '../report';
import { cliActor } from './dataCommands';
import { storedPackage } from '../../services/claims/storedPackage';

async function withDb<T>(file: string, fn: (db: ReturnType<typeof openDatabase>) => Promise<T>): Promise<T> {
  requireExisting(file, '数据库文件');
  const db = openDatabase(resolve(file), { key: cliKey() });
  try {
    return await fn(db);
  } finally {
    db.close();
  }
}

export interface SubmitCliOptions {
  db: string;
  month: string;
  out?: string;
  acceptErrors?: boolean;
  by?: string;
}

export async function submitCommand(o: SubmitCliOptions & { supplementary?: boolean }, out: (s: string) => void, log: (s: string) => void): Promise<void> {
  await withDb(o.db, async (db) => {
    const run = o.supplementary ? submitSupplementary : submitMonth;
    const r = await run(db, {
      month: o.month,
      // the OS user acts (the audit log); --by only names the 申报人 the documents print
      actor: cliActor(),
      ...(o.by ? { submittedBy: o.by } : {}),
      generatedOn: serviceToday(),
      acceptErrors: !!o.acceptErrors,
      build: buildPackage,
      onProgress: progressLogger(log),
    });
    log(`${o.supplementary ? '已补报' : '已申报'}：${claimSummary(r.claim)}`);
    if (o.out) {
      const dir = resolve(o.out);
      for (const f of savePackageVerified(dir, r.files)) out(f.path);
    }
  });
}

/** `ltc package`: a submitted package written out again from the database, verified first (storedPackage.ts). */
export async function packageCommand(
  o: { db: string; month: string; seq?: string; out: string },
  out: (s: string) => void,
  log: (s: string) => void,
): Promise<void> {
  await withDb(o.db, (db) => {
    const { claim, files } = storedPackage(db, o.month, Number(o.seq ?? 0));
    const dir = resolve(o.out);
    for (const f of savePackageVerified(dir, files)) out(f.path);
    recordAudit(db, {
      actor: cliActor(),
      action: 'export',
      entity: 'claim',
      entityId: claim.summary.id,
      after: { month: claim.summary.month, kind: claim.summary.kind, seq: claim.summary.seq, files: files.map((f) => f.name), via: `ltc package → ${dir}` },
    });
    log(`已写出 ${o.month} 的申报包（${files.length} 个文件，均与申报时一致）：${dir}`);
    return Promise.resolve();
  });
}

export async function resultTemplateCommand(o: { db: string; month: string; seq?: string }, outFile: string, log: (s: string) => void): Promise<void> {
  await withDb(o.db, async (db) => {
    const c = claimsOfMonth(db, o.month).find((x) => x.summary.seq === Number(o.seq ?? 0) && isSent(x.summary));
    if (!c) throw new InputError(`${o.month} 没有已申报的结算${o.seq ? `（补报 ${o.seq}）` : ''}`);
    // after a result was imported, prefilled with it, to be corrected
    const bytes = await resultTemplate({
      lines: c.claim.lines,
      month: o.month,
      institution: c.claim.institution,
      seq: c.summary.seq,
      previous: currentResult(db, c.summary.id),
    });
    writeFileAtomic(outFile, bytes);
    // the template carries whole ID numbers: audited as the window's download of it is
    recordAudit(db, {
      actor: cliActor(),
      action: 'export',
      entity: 'claim',
      entityId: c.summary.id,
      after: { month: c.summary.month, kind: c.summary.kind, seq: c.summary.seq, files: [basename(outFile)], via: `ltc result-template → ${resolve(outFile)}` },
    });
    log(`已生成审核结果模板：${outFile}`);
  });
}

export async function resultCommand(
  o: { db: string; month?: string; seq?: string; replace?: boolean; reason?: string },
  file: string,
  log: (s: string) => void,
): Promise<void> {
  // asked before anything is read: a correction without its reason is refused whatever the file holds
  if (o.replace && (o.reason === undefined || o.reason.trim() === '')) {
    throw new InputError('导入更正的审核结果须写明更正原因：请加 --reason "更正原因"（如经办机构的更正通知及更正内容），它记入审核结果历史和审计日志');
  }
  if (!o.replace && o.reason !== undefined) throw new InputError('--reason 是更正原因，只与 --replace（导入更正的审核结果）一起用');
  requireExisting(file, '审核结果文件');
  const bytes = readFileSync(file);
  await withDb(o.db, async (db) => {
    // A JSON result names its month; an .xlsx one needs --month.
    const month = o.month ?? (/\.json$/i.test(file) ? (JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, '')) as { month?: string }).month : undefined);
    if (!month) throw new InputError('请用 --month 指明审核结果所属的结算月份');
    const c = claimsOfMonth(db, month).find((x) => x.summary.seq === Number(o.seq ?? 0) && isSent(x.summary));
    if (!c) throw new InputError(`${month} 没有已申报的结算`);
    // every problem of the file, its rows' and against the claim, in one pass
    await applyResultFile(db, c.summary.id, { name: basename(file), bytes }, cliActor(), { replace: !!o.replace, correctionReason: o.reason });
    const m = reconciliation(db, { month }).months[0];
    log(
      `${o.replace && c.summary.status === 'settled' ? '已导入更正的审核结果（原结果保留为历史记录）' : '已导入审核结果'}，${month} 结算完成：申报基金 ${formatYuan(m?.claimedFundFen ?? 0)} 元，实付 ${formatYuan(m?.paidFundFen ?? 0)} 元，扣款 ${formatYuan(m?.deductedFen ?? 0)} 元`,
    );
  });
}

/** `ltc withdraw`: 撤回 the month's claim (or 补报 --seq N) before the agency's result is imported. */
export async function withdrawCommand(o: { db: string; month: string; seq?: string; reason: string; by?: string }, log: (s: string) => void): Promise<void> {
  await withDb(o.db, async (db) => {
    const seq = Number(o.seq ?? 0);
    const c = claimsOfMonth(db, o.month).find(
      (x) => x.summary.seq === seq && x.summary.kind === (seq === 0 ? 'regular' : 'supplementary') && isSent(x.summary),
    );
    if (!c) throw new InputError(`${o.month} 没有可撤回的${seq ? `补报 ${seq}` : '申报'}`);
    const s = withdrawClaim(db, { claimId: c.summary.id, reason: o.reason, actor: cliActor(), ...(o.by ? { withdrawnBy: o.by } : {}) });
    log(
      `已撤回 ${s.month} ${seq ? `补报 ${seq}` : '申报'}（原因：${s.withdrawReason ?? ''}）；申报文件保留为历史记录${seq ? '' : '，本月记录恢复可修改，可重新申报'}。`,
    );
  });
}

/** `ltc reconcile`: the JSON on stdout, as always; with `--xlsx OUT`, the 对账 workbook (in 元) written there instead, its path printed. */
export async function reconcileCommand(
  o: { db: string; month?: string; xlsx?: string },
  out: (s: string) => void,
  log: (s: string) => void = () => {},
): Promise<void> {
  await withDb(o.db, async (db) => {
    if (!o.xlsx) {
      out(JSON.stringify(reconciliation(db, o.month ? { month: o.month } : {}), null, 2));
      return;
    }
    if (!/\.xlsx$/i.test(o.xlsx)) throw new InputError(`--xlsx 的输出文件应以 .xlsx 结尾：${o.xlsx}`);
    const file = await reconciliationFile(db, o.month, serviceToday());
    const path = resolve(o.xlsx);
    writeFileAtomic(path, file.bytes);
    recordAudit(db, { actor: cliActor(), action: 'export', entity: 'report', entityId: null, after: { report: '对账', month: o.month ?? null, file: path } });
    log(`已生成对账表：${path}`);
    out(path);
  });
}
