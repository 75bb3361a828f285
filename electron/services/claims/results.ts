/**
 * The agency's result (审核结果) against its claim: per claim line accepted (通过), deducted (扣款,
 * with amount and reason) or rejected (拒付, with reason). Planned first — every line answered once,
 * amounts within the fund share, names and claimed amounts as the claim has them — so the screen can
 * show what importing would record (previewResult) before anything is written; applying the same plan
 * settles the claim. Every problem of a file, its own rows' and against the claim, is reported in one
 * pass. A settled claim's result may be replaced by a corrected one (`replace`, with a 更正原因): the rows
 * it replaces are kept in claim_results_replaced (migration 013), the reason in claim_result_corrections
 * (015), and the change is audited (`resettle`, with the reason).
 * Reading files: resultFile.ts.
 */
import { CORRECTION_REASON_REQUIRED, type LineResult, type ResultHistoryEntry, type ResultPreview } from '../../../shared/api/claims';
import { CARE_MODE_NAMES } from '../../../shared/domain/glossary';
import { maskIdNumber } from '../../../shared/domain/ids';
import { reasonText } from '../../../shared/fields/reasonText';
import { formatYuan } from '../../../shared/domain/money';
import { recordAudit } from '../audit/auditLog';
import { localTimestamp } from '../db/clock';
import type { LtcDatabase } from '../db/database';
import { InputError, ServiceError, type Problem } from '../errors';
import { getClaim, type StoredClaim } from './claimStore';
import { parseResultFile, resultKey, type ReadResultLine, type ResultLine } from './resultFile';

export { parseResultFile, readResultFile, resultTemplate, RESULT_SHEET, type ResultLine } from './resultFile';
export type { LineResult } from './resultFile';

export interface ResultOptions {
  /** a corrected result for a claim already settled: replaces the one imported before (kept as history) */
  replace?: boolean;
  /** 更正原因: required when `replace` replaces a settled claim's result (kept with it and audited) */
  correctionReason?: string;
}

const correctionReasonField = reasonText('更正原因');

/** The reason of a correction, trimmed; refused when missing or not a reason (every face calls the services: the CLI too). */
function correctionReasonOf(opts: ResultOptions): string {
  if (opts.correctionReason === undefined || opts.correctionReason.trim() === '')
    throw new InputError(CORRECTION_REASON_REQUIRED, [{ path: 'correctionReason', message: CORRECTION_REASON_REQUIRED }]);
  const r = correctionReasonField.safeParse(opts.correctionReason);
  if (!r.success) {
    const message = r.error.issues[0]?.message ?? CORRECTION_REASON_REQUIRED;
    throw new InputError(message, [{ path: 'correctionReason', message }]);
  }
  return r.data;
}

/** The result in force of a claim, per `idNumber/mode` (empty before one is imported). */
export function currentResult(
  db: LtcDatabase,
  claimId: number,
): Map<string, { result: LineResult; deductedFen: number; reason: string | null; importedAt: string }> {
  const rows = db.raw
    .prepare('SELECT id_number, mode, result, deducted_fen, reason, imported_at FROM claim_results WHERE claim_id = ? ORDER BY id')
    .all(claimId) as { id_number: string; mode: string; result: LineResult; deducted_fen: number; reason: string | null; imported_at: string }[];
  return new Map(
    rows.map((r) => [resultKey(r.id_number, r.mode), { result: r.result, deductedFen: r.deducted_fen, reason: r.reason, importedAt: r.imported_at }]),
  );
}

function answerableClaim(db: LtcDatabase, claimId: number, opts: ResultOptions): StoredClaim {
  const stored = getClaim(db, claimId);
  if (!stored) throw new ServiceError('NOT_FOUND', `找不到结算申报 ${claimId}`);
  const s = stored.summary.status;
  if (s === 'submitted' || (s === 'settled' && opts.replace)) return stored;
  throw new ServiceError(
    'CONFLICT',
    s === 'draft'
      ? '该结算尚未申报，不能导入审核结果'
      : s === 'withdrawn'
        ? '该申报已撤回，不能导入审核结果'
        : '该结算已导入过审核结果。经办机构发来更正后的审核结果时，请用“导入更正的审核结果”（命令行：ltc result --replace --reason "更正原因"），新结果替换原结果，原结果保留为历史记录。',
  );
}

