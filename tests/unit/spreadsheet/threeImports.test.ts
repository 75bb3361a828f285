/**
 * One spreadsheet module behind every import (docs/architecture.md): the same odd file or cell given to
 * the visit import, the roster import and the agency-result import is read, or refused, alike. A user
 * who learned what one import says about an old .xls or an ID number Excel rounded meets the same words
 * in the others. The sample institution's 陈淑芬 (33020519410923006X) is in each.
 */
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { writeClaim } from '../../../electron/services/claims/claimStore';
import { computeMonthClaim } from '../../../electron/services/claims/monthClaim';
import { readResultFile, RESULT_SHEET, resultTemplate } from '../../../electron/services/claims/results';
import { importDataset } from '../../../electron/services/dataset/importDataset';
import { openDatabase } from '../../../electron/services/db/database';
import { filledTemplate, upload as rosterUpload } from '../roster/support';
import { sample, tempDir, track } from '../services/helpers';
import { api } from '../staff/support';
import { sampleDb, upload, visits } from '../visits/support';

const CHEN = '33020519410923006X';
/** As typed with a Chinese IME in full-width mode, with a space and a lower-case x. */
const CHEN_FULL_WIDTH = '３３０２０５ １９４１０９２３００６ｘ';
/** What Excel keeps of her number typed into a number cell: 15 significant digits. */
const CHEN_AS_NUMBER = 330205194109230000;

const OLD_XLS = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);
const DAMAGED_XLSX = Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.from('not really a workbook')]);

/** The three imports, each given a file and answering what it read or why it refused (the message). */
async function visitImport(name: string, bytes: Buffer) {
  return visits(sampleDb())('visits.importPreview', { file: upload(name, bytes) });
}
async function rosterImport(name: string, bytes: Buffer) {
  const db = sampleDb();
  return api(db).call('roster.preview', { file: rosterUpload(bytes, name) });
}
async function resultImport(name: string, bytes: Buffer) {
  return readResultFile(name, new Uint8Array(bytes));
}
const refusal = (p: Promise<unknown>): Promise<string> =>
  p.then(
    () => 'accepted',
    // the dispatcher's caller in tests/unit/staff/support.ts puts the error's code before its message
    (e: unknown) => (e as Error).message.replace(/^[A-Z_]+: /, ''),
  );

