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
import { CARE_MODE } from '../../../shared/fields/choices';
import { InputError, type Problem } from '../errors';
import { cellValue, type Cell } from '../spreadsheet/cellValue';
import { choice, idNumber, shown, spellings, text, yuan } from '../spreadsheet/cells';
import { loadWorkbook, sniffSpreadsheet } from '../spreadsheet/workbook';

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

const RESULT_WORDS = spellings<LineResult>([
  ['accepted', ['通过', 'accepted']],
  ['deducted', ['扣款', 'deducted']],
  ['rejected', ['拒付', 'rejected']],
]);
const MODE_WORDS = CARE_MODE.spellings;
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

/**
 * A deduction in yuan as typed (text, or a number cell) → fen, or why it is not one: the amount rules of
 * every import (spreadsheet/cells.ts `yuan`), and a deduction is more than nothing.
 */
export function deductionFen(value: Cell): { fen: number } | { problem: string } | null {
  const r = yuan(value, '扣款金额');
  if (!r.ok) return { problem: r.message };
  if (r.value === null) return null;
  if (r.value <= 0) return { problem: `扣款金额须大于0（现为 ${shown(value).replace(/元$/, '').trim()}）` };
  return { fen: r.value };
}

/** Reads a result file (.json or .xlsx); every problem is listed with its row. */
export async function readResultFile(name: string, bytes: Uint8Array): Promise<ResultLine[]> {
  if (/\.json$/i.test(name)) {
    let json: unknown;
    try {
      json = JSON.parse(
        Buffer.from(bytes)
          .toString('utf8')
          .replace(/^\uFEFF/, ''),
      );
    } catch (e) {
      throw new InputError(`审核结果文件不是有效的 JSON：${(e as Error).message}`);
    }
    const r = resultJson.safeParse(json);
    if (!r.success)
      throw new InputError(
        '审核结果文件格式不对（应为 ltc-claim-result 第1版）',
        r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
      );
    return r.data.lines;
  }
  sniffSpreadsheet(name, bytes, ['xlsx'], '审核结果模板');
  // a claim has a line per person: far fewer than this, counted while streaming before anything is read whole
  const wb = await loadWorkbook(name, bytes, 100_000);
  const ws = wb.getWorksheet(RESULT_SHEET) ?? wb.worksheets[0];
  if (!ws) throw new InputError('Excel 文件中没有工作表');
  const problems: Problem[] = [];
  const out: ResultLine[] = [];
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const cell = (c: number): Cell => cellValue(row.getCell(c).value);
    if (cell(1) === null || cell(5) === null) return;
    const where = `第${n}行`;
    const id = idNumber(cell(1));
    if (!id.ok) problems.push({ path: where, message: `身份证号${id.message}` });
    const mode = choice(cell(3), MODE_WORDS, CARE_MODE.shown);
    const result = choice(cell(5), RESULT_WORDS, ['通过', '扣款', '拒付']);
    const m = mode.ok ? mode.value : null;
    const r = result.ok ? result.value : null;
    if (!m) problems.push({ path: where, message: `护理方式“${shown(cell(3))}”应为 机构护理 或 居家护理` });
    if (!r) problems.push({ path: where, message: `审核结果“${shown(cell(5))}”应为 通过、扣款 或 拒付` });
    const said = text(cell(7), 500);
    const reason = said.ok ? said.value : null;
    if (!said.ok) problems.push({ path: where, message: `原因${said.message}` });
    const amount = r === 'deducted' ? deductionFen(cell(6)) : null;
    if (r === 'deducted' && amount === null) problems.push({ path: where, message: '扣款须填写大于0的扣款金额（元，最多两位小数）' });
    if (amount && 'problem' in amount) problems.push({ path: where, message: amount.problem });
    if ((r === 'deducted' || r === 'rejected') && !reason) problems.push({ path: where, message: `${shown(cell(5))}须填写原因` });
    const fen = amount && 'fen' in amount ? amount.fen : null;
    if (m && r && id.ok)
      out.push({ idNumber: id.value ?? '', mode: m, result: r, ...(fen !== null ? { deductedFen: fen } : {}), ...(reason ? { reason } : {}) });
  });
  if (problems.length > 0) throw new InputError(`审核结果有 ${problems.length} 处问题，未导入：`, problems);
  return out;
}
