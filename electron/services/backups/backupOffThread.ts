/**
 * Backups' whole-file work in the backup worker when the app runs from its build (backupWorker.ts), in
 * the calling thread from the sources (tests), with the same results.
 */
import { existsSync } from 'node:fs';
import type { FileDownload } from '../../../shared/api/define';
import { EncodedValue } from '../api/wire';
import { appPaths } from '../app/appPaths';
import { integrityProblem } from '../db/migrate';
import { workerClient } from '../workerClient';
import { backupDownload } from './backupFolder';

function builtBackupWorker(): string | null {
  const file = appPaths().worker('backupWorker');
  return file && existsSync(file) ? file : null;
}

/** null when `PRAGMA integrity_check` of `file` says ok, else what it reported. */
export async function integrityOffThread(file: string, workerFile = builtBackupWorker()): Promise<string | null> {
  if (!workerFile) return integrityProblem(file);
  return (await workerClient(workerFile).ask<{ problem: string | null }>({ integrity: file })).problem;
}

/** A backup file as the window downloads it, encoded in the worker. */
export async function downloadOffThread(file: string, name: string, workerFile = builtBackupWorker()): Promise<FileDownload | EncodedValue<FileDownload>> {
  if (!workerFile) return backupDownload(file, name);
  return new EncodedValue<FileDownload>((await workerClient(workerFile).ask<{ utf8: Uint8Array }>({ download: { file, name } })).utf8);
}
