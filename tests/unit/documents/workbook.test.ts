import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { packageData } from '../../../electron/services/documents/packageData';
import { claimWorkbook } from '../../../electron/services/documents/workbook';
import { dosDateTime } from '../../../electron/services/documents/zipDates';
import type { Dataset } from '../../../shared/domain/model';
import { idNumber } from '../../support/builders';
import { claimFor } from '../../support/claimFor';
import expected from '../../fixtures/sample-ningbo.expected-2026-10.json';
import { GENERATED_ON, have, MONTH, run, sampleInput, sampleRecords, tempDir } from './support';

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

function sheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
}

/** The row whose first cell says `text` (a header row starts with 序号, the totals with 合计). */
function rowOf(ws: ExcelJS.Worksheet, text: string): number {
  for (let r = 1; r <= ws.rowCount; r++) if (ws.getRow(r).getCell(1).value === text) return r;
  throw new Error(`no row starting ${text} in ${ws.name}`);
}

const cells = (ws: ExcelJS.Worksheet, r: number) => (ws.getRow(r).values as unknown[]).slice(1);

/** As the PDFs write a level (DOMAIN.md's names of the levels). */
const LEVELS: Record<number, string> = { 3: '3级（重度失能Ⅰ级）', 4: '4级（重度失能Ⅱ级）', 5: '5级（重度失能Ⅲ级）' };

/** The sample institution `times` over: each resident (and its visits) copied with an ID number of its own. */
function scaledRecords(times: number): Dataset {
  const base = sampleRecords();
  const out: Dataset = { ...base, residents: [], staff: [], visits: [] };
  for (let k = 0; k < times; k++) {
    base.residents.forEach((r, i) => {
      out.residents.push({ ...r, ref: `${r.ref}-${k}`, name: `${r.name}${k}`, idNumber: idNumber('1940-02-02', k * 10 + i + 1) });
    });
    // caregivers copied too: one caregiver at forty homes at once would be overlapping visits
    base.staff.forEach((s, i) => out.staff.push({ ...s, ref: `${s.ref}-${k}`, idNumber: idNumber('1980-03-03', k * 10 + i + 1) }));
    for (const v of base.visits) out.visits.push({ ...v, ref: `${v.ref}-${k}`, resident: `${v.resident}-${k}`, staff: `${v.staff}-${k}` });
  }
  return out;
}

async function workbookOf(records: Dataset, opts: { draft?: boolean } = {}) {
  const claim = claimFor(records, MONTH);
  const data = packageData(claim, records);
  return claimWorkbook(claim, GENERATED_ON, { policyTitle: '宁波市长期护理保险（2022）', data, ...opts });
}

