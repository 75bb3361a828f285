/**
 * Backups' whole-file work in the built backup worker (out/main/backupWorker.js), as the app runs it:
 * the verified copy, and a download (the same FileDownload, encoded in the worker). The thread serving the windows only waits.
 * Needs `npm run build` first (npm test does it).
 */
import { existsSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { EncodedValue, plainValue } from '../../../electron/services/api/wire';
import { useBuiltWorkers } from '../../../electron/services/app/appPaths';
import { backupDownload } from '../../../electron/services/backups/backupDownload';
import { copyBackupVerified, createBackup } from '../../../electron/services/backups/backupFolder';
import { backupFactsOffThread, backupOffThread, downloadOffThread } from '../../../electron/services/backups/backupOffThread';
import { importDataset } from '../../../electron/services/dataset/importDataset';
import { openDatabase } from '../../../electron/services/db/database';
import { integrityProblem } from '../../../electron/services/db/migrate';
import { backupFacts } from '../../../electron/services/recovery/fileFacts';
import { sample, tempDir, track } from '../services/helpers';

const OUT_MAIN = path.resolve(__dirname, '../../../out/main');
const WORKER = path.join(OUT_MAIN, 'backupWorker.js');
beforeAll(() => {
  if (!existsSync(WORKER)) throw new Error('out/main/backupWorker.js is missing: run `npm run build` before these tests');
});

function sampleDb() {
  const db = track(openDatabase(path.join(tempDir(), 'ltc-desk.db')));
  importDataset(db, sample(), { actor: 'seed' });
  return db;
}

describe('the backup worker', () => {
  it('makes a sound, self-contained copy with every record, including a change committed just before', async () => {
    const db = sampleDb();
    db.raw.prepare("UPDATE residents SET phone = '13800000000' WHERE ref = (SELECT min(ref) FROM residents)").run();
    useBuiltWorkers(OUT_MAIN);
    try {
      const made = await createBackup(db, 'manual');
      const file = path.join(path.dirname(db.file), 'backups', made.name);
      expect(integrityProblem(file)).toBeNull();
      expect(existsSync(`${file}-wal`)).toBe(false);
      const copy = new BetterSqlite3(file, { readonly: true });
      try {
        expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
        expect(copy.prepare('SELECT count(*) FROM residents').pluck().get()).toBe(db.raw.prepare('SELECT count(*) FROM residents').pluck().get());
        expect(copy.prepare("SELECT count(*) FROM residents WHERE phone = '13800000000'").pluck().get()).toBe(1);
      } finally {
        copy.close();
      }
    } finally {
      useBuiltWorkers(null);
    }
  });

  it('refuses a copy over the database itself, with its message', async () => {
    const db = sampleDb();
    const refused = await backupOffThread(db, db.file, WORKER).catch((e: unknown) => e);
    expect(String(refused)).toContain('备份文件不能与正在使用的数据库是同一个文件');
  });

  it('encodes a download in the worker: the same file, name and type', async () => {
    const db = sampleDb();
    const made = await createBackup(db, 'manual');
    const file = path.join(path.dirname(db.file), 'backups', made.name);
    const off = await downloadOffThread(file, made.name, WORKER);
    expect(off).toBeInstanceOf(EncodedValue);
    expect(plainValue(off)).toEqual(backupDownload(file, made.name));
  });

  it('copies a backup out and reads it back without holding the thread', async () => {
    const db = sampleDb();
    const made = await createBackup(db, 'manual');
    const dest = await copyBackupVerified(db, made.name, tempDir());
    expect(integrityProblem(dest)).toBeNull();
  });

  it('checks and counts a backup for the recovery screen (safe mode) as the calling thread does', async () => {
    const db = sampleDb();
    const made = await createBackup(db, 'manual');
    const file = path.join(path.dirname(db.file), 'backups', made.name);
    const facts = await backupFactsOffThread(file, null, WORKER);
    expect(facts).toEqual(backupFacts(file));
    expect(facts).toMatchObject({ verified: true, contents: { institution: sample().institution.name } });
  });
});
