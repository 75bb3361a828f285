/** 床位: records guarded by the stays that name them, and occupancy derived from events only. */
import { describe, expect, it } from 'vitest';
import { listAudit } from '../../../electron/services/audit/auditLog';
import { api, count, idOf, refusal, sampleDb } from './support';

async function withBeds() {
  const db = sampleDb();
  const call = api(db);
  for (const [code, room, floor] of [
    ['2-201-1', '2-201', '2'],
    ['2-201-2', '2-201', '2'],
    ['2-202-1', '2-202', '2'],
    ['10-101-1', '10-101', '10'],
  ]) {
    await call('beds.save', { code, room, floor });
  }
  return { db, call };
}

describe('beds', () => {
  it('creates, lists, updates and deletes beds, each audited', async () => {
    const { db, call } = await withBeds();
    const page = await call('beds.list', { search: '2-201' });
    expect(page.rows.map((b) => b.code)).toEqual(['2-201-1', '2-201-2']);
    expect(page.rows[0]?.stays).toBe(1);
    const free = page.rows[1]!;
    const moved = await call('beds.save', { id: free.id, code: '2-201-3', room: '2-201', floor: '2', note: '靠窗' });
    expect(moved).toMatchObject({ code: '2-201-3', note: '靠窗', stays: 0 });
    await call('beds.delete', { id: free.id });
    expect(listAudit(db, { entity: 'bed', entityId: free.id }).map((a) => a.action)).toEqual(['create', 'update', 'delete']);
    expect((await call('beds.list', { floor: '10' })).total).toBe(1);
  });

  it('refuses a duplicate code, and renaming or deleting a bed a stay names', async () => {
    const { db, call } = await withBeds();
    const dup = await refusal(call('beds.save', { code: '2-202-1' }));
    expect(dup.message).toContain('床位号 2-202-1 已存在');
    const used = (await call('beds.list', { search: '2-202-1' })).rows[0]!;
    const rename = await refusal(call('beds.save', { id: used.id, code: '2-202-9' }));
    expect(rename.message).toContain('不能改号');
    const del = await refusal(call('beds.delete', { id: used.id }));
    expect(del.message).toContain('不能删除');
    expect(count(db, "SELECT count(*) FROM beds WHERE code = '2-202-1'")).toBe(1);
  });

  it('the board shows who holds each bed on the day, kept while in hospital', async () => {
    const { db, call } = await withBeds();
    const board = await call('beds.board', { date: '2026-10-16' });
    const bed = (code: string) => board.beds.find((b) => b.code === code)!;
    expect(bed('2-201-1').occupants).toEqual([{ residentId: idOf(db, 'r1'), name: '王秀英', status: 'hospital', admittedOn: '2026-10-10', level: 4 }]);
    expect(bed('2-202-1').occupants.map((o) => [o.name, o.status])).toEqual([['李建国', 'present']]);
    expect(bed('2-201-2').occupants).toEqual([]);
    // floors in numeric order: 2 before 10
    expect(board.beds.map((b) => b.code)).toEqual(['2-201-1', '2-201-2', '2-202-1', '10-101-1']);
    expect(board.counts).toEqual({ total: 4, occupied: 2, away: 1, free: 2 });
    // 赵德胜's bed 3-301-2 was never registered: shown so it gets fixed; 陈淑芬 is home care, no bed
    expect(board.unregistered.map((b) => [b.code, b.occupants[0]?.name])).toEqual([['3-301-2', '赵德胜']]);
    expect(board.unassigned).toEqual([]);
    // on the discharge day the bed is free again
    const later = await call('beds.board', { date: '2026-10-25' });
    expect(later.beds.find((b) => b.code === '2-201-1')!.occupants).toEqual([]);
    expect((await call('beds.free', { date: '2026-10-25' })).map((b) => b.code)).toEqual(['2-201-1', '2-201-2', '10-101-1']);
  });

  it('an admission takes a free registered bed; an occupied or unknown bed is refused', async () => {
    const { call } = await withBeds();
    const { id } = await call('residents.save', { name: '周桂兰', idNumber: '11010519491231002X' });
    const taken = await refusal(call('residents.addEvent', { residentId: id, type: 'admit', date: '2026-10-20', mode: 'institutional', bed: '2-202-1' }));
    expect(taken.message).toContain('床位 2-202-1 在 2026-10-20 已由 李建国 占用');
    const unknown = await refusal(call('residents.addEvent', { residentId: id, type: 'admit', date: '2026-10-20', mode: 'institutional', bed: '9-999-9' }));
    expect(unknown.message).toContain('床位 9-999-9 未登记');
    await call('residents.addEvent', { residentId: id, type: 'admit', date: '2026-10-20', mode: 'institutional', bed: '2-201-2' });
    const board = await call('beds.board', { date: '2026-10-20' });
    expect(board.beds.find((b) => b.code === '2-201-2')!.occupants.map((o) => o.name)).toEqual(['周桂兰']);
    expect((await call('beds.free', { date: '2026-10-20' })).map((b) => b.code)).toEqual(['10-101-1']);
    const row = (await call('residents.list', { today: '2026-10-20', search: '周桂兰' })).rows[0];
    expect(row).toMatchObject({ bed: '2-201-2', status: 'present' });
  });
});
