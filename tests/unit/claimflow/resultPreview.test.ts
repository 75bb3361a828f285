/**
 * The agency's result before it is imported (issue 14): the screen first shows what importing would
 * record (lines and 通过/扣款/拒付 counts and amounts), then asks; a deduction of 10.555 is refused as
 * "最多两位小数", not "须填写大于0的扣款金额"; an over-claimed deduction names the person with the ID
 * number masked (docs/rules.md §9). The sample's October claim: 王秀英 600.00, 李建国 1,860.00, 陈淑芬 152.00 fund.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { getClaim } from '../../../electron/services/claims/claimStore';
import { deductionFen } from '../../../electron/services/claims/resultFile';
import { applyResult, previewResult, readResultFile, RESULT_SHEET, resultTemplate } from '../../../electron/services/claims/results';
import { api, submittedOctober } from './support';

const LI = '330205194501010037';

async function template(edit: (row: (name: string) => ExcelJS.Row) => void): Promise<Uint8Array> {
  const { claim } = submittedOctober();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await resultTemplate(claim.lines, claim.month)) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(RESULT_SHEET)!;
  edit((name) => {
    let n = 0;
    ws.eachRow((r, i) => void (r.getCell(3).value === name && (n = i)));
    return ws.getRow(n);
  });
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const problemsOf = (e: unknown) => ((e as { problems?: { path: string; message: string }[] }).problems ?? []).map((p) => `${p.path} ${p.message}`);

describe('a deduction amount', () => {
  it('takes yuan with at most two decimals, as a number cell or as text', () => {
    expect(deductionFen(120)).toEqual({ fen: 12000 });
    expect(deductionFen(10.55)).toEqual({ fen: 1055 });
    // a formula's binary noise is still 10.55
    expect(deductionFen(10.549999999999999)).toEqual({ fen: 1055 });
    expect(deductionFen('1,234.50')).toEqual({ fen: 123450 });
    expect(deductionFen('120元')).toEqual({ fen: 12000 });
    expect(deductionFen(null)).toBeNull();
  });

  it('says what is wrong: a third decimal, not a number, not above 0', () => {
    expect(deductionFen(10.555)).toEqual({ problem: '扣款金额 10.555 最多两位小数（元，精确到分）' });
    expect(deductionFen('10.555')).toEqual({ problem: '扣款金额 10.555 最多两位小数（元，精确到分）' });
    expect(deductionFen('十元')).toEqual({ problem: '扣款金额“十元”不是数字，请填写金额（元），例如 120.50' });
    expect(deductionFen(-5)).toEqual({ problem: '扣款金额须大于0（现为 -5）' });
    expect(deductionFen('0')).toEqual({ problem: '扣款金额须大于0（现为 0）' });
  });

  it('in a filled template: 10.555 is refused for its decimals, by row', async () => {
    const bytes = await template((row) => {
      const r = row('李建国');
      r.getCell(6).value = '扣款';
      r.getCell(7).value = 10.555;
      r.getCell(8).value = '护理记录不完整';
    });
    const err = await readResultFile('x.xlsx', bytes).catch((e: unknown) => e);
    expect(problemsOf(err)).toEqual([expect.stringMatching(/^第\d+行 扣款金额 10\.555 最多两位小数/)]);
  });
});

describe('previewing a result before importing it', () => {
  it('shows per line and per result what importing would record, and records nothing', async () => {
    const { db, id } = submittedOctober();
    const bytes = await template((row) => {
      const a = row('李建国');
      a.getCell(6).value = '扣款';
      a.getCell(7).value = 120;
      a.getCell(8).value = '护理记录不完整';
      const b = row('陈淑芬');
      b.getCell(6).value = '拒付';
      b.getCell(8).value = '未签字';
    });
    const file = { name: '结果.xlsx', base64: Buffer.from(bytes).toString('base64') };
    const p = await api(db).call('claims.previewResult', { claimId: id, file });
    expect(p.counts).toEqual({ accepted: { lines: 1, fen: 60000 }, deducted: { lines: 1, fen: 12000 }, rejected: { lines: 1, fen: 15200 } });
    expect(p).toMatchObject({ claimId: id, month: '2026-10', claimedFundFen: 261200, paidFundFen: 261200 - 12000 - 15200 });
    expect(p.lines.find((l) => l.name === '李建国')).toMatchObject({
      result: 'deducted',
      claimedFundFen: 186000,
      deductedFen: 12000,
      paidFundFen: 174000,
      reason: '护理记录不完整',
    });
    expect(getClaim(db, id)?.summary.status).toBe('submitted');
    expect(db.raw.prepare('SELECT count(*) FROM claim_results').pluck().get()).toBe(0);
    // importing the same file records exactly what the preview showed
    await api(db).call('claims.importResult', { claimId: id, file });
    expect(db.raw.prepare('SELECT result, deducted_fen AS deductedFen, paid_fund_fen AS paidFundFen FROM claim_results WHERE id_number = ?').get(LI)).toEqual({
      result: 'deducted',
      deductedFen: 12000,
      paidFundFen: 174000,
    });
  });

  it('refuses a deduction above the fund share naming the person, the ID number masked', () => {
    const { db, id, claim } = submittedOctober();
    const lines = claim.lines.map((l) =>
      l.idNumber === LI
        ? { idNumber: l.idNumber, mode: l.mode, result: 'deducted' as const, deductedFen: 200000, reason: 'x' }
        : { idNumber: l.idNumber, mode: l.mode, result: 'accepted' as const },
    );
    for (const run of [() => previewResult(db, id, lines), () => applyResult(db, id, lines, 't')]) {
      const err = (() => {
        try {
          run();
        } catch (e) {
          return e as Error;
        }
        throw new Error('accepted');
      })();
      const text = [err.message, ...problemsOf(err)].join('\n');
      expect(text).toContain('李建国（330205********0037） 李建国 的扣款金额 2,000.00 元超过了申报的基金支付金额 1,860.00 元');
      expect(text).not.toContain(LI);
    }
    expect(getClaim(db, id)?.summary.status).toBe('submitted');
  });
});
