/**
 * 对账 as the clerk files it (issue 11): the screen's 下载对账表 gives an .xlsx in 元 with the month, each
 * person, the 扣款 and 拒付 apart and the reasons grouped; every sheet prints with its title and header;
 * the download is audited. Amounts from the sample's October claim: 王秀英 600.00, 李建国 1,860.00,
 * 陈淑芬 152.00 fund (2,612.00).
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { applyResult } from '../../../electron/services/claims/results';
import { api, submittedOctober } from './support';

function settledOctober() {
  const { db, id, claim } = submittedOctober();
  applyResult(
    db,
    id,
    claim.lines.map((l) =>
      l.name === '李建国'
        ? { idNumber: l.idNumber, mode: l.mode, result: 'deducted' as const, deductedFen: 12050, reason: '护理记录不完整' }
        : l.name === '陈淑芬'
          ? { idNumber: l.idNumber, mode: l.mode, result: 'rejected' as const, reason: '护理记录不完整' }
          : { idNumber: l.idNumber, mode: l.mode, result: 'accepted' as const },
    ),
    '张会计',
  );
  return { db, id };
}

const rows = (ws: ExcelJS.Worksheet) => {
  const out: unknown[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) out.push((ws.getRow(r).values as unknown[]).slice(1));
  return out;
};

describe('the 对账 workbook', () => {
  it('gives the month in 元, 扣款 and 拒付 apart, each person and the reasons grouped; audited as an export', async () => {
    const { db } = settledOctober();
    const file = await api(db).call('claims.reconciliationWorkbook', { month: '2026-10' });
    expect(file.name).toBe('对账-2026-10.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['按月', '按人', '扣款明细', '拒付明细', '原因']);

    const month = wb.getWorksheet('按月')!;
    const m = rows(month);
    expect(String(m[1]?.[0])).toContain('宁波市江北区颐康护理院');
    expect(String(m[1]?.[0])).toContain('2026年10月');
    const h = m.findIndex((r) => r[0] === '月份');
    expect(m[h + 1]).toEqual(['2026-10', 1, 1, 2612, 2612 - 120.5 - 152, 120.5, 152, 0]);
    // 合计 after a blank row, outside the filter
    expect(m[h + 2]?.every((v) => v === undefined || v === null)).toBe(true);
    expect(m[h + 3]?.[0]).toBe('合计');
    expect(month.autoFilter).toBe(`A${h + 1}:H${h + 2}`);
    expect(month.getRow(h + 2).getCell(4).numFmt).toBe('#,##0.00');
    expect(month.pageSetup).toMatchObject({ orientation: 'landscape', fitToWidth: 1, printTitlesRow: `1:${h + 1}` });

    const person = rows(wb.getWorksheet('按人')!);
    expect(person.find((r) => r[3] === '李建国')?.slice(5, 12)).toEqual(['机构护理', 1860, '扣款', 120.5, 0, 1739.5, '护理记录不完整']);
    expect(person.find((r) => r[3] === '陈淑芬')?.slice(5, 12)).toEqual(['居家护理', 152, '拒付', 0, 152, 0, '护理记录不完整']);
    expect(person.find((r) => r[3] === '王秀英')?.slice(7, 12)).toEqual(['通过', 0, 0, 600, '']);

    expect(
      rows(wb.getWorksheet('扣款明细')!)
        .filter((r) => typeof r[0] === 'number')
        .map((r) => r[3]),
    ).toEqual(['李建国']);
    expect(
      rows(wb.getWorksheet('拒付明细')!)
        .filter((r) => typeof r[0] === 'number')
        .map((r) => r[3]),
    ).toEqual(['陈淑芬']);
    // one reason, its deductions and rejections counted apart
    expect(rows(wb.getWorksheet('原因')!).find((r) => r[0] === '护理记录不完整')).toEqual(['护理记录不完整', 1, 120.5, 1, 152, 2, 272.5]);

    const audit = db.raw.prepare("SELECT action, entity, after_json FROM audit_log WHERE action = 'export' ORDER BY id DESC LIMIT 1").get() as {
      entity: string;
      after_json: string;
    };
    expect(audit.entity).toBe('report');
    expect(JSON.parse(audit.after_json)).toMatchObject({ report: '对账', month: '2026-10' });
  });

  it('of every month when none is asked for', async () => {
    const { db } = settledOctober();
    const file = await api(db).call('claims.reconciliationWorkbook', {});
    expect(file.name).toBe('对账.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    expect(String(rows(wb.getWorksheet('按月')!)[1]?.[0])).toContain('全部已申报月份');
  });
});