/**
 * What the result records per claim line; refuses (listing every problem: the file's own, given as
 * `fileProblems`, and those against the claim; ID numbers masked) a result that does not fit the claim.
 */
function planResult(stored: StoredClaim, lines: readonly ReadResultLine[], fileProblems: readonly Problem[] = []): ResultPreview {
  const claimed = new Map(stored.claim.lines.map((l) => [resultKey(l.idNumber, l.mode), l]));
  const given = new Map<string, ReadResultLine>();
  const problems: Problem[] = [...fileProblems];
  // ID numbers are masked in what the screen shows (docs/rules.md §9): the name says who it is.
  for (const r of lines) {
    const k = resultKey(r.idNumber, r.mode);
    const line = claimed.get(k);
    const who = line ? `${line.name}（${maskIdNumber(line.idNumber)}）` : maskIdNumber(r.idNumber);
    const path = r.where ? `${r.where} ${who}` : who;
    if (!line) {
      problems.push({ path, message: `申报中没有身份证号 ${maskIdNumber(r.idNumber)} 的${CARE_MODE_NAMES[r.mode]}明细` });
      continue;
    }
    if (given.has(k)) problems.push({ path, message: `${line.name} 的${CARE_MODE_NAMES[r.mode]}出现了两次` });
    if (r.name !== undefined && r.name !== line.name)
      problems.push({ path, message: `姓名“${r.name}”与身份证号 ${maskIdNumber(line.idNumber)} 的申报对象“${line.name}”不符` });
    if (r.claimedFundFen !== undefined && r.claimedFundFen !== line.fundFen)
      problems.push({
        path,
        message: `申报基金支付被改成了 ${formatYuan(r.claimedFundFen)} 元，申报的是 ${formatYuan(line.fundFen)} 元（此列不要修改）`,
      });
    if (r.result === 'deducted' && (r.deductedFen ?? 0) > line.fundFen) {
      problems.push({
        path,
        message: `${line.name} 的扣款金额 ${formatYuan(r.deductedFen ?? 0)} 元超过了申报的基金支付金额 ${formatYuan(line.fundFen)} 元`,
      });
    }
    if (!given.has(k)) given.set(k, r);
  }
  for (const [k, l] of claimed)
    if (!given.has(k)) problems.push({ path: `${l.name}（${maskIdNumber(l.idNumber)}）`, message: `缺少 ${l.name}（${CARE_MODE_NAMES[l.mode]}）的审核结果` });
  if (problems.length > 0) throw new InputError(`审核结果与申报不符，未导入（${problems.length} 处）：`, problems);

  const counts: ResultPreview['counts'] = { accepted: { lines: 0, fen: 0 }, deducted: { lines: 0, fen: 0 }, rejected: { lines: 0, fen: 0 } };
  const planned = [...claimed].map(([k, line]) => {
    const r = given.get(k) as ReadResultLine & { result: LineResult };
    const deductedFen = r.result === 'accepted' ? 0 : r.result === 'rejected' ? line.fundFen : (r.deductedFen ?? 0);
    const paidFundFen = line.fundFen - deductedFen;
    const c = counts[r.result];
    c.lines++;
    c.fen += r.result === 'accepted' ? paidFundFen : deductedFen;
    return {
      idNumber: line.idNumber,
      name: line.name,
      mode: line.mode,
      result: r.result,
      claimedFundFen: line.fundFen,
      deductedFen,
      paidFundFen,
      reason: r.reason ?? null,
    };
  });
  const s = stored.summary;
  return {
    claimId: s.id,
    month: s.month,
    kind: s.kind,
    seq: s.seq,
    lines: planned,
    counts,
    claimedFundFen: planned.reduce((n, l) => n + l.claimedFundFen, 0),
    paidFundFen: planned.reduce((n, l) => n + l.paidFundFen, 0),
  };
}

/** The result in force that a corrected one would replace: when it was imported and what it paid. */
function replaced(db: LtcDatabase, claimId: number): ResultPreview['replaces'] {
  const r = db.raw
    .prepare('SELECT max(imported_at) AS at, sum(paid_fund_fen) AS paid, sum(deducted_fen) AS deducted, count(*) AS n FROM claim_results WHERE claim_id = ?')
    .get(claimId) as { at: string | null; paid: number | null; deducted: number | null; n: number };
  return r.n > 0 ? { importedAt: r.at ?? '', paidFundFen: r.paid ?? 0, deductedFen: r.deducted ?? 0 } : null;
}

