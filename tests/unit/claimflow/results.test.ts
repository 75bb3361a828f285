import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { getClaim, writeClaim } from '../../../electron/services/claims/claimStore';
import { reconciliation } from '../../../electron/services/claims/reconciliation';
import { applyResult, applyResultFile, previewResultFile, readResultFile, RESULT_SHEET, resultTemplate } from '../../../electron/services/claims/results';
import { submittedOctober } from './support';

async function filledTemplate(edit: (ws: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const { claim } = submittedOctober();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await resultTemplate(claim.lines, claim.month)) as unknown as ArrayBuffer);
  edit(wb.getWorksheet(RESULT_SHEET)!);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const rowOf = (ws: ExcelJS.Worksheet, name: string) => {
  let found = 0;
  ws.eachRow((r, n) => {
    if (r.getCell(3).value === name) found = n;
  });
  return ws.getRow(found);
};

describe('agency result (审核结果)', () => {
  it('the template lists every claim line, prefilled 通过, with the fund share in yuan as a number', async () => {
    const { claim } = submittedOctober();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await resultTemplate(claim.lines, claim.month)) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet(RESULT_SHEET)!;
    const row = rowOf(ws, '李建国');
    expect(row.getCell(2).value).toBe('330205194501010037');
    expect(row.getCell(5).value).toBe(1860);
    expect(row.getCell(6).value).toBe('通过');
  });

  it('settles the claim: a deduction and a rejection, with the reconciliation of claimed vs paid', async () => {
    const bytes = await filledTemplate((ws) => {
      const a = rowOf(ws, '李建国');
      a.getCell(6).value = '扣款';
      a.getCell(7).value = 120;
      a.getCell(8).value = '护理记录不完整';
      const b = rowOf(ws, '陈淑芬');
      b.getCell(6).value = '拒付';
      b.getCell(8).value = '护理记录不完整';
    });
    const { db, id } = submittedOctober();
    applyResult(db, id, await readResultFile('结果.xlsx', bytes), '张会计');
    expect(getClaim(db, id)?.summary.status).toBe('settled');
    const r = reconciliation(db);
    // claimed fund 2,612.00; deducted 120.00 + 152.00 (rejected in full)
    expect(r.months).toEqual([{ month: '2026-10', claims: 1, settled: 1, claimedFundFen: 261200, paidFundFen: 261200 - 12000 - 15200, deductedFen: 27200 }]);
    expect(r.reasons).toEqual([{ reason: '护理记录不完整', count: 2, deductedFen: 27200 }]);
    expect(r.persons.find((p) => p.name === '王秀英')).toMatchObject({ result: 'accepted', paidFundFen: 60000 });
  });

  it('reads the JSON result format too', async () => {
    const { db, id, claim } = submittedOctober();
    const json = {
      format: 'ltc-claim-result',
      version: 1,
      month: '2026-10',
      lines: claim.lines.map((l) => ({ idNumber: l.idNumber, mode: l.mode, result: 'accepted' })),
    };
    applyResult(db, id, await readResultFile('r.json', new TextEncoder().encode(JSON.stringify(json))), 't');
    expect(reconciliation(db).months[0]?.paidFundFen).toBe(261200);
  });

  it('says where a broken or cut-short JSON result is broken in Chinese, not in V8’s English', async () => {
    const refusal = (text: string): Promise<string> =>
      readResultFile('r.json', new TextEncoder().encode(text)).then(
        () => 'accepted',
        (e: unknown) => (e as Error).message,
      );
    const hint = '请选择本程序导出的审核结果（ltc-claim-result）文件，或下载审核结果模板（.xlsx）填写后导入';
    expect(await refusal('{"format": "ltc-claim-result", "version": 1,')).toBe(
      `文件 r.json 不是有效的 JSON：在第 1 行第 45 列提前结束（文件不完整：可能没有复制或下载完）。${hint}`,
    );
    // broken 100,000 levels deep: the reader that finds the place recursed and overflowed the stack (INTERNAL; found by npm run faults)
    expect(await refusal(`${'['.repeat(100_000)}\u0000${']'.repeat(100_000)}`)).toBe(
      `文件 r.json 不是有效的 JSON：嵌套层数过多（数组或对象套了上万层），无法定位出错的位置。${hint}`,
    );
    expect(await refusal('{"format": \'ltc\'}')).toBe(
      `文件 r.json 不是有效的 JSON：第 1 行第 12 列格式有误（有多余或无法识别的字符，附近的内容：“{"format": 'ltc'}”）。${hint}`,
    );
  });

  it('refuses a JSON result that names another month, or none that exists, and leaves the claim submitted (found by npm run faults)', async () => {
    const { db, id, claim } = submittedOctober();
    for (const month of ['2026-11', '2026-13']) {
      const json = {
        format: 'ltc-claim-result',
        version: 1,
        month,
        lines: claim.lines.map((l) => ({ idNumber: l.idNumber, mode: l.mode, result: 'accepted' })),
      };
      const file = { name: 'r.json', bytes: new TextEncoder().encode(JSON.stringify(json)) };
      const err = await applyResultFile(db, id, file, 't').then(
        () => null,
        (e: unknown) => e as { problems: { path: string; message: string }[] },
      );
      expect(err?.problems).toEqual([{ path: 'month', message: `审核结果文件的结算月份是“${month}”，本申报是 2026-10：请核对是否选错了文件` }]);
      await expect(previewResultFile(db, id, file)).rejects.toThrow();
    }
    expect(getClaim(db, id)?.summary.status).toBe('submitted');
  });

  it('lists every problem of a badly filled sheet, by row, and imports nothing', async () => {
    const bytes = await filledTemplate((ws) => {
      rowOf(ws, '李建国').getCell(6).value = '扣款';
      rowOf(ws, '王秀英').getCell(6).value = '不通过';
    });
    const err = await readResultFile('x.xlsx', bytes).catch((e: unknown) => e as { problems: { path: string; message: string }[] });
    expect(Array.isArray((err as { problems?: unknown }).problems)).toBe(true);
    const messages = (err as { problems: { path: string; message: string }[] }).problems.map((p) => `${p.path} ${p.message}`).join('\n');
    expect(messages).toContain('扣款须填写大于0的扣款金额');
    expect(messages).toContain('审核结果“不通过”应为 通过、扣款 或 拒付');
  });

  it('refuses a result that misses a line or names someone not claimed, and leaves the claim submitted', async () => {
    const { db, id, claim } = submittedOctober();
    const lines = claim.lines.slice(1).map((l) => ({ idNumber: l.idNumber, mode: l.mode, result: 'accepted' as const }));
    lines.push({ idNumber: '11010519491231002X', mode: 'home', result: 'accepted' });
    expect(() => applyResult(db, id, lines, 't')).toThrow(/审核结果与申报不符/);
    expect(getClaim(db, id)?.summary.status).toBe('submitted');
    expect(reconciliation(db).persons.every((p) => p.result === null)).toBe(true);
  });

  it('counts a month’s deduction reasons from that month’s results only', () => {
    const { db, id, claim } = submittedOctober();
    // the same lines filed again as September's claim, for a second month with its own deduction
    const september = { ...claim, month: '2026-09' };
    const sepId = db.transaction(() =>
      writeClaim(db, {
        claim: september,
        seq: 0,
        status: 'submitted',
        computedAt: '2026-10-05T10:00:00.000+08:00',
        generatedOn: '2026-10-05',
        submittedAt: '2026-10-05T10:00:00.000+08:00',
        submittedBy: '张会计',
      }),
    );
    const deductFirst = (reason: string) =>
      claim.lines.map((l, i) =>
        i === 0
          ? { idNumber: l.idNumber, mode: l.mode, result: 'deducted' as const, deductedFen: 5000, reason }
          : { idNumber: l.idNumber, mode: l.mode, result: 'accepted' as const },
      );
    applyResult(db, sepId, deductFirst('超出服务范围'), 't');
    applyResult(db, id, deductFirst('护理记录不完整'), 't');
    expect(reconciliation(db, { month: '2026-10' }).reasons).toEqual([{ reason: '护理记录不完整', count: 1, deductedFen: 5000 }]);
    expect(reconciliation(db, { month: '2026-10' }).months.map((m) => m.month)).toEqual(['2026-10']);
    expect(
      reconciliation(db)
        .reasons.map((r) => r.reason)
        .sort(),
    ).toEqual(['护理记录不完整', '超出服务范围']);
  });
});
