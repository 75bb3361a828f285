/**
 * The agency's result (审核结果) as a file: our JSON format (`ltc-claim-result` v1) or the .xlsx
 * template the administrator fills from the agency's notice. Reading checks each row on its own and
 * lists every problem with its row; checking against the claim is results.ts's job.
 */
import ExcelJS from 'exceljs';
import { z } from 'zod';
import type { LineResult } from '../../../shared/api/claims';
import { CARE_MODE_NAMES } from '../../../shared/domain/glossary';
import type { CareMode } from '../../../shared/domain/model';
import type { ClaimLine } from '../../../shared/claims/types';
import { InputError, type Problem } from '../errors';

export type { LineResult } from '../../../shared/api/claims';

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
      deductedFen: z.number().int('扣款金额（deductedFen）应为以分为单位的整数').min(0, '扣款金额不能为负数').optional(),
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

/**
 * A deduction in yuan as typed (text, or a number cell) → fen, or why it is not one. A number cell that
 * is a whole number of fen up to binary noise (a formula's 10.549999999999999) is taken as that many fen;
 * a third decimal is refused, never rounded: 10.555 is not an amount the agency can have deducted.
 */
export function deductionFen(value: ExcelJS.CellValue): { fen: number } | { problem: string } | null {
  if (value == null || (typeof value === 'string' && value.trim() === '')) return null;
  const raw = typeof value === 'object' && value !== null && 'result' in value ? value.result : value;
  if (typeof raw === 'number') {
    const fen = Math.round(raw * 100);
    if (Math.abs(raw * 100 - fen) > 1e-6) return { problem: `扣款金额 ${raw} 最多两位小数（元，精确到分）` };
    return fen > 0 ? { fen } : { problem: `扣款金额须大于0（现为 ${raw}）` };
  }
  const text = cellText(value).replace(/,/g, '').replace(/元$/, '').trim();
  if (!/^-?\d+(\.\d+)?$/.test(text)) return { problem: `扣款金额“${cellText(value)}”不是数字，请填写金额（元），例如 120.50` };
  if (/\.\d{3,}$/.test(text)) return { problem: `扣款金额 ${text} 最多两位小数（元，精确到分）` };
  const [whole = '0', frac = ''] = text.replace('-', '').split('.');
  const fen = Number(whole) * 100 + Number(frac.padEnd(2, '0'));
  if (text.startsWith('-') || fen === 0) return { problem: `扣款金额须大于0（现为 ${text}）` };
  return { fen };
}

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
    const [id, , mode, , result, , reason] = [1, 2, 3, 4, 5, 6, 7].map((c) => cellText(row.getCell(c).value));
    if (!id || !result) return;
    const where = `第${n}行`;
    const m = MODE_WORDS[mode ?? ''];
    const r = RESULT_WORDS[result];
    if (!m) problems.push({ path: where, message: `护理方式“${mode}”应为 机构护理 或 居家护理` });
    if (!r) problems.push({ path: where, message: `审核结果“${result}”应为 通过、扣款 或 拒付` });
    const amount = r === 'deducted' ? deductionFen(row.getCell(6).value) : null;
    if (r === 'deducted' && amount === null) problems.push({ path: where, message: '扣款须填写大于0的扣款金额（元，最多两位小数）' });
    if (amount && 'problem' in amount) problems.push({ path: where, message: amount.problem });
    if ((r === 'deducted' || r === 'rejected') && !reason) problems.push({ path: where, message: `${result}须填写原因` });
    const fen = amount && 'fen' in amount ? amount.fen : null;
    if (m && r) out.push({ idNumber: id ?? '', mode: m, result: r, ...(fen !== null ? { deductedFen: fen } : {}), ...(reason ? { reason } : {}) });
  });
  if (problems.length > 0) throw new InputError(`审核结果有 ${problems.length} 处问题，未导入：`, problems);
  return out;
}