/** What importing `lines` into claim `claimId` would record, without recording it. */
export function previewResult(
  db: LtcDatabase,
  claimId: number,
  lines: readonly ReadResultLine[],
  opts: ResultOptions = {},
  fileProblems: readonly Problem[] = [],
): ResultPreview {
  const stored = answerableClaim(db, claimId, opts);
  const plan = planResult(stored, lines, fileProblems);
  return stored.summary.status === 'settled' ? { ...plan, replaces: replaced(db, claimId) } : plan;
}

/** A file read and checked against the claim in one pass: every problem of both kinds together. */
export async function previewResultFile(
  db: LtcDatabase,
  claimId: number,
  file: { name: string; bytes: Uint8Array },
  opts: ResultOptions = {},
): Promise<ResultPreview> {
  const read = await parseResultFile(file.name, file.bytes);
  return previewResult(db, claimId, read.lines, opts, [...read.problems, ...monthProblems(db, claimId, read.month)]);
}

/**
 * A JSON result names its month: one for another month (or none that exists, 2026-13) is the wrong file,
 * even when its people are the claim's, and was once applied to the claim whatever month it said.
 */
function monthProblems(db: LtcDatabase, claimId: number, month: string | undefined): Problem[] {
  const claimMonth = getClaim(db, claimId)?.claim.month;
  if (month === undefined || !claimMonth || month === claimMonth) return [];
  return [{ path: 'month', message: `审核结果文件的结算月份是“${month}”，本申报是 ${claimMonth}：请核对是否选错了文件` }];
}

/** Reads, checks (every problem in one pass) and applies a result file. */
export async function applyResultFile(
  db: LtcDatabase,
  claimId: number,
  file: { name: string; bytes: Uint8Array },
  actor: string,
  opts: ResultOptions = {},
): Promise<void> {
  const read = await parseResultFile(file.name, file.bytes);
  applyResult(db, claimId, read.lines, actor, opts, [...read.problems, ...monthProblems(db, claimId, read.month)]);
}

/**
 * Applies a result to a submitted claim (or, with `replace`, to a settled one: the result in force moves
 * to claim_results_replaced): every line answered once, amounts within the fund share.
 */
