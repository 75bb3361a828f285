/**
 * The rota's services on a real database: the default shift types, cells, 发布 and the audited changes
 * after it, the coverage census, the xlsx round trip through the import (the PDF: tests/unit/documents/planningPdfs.test.ts) and
 * 排班建议 (HiGHS), whose draft is judged by the same checks the screen runs.
 */
import { describe, expect, it } from 'vitest';
import type { RotaSuggestion } from '../../../shared/api/rota';
import type { JobStatus } from '../../../shared/api/jobs';
import { checkRota } from '../../../shared/rota/checks';
import { buildProblem } from '../../../electron/services/rota/suggest/problem';
import { solveRota } from '../../../electron/services/rota/suggest/solve';
import { pinToday } from '../../support/today';
import { api, freshDb, seed, staffId } from './support';

describe('shift types and cells', () => {
  it('a new database has the default shift types, editable, a used one not deletable', async () => {
    pinToday('2026-12-06');
    const db = freshDb();
    seed(db, { severe: 0, carers: 1, nurses: 0 });
    const { call, raw } = api(db);
    const types = await call('rota.shiftTypes', undefined);
    expect(types.map((t) => `${t.name}${t.key}`)).toEqual(['早班Z', '中班M', '夜班Y', '护士班H', '休X', '年假N', '病假B', '事假S']);
    const early = types[0]!;
    await call('rota.setCells', { month: '2026-10', cells: [{ staffId: staffId(db, 'S1'), date: '2026-10-05', shiftTypeId: early.id }] });
    const refused = await raw('rota.deleteShiftType', { id: early.id });
    expect(refused.ok || refused.error.message).toBe('班次“早班”已排入 1 个格子，不能删除；可以改名或改颜色');
    const clash = await raw('rota.saveShiftType', {
      key: 'z',
      name: '早早班',
      kind: 'work',
      start: '06:00',
      end: '14:00',
      paidMinutes: 480,
      post: 'caregiver',
      color: '#ffffff',
    });
    expect(clash.ok || clash.error.message).toBe('班次快捷键 Z已被“早班”使用，请换一个');
  });

  it('before 发布 the grid is a draft; after it a change needs 调班原因 and is audited cell by cell', async () => {
    pinToday('2026-12-06');
    const db = freshDb();
    seed(db, { severe: 0, carers: 1, nurses: 0 });
    const { call, raw } = api(db);
    const [early, mid] = await call('rota.shiftTypes', undefined);
    const s1 = staffId(db, 'S1');
    expect(await call('rota.setCells', { month: '2026-10', cells: [{ staffId: s1, date: '2026-10-05', shiftTypeId: early!.id }] })).toEqual({
      changed: 1,
      audited: false,
    });
    const outside = await raw('rota.setCells', { month: '2026-10', cells: [{ staffId: s1, date: '2026-11-01', shiftTypeId: early!.id }] });
    expect(outside.ok || outside.error.message).toBe('2026-11-01 不在 2026-10，一次只能修改本月的排班');
    await call('rota.publish', { month: '2026-10', by: '张敏' });
    const noReason = await raw('rota.setCells', { month: '2026-10', cells: [{ staffId: s1, date: '2026-10-05', shiftTypeId: mid!.id }] });
    expect(noReason.ok || noReason.error.message).toBe('本月排班已发布，修改须填写调班原因');
    expect(
      await call('rota.setCells', { month: '2026-10', cells: [{ staffId: s1, date: '2026-10-05', shiftTypeId: mid!.id }], reason: '与李护理对调' }),
    ).toEqual({ changed: 1, audited: true });
    const rows = db.raw.prepare("SELECT action, entity_id, before_json, after_json FROM audit_log WHERE entity = 'rota' ORDER BY id").all() as {
      action: string;
      entity_id: string;
      before_json: string;
      after_json: string;
    }[];
    expect(rows.map((r) => r.action)).toEqual(['publish', 'update']);
    expect(JSON.parse(rows[1]!.before_json)).toEqual({
      cells: [
        {
          staff: 'S1 员工S1'.replace('员工S1', db.raw.prepare("SELECT name FROM staff WHERE ref='S1'").pluck().get() as string),
          date: '2026-10-05',
          shift: '早班',
        },
      ],
    });
    expect(JSON.parse(rows[1]!.after_json)).toMatchObject({ cells: [{ date: '2026-10-05', shift: '中班' }], reason: '与李护理对调' });
    const again = await raw('rota.publish', { month: '2026-10', by: '张敏' });
    expect(again.ok || again.error.message).toMatch(/^2026-10 的排班已于 .* 由 张敏 发布$/);
  });

  it('the month view counts residents present each day for 应配', async () => {
    pinToday('2026-12-06');
    const db = freshDb();
    seed(db, { severe: 12, carers: 2, nurses: 1 });
    const view = await api(db).call('rota.month', { month: '2026-10' });
    expect(view.census).toHaveLength(31);
    expect(view.census[0]).toEqual({ date: '2026-10-01', severe: 12, other: 0 });
    expect(view.staff.map((s) => s.ref)).toEqual(['N1', 'S1', 'S2']);
    expect(view.lookbackFrom).toBe('2026-09-24');
  });
});

