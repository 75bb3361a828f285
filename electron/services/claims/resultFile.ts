/**
 * The agency's result (审核结果) as a file: our JSON format (`ltc-claim-result` v1) or the .xlsx
 * template the administrator fills from the agency's notice. Reading checks each row on its own and
 * lists every problem with its row; checking against the claim is results.ts's job, which reports both
 * kinds of problem together (parseResultFile).
 */
import type ExcelJS from 'exceljs';
import { excel } from '../spreadsheet/excel';
import { z } from 'zod';
import type { LineResult } from '../../../shared/api/claims';
import { CARE_MODE_NAMES } from '../../../shared/domain/glossary';
import type { CareMode } from '../../../shared/domain/model';
import type { ClaimLine } from '../../../shared/claims/types';
import { CARE_MODE } from '../../../shared/fields/choices';
import { decodeUtf8, parseJson } from '../dataset/jsonText';
import { InputError, type Problem } from '../errors';
import { cellValue, type Cell } from '../spreadsheet/cellValue';
import { choice, idNumber, shown, spellings, text, yuan } from '../spreadsheet/cells';
import { loadWorkbook, sniffSpreadsheet } from '../spreadsheet/workbook';
import { monthLabel } from '../documents/format';
import { filterData, MONEY, printedSheet, TEXT, type SheetColumn } from '../documents/printedSheet';

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
const RESULT_NAMES: Record<LineResult, string> = { accepted: '通过', deducted: '扣款', rejected: '拒付' };
export const RESULT_SHEET = '审核结果';

/**
 * The template's columns. Files are read by their header's words, not by position, so a result filled
 * in the first layout (no 序号, headers on row 1, the instructions below the lines: institutions keep
 * such files) reads as well as this one.
 */
const COLUMNS: readonly SheetColumn[] = [
  { header: '序号', key: 'no', width: 6, align: 'center' },
  { header: '身份证号', key: 'idNumber', width: 21, numFmt: TEXT },
  { header: '姓名', key: 'name', width: 10 },
  { header: '护理方式', key: 'mode', width: 10, align: 'center' },
  { header: '申报基金支付（元）', key: 'fund', width: 16, numFmt: MONEY },
  { header: '审核结果（通过/扣款/拒付）', key: 'result', width: 16, align: 'center' },
  { header: '扣款金额（元）', key: 'deducted', width: 14, numFmt: MONEY },
  { header: '原因', key: 'reason', width: 40 },
];
/** the header words that find each column (the first that a header cell starts with) */
const FIND: Record<'idNumber' | 'name' | 'mode' | 'fund' | 'result' | 'deducted' | 'reason', string> = {
  idNumber: '身份证号',
  name: '姓名',
  mode: '护理方式',
  fund: '申报基金支付',
  result: '审核结果',
  deducted: '扣款金额',
  reason: '原因',
};
export const RESULT_INSTRUCTIONS =
  '填写说明：按经办机构的审核通知填写“审核结果”（通过、扣款或拒付）；扣款须填扣款金额（元）和原因，拒付须填原因（拒付即不付该行的全部基金支付）。请勿修改身份证号、姓名、护理方式和申报基金支付，不要增删行。';

export interface ResultTemplateInput {
  lines: readonly ClaimLine[];
  month: string;
  institution?: { name: string; uscc: string; agencyCode: string };
  /** 0: the month's claim; 1, 2, …: its 补报 */
  seq?: number;
  /** the result imported before, per `idNumber/mode`: the template then shows it, to be corrected */
  previous?: ReadonlyMap<string, { result: LineResult; deductedFen: number; reason: string | null }>;
}

export const resultKey = (idNumber: string, mode: string): string => `${idNumber}/${mode}`;

/**
 * The template for one claim: a title with the institution, the month and the 申报序号, the instructions,
 * then its lines under a styled header, each prefilled 通过 (or with the result imported before), for the
 * administrator to edit. One list validation covers the whole 审核结果 column.
 */