export function applyResult(
  db: LtcDatabase,
  claimId: number,
  lines: readonly (ResultLine | ReadResultLine)[],
  actor: string,
  opts: ResultOptions = {},
  fileProblems: readonly Problem[] = [],
): void {
  db.transaction(() => {
    // Checked inside the write: another window may have imported it, or withdrawn the claim, meanwhile.
    const stored = answerableClaim(db, claimId, opts);
    const plan = planResult(stored, lines, fileProblems);
    const now = localTimestamp();
    const replacing = stored.summary.status === 'settled';
    const reason = replacing ? correctionReasonOf(opts) : null;
    let before: Record<string, unknown> | null = null;
    if (replacing) {
      before = { ...summarize(db, claimId), settledAt: stored.summary.settledAt };
      db.raw
        .prepare(
          `INSERT INTO claim_results_replaced (claim_id, id_number, mode, result, claimed_fund_fen, deducted_fen, paid_fund_fen, reason, imported_at, replaced_at, replaced_by)
           SELECT claim_id, id_number, mode, result, claimed_fund_fen, deducted_fen, paid_fund_fen, reason, imported_at, ?, ? FROM claim_results WHERE claim_id = ? ORDER BY id`,
        )
        .run(now, actor, claimId);
      db.raw.prepare('DELETE FROM claim_results WHERE claim_id = ?').run(claimId);
      db.raw.prepare('INSERT INTO claim_result_corrections (claim_id, imported_at, imported_by, reason) VALUES (?, ?, ?, ?)').run(claimId, now, actor, reason);
    }
    const insert = db.raw.prepare(
      'INSERT INTO claim_results (claim_id, id_number, mode, result, claimed_fund_fen, deducted_fen, paid_fund_fen, reason, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    for (const l of plan.lines) insert.run(claimId, l.idNumber, l.mode, l.result, l.claimedFundFen, l.deductedFen, l.paidFundFen, l.reason, now);
    db.raw.prepare("UPDATE claims SET status = 'settled', settled_at = ? WHERE id = ?").run(now, claimId);
    // What the agency decided, so the trail answers "what was deducted and why" without the claim at hand.
    const { month, kind } = stored.claim;
    recordAudit(db, {
      actor,
      action: replacing ? 'resettle' : 'settle',
      entity: 'claim',
      entityId: claimId,
      ...(before ? { before } : {}),
      after: {
        month,
        kind,
        ...(kind === 'supplementary' ? { seq: stored.summary.seq } : {}),
        ...(reason !== null ? { correctionReason: reason } : {}),
        ...summarize(db, claimId),
      },
    });
  });
}

/** A claim's result in force as the audit log keeps it: counts, amounts and each deduction. */
function summarize(db: LtcDatabase, claimId: number): Record<string, unknown> {
  const stored = getClaim(db, claimId);
  const refOf = new Map((stored?.claim.lines ?? []).map((l) => [resultKey(l.idNumber, l.mode), l]));
  const rows = db.raw
    .prepare('SELECT id_number, mode, result, claimed_fund_fen, deducted_fen, reason FROM claim_results WHERE claim_id = ? ORDER BY id')
    .all(claimId) as { id_number: string; mode: string; result: LineResult; claimed_fund_fen: number; deducted_fen: number; reason: string | null }[];
  const count = { accepted: 0, deducted: 0, rejected: 0 };
  const deductions: Record<string, unknown>[] = [];
  let claimedFundFen = 0;
  let deductedFen = 0;
  for (const r of rows) {
    count[r.result]++;
    claimedFundFen += r.claimed_fund_fen;
    deductedFen += r.deducted_fen;
    const line = refOf.get(resultKey(r.id_number, r.mode));
    if (r.result !== 'accepted')
      deductions.push({ ref: line?.resident, name: line?.name, mode: r.mode, result: r.result, deductedFen: r.deducted_fen, reason: r.reason });
  }
  return { lines: rows.length, ...count, claimedFundFen, deductedFen, paidFundFen: claimedFundFen - deductedFen, deductions };
}

/** Every result imported for a claim, newest first: the one in force, then each one a corrected result replaced. */
export function resultHistory(db: LtcDatabase, claimId: number): ResultHistoryEntry[] {
  type Row = { imported_at: string; replaced_at: string | null; replaced_by: string | null; result: LineResult; n: number; paid: number; deducted: number };
  const rows = db.raw
    .prepare(
      `SELECT imported_at, NULL AS replaced_at, NULL AS replaced_by, result, count(*) AS n, sum(paid_fund_fen) AS paid, sum(deducted_fen) AS deducted
         FROM claim_results WHERE claim_id = @id GROUP BY imported_at, result
       UNION ALL
       SELECT imported_at, replaced_at, replaced_by, result, count(*), sum(paid_fund_fen), sum(deducted_fen)
         FROM claim_results_replaced WHERE claim_id = @id GROUP BY imported_at, replaced_at, replaced_by, result`,
    )
    .all({ id: claimId }) as Row[];
  const byImport = new Map<string, ResultHistoryEntry>();
  for (const r of rows) {
    const k = `${r.imported_at}|${r.replaced_at ?? ''}`;
    const e = byImport.get(k) ?? {
      importedAt: r.imported_at,
      replacedAt: r.replaced_at,
      replacedBy: r.replaced_by,
      counts: { accepted: 0, deducted: 0, rejected: 0 },
      paidFundFen: 0,
      deductedFen: 0,
      correctionReason: null,
    };
    e.counts[r.result] += r.n;
    e.paidFundFen += r.paid;
    e.deductedFen += r.deducted;
    byImport.set(k, e);
  }
  // a result imported as a correction: the reason given then (the latest row, should two imports share a second)
  const reasons = db.raw.prepare('SELECT imported_at, reason FROM claim_result_corrections WHERE claim_id = ? ORDER BY id').all(claimId) as {
    imported_at: string;
    reason: string;
  }[];
  const reasonAt = new Map(reasons.map((r) => [r.imported_at, r.reason]));
  for (const e of byImport.values()) e.correctionReason = reasonAt.get(e.importedAt) ?? null;
  return [...byImport.values()].sort((a, b) => (a.replacedAt === null ? -1 : b.replacedAt === null ? 1 : b.importedAt.localeCompare(a.importedAt)));
}
