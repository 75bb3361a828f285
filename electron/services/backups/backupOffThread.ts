/**
 * Backups' whole-file work in the backup worker when the app runs from its build (backupWorker.ts), in
 * the calling thread from the sources (tests), with the same results.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FileDownload } from '../../../shared/api/define';
import { EncodedValue } from '../api/wire';
import { appPaths } from '../app/appPaths';
import { backupDatabase } from '../db/backup';
import type { DatabaseKey } from '../db/cipherKey';
import type { LtcDatabase } from '../db/database';
import { workerClient } from '../workerClient';
import { backupFacts, type BackupFacts } from '../recovery/fileFacts';
import { backupDownload } from './backupDownload';

function builtBackupWorker(): string | null {
  const file = appPaths().worker('backupWorker');
  return file && existsSync(file) ? file : null;
}

/** A verified copy of the database in `dest` (db/backup.ts); its size in bytes. */
export async function backupOffThread(db: LtcDatabase, dest: string, workerFile = builtBackupWorker()): Promise<number> {
  if (!workerFile) return (await backupDatabase(db, dest)).bytes;
  if (resolve(dest) === resolve(db.file)) return (await backupDatabase(db, dest)).bytes; // refused there, with its message
  return (await workerClient(workerFile).ask<{ bytes: number }>({ backup: { src: db.file, dest, key: db.key } })).bytes;
}

/** A backup file as the window downloads it, encoded in the worker. */
export async function downloadOffThread(file: string, name: string, workerFile = builtBackupWorker()): Promise<FileDownload | EncodedValue<FileDownload>> {
  if (!workerFile) return backupDownload(file, name);
  return new EncodedValue<FileDownload>((await workerClient(workerFile).ask<{ utf8: Uint8Array }>({ download: { file, name } })).utf8);
}

/** A backup's integrity, version and counts (recovery/fileFacts.ts), read in the worker; `key`: the database's, which its backups share. */
export async function backupFactsOffThread(file: string, key: DatabaseKey | null, workerFile = builtBackupWorker()): Promise<BackupFacts> {
  if (!workerFile) return backupFacts(file, key);
  return (await workerClient(workerFile).ask<{ facts: BackupFacts }>({ verify: { file, key } })).facts;
}