describe('排班表: xlsx, import, PDF', () => {
  it('the exported workbook imports back unchanged; a wrong shift name refuses the whole file', async () => {
    pinToday('2026-12-06');
    const db = freshDb();
    seed(db, { severe: 0, carers: 2, nurses: 0 });
    const { call, raw } = api(db);
    const [early, , night] = await call('rota.shiftTypes', undefined);
    const [s1, s2] = [staffId(db, 'S1'), staffId(db, 'S2')];
    await call('rota.setCells', {
      month: '2026-10',
      cells: [
        { staffId: s1, date: '2026-10-01', shiftTypeId: early!.id },
        { staffId: s2, date: '2026-10-31', shiftTypeId: night!.id },
      ],
    });
    const file = await call('rota.workbook', { month: '2026-10' });
    const preview = await call('rota.importPreview', { month: '2026-10', file: { name: file.name, base64: file.base64 } });
    expect(preview.errorRows).toBe(0);
    expect(preview.rows.map((r) => [r.ref, r.cells.filter((c) => c.shift).map((c) => `${c.day}${c.shift}`)])).toEqual([
      ['S1', ['1早班']],
      ['S2', ['31夜班']],
    ]);
    expect(await call('rota.importCommit', { month: '2026-10', file: { name: file.name, base64: file.base64 } })).toEqual({ changed: 0, audited: false });

    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    wb.worksheets[0]!.getRow(4).getCell(5).value = '白班';
    wb.worksheets[0]!.getRow(5).getCell(5).value = 'y';
    const edited = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    const bad = await call('rota.importPreview', { month: '2026-10', file: { name: 'x.xlsx', base64: edited } });
    expect(bad.rows.map((r) => r.errors)).toEqual([['2 日“白班”不是已有班次'], []]);
    const refused = await raw('rota.importCommit', { month: '2026-10', file: { name: 'x.xlsx', base64: edited } });
    expect(refused.ok || refused.error.message).toBe('有 1 行有错误，未导入任何排班：请在 Excel 中改正后重新选择文件');
    expect(db.raw.prepare('SELECT count(*) FROM rota_cells').pluck().get()).toBe(2);
  });

  it('refuses a workbook with two columns for one day: which shift was meant cannot be known (found by npm run faults)', async () => {
    pinToday('2026-12-06');
    const db = freshDb();
    seed(db, { severe: 0, carers: 1, nurses: 0 });
    const { raw } = api(db);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('排班');
    ws.addRow(['编号', '姓名', '岗位', '1', '2', '2', '3']);
    ws.addRow(['S1', null, null, '早班', '中班', '休', '夜班']);
    const file = { name: '排班.xlsx', base64: Buffer.from(await wb.xlsx.writeBuffer()).toString('base64') };
    const message = '表头中“2”日有 2 列（第 E、F 列）：每天只能有一列，请删除多余的列后重新选择文件（没有导入任何排班）';
    expect(await raw('rota.importPreview', { month: '2026-10', file })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message } });
    expect(await raw('rota.importCommit', { month: '2026-10', file })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message } });
    expect(db.raw.prepare('SELECT count(*) FROM rota_cells').pluck().get()).toBe(0);
  });
});

describe('排班建议', () => {
  it('meets coverage where people suffice, says why it cannot elsewhere, and breaks none of the rules', async () => {
    pinToday('2026-12-06');
    const db = freshDb();
    // 10 severe: 早 2, 中 2, 夜 1 caregivers and 1 nurse a day. 8 caregivers give 40 shifts a week at
    // 5 × 8 h (44 h allows 5), enough for 35; one nurse can give at most 5 of the week's 7 nurse days.
    seed(db, { severe: 10, carers: 8, nurses: 1 });
    const { call } = api(db);
    const { jobId } = await call('rota.suggest', { month: '2026-10', from: '2026-10-05', to: '2026-10-11' });
    let status: JobStatus;
    do status = await call('jobs.status', { id: jobId });
    while (status.state === 'running' && (await new Promise((r) => setTimeout(r, 50))) === undefined);
    expect(status.error).toBeUndefined();
    const s = status.result as RotaSuggestion;
    // demand over the week: (2 + 2 + 1 + 1) × 7 = 42; met: all 35 caregiver shifts and 5 nurse days
    expect([s.demand, s.met]).toEqual([42, 40]);
    expect(s.unmet).toHaveLength(2);
    expect(s.unmet[0]).toMatch(/护士班仍缺 1 人/);
    const view = await call('rota.month', { month: '2026-10' });
    const judged = checkRota({ ...view, cells: [...view.cells, ...s.cells], from: '2026-10-05', to: '2026-10-11' });
    expect(judged.issues.filter((i) => i.code !== 'UNDERSTAFFED')).toEqual([]);
    expect(judged.issues.map((i) => i.message).filter((m) => !m.includes('护士班'))).toEqual([]);
  });

  it('without time for the solver, the greedy fill still meets the same demand and breaks no rule', async () => {
    pinToday('2026-12-06');
    const db = freshDb();
    seed(db, { severe: 10, carers: 8, nurses: 1 });
    const { call } = api(db);
    const view = await call('rota.month', { month: '2026-10' });
    // no budget: HiGHS gets the 0.5 s floor a week at most; the greedy week is kept where HiGHS finds less
    const s = await solveRota(buildProblem(view, '2026-10-05', '2026-10-11'), { seconds: 0 });
    expect([s.demand, s.met]).toEqual([42, 40]);
    const judged = checkRota({ ...view, cells: [...view.cells, ...s.cells], from: '2026-10-05', to: '2026-10-11' });
    expect(judged.issues.filter((i) => i.code !== 'UNDERSTAFFED')).toEqual([]);
  });
});
