/**
 * The agency's result as the clerk handles it (issue 11): the template reads like a form (title, whose,
 * which month and 申报序号, instructions on top, 序号, one validation list), a file's problems are all
 * reported at once, a name or 申报金额 changed in the file is refused by row, a result in the first
 * template layout (institutions have filled ones) still imports, and a corrected result replaces a
 * settled claim's, the replaced one kept and audited. The sample's October claim: 王秀英 600.00,
 * 李建国 1,860.00, 陈淑芬 152.00 fund.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { getClaim } from '../../../electron/services/claims/claimStore';
import { reconciliation } from '../../../electron/services/claims/reconciliation';
import { applyResultFile, currentResult, previewResultFile, RESULT_SHEET } from '../../../electron/services/claims/results';
import { api, submittedOctober } from './support';

const LI = '330205194501010037';
const WANG = '330205193804120028';
const CHEN = '33020519410923006X';

/** The template as the screen downloads it (claims.resultTemplate). */
async function downloaded(db: ReturnType<typeof submittedOctober>['db'], claimId: number): Promise<ExcelJS.Workbook> {
  const file = await api(db).call('claims.resultTemplate', { claimId });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
  return wb;
}

const headerRow = (ws: ExcelJS.Worksheet) => {
  for (let r = 1; r <= ws.rowCount; r++) if (ws.getRow(r).getCell(1).value === '序号') return r;
  throw new Error('no header');
};
const rowNamed = (ws: ExcelJS.Worksheet, name: string) => {
  for (let r = 1; r <= ws.rowCount; r++) if (ws.getRow(r).getCell(3).value === name) return ws.getRow(r);
  throw new Error(`no row for ${name}`);
};
const asFile = async (wb: ExcelJS.Workbook, name = '结果.xlsx') => ({ name, bytes: new Uint8Array(await wb.xlsx.writeBuffer()) });
const problemsOf = (e: unknown) => ((e as { problems?: { path: string; message: string }[] }).problems ?? []).map((p) => `${p.path} ${p.message}`);
async function refusal(p: Promise<unknown>): Promise<string[]> {
  try {
    await p;
  } catch (e) {
    return [(e as Error).message, ...problemsOf(e)];
  }
  throw new Error('accepted');
}

describe('the result template', () => {
  it('has a title with the institution, month and 申报序号, the instructions above a styled header, and a 序号 column', async () => {
    const { db, id } = submittedOctober();
    const ws = (await downloaded(db, id)).getWorksheet(RESULT_SHEET)!;
    const h = headerRow(ws);
    const above = Array.from({ length: h - 1 }, (_, i) => String(ws.getRow(i + 1).getCell(1).value ?? '')).join('\n');
    expect(above).toContain('长期护理保险结算审核结果');
    expect(above).toContain('宁波市江北区颐康护理院');
    expect(above).toContain('2026年10月');
    expect(above).toContain('申报序号：0');
    expect(above).toMatch(/填写说明.*扣款须填扣款金额/);
    expect((ws.getRow(h).values as unknown[]).slice(1)).toEqual([
      '序号',
      '身份证号',
      '姓名',
      '护理方式',
      '申报基金支付（元）',
      '审核结果（通过/扣款/拒付）',
      '扣款金额（元）',
      '原因',
    ]);
    expect(ws.getRow(h).getCell(2).font?.bold).toBe(true);
    expect(ws.getRow(h).getCell(2).fill).toMatchObject({ type: 'pattern', pattern: 'solid' });
    expect([1, 2, 3].map((i) => ws.getRow(h + i).getCell(1).value)).toEqual([1, 2, 3]);
    expect(rowNamed(ws, '李建国').getCell(5).value).toBe(1860);
    expect(rowNamed(ws, '李建国').getCell(6).value).toBe('通过');
    // nothing below the lines: the instructions are at the top, not at row 100
    expect(ws.rowCount).toBe(h + 3);
  });

  it('has one list validation over the 审核结果 column, not overlapping ranges', async () => {
    const { db, id } = submittedOctober();
    const file = await api(db).call('claims.resultTemplate', { claimId: id });
    const zip = await JSZip.loadAsync(Buffer.from(file.base64, 'base64'));
    const xml = (await zip.file('xl/worksheets/sheet1.xml')?.async('string')) ?? '';
    const validations = [...xml.matchAll(/<dataValidation [^>]*sqref="([^"]+)"/g)].map((m) => m[1]);
    const ws = (await downloaded(db, id)).getWorksheet(RESULT_SHEET)!;
    const h = headerRow(ws);
    expect(validations).toEqual([`F${h + 1}:F${h + 3}`]);
    expect(xml).toContain('通过,扣款,拒付');
  });

  it('made after a result was imported, shows that result, to be corrected', async () => {
    const { db, id } = submittedOctober();
    const wb = await downloaded(db, id);
    const ws = wb.getWorksheet(RESULT_SHEET)!;
    Object.assign(rowNamed(ws, '李建国').getCell(6), { value: '扣款' });
    rowNamed(ws, '李建国').getCell(7).value = 120;
    rowNamed(ws, '李建国').getCell(8).value = '护理记录不完整';
    rowNamed(ws, '陈淑芬').getCell(6).value = '拒付';
    rowNamed(ws, '陈淑芬').getCell(8).value = '未签字';
    await applyResultFile(db, id, await asFile(wb), '张会计');
    const again = (await downloaded(db, id)).getWorksheet(RESULT_SHEET)!;
    expect([6, 7, 8].map((c) => rowNamed(again, '李建国').getCell(c).value)).toEqual(['扣款', 120, '护理记录不完整']);
    expect([6, 7, 8].map((c) => rowNamed(again, '陈淑芬').getCell(c).value)).toEqual(['拒付', null, '未签字']);
    expect(rowNamed(again, '王秀英').getCell(6).value).toBe('通过');
  });
});