export async function resultTemplate(linesOrInput: readonly ClaimLine[] | ResultTemplateInput, month?: string): Promise<Uint8Array> {
  const input: ResultTemplateInput = Array.isArray(linesOrInput)
    ? { lines: linesOrInput as readonly ClaimLine[], month: month ?? '' }
    : (linesOrInput as ResultTemplateInput);
  const seq = input.seq ?? 0;
  const wb = new (excel().Workbook)();
  wb.creator = '长护助手';
  const inst = input.institution;
  const whose = inst ? `定点机构：${inst.name}\u3000统一社会信用代码：${inst.uscc}\u3000定点机构编码：${inst.agencyCode}\u3000` : '';
  const sheet = printedSheet(wb, {
    name: RESULT_SHEET,
    title: '长期护理保险结算审核结果',
    lines: [
      `${whose}结算月份：${input.month ? monthLabel(input.month) : ''}\u3000申报序号：${seq}（${seq === 0 ? '本月申报' : `补报 ${seq}`}）`,
      RESULT_INSTRUCTIONS,
    ],
    columns: COLUMNS,
  });
  input.lines.forEach((l, i) => {
    const before = input.previous?.get(resultKey(l.idNumber, l.mode));
    sheet.add({
      no: i + 1,
      idNumber: l.idNumber,
      name: l.name,
      mode: CARE_MODE_NAMES[l.mode],
      fund: l.fundFen / 100,
      result: RESULT_NAMES[before?.result ?? 'accepted'],
      deducted: before?.result === 'deducted' ? before.deductedFen / 100 : null,
      reason: before && before.result !== 'accepted' ? before.reason : null,
    });
  });
  const first = sheet.header + 1;
  const last = Math.max(first, sheet.header + input.lines.length);
  // one range, not one per cell: exceljs merges per-cell validations into overlapping ranges (E2:E98 and E10:E98)
  (sheet.ws as unknown as { dataValidations: { add: (ref: string, v: ExcelJS.DataValidation) => void } }).dataValidations.add(`F${first}:F${last}`, {
    type: 'list',
    allowBlank: false,
    formulae: ['"通过,扣款,拒付"'],
    showErrorMessage: true,
    errorTitle: '审核结果',
    error: '请选择 通过、扣款 或 拒付',
  });
  filterData(sheet);
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

/** A line as read from a file: where it is, and what the file says beside the result (checked against the claim). */
export interface ReadResultLine extends Omit<ResultLine, 'result'> {
  /** null when the file's word is not one of 通过/扣款/拒付 (a problem already listed) */
  result: LineResult | null;
  /** 第N行 of the sheet, for the problems found against the claim */
  where?: string;
  name?: string;
  /** the 申报基金支付 the file shows, in fen */
  claimedFundFen?: number;
}

/** A result file read: its lines and every problem of its own rows (the claim's checks come after, in results.ts). */
export interface ReadResult {
  lines: ReadResultLine[];
  problems: Problem[];
  /** the month a JSON result says it answers (the template says it in its title, for the eye only) */
  month?: string;
}

/** Reads a result file (.json or .xlsx); every problem is listed with its row. */
export async function readResultFile(name: string, bytes: Uint8Array): Promise<ResultLine[]> {
  const r = await parseResultFile(name, bytes);
  if (r.problems.length > 0) throw new InputError(`审核结果有 ${r.problems.length} 处问题，未导入：`, r.problems);
  return r.lines as ResultLine[];
}

/**
 * Reads a result file without refusing it: the rows it could read and the problems of the others, so
 * that results.ts reports the file's problems and the claim's (an amount above the fund share, a name
 * that is not the ID number's) in one pass. A file that cannot be read at all is still refused at once.
 */
export async function parseResultFile(name: string, bytes: Uint8Array): Promise<ReadResult> {
  if (/\.json$/i.test(name)) {
    // JSON.parse's own message is V8's English ("Expected double-quoted property name in JSON at position 44"):
    // the dataset reader's says in Chinese where the file is broken, or that it was cut short
    const json = parseJson(decodeUtf8(bytes, name), name, '请选择本程序导出的审核结果（ltc-claim-result）文件，或下载审核结果模板（.xlsx）填写后导入');
    const r = resultJson.safeParse(json);
    if (!r.success)
      throw new InputError(
        '审核结果文件格式不对（应为 ltc-claim-result 第1版）',
        r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
      );
    return { lines: r.data.lines, problems: [], month: r.data.month };
  }
  sniffSpreadsheet(name, bytes, ['xlsx'], '审核结果模板');
  // a claim has a line per person: far fewer than this, counted while streaming before anything is read whole
  const wb = await loadWorkbook(name, bytes, 100_000);
  const ws = wb.getWorksheet(RESULT_SHEET) ?? wb.worksheets[0];
  if (!ws) throw new InputError('Excel 文件中没有工作表');
  const at = headerOf(ws);
  if (!at) throw new InputError(`找不到表头：请使用“下载审核结果模板”生成的文件（表头含 ${Object.values(FIND).join('、')}）`);
  const { row: headerRow, col } = at;
  const problems: Problem[] = [];
  const out: ReadResultLine[] = [];
  ws.eachRow((row, n) => {
    if (n <= headerRow) return;
    const cell = (c: number | undefined): Cell => (c ? cellValue(row.getCell(c).value) : null);
    if (cell(col.idNumber) === null || cell(col.result) === null) return;
    const where = `第${n}行`;
    const id = idNumber(cell(col.idNumber));
    if (!id.ok) problems.push({ path: where, message: `身份证号${id.message}` });
    const mode = choice(cell(col.mode), MODE_WORDS, CARE_MODE.shown);
    const result = choice(cell(col.result), RESULT_WORDS, ['通过', '扣款', '拒付']);
    const m = mode.ok ? mode.value : null;
    const r = result.ok ? result.value : null;
    if (!m) problems.push({ path: where, message: `护理方式“${shown(cell(col.mode))}”应为 机构护理 或 居家护理` });
    if (!r) problems.push({ path: where, message: `审核结果“${shown(cell(col.result))}”应为 通过、扣款 或 拒付` });
    const said = text(cell(col.reason), 500);
    const reason = said.ok ? said.value : null;
    if (!said.ok) problems.push({ path: where, message: `原因${said.message}` });
    const amount = r === 'deducted' ? deductionFen(cell(col.deducted)) : null;
    if (r === 'deducted' && amount === null) problems.push({ path: where, message: '扣款须填写大于0的扣款金额（元，最多两位小数）' });
    if (amount && 'problem' in amount) problems.push({ path: where, message: amount.problem });
    if ((r === 'deducted' || r === 'rejected') && !reason) problems.push({ path: where, message: `${shown(cell(col.result))}须填写原因` });
    const fen = amount && 'fen' in amount ? amount.fen : null;
    const who = text(cell(col.name), 100);
    const claimed = col.fund ? yuan(cell(col.fund), '申报基金支付') : null;
    if (m && id.ok)
      out.push({
        idNumber: id.value ?? '',
        mode: m,
        result: r,
        ...(fen !== null ? { deductedFen: fen } : {}),
        ...(reason ? { reason } : {}),
        where,
        ...(who.ok && who.value ? { name: who.value } : {}),
        ...(claimed?.ok && claimed.value !== null ? { claimedFundFen: claimed.value } : {}),
      });
  });
  return { lines: out, problems };
}

/** The header row (within the first rows) and the column of each field, by the header's words. */
function headerOf(ws: ExcelJS.Worksheet): { row: number; col: Partial<Record<keyof typeof FIND, number>> & { idNumber: number; result: number } } | null {
  for (let r = 1; r <= Math.min(ws.rowCount, 20); r++) {
    const col: Partial<Record<keyof typeof FIND, number>> = {};
    ws.getRow(r).eachCell((c, n) => {
      const t = String(cellValue(c.value) ?? '').trim();
      for (const [key, word] of Object.entries(FIND) as [keyof typeof FIND, string][]) if (col[key] === undefined && t.startsWith(word)) col[key] = n;
    });
    if (col.idNumber && col.result) return { row: r, col: { ...col, idNumber: col.idNumber, result: col.result } };
  }
  return null;
}
