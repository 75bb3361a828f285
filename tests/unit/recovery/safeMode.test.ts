/**
 * Safe mode's calls (services/recovery/safeMode.ts) as the window makes them: every normal call refused
 * with SAFE_MODE; the backups checked and counted; a preview; a restore that needs the confirmation, keeps
 * the damaged file aside byte for byte and leaves safe mode; another file; an export of what can be read.
 */
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { describe, expect, it, vi } from 'vitest';
import type { BackupPreview, RecoveryBackupList, RecoveryStatus, RestoreOutcome, SalvageExport } from '../../../shared/api/recovery';
import { createDispatcher } from '../../../electron/services/api/dispatch';
import { handlers } from '../../../electron/services/api/registry';
import { setupFirstAdmin } from '../../../electron/services/auth/users';
import { createBackup } from '../../../electron/services/backups/backupFolder';
import { importDataset } from '../../../electron/services/dataset/importDataset';
import { openDatabase, type LtcDatabase } from '../../../electron/services/db/database';
import { createRecoveringDispatch } from '../../../electron/services/recovery/safeMode';
import { openOrSafeMode } from '../../../electron/services/recovery/startup';
import { sample, tempDir, track } from '../services/helpers';
import { garblePagesOf } from './corrupt';

interface Seeded {
  file: string;
  backup: string;
  residents: number;
}

/** A database with the sample's records, a verified backup beside it, then damage over its visits' pages. */
async function damagedWithBackup(o: { admin?: boolean } = {}): Promise<Seeded> {
  const file = path.join(tempDir(), 'ltc-desk.db');
  const db = openDatabase(file);
  importDataset(db, sample(), { actor: 'seed' });
  if (o.admin) await setupFirstAdmin(db, '王管理', 'admin-pass-1');
  const made = await createBackup(db, 'manual');
  const residents = db.raw.prepare('SELECT COUNT(*) FROM residents').pluck().get() as number;
  db.close();
  garblePagesOf(file, 'visits');
  return { file, backup: made.name, residents };
}

function face(file: string, shell: { chooseFile?: () => Promise<string | null> } = {}) {
  const start = openOrSafeMode(file);
  if (start.mode === 'normal') track(start.db);
  const opened: LtcDatabase[] = [];
  const f = createRecoveringDispatch(file, start, { actor: 'tester', shell: 'browser', ...shell }, (db) => {
    opened.push(track(db));
    return createDispatcher(handlers, { db, actor: 'tester', shell: 'browser', appVersion: '0.0.0-test', openFolder: () => false });
  });
  const call = async <T>(method: string, input: unknown = undefined): Promise<T> => {
    const r = await f.dispatch(method, input);
    if (!r.ok) throw Object.assign(new Error(r.error.message), { code: r.error.code });
    return r.value as T;
  };
  return { ...f, call, opened };
}