async function visitWorkbook(id: string | number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('记录');
  ws.addRow(['服务对象身份证号', '服务对象姓名', '护理人员姓名', '开始时间', '结束时间', '服务项目编码', '签字确认']);
  ws.addRow([id, '陈淑芬', '施银萍', '2026-10-20 09:00', '2026-10-20 10:00', 'LC01', '是']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function resultWorkbook(id: string | number): Promise<Buffer> {
  const db = track(openDatabase(path.join(tempDir(), 'result.db')));
  importDataset(db, sample(), { actor: 't' });
  const claim = computeMonthClaim(db, '2026-10');
  db.transaction(() =>
    writeClaim(db, {
      claim,
      seq: 0,
      status: 'submitted',
      computedAt: '2026-11-05T10:00:00.000+08:00',
      generatedOn: '2026-11-05',
      submittedAt: '2026-11-05T10:00:00.000+08:00',
      submittedBy: '张会计',
    }),
  );
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await resultTemplate(claim.lines, claim.month)) as unknown as ArrayBuffer);
  wb.getWorksheet(RESULT_SHEET)!.eachRow((row) => {
    // 身份证号 is the template's second column, after 序号
    if (row.getCell(2).value === CHEN) row.getCell(2).value = id;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('the same file or cell in the three imports', () => {
  it('an old .xls is refused by each with the same words: save it as .xlsx', async () => {
    const said = await Promise.all([
      refusal(visitImport('记录.xls', OLD_XLS)),
      refusal(rosterImport('花名册.xls', OLD_XLS)),
      refusal(resultImport('审核结果.xls', OLD_XLS)),
    ]);
    expect(new Set(said), said.join(' | ')).toHaveLength(1);
    expect(said[0]).toContain('不支持旧版 Excel（.xls）');
    expect(said[0]).toContain('.xlsx');
  });

  it('a damaged workbook is refused by each, naming the file', async () => {
    const said = await Promise.all([
      refusal(visitImport('记录.xlsx', DAMAGED_XLSX)),
      refusal(rosterImport('记录.xlsx', DAMAGED_XLSX)),
      refusal(resultImport('记录.xlsx', DAMAGED_XLSX)),
    ]);
    expect(new Set(said), said.join(' | ')).toHaveLength(1);
    expect(said[0]).toContain('无法读取“记录.xlsx”');
  });

  it('an ID number Excel stored as a number is an error in each: its last digits are gone', async () => {
    const visit = await visitImport('记录.xlsx', await visitWorkbook(CHEN_AS_NUMBER));
    expect(visit.rows[0]!.errors).toContainEqual({ column: '服务对象身份证号', message: expect.stringContaining('被 Excel 存成了数字') });

    const roster = await rosterImport('花名册.xlsx', await filledTemplate(sampleDb(), { 服务对象: [{ 姓名: '陈淑芬', 身份证号: CHEN_AS_NUMBER }] }));
    expect(roster.rows[0]!.issues).toContainEqual({ severity: 'error', column: '身份证号', message: expect.stringContaining('被 Excel 存成了数字') });

    const result = await refusal(resultImport('审核结果.xlsx', await resultWorkbook(CHEN_AS_NUMBER)));
    expect(result).toContain('审核结果有 1 处问题');
    await resultImport('审核结果.xlsx', await resultWorkbook(CHEN_AS_NUMBER)).catch((e: { problems: { message: string }[] }) => {
      expect(e.problems[0]!.message).toContain('被 Excel 存成了数字');
    });
  });

  it('an ID number typed in full-width digits, with a space and a lower-case x, finds the same person in each', async () => {
    const visit = await visitImport('记录.xlsx', await visitWorkbook(CHEN_FULL_WIDTH));
    expect(visit.rows[0]).toMatchObject({ residentName: '陈淑芬', errors: [] });

    const roster = await rosterImport('花名册.xlsx', await filledTemplate(sampleDb(), { 服务对象: [{ 姓名: '陈淑芬', 身份证号: CHEN_FULL_WIDTH }] }));
    expect(roster.rows[0]).toMatchObject({ name: '陈淑芬', match: 'existing' });

    const lines = await resultImport('审核结果.xlsx', await resultWorkbook(CHEN_FULL_WIDTH));
    expect(lines.map((l) => l.idNumber)).toContain(CHEN);
  });
});

describe('a CSV cut short (a copy or download that did not finish)', () => {
  const HEADER = '外部编号,服务对象身份证号,服务对象姓名,护理人员姓名,开始时间,结束时间,服务项目编码,签字确认';
  const ROW = (ref: string, day: number) => `${ref},${CHEN},陈淑芬,施银萍,2026-10-${day} 09:00,2026-10-${day} 10:00,LC01,是`;
  const whole = `${HEADER}\r\n${ROW('EX0121', 20)}\r\n${ROW('EX0122', 21)}\r\n`;

  it('is refused whole, naming its last row, when it ends in the middle of a row: nothing is half imported', async () => {
    const cut = whole.slice(0, whole.indexOf('EX0122') + 2); // "…\r\nEX"
    const said = await refusal(visitImport('记录.csv', Buffer.from(cut)));
    expect(said).toBe(
      'CSV 文件的最后一行（第 3 行）不完整：只有 1 列，表头有 8 列，且文件末尾没有换行——文件可能没有复制或下载完整。请重新导出完整的文件后再导入（没有导入任何内容）',
    );
  });

  it('the whole file, with or without a line break at its end, is read with both rows', async () => {
    for (const text of [whole, whole.trimEnd()]) {
      const preview = await visitImport('记录.csv', Buffer.from(text));
      expect(preview.rows.map((r) => [r.row, r.errors])).toEqual([
        [2, []],
        [3, []],
      ]);
    }
  });
});
