/**
 * The head nurse's printouts as real PDFs, read back with pdfinfo and pdftotext (external programs: the
 * integration project): the 排班表 (A4 landscape, a page a week) and a caregiver's day list (派单表).
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pinToday } from '../../support/today';
import { api as plansApi, freshDb as plansDb, idOf, seed as seedPlans } from '../plans/support';
import { api, freshDb, seed, staffId } from '../rota/support';
import { tempDir } from '../services/helpers';

const pdfText = (base64: string, args: string[] = []): { info: string; text: string } => {
  const file = path.join(tempDir(), 'out.pdf');
  writeFileSync(file, Buffer.from(base64, 'base64'));
  return {
    info: execFileSync('pdfinfo', [file], { encoding: 'utf8' }),
    text: execFileSync('pdftotext', ['-layout', ...args, file, '-'], { encoding: 'utf8' }),
  };
};

describe('排班表', () => {
  it('the PDF is A4 landscape, one page per calendar week touching the month (October 2026: five)', async () => {
    pinToday('2026-12-06');
    const db = freshDb();
    seed(db, { severe: 20, carers: 2, nurses: 0 });
    const { call } = api(db);
    const [, , night] = await call('rota.shiftTypes', undefined);
    await call('rota.setCells', { month: '2026-10', cells: [{ staffId: staffId(db, 'S1'), date: '2026-10-05', shiftTypeId: night!.id }] });
    const pdf = await call('rota.pdf', { month: '2026-10' });
    const file = path.join(tempDir(), 'rota.pdf');
    writeFileSync(file, Buffer.from(pdf.base64, 'base64'));
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(/Pages:\s+5/);
    expect(info).toMatch(/Page size:\s+841.89 x 595.28/);
    const text = execFileSync('pdftotext', ['-layout', '-f', '2', '-l', '2', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('排班表 2026-10-05 至 2026-10-11');
    // 20 severe at night 1:10 → 2, one on it
    expect(text).toMatch(/夜班 应配\/实配\s+2\/1/);
  });
});

describe('派单表: a caregiver’s day list', () => {
  it('one A4 page per caregiver that day, the visits in time order with the client, the address and the items', async () => {
    pinToday('2026-10-01');
    const db = plansDb();
    seedPlans(db, { clients: 3, carers: 2 });
    const { call } = plansApi(db);
    const [c1, c2, c3, s1, s2] = [
      idOf(db, 'residents', 'c1'),
      idOf(db, 'residents', 'c2'),
      idOf(db, 'residents', 'c3'),
      idOf(db, 'staff', 's1'),
      idOf(db, 'staff', 's2'),
    ];
    await call('plans.save', { residentId: c1, items: ['LC01', 'LC02'], visitsPerWeek: 2, minutes: 60, windowStart: '08:00', windowEnd: '12:00' });
    await call('plans.saveSchedule', {
      month: '2026-10',
      from: '2026-10-05',
      visits: [
        { residentId: c2, staffId: s1, date: '2026-10-05', start: '10:30', minutes: 45 },
        { residentId: c1, staffId: s1, date: '2026-10-05', start: '08:30', minutes: 60 },
        { residentId: c3, staffId: s2, date: '2026-10-05', start: '09:00', minutes: 60 },
        { residentId: c3, staffId: s2, date: '2026-10-06', start: '09:00', minutes: 60 },
      ],
    });
    const all = await call('plans.dayList', { date: '2026-10-05', format: 'pdf' });
    expect(all.name).toBe('派单表-2026-10-05.pdf');
    const { info, text } = pdfText(all.base64);
    expect(info).toMatch(/Pages:\s+2/);
    expect(info).toMatch(/Page size:\s+595.28 x 841.89/);
    const first = text.slice(0, text.indexOf('\f'));
    expect(first).toContain('护理员1 2026-10-05 上门服务单');
    // 08:30 + 60 → 09:30 first, then 10:30 + 45 → 11:15
    expect(first.indexOf('08:30–09:30')).toBeLessThan(first.indexOf('10:30–11:15'));
    expect(first).toMatch(/08:30–09:30\s+对象1\s+宁波市海曙区甲街道幸福小区1号/);
    expect(first).toContain('头面部清洁');
    const one = await call('plans.dayList', { date: '2026-10-05', staffId: s2, format: 'pdf' });
    expect(one.name).toBe('派单表-2026-10-05-护理员2.pdf');
    expect(pdfText(one.base64).info).toMatch(/Pages:\s+1/);
  });
});
