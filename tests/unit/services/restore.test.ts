/** 从备份恢复 on real files: the backup replaces the database, the old file is kept aside, bad backups are refused untouched. */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { backupDatabase } from '../../../electron/services/db/backup';
import { openDatabase } from '../../../electron/services/db/database';
import { restoreDatabase } from '../../../electron/services/db/restore';
import { importDataset } from '../../../electron/services/dataset/importDataset';
import { sample, tempDir } from './helpers';

const count = (file: string, table: string): number => {
  const db = new BetterSqlite3(file, { readonly: true });
  try {
    return db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  } finally {
    db.close();
  }
};
const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

async function sampleWithBackup() {
  const dir = tempDir();
  const file = path.join(dir, 'ltc-desk.db');
  const backup = path.join(dir, 'backup.db');
  const db = openDatabase(file);
  importDataset(db, sample(), { actor: 'seed' });
  await backupDatabase(db, backup);
  return { dir, file, backup, db };
}

describe('restoring a backup', () => {
  it('puts the backup in place and keeps the file as it was, including what was still in its -wal', async () => {
    const { file, backup, db } = await sampleWithBackup();
    // a later mistake: every visit deleted (and not yet checkpointed out of the -wal)
    db.raw.prepare('DELETE FROM visits').run();
    expect(count(file, 'visits')).toBe(0);
    db.close();

    const r = restoreDatabase(file, backup);
    expect(count(file, 'visits')).toBe(6);
    expect(r.previous).not.toBeNull();
    expect(count(r.previous!, 'visits')).toBe(0);
    expect(count(r.previous!, 'residents')).toBe(4);
    const reopened = openDatabase(file);
    expect(reopened.raw.pragma('integrity_check', { simple: true })).toBe('ok');
    reopened.close();
  });

  it('refuses a file that is not a sound database of this program and changes nothing', async () => {
    const { dir, file, db } = await sampleWithBackup();
    db.close();
    const before = sha(file);
    const junk = path.join(dir, 'junk.db');
    fs.writeFileSync(junk, 'this is not a database at all, just text that is long enough to look like a file');
    expect(() => restoreDatabase(file, junk)).toThrow(/不是长护助手数据库|已损坏/);
    const empty = path.join(dir, 'empty.db');
    fs.writeFileSync(empty, '');
    expect(() => restoreDatabase(file, empty)).toThrow(/空文件/);
    expect(sha(file)).toBe(before);
    expect(fs.readdirSync(dir).filter((n) => n.includes('before-restore'))).toEqual([]);
  });

  it('refuses a backup made by a newer version of the program', async () => {
    const { file, backup, db } = await sampleWithBackup();
    db.close();
    const raw = new BetterSqlite3(backup);
    raw.pragma('user_version = 999');
    raw.close();
    expect(() => restoreDatabase(file, backup)).toThrow(/更新版本/);
    expect(count(file, 'visits')).toBe(6);
  });
});
