/**
 * A row bomb (issue 16 §4): a small .xlsx holding hundreds of thousands of tiny rows. A 30 MB one of 6
 * million rows once took the host down (heap out of memory) because it was loaded whole before its rows
 * were counted. Every workbook import now counts while streaming and stops at its limit, saying so.
 */
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readResultFile } from '../../../electron/services/claims/resultFile';
import { previewRotaImport } from '../../../electron/services/rota/rotaImport';
import { upload as rosterUpload } from '../roster/support';
import { api } from '../staff/support';
import { sampleDb, upload, visits } from '../visits/support';

const ROWS = 200_000;
let bomb: Buffer;

beforeAll(async () => {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: false });
  const ws = wb.addWorksheet('记录');
  for (let r = 1; r <= ROWS; r++) ws.addRow(['x']).commit();
  ws.commit();
  await wb.commit();
  bomb = Buffer.concat(chunks);
  expect(bomb.length).toBeLessThan(2_000_000); // a file any mail or USB stick carries
});

const refusal = (p: Promise<unknown>): Promise<string> =>
  p.then(
    () => 'accepted',
    (e: unknown) => (e as Error).message.replace(/^[A-Z_]+: /, ''),
  );

describe('a workbook of 200,000 tiny rows is refused by every import, counted while streaming', () => {
  it('the visit import (50,000 rows at most)', async () => {
    expect(await refusal(visits(sampleDb())('visits.importPreview', { file: upload('记录.xlsx', bomb) }))).toBe(
      '“记录.xlsx”的工作表“记录”超过 50020 行，超出一次可导入的上限，没有导入任何内容：请拆分后分批导入',
    );
  });

  it('the roster import, the agency’s result and the rota', async () => {
    expect(await refusal(api(sampleDb()).call('roster.preview', { file: rosterUpload(bomb, '花名册.xlsx') }))).toMatch(
      /^“花名册\.xlsx”的工作表“记录”超过 20020 行/,
    );
    expect(await refusal(readResultFile('审核结果.xlsx', new Uint8Array(bomb)))).toMatch(/^“审核结果\.xlsx”的工作表“记录”超过 100000 行/);
    expect(await refusal(previewRotaImport(sampleDb(), '2026-10', { name: '排班.xlsx', base64: bomb.toString('base64') }))).toMatch(
      /^“排班\.xlsx”的工作表“记录”超过 5000 行/,
    );
  });
});
