/**
 * Backups' whole-file work in the built backup worker (out/main/backupWorker.js), as the app runs it:
 * the copy's integrity check finds a damaged file as the calling thread does, and a download is the
 * same FileDownload, encoded in the worker. The thread serving the windows only waits.
 * Needs `npm run build` first (npm test does it).
 */
import { copyFileSync, existsSync, openSync, writeSync, closeSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { EncodedValue, plainValue } from '../../../electron/services/api/wire';
import { useBuiltWorkers } from '../../../electron/services/app/appPaths';
import { backupDownload, copyBackupVerified, createBackup } from '../../../electron/services/backups/backupFolder';
import { downloadOffThread, integrityOffThread } from '../../../electron/services/backups/backupOffThread';
import { importDataset } from '../../../electron/services/dataset/importDataset';
import { openDatabase } from '../../../electron/services/db/database';
import { integrityProblem } from '../../../electron/services/db/migrate';
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
  it('checks a sound copy as sound and a damaged one as damaged, as the calling thread does', async () => {
    const db = sampleDb();
    useBuiltWorkers(OUT_MAIN);
    try {
      const made = await createBackup(db, 'manual');
      const file = path.join(path.dirname(db.file), 'backups', made.name);
      expect(await integrityOffThread(file, WORKER)).toBeNull();

      const damaged = path.join(tempDir(), 'damaged.db');
      copyFileSync(file, damaged);
      const fd = openSync(damaged, 'r+');
      writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, 4096 * 2); // a page of the tables overwritten
      closeSync(fd);
      const problem = await integrityOffThread(damaged, WORKER);
      expect(problem).not.toBeNull();
      expect(problem).toBe(integrityProblem(damaged));
    } finally {
      useBuiltWorkers(null);
    }
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
});
