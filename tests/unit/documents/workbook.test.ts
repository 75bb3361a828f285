import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { claimWorkbook } from '../../../electron/services/documents/workbook';
import { dosDateTime } from '../../../electron/services/documents/zipDates';
import expected from '../../fixtures/sample-ningbo.expected-2026-10.json';
import { GENERATED_ON, have, run, sampleInput, tempDir } from './support';

/** Every (time, date) pair of the zip's central directory and local headers. */
function zipStamps(zip: Uint8Array): string[] {
  const v = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const stamps: string[] = [];
  for (let at = 0; at + 4 <= zip.length; at++) {
    const sig = v.getUint32(at, true);
    if (sig === 0x02014b50) stamps.push(`${v.getUint16(at + 12, true)}/${v.getUint16(at + 14, true)}`);
    if (sig === 0x04034b50) stamps.push(`${v.getUint16(at + 10, true)}/${v.getUint16(at + 12, true)}`);
  }
  return stamps;
}

async function readBack(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return wb;
}

describe('claim.xlsx of the sample October claim', () => {
  const claim = sampleInput().claim;
  let bytes: Uint8Array;
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    bytes = await claimWorkbook(claim, GENERATED_ON, { policyTitle: '宁波市长期护理保险（2022）' });
    wb = await readBack(bytes);
  });
  afterEach(() => vi.useRealTimers());

  it('has the sheets 汇总 and 明细', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', '明细']);
  });

  it('明细: one row per line, Chinese headers, whole ID numbers as text, amounts as numbers in yuan', () => {
    const ws = wb.getWorksheet('明细');
    if (!ws) throw new Error('no 明细');
    expect(ws.getRow(1).values).toEqual([
      undefined,
      '序号',
      '姓名',
      '身份证号',
      '护理方式',
      '等级',
      '床日',
      '服务分钟',
      '服务次数',
      '费用合计',
      '基金支付',
      '个人负担',
    ]);
    expected.lines.forEach((line, i) => {
      const row = ws.getRow(i + 2);
      expect(row.getCell(1).value).toBe(i + 1);
      expect(row.getCell(2).value).toBe(line.name);
      expect(row.getCell(3).value).toBe(line.idNumber);
      expect(row.getCell(5).value).toBe(line.level);
      expect(row.getCell(6).value).toBe(line.billableDays);
      expect(row.getCell(7).value).toBe(line.coveredMinutes);
      expect(row.getCell(9).value).toBe(line.feeFen / 100);
      expect(row.getCell(10).value).toBe(line.fundFen / 100);
      expect(row.getCell(11).value).toBe(line.personalFen / 100);
      for (const c of [9, 10, 11]) expect(row.getCell(c).numFmt).toBe('#,##0.00');
    });
    expect(ws.getRow(2).getCell(4).value).toBe('机构护理');
    expect(ws.getRow(4).getCell(4).value).toBe('居家护理');
  });

  it('明细: a totals row equal to the claim totals, a frozen header, set column widths', () => {
    const ws = wb.getWorksheet('明细');
    if (!ws) throw new Error('no 明细');
    const total = ws.getRow(expected.lines.length + 2);
    expect(total.getCell(1).value).toBe('合计');
    expect(total.getCell(6).value).toBe(43);
    expect(total.getCell(7).value).toBe(190);
    expect(total.getCell(9).value).toBe(4370);
    expect(total.getCell(10).value).toBe(2612);
    expect(total.getCell(11).value).toBe(1758);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getColumn(3).width).toBe(22);
  });

  it('汇总: institution, month, policy and totals, amounts as numbers', () => {
    const ws = wb.getWorksheet('汇总');
    if (!ws) throw new Error('no 汇总');
    const byItem = new Map<string, unknown>();
    ws.eachRow((row) => byItem.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(byItem.get('机构名称')).toBe('宁波市江北区颐康护理院');
    expect(byItem.get('统一社会信用代码')).toBe('91110000600037341L');
    expect(byItem.get('定点机构编码')).toBe('H33020500008');
    expect(byItem.get('结算月份')).toBe('2026年10月');
    expect(byItem.get('政策编号')).toBe('ningbo-2022');
    expect(byItem.get('政策版本')).toBe(claim.policy.version);
    expect(byItem.get('人数')).toBe(3);
    expect(byItem.get('床日')).toBe(43);
    expect(byItem.get('服务时长（小时）')).toBe(3.17);
    expect(byItem.get('服务次数')).toBe(3);
    expect(byItem.get('费用合计（元）')).toBe(4370);
    expect(byItem.get('基金支付（元）')).toBe(2612);
    expect(byItem.get('个人负担（元）')).toBe(1758);
  });

  it('carries the printed date, not the clock, in its properties and every zip entry', async () => {
    expect(wb.creator).toBe('长护助手');
    expect(wb.created.toISOString()).toBe('2026-11-04T16:00:00.000Z');
    const { date, time } = dosDateTime(GENERATED_ON);
    const stamps = zipStamps(bytes);
    expect(stamps.length).toBeGreaterThan(10);
    expect(new Set(stamps)).toEqual(new Set([`${time}/${date}`]));
  });

  it('gives the same bytes whatever the clock says', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2030-01-01T03:04:05Z'));
    const a = await claimWorkbook(claim, GENERATED_ON);
    vi.setSystemTime(new Date('2031-06-07T08:09:10Z'));
    const b = await claimWorkbook(claim, GENERATED_ON);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it('opens in LibreOffice, whose CSV export shows the totals', (ctx) => {
    if (!have('soffice')) return ctx.skip('LibreOffice (soffice) not installed: cannot check the workbook opens outside exceljs');
    const dir = tempDir();
    const file = join(dir, 'claim.xlsx');
    writeFileSync(file, bytes);
    // Own profile dir: a second soffice on the machine must not make this one hand off and exit.
    // Filter tokens: 9 = true saves cells as shown (the number format applies), 12 = -1 exports
    // every sheet, one CSV each (LibreOffice 7.2+).
    run(
      'soffice',
      [
        `-env:UserInstallation=file://${dir}/profile`,
        '--headless',
        '--convert-to',
        'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1',
        '--outdir',
        dir,
        file,
      ],
      120_000,
    );
    const csvs = readdirSync(dir).filter((f) => f.endsWith('.csv'));
    const read = (sheet: string) => readFileSync(join(dir, csvs.find((f) => f.includes(sheet)) ?? csvs[0] ?? ''), 'utf8');
    expect(csvs.length).toBe(2);
    const detail = read('明细');
    expect(detail).toContain('330205193804120028');
    expect(detail).toMatch(/合计,3人,,,,43,190,3,"4,370.00","2,612.00","1,758.00"/);
    expect(read('汇总')).toContain('"4,370.00"');
  }, 130_000);
});