describe('safe mode', () => {
  it('refuses every normal call with SAFE_MODE and serves the recovery calls', async () => {
    const s = await damagedWithBackup();
    const f = face(s.file);
    const r = await f.dispatch('residents.list', {});
    expect(r).toMatchObject({ ok: false, error: { code: 'SAFE_MODE' } });
    expect(r.ok || r.error.message).toContain('安全模式');
    expect(await f.dispatch('backups.list', undefined)).toMatchObject({ ok: false, error: { code: 'SAFE_MODE' } });
    expect(await f.dispatch('no.such', undefined)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    const status = await f.call<RecoveryStatus>('recovery.status');
    expect(status).toMatchObject({ mode: 'safe', failure: { kind: 'corrupt', title: '文件已损坏', file: s.file }, shell: 'browser' });
  });

  it('lists the backups with date, size, counts and whether each verifies', async () => {
    const s = await damagedWithBackup();
    // a "backup" that is no database: listed, and said not to verify
    fs.writeFileSync(path.join(path.dirname(s.file), 'backups', 'ltc-desk-daily-20260101-080000.db'), 'garbage'.repeat(1000));
    const list = await face(s.file).call<RecoveryBackupList>('recovery.backups');
    expect(list.backups).toHaveLength(2);
    const good = list.backups.find((b) => b.name === s.backup)!;
    expect(good).toMatchObject({ verified: true, problem: null, kind: 'manual' });
    expect(good.bytes).toBeGreaterThan(0);
    expect(good.institution).toBe(sample().institution.name);
    expect(good.counts?.residents).toBe(s.residents);
    expect(good.counts?.visits).toBe(sample().visits.length);
    const bad = list.backups.find((b) => b.name !== s.backup)!;
    expect(bad).toMatchObject({ verified: false, counts: null });
    expect(bad.problem).toBeTruthy();
  });

  it('previews a backup: institution, months with visits, counts', async () => {
    const s = await damagedWithBackup();
    const p = await face(s.file).call<BackupPreview>('recovery.preview', { name: s.backup });
    expect(p.institution).toBe(sample().institution.name);
    const months = [...new Set(sample().visits.map((v) => v.start.slice(0, 7)))].sort().reverse();
    expect(p.months.map((m) => m.month)).toEqual(months);
    expect(p.months.reduce((n, m) => n + m.visits, 0)).toBe(sample().visits.length);
    expect(p.counts.residents).toBe(s.residents);
  });

  it('restores only when confirmed; keeps the damaged file aside byte for byte; then serves the normal app', async () => {
    const s = await damagedWithBackup();
    const damaged = fs.readFileSync(s.file);
    const f = face(s.file);
    await expect(f.call('recovery.restore', { name: s.backup })).rejects.toMatchObject({ code: 'BAD_INPUT' });
    expect(fs.readFileSync(s.file).equals(damaged)).toBe(true);

    const out = await f.call<RestoreOutcome>('recovery.restore', { name: s.backup, confirm: true });
    expect(out.keptAs).toMatch(/ltc-desk\.db\.未能打开-\d{8}-\d{6}\.bak$/);
    expect(fs.readFileSync(out.keptAs!).equals(damaged)).toBe(true);
    expect(await f.call<RecoveryStatus>('recovery.status')).toEqual({ mode: 'normal' });
    const page = await f.call<{ total: number }>('residents.list', {});
    expect(page.total).toBe(s.residents);
    // the restore is in the audit trail, naming the backup
    const row = f.opened[0]!.raw.prepare("SELECT after_json FROM audit_log WHERE action = 'restore'").pluck().get() as string;
    expect(JSON.parse(row)).toMatchObject({ backup: s.backup });
    // and the file now opens normally at the next start
    const again = openOrSafeMode(s.file);
    expect(again.mode).toBe('normal');
    if (again.mode === 'normal') track(again.db);
  });

  it('restores over a missing file too (nothing to keep aside)', async () => {
    const s = await damagedWithBackup();
    fs.rmSync(s.file);
    const f = face(s.file);
    expect(await f.call<RecoveryStatus>('recovery.status')).toMatchObject({ failure: { kind: 'missing' } });
    const out = await f.call<RestoreOutcome>('recovery.restore', { name: s.backup, confirm: true });
    expect(out.keptAs).toBeNull();
    expect((await f.call<{ total: number }>('residents.list', {})).total).toBe(s.residents);
  });

  it('opens another file only when it is a sound database of this program', async () => {
    const s = await damagedWithBackup();
    const f = face(s.file);
    const notes = path.join(path.dirname(s.file), 'notes.txt');
    fs.writeFileSync(notes, 'hello');
    await expect(f.call('recovery.openFile', { path: notes })).rejects.toMatchObject({ code: 'BAD_INPUT' });
    await expect(f.call('recovery.openFile', { path: path.join(path.dirname(s.file), 'nope.db') })).rejects.toThrow(/不存在/);
    await expect(f.call('recovery.openFile', {})).rejects.toThrow(/完整路径/);
    expect(fs.existsSync(path.join(path.dirname(s.file), 'nope.db'))).toBe(false);

    const copy = path.join(tempDir(), 'copy.db');
    fs.copyFileSync(path.join(path.dirname(s.file), 'backups', s.backup), copy);
    expect(await f.call('recovery.openFile', { path: copy })).toEqual({ opened: copy });
    expect((await f.call<{ total: number }>('residents.list', {})).total).toBe(s.residents);
  });

  it('opens another file chosen in the desktop dialog, and a cancelled dialog changes nothing', async () => {
    const s = await damagedWithBackup();
    let answer: string | null = null;
    const f = face(s.file, { chooseFile: () => Promise.resolve(answer) });
    expect(await f.call('recovery.openFile', {})).toEqual({ cancelled: true });
    expect(await f.call<RecoveryStatus>('recovery.status')).toMatchObject({ mode: 'safe' });
    answer = path.join(path.dirname(s.file), 'backups', s.backup);
    expect(await f.call('recovery.openFile', {})).toEqual({ opened: answer });
  });
});

describe('export what can still be read', () => {
  it('exports the readable tables of a damaged file as an .xlsx and names the damaged one', async () => {
    const s = await damagedWithBackup();
    const before = fs.readFileSync(s.file);
    const out = await face(s.file).call<SalvageExport>('recovery.export');
    expect(out.file.name).toMatch(/\.xlsx$/);
    expect(out.tables.find((t) => t.name === 'residents')).toEqual({ name: 'residents', rows: s.residents, complete: true });
    expect(out.unreadable).toContain('visits');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(out.file.base64, 'base64') as unknown as ArrayBuffer);
    expect(wb.getWorksheet('residents')!.rowCount).toBe(s.residents + 1);
    const about = wb.getWorksheet('说明')!;
    const visitsRow = about.getSheetValues().find((r) => Array.isArray(r) && r[1] === 'visits') as unknown[];
    expect(visitsRow[3]).toBe('无法读取');
    expect(fs.readFileSync(s.file).equals(before)).toBe(true);
  });

  it('leaves out the users’ password and recovery-code hashes: only who they were and their roles', async () => {
    const s = await damagedWithBackup({ admin: true });
    const out = await face(s.file).call<SalvageExport>('recovery.export');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(out.file.base64, 'base64') as unknown as ArrayBuffer);
    const users = wb.getWorksheet('users')!;
    const header = (users.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(expect.arrayContaining(['name', 'role']));
    expect(header).not.toContain('password_hash');
    expect(header).not.toContain('recovery_hash');
    expect((users.getRow(2).values as unknown[]).slice(1)).toContain('王管理');
    // nowhere in the workbook: no cell holds a hash
    const cells: string[] = [];
    wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => cells.push(String(c.value)))));
    expect(cells.some((c) => c.startsWith('scrypt$'))).toBe(false);
  });

  it('refuses cleanly when nothing can be read: a missing file, a file that is no database', async () => {
    const s = await damagedWithBackup();
    fs.rmSync(s.file);
    await expect(face(s.file).call('recovery.export')).rejects.toMatchObject({ code: 'BAD_INPUT', message: expect.stringContaining('没有可以导出的数据') });
    fs.writeFileSync(s.file, '这不是数据库'.repeat(500));
    await expect(face(s.file).call('recovery.export')).rejects.toMatchObject({ code: 'BAD_INPUT', message: expect.stringContaining('没有可以导出的数据') });
  });
});