describe('importing a result', () => {
  it('reports every problem in one pass: the file’s own and an over-large 扣款 together', async () => {
    const { db, id } = submittedOctober();
    const wb = await downloaded(db, id);
    const ws = wb.getWorksheet(RESULT_SHEET)!;
    rowNamed(ws, '王秀英').getCell(6).value = '不通过';
    const li = rowNamed(ws, '李建国');
    li.getCell(6).value = '扣款';
    li.getCell(7).value = 2000;
    li.getCell(8).value = '护理记录不完整';
    const said = (await refusal(previewResultFile(db, id, await asFile(wb)))).join('\n');
    expect(said).toMatch(/第\d+行 审核结果“不通过”应为 通过、扣款 或 拒付/);
    expect(said).toMatch(/第\d+行 李建国（330205\*+0037） 李建国 的扣款金额 2,000\.00 元超过了申报的基金支付金额 1,860\.00 元/);
    expect(said).not.toContain(LI);
    expect(getClaim(db, id)?.summary.status).toBe('submitted');
  });

  it('refuses a name that is not the ID number’s, and a changed 申报基金支付, each with its row', async () => {
    const { db, id } = submittedOctober();
    const wb = await downloaded(db, id);
    const ws = wb.getWorksheet(RESULT_SHEET)!;
    const h = headerRow(ws);
    rowNamed(ws, '王秀英').getCell(3).value = '王秀兰';
    rowNamed(ws, '李建国').getCell(5).value = 1680;
    const said = await refusal(applyResultFile(db, id, await asFile(wb), 't'));
    expect(said).toContain(`第${h + 1}行 王秀英（330205********0028） 姓名“王秀兰”与身份证号 330205********0028 的申报对象“王秀英”不符`);
    expect(said).toContain(`第${h + 2}行 李建国（330205********0037） 申报基金支付被改成了 1,680.00 元，申报的是 1,860.00 元（此列不要修改）`);
    expect(db.raw.prepare('SELECT count(*) FROM claim_results').pluck().get()).toBe(0);
  });

  it('reads a result filled in the first template layout (headers on row 1, no 序号, instructions below)', async () => {
    const { db, id } = submittedOctober();
    // the layout `ltc result-template` wrote before issue 11, as institutions have it filled
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('审核结果');
    ws.addRow(['身份证号', '姓名', '护理方式', '申报基金支付（元）', '审核结果（通过/扣款/拒付）', '扣款金额（元）', '原因']);
    ws.addRow([WANG, '王秀英', '机构护理', 600, '通过', null, null]);
    ws.addRow([LI, '李建国', '机构护理', 1860, '扣款', 120, '护理记录不完整']);
    ws.addRow([CHEN, '陈淑芬', '居家护理', 152, '拒付', null, '未签字']);
    ws.addRow([]);
    ws.addRow(['2026-10 结算审核结果：请按经办机构的审核通知填写“审核结果”；扣款须填扣款金额和原因，拒付须填原因。']);
    await applyResultFile(db, id, await asFile(wb, '2026-10-审核结果.xlsx'), '张会计');
    expect(reconciliation(db).months[0]).toMatchObject({ claimedFundFen: 261200, paidFundFen: 261200 - 12000 - 15200, deductedFen: 27200 });
  });
});

