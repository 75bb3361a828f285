/**
 * The agency's result (审核结果): per claim line accepted (通过), deducted (扣款, with amount and
 * reason) or rejected (拒付, with reason). Read from our JSON format or from the .xlsx template the
 * administrator fills from the agency's notice; applying it settles the claim.
 */
import ExcelJS from 'exceljs';
import { z } from 'zod';
import { CARE_MODE_NAMES } from '../../../shared/domain/glossary';
import { parseYuan } from '../../../shared/domain/money';
import type { CareMode } from '../../../shared/domain/model';
import type { ClaimLine } from '../../../shared/claims/types';
import { recordAudit } from '../audit/auditLog';
import { localTimestamp } from '../db/clock';
import type { LtcDatabase } from '../db/database';
import { InputError, ServiceError, type Problem } from '../errors';
import { getClaim } from './claimStore';

export type LineResult = 'accepted' | 'deducted' | 'rejected';

export interface ResultLine {
  idNumber: string;
  mode: CareMode;
  result: LineResult;
  /** deducted: the amount taken off the fund share; rejected: the whole fund share */
  deductedFen?: number;
  reason?: string;
}

const resultJson = z.object({
  format: z.literal('ltc-claim-result'),
  version: z.literal(1),
  month: z.string().regex(/^\d{4}-\d{2}$/),
  lines: z.array(
    z.object({
      idNumber: z.string().min(1),
      mode: z.enum(['institutional', 'home']),
      result: z.enum(['accepted', 'deducted', 'rejected']),
      deductedFen: z.number().int().min(0).optional(),
      reason: z.string().optional(),
    }),
  ),
});

const RESULT_WORDS: Record<string, LineResult> = { 通过: 'accepted', 扣款: 'deducted', 拒付: 'rejected', accepted: 'accepted', deducted: 'deducted', rejected: 'rejected' };
const MODE_WORDS: Record<string, CareMode> = { 机构护理: 'institutional', 居家护理: 'home', institutional: 'institutional', home: 'home', 机构: 'institutional', 居家: 'home' };
export const RESULT_SHEET = '审核结果';
const HEADERS = ['身份证号', '姓名', '护理方式', '申报基金支付（元）', '审核结果（通过/扣款/拒付）', '扣款金额（元）', '原因'];

