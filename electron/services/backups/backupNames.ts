/**
 * The names of backup files and the folder they live in, beside the database: the name says the kind
 * and the time (and, for an upgrade backup, both versions), so the list needs no index file that could
 * disagree with what is on disk. Pure naming, no database: the upgrade backup is named before the
 * database is opened.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { BACKUP_FILE_NAME, type BackupInfo } from '../../../shared/api/backups';
import { fileStamp } from '../db/clock';

export const backupsFolderOf = (dbFile: string): string => join(dirname(dbFile), 'backups');

/** Only the characters the name pattern allows in a version (a semantic version has no others). */
const safeVersion = (v: string): string => v.replace(/[^0-9A-Za-z.+-]/g, '-');

export type BackupNamer = (at: Date) => string;

export const namedBackup =
  (kind: 'manual' | 'daily'): BackupNamer =>
  (at) =>
    `ltc-desk-${kind}-${fileStamp(at)}.db`;

export const upgradeBackup =
  (from: string, to: string): BackupNamer =>
  (at) =>
    `ltc-desk-升级前-v${safeVersion(from)}-到-v${safeVersion(to)}-${fileStamp(at)}.db`;

/** The name for a backup made at `at`; when taken (two in one second), the next second's. */
export function freeBackupName(folder: string, name: BackupNamer, at: Date): string {
  let t = at.getTime();
  while (existsSync(join(folder, name(new Date(t))))) t += 1000;
  return name(new Date(t));
}

/** What a file name says about its backup; null for any other file. */
export function parseBackupName(name: string): Pick<BackupInfo, 'kind' | 'at' | 'upgrade'> | null {
  const m = BACKUP_FILE_NAME.exec(name);
  if (!m) return null;
  const [, kind, from, to, y, mo, d, h, mi, s] = m;
  const at = `${y}-${mo}-${d}T${h}:${mi}:${s}`;
  if (kind === 'manual' || kind === 'daily') return { kind, at };
  return { kind: 'upgrade', at, upgrade: { from: from ?? '', to: to ?? '' } };
}