describe('in normal mode', () => {
  it('recovery.status says normal and the other recovery calls refuse', async () => {
    const file = path.join(tempDir(), 'ltc-desk.db');
    const f = face(file);
    expect(await f.call('recovery.status')).toEqual({ mode: 'normal' });
    await expect(f.call('recovery.restore', { name: 'ltc-desk-manual-20260101-080000.db', confirm: true })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(f.call('recovery.export')).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});

describe('a file held by another program', () => {
  it('is not replaced while held; 重试 opens it once the other program lets go', async () => {
    // the lock is held throughout: a short wait finds it held as surely as the 5 s the program waits
    vi.stubEnv('LTC_BUSY_TIMEOUT_MS', '200');
    const s = await damagedWithBackup();
    // a sound file this time: put the backup in place, then hold it
    fs.copyFileSync(path.join(path.dirname(s.file), 'backups', s.backup), s.file);
    const other = new BetterSqlite3(s.file);
    other.pragma('locking_mode = EXCLUSIVE');
    other.exec('BEGIN EXCLUSIVE');
    let f;
    try {
      f = face(s.file);
      expect(await f.call<RecoveryStatus>('recovery.status')).toMatchObject({ mode: 'safe', failure: { kind: 'locked', title: '被其他程序占用' } });
      await expect(f.call('recovery.restore', { name: s.backup, confirm: true })).rejects.toMatchObject({ code: 'CONFLICT' });
      expect(await f.call<RecoveryStatus>('recovery.retry')).toMatchObject({ mode: 'safe', failure: { kind: 'locked' } });
    } finally {
      other.exec('COMMIT');
      other.close();
    }
    expect(await f.call<RecoveryStatus>('recovery.retry')).toEqual({ mode: 'normal' });
    expect((await f.call<{ total: number }>('residents.list', {})).total).toBe(s.residents);
    expect(fs.readdirSync(path.dirname(s.file)).some((n) => n.includes('未能打开'))).toBe(false);
  });
});