/** The template for one claim: its lines, each prefilled 通过, for the administrator to edit. */
export async function resultTemplate(lines: readonly ClaimLine[], month: string): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '长护助手';
  const ws = wb.addWorksheet(RESULT_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.addRow(HEADERS).font = { bold: true };
  for (const l of lines) ws.addRow([l.idNumber, l.name, CARE_MODE_NAMES[l.mode], l.fundFen / 100, '通过', null, null]);
  ws.getColumn(4).numFmt = '#,##0.00';
  ws.getColumn(6).numFmt = '#,##0.00';
  [22, 10, 10, 18, 26, 16, 40].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  for (let r = 2; r <= lines.length + 1; r++) {
    ws.getCell(r, 5).dataValidation = { type: 'list', allowBlank: false, formulae: ['"通过,扣款,拒付"'] };
  }
  ws.addRow([]);
  ws.addRow([`${month} 结算审核结果：请按经办机构的审核通知填写“审核结果”；扣款须填扣款金额和原因，拒付须填原因。`]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const cellText = (v: ExcelJS.CellValue): string => {
  if (v == null) return '';
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((t) => t.text).join('').trim();
  if (typeof v === 'object' && 'result' in v) return String(v.result ?? '').trim();
  return String(v).trim();
};

/** Reads a result file (.json or .xlsx); every problem is listed with its row. */
export async function readResultFile(name: string, bytes: Uint8Array): Promise<ResultLine[]> {
  if (/\.json$/i.test(name)) {
    let json: unknown;
    try {
      json = JSON.parse(Buffer.from(bytes).toString('utf8').replace(/^\uFEFF/, ''));
    } catch (e) {
      throw new InputError(`审核结果文件不是有效的 JSON：${(e as Error).message}`);
    }
    const r = resultJson.safeParse(json);
    if (!r.success) throw new InputError('审核结果文件格式不对（应为 ltc-claim-result 第1版）', r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
    return r.data.lines;
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    throw new InputError('无法读取该 Excel 文件，请确认是 .xlsx 格式（不是 .xls 或 .csv）');
  }
  const ws = wb.getWorksheet(RESULT_SHEET) ?? wb.worksheets[0];
  if (!ws) throw new InputError('Excel 文件中没有工作表');
  const problems: Problem[] = [];
  const out: ResultLine[] = [];
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const [id, , mode, , result, deducted, reason] = [1, 2, 3, 4, 5, 6, 7].map((c) => cellText(row.getCell(c).value));
    if (!id || !result) return;
    const where = `第${n}行`;
    const m = MODE_WORDS[mode ?? ''];
    const r = RESULT_WORDS[result];
    if (!m) problems.push({ path: where, message: `护理方式“${mode}”应为 机构护理 或 居家护理` });
    if (!r) problems.push({ path: where, message: `审核结果“${result}”应为 通过、扣款 或 拒付` });
    const fen = deducted ? parseYuan(deducted) : null;
    if (r === 'deducted' && (fen === null || fen <= 0)) problems.push({ path: where, message: '扣款须填写大于0的扣款金额（元）' });
    if ((r === 'deducted' || r === 'rejected') && !reason) problems.push({ path: where, message: `${result}须填写原因` });
    if (m && r) out.push({ idNumber: id ?? '', mode: m, result: r, ...(fen !== null ? { deductedFen: fen } : {}), ...(reason ? { reason } : {}) });
  });
  if (problems.length > 0) throw new InputError(`审核结果有 ${problems.length} 处问题，未导入：`, problems);
  return out;
}

/** Applies a result to a submitted claim: every line answered once, amounts within the fund share. */
export function applyResult(db: LtcDatabase, claimId: number, lines: readonly ResultLine[], actor: string): void {
  const stored = getClaim(db, claimId);
  if (!stored) throw new ServiceError('NOT_FOUND', `找不到结算申报 ${claimId}`);
  if (stored.summary.status !== 'submitted') throw new ServiceError('CONFLICT', stored.summary.status === 'draft' ? '该结算尚未申报，不能导入审核结果' : '该结算已导入过审核结果');
  const key = (id: string, mode: string) => `${id}/${mode}`;
  const claimed = new Map(stored.claim.lines.map((l) => [key(l.idNumber, l.mode), l]));
  const given = new Map<string, ResultLine>();
  const problems: Problem[] = [];
  for (const r of lines) {
    const k = key(r.idNumber, r.mode);
    const line = claimed.get(k);
    if (!line) problems.push({ path: r.idNumber, message: `申报中没有 ${r.idNumber} 的${CARE_MODE_NAMES[r.mode]}明细` });
    else if (given.has(k)) problems.push({ path: r.idNumber, message: `${line.name} 的${CARE_MODE_NAMES[r.mode]}出现了两次` });
    else if (r.result === 'deducted' && (r.deductedFen ?? 0) > line.fundFen) problems.push({ path: r.idNumber, message: `${line.name} 的扣款金额超过了申报的基金支付金额` });
    given.set(k, r);
  }
  for (const [k, l] of claimed) if (!given.has(k)) problems.push({ path: l.idNumber, message: `缺少 ${l.name}（${CARE_MODE_NAMES[l.mode]}）的审核结果` });
  if (problems.length > 0) throw new InputError(`审核结果与申报不符，未导入（${problems.length} 处）：`, problems);

  db.transaction(() => {
    const now = localTimestamp();
    const insert = db.raw.prepare(
      'INSERT INTO claim_results (claim_id, id_number, mode, result, claimed_fund_fen, deducted_fen, paid_fund_fen, reason, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const count = { accepted: 0, deducted: 0, rejected: 0 };
    const deductions: Record<string, unknown>[] = [];
    let deductedFen = 0;
    for (const [k, line] of claimed) {
      const r = given.get(k) as ResultLine;
      const deducted = r.result === 'accepted' ? 0 : r.result === 'rejected' ? line.fundFen : (r.deductedFen ?? 0);
      insert.run(claimId, line.idNumber, line.mode, r.result, line.fundFen, deducted, line.fundFen - deducted, r.reason ?? null, now);
      count[r.result]++;
      deductedFen += deducted;
      if (r.result !== 'accepted') deductions.push({ ref: line.resident, name: line.name, mode: line.mode, result: r.result, deductedFen: deducted, reason: r.reason ?? null });
    }
    db.raw.prepare("UPDATE claims SET status = 'settled', settled_at = ? WHERE id = ?").run(now, claimId);
    // What the agency decided, so the trail answers "what was deducted and why" without the claim at hand.
    const claimedFundFen = stored.claim.totals.fundFen;
    const { month, kind } = stored.claim;
    recordAudit(db, {
      actor,
      action: 'settle',
      entity: 'claim',
      entityId: claimId,
      after: { month, kind, ...(kind === 'supplementary' ? { seq: stored.summary.seq } : {}), lines: lines.length, ...count, claimedFundFen, deductedFen, paidFundFen: claimedFundFen - deductedFen, deductions },
    });
  });
}