describe('claim.xlsx of the sample October claim', () => {
  const claim = sampleInput().claim;
  let bytes: Uint8Array;
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    bytes = await workbookOf(sampleRecords());
    wb = await readBack(bytes);
  });
  afterEach(() => vi.useRealTimers());

  it('has the sheets 汇总, 明细, 服务记录 and 床日', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', '明细', '服务记录', '床日']);
  });

  it('明细: a title, whose and which month, then a header with units', () => {
    const ws = sheet(wb, '明细');
    expect(ws.getRow(1).getCell(1).value).toBe('长期护理保险结算申报明细');
    expect(String(ws.getRow(2).getCell(1).value)).toContain('宁波市江北区颐康护理院');
    expect(String(ws.getRow(2).getCell(1).value)).toContain('2026年10月');
    const h = rowOf(ws, '序号');
    expect(cells(ws, h)).toEqual([
      '序号',
      '姓名',
      '身份证号',
      '护理方式',
      '失能等级',
      '床日（天）',
      '服务时长（分钟）',
      '服务次数（次）',
      '费用合计（元）',
      '基金支付（元）',
      '个人负担（元）',
    ]);
    expect(ws.getRow(h).getCell(1).font?.bold).toBe(true);
  });

  it('明细: one row per line, levels as on the PDFs, whole ID numbers as text, amounts as numbers in yuan', () => {
    const ws = sheet(wb, '明细');
    const h = rowOf(ws, '序号');
    expected.lines.forEach((line, i) => {
      const row = ws.getRow(h + 1 + i);
      expect(row.getCell(1).value).toBe(i + 1);
      expect(row.getCell(2).value).toBe(line.name);
      expect(row.getCell(3).value).toBe(line.idNumber);
      expect(row.getCell(5).value).toBe(LEVELS[line.level]);
      expect(row.getCell(6).value).toBe(line.billableDays);
      expect(row.getCell(7).value).toBe(line.coveredMinutes);
      expect(row.getCell(9).value).toBe(line.feeFen / 100);
      expect(row.getCell(10).value).toBe(line.fundFen / 100);
      expect(row.getCell(11).value).toBe(line.personalFen / 100);
      for (const c of [9, 10, 11]) expect(row.getCell(c).numFmt).toBe('#,##0.00');
    });
    expect(ws.getRow(h + 1).getCell(4).value).toBe('机构护理');
    expect(ws.getRow(h + 3).getCell(4).value).toBe('居家护理');
    expect(ws.getRow(h + 1).getCell(5).value).toBe('4级（重度失能Ⅱ级）');
  });

  it('明细: 合计 on its own row after a blank row, outside the autofilter; header frozen and repeated on every printed page', () => {
    const ws = sheet(wb, '明细');
    const h = rowOf(ws, '序号');
    const last = h + expected.lines.length;
    expect(ws.getRow(last + 1).cellCount === 0 || cells(ws, last + 1).every((v) => v === undefined || v === null)).toBe(true);
    const totalRow = rowOf(ws, '合计');
    expect(totalRow).toBe(last + 2);
    const total = ws.getRow(totalRow);
    expect(total.getCell(6).value).toBe(43);
    expect(total.getCell(7).value).toBe(190);
    expect(total.getCell(9).value).toBe(4370);
    expect(total.getCell(10).value).toBe(2612);
    expect(total.getCell(11).value).toBe(1758);
    expect(total.font?.bold).toBe(true);
    expect(ws.autoFilter).toBe(`A${h}:K${last}`);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: h });
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `1:${h}` });
  });

  it('服务记录: every visit of the month with date, start, end, minutes, caregiver, items, 计入/不计入 and why, filterable', () => {
    const ws = sheet(wb, '服务记录');
    const h = rowOf(ws, '序号');
    expect(cells(ws, h)).toEqual([
      '序号',
      '明细序号',
      '姓名',
      '身份证号',
      '服务日期',
      '开始',
      '结束',
      '时长（分钟）',
      '护理人员',
      '服务项目',
      '签字确认',
      '结算',
      '原因',
    ]);
    const rows = Array.from({ length: 6 }, (_, i) => cells(ws, h + 1 + i));
    // the sample's six visits of 陈淑芬 (明细 序号 3): three counted, v4 too short, v5 needs a nurse, v6 unconfirmed
    expect(rows.map((r) => [r[1], r[2], r[4], r[5], r[6], r[7], r[8], r[11]])).toEqual([
      [3, '陈淑芬', '2026-10-02', '09:00', '10:00', 60, '施银萍', '计入'],
      [3, '陈淑芬', '2026-10-09', '09:00', '10:30', 90, '施银萍', '计入'],
      [3, '陈淑芬', '2026-10-12', '15:00', '15:40', 40, '陈淑霞', '计入'],
      [3, '陈淑芬', '2026-10-16', '09:00', '09:20', 20, '施银萍', '不计入'],
      [3, '陈淑芬', '2026-10-23', '09:00', '10:00', 60, '施银萍', '不计入'],
      [3, '陈淑芬', '2026-10-30', '09:00', '10:00', 60, '施银萍', '不计入'],
    ]);
    expect(rows[0]?.[3]).toBe('33020519410923006X');
    expect(String(rows[3]?.[12])).toMatch(/时长/);
    expect(String(rows[4]?.[12])).toMatch(/护士/);
    expect(String(rows[5]?.[12])).toMatch(/确认/);
    expect(ws.autoFilter).toBe(`A${h}:M${h + 6}`);
    expect(rowOf(ws, '合计')).toBe(h + 8);
  });

  it('床日: one row per institutional resident, 31 day columns with a mark per day, then the day totals', () => {
    const ws = sheet(wb, '床日');
    const h = rowOf(ws, '序号');
    const head = cells(ws, h);
    expect(head.slice(0, 5)).toEqual(['序号', '姓名', '身份证号', '失能等级', '床位']);
    expect(head.slice(5, 36)).toEqual(Array.from({ length: 31 }, (_, i) => String(i + 1)));
    expect(head.slice(36)).toEqual(['在院（天）', '住院（天）', '请假（天）', '计费床日（天）']);
    // 王秀英: admitted 10-10, in hospital 10-15 to 10-17 (back 10-18), discharged 10-25 (算入不算出, DOMAIN.md)
    const wang = cells(ws, h + 1);
    expect(wang.slice(0, 5)).toEqual([1, '王秀英', '330205193804120028', '4级（重度失能Ⅱ级）', '2-201-1']);
    const days = Array.from({ length: 31 }, (_, i) => wang[5 + i] ?? '');
    expect(days.join(',')).toBe(',,,,,,,,,入,✓,✓,✓,✓,H,H,H,✓,✓,✓,✓,✓,✓,✓,出,,,,,,');
    expect(wang[39]).toBe(12);
    const li = cells(ws, h + 2);
    expect(li.slice(0, 2)).toEqual([2, '李建国']);
    expect(li.slice(5, 36)).toEqual(Array.from({ length: 31 }, () => '✓'));
    expect(li[39]).toBe(31);
    const total = ws.getRow(rowOf(ws, '合计'));
    expect(total.getCell(40).value).toBe(43);
    expect(ws.autoFilter).toBe(`A${h}:AN${h + 2}`);
  });

  it('汇总: institution, month, policy and totals, amounts as numbers', () => {
    const ws = sheet(wb, '汇总');
    const byItem = new Map<string, unknown>();
    ws.eachRow((row) => byItem.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(byItem.get('机构名称')).toBe('宁波市江北区颐康护理院');
    expect(byItem.get('统一社会信用代码')).toBe('91110000600037341L');
    expect(byItem.get('定点机构编码')).toBe('H33020500008');
    expect(byItem.get('结算月份')).toBe('2026年10月');
    // nothing printed names the pack by its internal id (issue 11): its title and version only
    expect(byItem.get('政策编号')).toBeUndefined();
    expect([...byItem.values()].map(String)).not.toContain('ningbo-2022');
    expect(byItem.get('政策版本')).toBe(claim.policy.version);
    expect(byItem.get('人数')).toBe(3);
    expect(byItem.get('床日')).toBe(43);
    expect(byItem.get('服务时长（小时）')).toBe(3.17);
    expect(byItem.get('服务次数')).toBe(3);
    expect(byItem.get('费用合计（元）')).toBe(4370);
    expect(byItem.get('基金支付（元）')).toBe(2612);
    expect(byItem.get('个人负担（元）')).toBe(1758);
  });

  it('a draft says 草稿 in a row above every sheet’s title', async () => {
    const draft = await readBack(await workbookOf(sampleRecords(), { draft: true }));
    for (const ws of draft.worksheets) {
      expect(String(ws.getRow(1).getCell(1).value), ws.name).toMatch(/^草稿/);
      expect(ws.pageSetup.printTitlesRow, ws.name).toBe(`1:${rowOf(ws, ws.name === '汇总' ? '项目' : '序号')}`);
    }
    for (const ws of wb.worksheets) expect(String(ws.getRow(1).getCell(1).value)).not.toMatch(/草稿/);
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
    const a = await workbookOf(sampleRecords());
    vi.setSystemTime(new Date('2031-06-07T08:09:10Z'));
    const b = await workbookOf(sampleRecords());
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
    expect(csvs.length).toBe(4);
    const detail = read('明细');
    expect(detail).toContain('330205193804120028');
    expect(detail).toMatch(/合计,3人,,,,43,190,3,"4,370.00","2,612.00","1,758.00"/);
    expect(read('汇总')).toContain('"4,370.00"');
  }, 130_000);
});

