/** 数据备份 on a real SQLite file: verified copies beside the database, daily rotation, copies out. */
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { backupsApi } from '../../../shared/api/backups';
import type { ServiceContext } from '../../../electron/services/api/context';
import { listAudit } from '../../../electron/services/audit/auditLog';
import { backupsFolder, createBackup, ensureDailyBackup, KEEP_DAILY, listBackups } from '../../../electron/services/backups/backupFolder';
import { backupsHandlers } from '../../../electron/services/backups/backupsHandlers';
import { importDataset } from '../../../electron/services/dataset/importDataset';
import { openDatabase, type LtcDatabase } from '../../../electron/services/db/database';
import { newKeyInVault, unlockWithRecoveryCode, wrapUnderRecoveryCode } from '../../../electron/services/db/keyVault';
import { newRecoveryCode } from '../../../electron/services/auth/passwords';
import { sample, tempDir, track } from '../services/helpers';

function sampleDb(): LtcDatabase {
  const db = track(openDatabase(path.join(tempDir(), 'ltc-desk.db')));
  importDataset(db, sample(), { actor: 'seed' });
  return db;
}

function backups(db: LtcDatabase, chooseFolder?: ServiceContext['chooseFolder']) {
  const ctx: ServiceContext = { db, actor: '管理员', shell: chooseFolder ? 'desktop' : 'browser', appVersion: 'test', openFolder: () => false, chooseFolder };
  return async <M extends keyof typeof backupsApi>(method: M, input?: unknown) => {
    const handler = backupsHandlers[method] as (i: unknown, c: ServiceContext) => unknown;
    return (await handler(backupsApi[method].input.parse(input), ctx)) as NonNullable<(typeof backupsApi)[M]['output']>;
  };
}

const residentsIn = (file: string): number => {
  const copy = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  try {
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    return copy.prepare('SELECT count(*) FROM residents').pluck().get() as number;
  } finally {
    copy.close();
  }
};

/** A USB stick (a new folder) the desktop's 另存到… picks, and a backup just made to copy there. */
async function backupForUsb(db: LtcDatabase) {
  const usb = path.join(tempDir(), 'U盘');
  mkdirSync(usb);
  const desktop = backups(db, async () => usb);
  return { usb, desktop, made: await desktop('backups.create') };
}

describe('backups', () => {
  it('makes a verified, self-contained copy in backups/ beside the database, listed newest first, and audits it', async () => {
    const db = sampleDb();
    const call = backups(db);
    const first = await call('backups.create');
    expect(first.name).toMatch(/^ltc-desk-manual-\d{8}-\d{6}\.db$/);
    const file = path.join(path.dirname(db.file), 'backups', first.name);
    expect(residentsIn(file)).toBe(4);
    // no -wal beside it: the copy can be moved on its own
    expect(existsSync(`${file}-wal`)).toBe(false);
    const second = await call('backups.create');
    expect(second.name).not.toBe(first.name);
    expect((await call('backups.list')).backups.map((b) => b.name)).toEqual([second.name, first.name]);
    expect(listAudit(db, { entity: 'database' }).filter((a) => a.action === 'backup')).toHaveLength(2);
  });

  it('makes the daily backup once a day and keeps only the newest daily ones', async () => {
    const db = sampleDb();
    const day = (d: number) => new Date(2026, 10, d, 8, 30, 0);
    expect(await ensureDailyBackup(db, day(1))).toMatchObject({ kind: 'daily', at: '2026-11-01T08:30:00' });
    expect(await ensureDailyBackup(db, new Date(2026, 10, 1, 17, 0, 0))).toBeNull();
    for (let d = 2; d <= KEEP_DAILY + 3; d++) await ensureDailyBackup(db, day(d));
    await createBackup(db, 'manual', day(1));
    const kept = listBackups(db).backups;
    expect(kept.filter((b) => b.kind === 'daily')).toHaveLength(KEEP_DAILY);
    expect(kept.filter((b) => b.kind === 'daily').at(-1)?.at).toBe(`2026-11-04T08:30:00`);
    // a manual backup is never rotated away, however old
    expect(kept.filter((b) => b.kind === 'manual')).toHaveLength(1);
  });

  it('copies a backup to the folder the user picks and checks it there; the browser downloads it instead', async () => {
    const db = sampleDb();
    const { usb, desktop, made } = await backupForUsb(db);
    const saved = await desktop('backups.saveToFolder', { name: made.name });
    expect(saved).toEqual({ file: path.join(usb, made.name) });
    expect(residentsIn(path.join(usb, made.name))).toBe(4);
    expect(listAudit(db, { entity: 'database' }).some((a) => a.action === 'export')).toBe(true);

    const cancelled = backups(db, async () => null);
    expect(await cancelled('backups.saveToFolder', { name: made.name })).toEqual({ cancelled: true });

    const browser = backups(db);
    await expect(browser('backups.saveToFolder', { name: made.name })).rejects.toThrow(/下载/);
    const download = await browser('backups.download', { name: made.name });
    expect(Buffer.from(download.base64, 'base64').equals(readFileSync(path.join(backupsFolder(db), made.name)))).toBe(true);
  });

  it('refuses names that are not backups, so no other file can be read through it', async () => {
    const db = sampleDb();
    const call = backups(db);
    await expect(call('backups.download', { name: '../ltc-desk.db' })).rejects.toThrow();
    await expect(call('backups.download', { name: 'ltc-desk-manual-20260101-000000.db' })).rejects.toThrow(/找不到备份/);
    expect(readdirSync(path.dirname(db.file))).not.toContain('backups');
  });

  it("an encrypted database's backup saved to a USB stick takes its key's recovery wrap along, so the code opens it elsewhere", async () => {
    const file = path.join(tempDir(), 'ltc-desk.db');
    const thisPc = {
      isEncryptionAvailable: () => true,
      encryptString: (p: string) => Buffer.from(`pc1|${p}`),
      decryptString: (d: Buffer) => d.toString().slice(4),
    };
    const key = newKeyInVault(file, thisPc)!;
    const code = newRecoveryCode();
    await wrapUnderRecoveryCode(file, key, code);
    const db = track(openDatabase(file, { key }));
    importDataset(db, sample(), { actor: 'seed' });
    const { usb, desktop, made } = await backupForUsb(db);
    expect(await desktop('backups.saveToFolder', { name: made.name })).toEqual({ file: path.join(usb, made.name) });
    const saved = { file: path.join(usb, made.name) };
    expect(readdirSync(usb).sort()).toEqual([made.name, `${made.name}.key.json`]);
    // on another PC (no OS copy opens there): the recovery code opens the copy's key, and the key opens the copy
    const elsewhere = { isEncryptionAvailable: () => false, encryptString: () => Buffer.alloc(0), decryptString: () => '' };
    const opened = await unlockWithRecoveryCode(saved.file, code, elsewhere);
    expect(opened).toBe(key);
    const copy = track(openDatabase(saved.file, { key: opened }));
    expect(copy.raw.prepare('SELECT count(*) FROM residents').pluck().get()).toBe(4);
  });

  it("a plain database's backup goes alone", async () => {
    const db = sampleDb();
    const { usb, desktop, made } = await backupForUsb(db);
    await desktop('backups.saveToFolder', { name: made.name });
    expect(readdirSync(usb)).toEqual([made.name]);
  });
});