describe('a corrected result', () => {
  async function settledWithDeduction() {
    const o = submittedOctober();
    const wb = await downloaded(o.db, o.id);
    const ws = wb.getWorksheet(RESULT_SHEET)!;
    rowNamed(ws, '李建国').getCell(6).value = '扣款';
    rowNamed(ws, '李建国').getCell(7).value = 120;
    rowNamed(ws, '李建国').getCell(8).value = '护理记录不完整';
    await applyResultFile(o.db, o.id, await asFile(wb), '张会计');
    return o;
  }

  it('is refused without asking to replace, with the way to do it', async () => {
    const { db, id } = await settledWithDeduction();
    const said = (await refusal(applyResultFile(db, id, await asFile(await downloaded(db, id)), 't'))).join('\n');
    expect(said).toContain('已导入过审核结果');
    expect(said).toContain('导入更正的审核结果');
    expect(said).toContain('--replace');
  });

  it('replaces the settled result: previewed with what it replaces, the old rows kept, audited', async () => {
    const { db, id } = await settledWithDeduction();
    const wb = await downloaded(db, id);
    const ws = wb.getWorksheet(RESULT_SHEET)!;
    // the agency's corrected notice: 李建国 deducted 80.00 instead of 120.00
    rowNamed(ws, '李建国').getCell(7).value = 80;
    const file = await asFile(wb, '更正.xlsx');
    const base64 = Buffer.from(file.bytes).toString('base64');
    const preview = await api(db).call('claims.previewResult', { claimId: id, file: { name: file.name, base64 }, replace: true });
    expect(preview.replaces).toMatchObject({ paidFundFen: 261200 - 12000, deductedFen: 12000 });
    expect(preview.paidFundFen).toBe(261200 - 8000);
    await api(db).call('claims.importResult', {
      claimId: id,
      file: { name: file.name, base64 },
      replace: true,
      correctionReason: '  经办机构更正通知：李建国扣款改为80元  ',
    });

    expect(getClaim(db, id)?.summary.status).toBe('settled');
    expect(currentResult(db, id).get(`${LI}/institutional`)).toMatchObject({ result: 'deducted', deductedFen: 8000 });
    expect(reconciliation(db).months[0]).toMatchObject({ paidFundFen: 261200 - 8000, deductedFen: 8000 });
    // both kept: the replaced result with when and by whom it was replaced
    const old = db.raw.prepare('SELECT id_number, result, deducted_fen, replaced_by FROM claim_results_replaced WHERE claim_id = ? ORDER BY id').all(id) as {
      id_number: string;
      deducted_fen: number;
    }[];
    expect(old).toHaveLength(3);
    expect(old.find((r) => r.id_number === LI)).toMatchObject({ result: 'deducted', deducted_fen: 12000 });
    const audit = db.raw
      .prepare("SELECT action, before_json, after_json FROM audit_log WHERE entity = 'claim' AND action IN ('settle', 'resettle') ORDER BY id")
      .all() as {
      action: string;
      before_json: string | null;
      after_json: string;
    }[];
    // the screen's history: the result in force first, then the one it replaced, with when and by whom
    const history = await api(db).call('claims.resultHistory', { claimId: id });
    expect(history.map((h) => [h.replacedAt === null, h.replacedBy, h.deductedFen, h.paidFundFen, h.counts])).toEqual([
      [true, null, 8000, 261200 - 8000, { accepted: 2, deducted: 1, rejected: 0 }],
      [false, '张会计', 12000, 261200 - 12000, { accepted: 2, deducted: 1, rejected: 0 }],
    ]);
    // why it was corrected, trimmed, with the result it brought in; the first result was no correction
    expect(history.map((h) => h.correctionReason)).toEqual(['经办机构更正通知：李建国扣款改为80元', null]);
    expect(audit.map((a) => a.action)).toEqual(['settle', 'resettle']);
    expect(JSON.parse(audit[1]!.before_json ?? '{}')).toMatchObject({ deductedFen: 12000, paidFundFen: 261200 - 12000 });
    expect(JSON.parse(audit[1]!.after_json)).toMatchObject({
      deductedFen: 8000,
      paidFundFen: 261200 - 8000,
      correctionReason: '经办机构更正通知：李建国扣款改为80元',
    });
  });

  it('takes a reason: refused without one, with spaces only, too long or with invisible characters, and nothing changes', async () => {
    const { db, id } = await settledWithDeduction();
    const wb = await downloaded(db, id);
    rowNamed(wb.getWorksheet(RESULT_SHEET)!, '李建国').getCell(7).value = 80;
    const file = await asFile(wb, '更正.xlsx');
    const base64 = Buffer.from(file.bytes).toString('base64');
    const call = (correctionReason?: string) =>
      refusal(
        api(db).call('claims.importResult', {
          claimId: id,
          file: { name: file.name, base64 },
          replace: true,
          ...(correctionReason === undefined ? {} : { correctionReason }),
        }),
      );
    for (const said of [await call(), await call('   ')]) expect(said.join('\n')).toMatch(/更正原因/);
    expect((await call('更'.repeat(201))).join('\n')).toContain('更正原因最多200个字');
    expect((await call('更正\u202E通知')).join('\n')).toMatch(/更正原因含有看不见的控制字符/);
    // the service itself asks too (the command line calls it without the contract)
    expect((await refusal(applyResultFile(db, id, file, '张会计', { replace: true }))).join('\n')).toContain('须填写更正原因');
    expect(currentResult(db, id).get(`${LI}/institutional`)).toMatchObject({ deductedFen: 12000 });
    expect((await api(db).call('claims.resultHistory', { claimId: id })).map((h) => h.deductedFen)).toEqual([12000]);
    // 200 characters is within bounds
    await api(db).call('claims.importResult', { claimId: id, file: { name: file.name, base64 }, replace: true, correctionReason: '更'.repeat(200) });
    expect(currentResult(db, id).get(`${LI}/institutional`)).toMatchObject({ deductedFen: 8000 });
  });
});