describe('claim.xlsx printed by LibreOffice', () => {
  it('prints a long 服务项目 whole: the cell wraps and its row is as tall as its lines', async (ctx) => {
    if (!have('soffice') || !have('pdftotext')) return ctx.skip('LibreOffice or poppler-utils not installed');
    // one visit with fourteen items of the catalogue (interim-42): a 服务项目 of 80 characters, twice the column's width
    const records = sampleRecords();
    const names = [
      '头面部清洁、梳理',
      '洗发',
      '指/趾甲护理',
      '手、足部清洁',
      '温水擦浴',
      '沐浴',
      '协助进食/水',
      '口腔清洁',
      '协助更衣',
      '整理床单位',
      '排泄护理',
      '失禁护理',
      '床上使用便器',
      '人工取便术',
    ];
    const v1 = records.visits.find((v) => v.ref === 'v1');
    if (!v1) throw new Error('the sample has no visit v1');
    v1.items = names.map((_, i) => `LC${String(i + 1).padStart(2, '0')}`);
    const dir = tempDir();
    const file = join(dir, 'claim.xlsx');
    writeFileSync(file, await workbookOf(records));
    run('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file], 120_000);
    const text = run('pdftotext', [join(dir, 'claim.pdf'), '-']).replace(/\s+/g, '');
    expect(text).toContain(names.join('、'));
  }, 180_000);

  it('prints every sheet landscape, each page holding all the columns and the repeated header', async (ctx) => {
    if (!have('soffice') || !have('pdftotext') || !have('pdfinfo')) return ctx.skip('LibreOffice or poppler-utils not installed');
    // 40 copies of the sample: 120 lines, 240 visits, 80 bed-day rows: several pages per sheet
    const dir = tempDir();
    const file = join(dir, 'claim.xlsx');
    writeFileSync(file, await workbookOf(scaledRecords(40)));
    run('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file], 120_000);
    const pdf = join(dir, 'claim.pdf');
    if (process.env.LTC_KEEP_XLSX_PDF) writeFileSync(process.env.LTC_KEEP_XLSX_PDF, readFileSync(pdf));
    const pages = Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [pdf]))?.[1]);
    // the last column of each sheet, which a page cut in width would lose
    const lastColumn: Record<string, string> = { 明细: '个人负担', 服务记录: '原因', 床日: '计费床日', 汇总: '内容' };
    const seen: Record<string, number> = {};
    for (let p = 1; p <= pages; p++) {
      const info = run('pdfinfo', ['-f', String(p), '-l', String(p), pdf]);
      const [, w, h] = /Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/.exec(info) ?? [];
      expect(Number(w), `page ${p} is landscape`).toBeGreaterThan(Number(h));
      const text = run('pdftotext', ['-f', String(p), '-l', String(p), '-layout', pdf, '-']);
      const name = /(\S+)\s+第 \d+ 页，共 \d+ 页/.exec(text)?.[1];
      expect(Object.keys(lastColumn), `page ${p} has a footer naming its sheet:\n${text.slice(-300)}`).toContain(name);
      seen[name!] = (seen[name!] ?? 0) + 1;
      // header repeated and whole on every page: the first and the last column's heading
      expect(text, `page ${p} (${name})`).toContain(name === '汇总' ? '项目' : '序号');
      expect(text, `page ${p} (${name})`).toContain(lastColumn[name!]);
    }
    expect(seen['明细']).toBeGreaterThan(1);
    expect(seen['服务记录']).toBeGreaterThan(1);
    expect(seen['床日']).toBeGreaterThan(1);
  }, 180_000);
});
