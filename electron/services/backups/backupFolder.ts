/**
 * The backups folder beside the database (`backups/`): verified copies named by kind and time (see
 * backupNames.ts), so the list needs no index file that could disagree with what is on disk. Daily
 * backups rotate; manual ones, and those taken before the first start of a new version, stay until the
 * user deletes them.
 */
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BackupInfo, BackupList } from '../../../shared/api/backups';
import { fileStamp } from '../db/clock';
import type { LtcDatabase } from '../db/database';
import { sidecarOf } from '../db/keyVault';
import { ServiceError } from '../errors';
import { backupOffThread } from './backupOffThread';
import { backupsFolderOf, freeBackupName, namedBackup, parseBackupName } from './backupNames';

export const KEEP_DAILY = 14;

export const backupsFolder = (db: LtcDatabase): string => backupsFolderOf(db.file);

function info(folder: string, name: string): BackupInfo | null {
  const parsed = parseBackupName(name);
  return parsed ? { name, bytes: statSync(join(folder, name)).size, ...parsed } : null;
}

export function listBackups(db: LtcDatabase): BackupList {
  const folder = backupsFolder(db);
  const names = existsSync(folder) ? readdirSync(folder) : [];
  const backups = names.map((n) => info(folder, n)).filter((b): b is BackupInfo => b !== null);
  backups.sort((a, b) => b.at.localeCompare(a.at) || b.name.localeCompare(a.name));
  return { folder, backups, keepDaily: KEEP_DAILY };
}

export async function createBackup(db: LtcDatabase, kind: 'manual' | 'daily', now = new Date()): Promise<BackupInfo> {
  const folder = backupsFolder(db);
  mkdirSync(folder, { recursive: true });
  // Two backups in the same second: the later one takes the next free name rather than overwrite.
  const name = freeBackupName(folder, namedBackup(kind), now);
  // the copy and its integrity check read all of it: in the backup worker, off the thread serving the windows
  await backupOffThread(db, join(folder, name));
  const made = info(folder, name);
  if (!made) throw new Error(`unexpected backup name ${name}`);
  if (kind === 'daily') rotateDaily(folder);
  return made;
}

function rotateDaily(folder: string): void {
  const daily = readdirSync(folder)
    .filter((n) => parseBackupName(n)?.kind === 'daily')
    .sort()
    .reverse();
  for (const old of daily.slice(KEEP_DAILY)) rmSync(join(folder, old), { force: true });
}

/** The daily backup on start-up: made when the newest backup of any kind is from an earlier day. */
export async function ensureDailyBackup(db: LtcDatabase, now = new Date()): Promise<BackupInfo | null> {
  const today = fileStamp(now).slice(0, 8);
  const newest = listBackups(db).backups[0];
  if (newest && newest.at.slice(0, 10).replaceAll('-', '') >= today) return null;
  return createBackup(db, 'daily', now);
}

export function backupPath(db: LtcDatabase, name: string): string {
  const folder = backupsFolder(db);
  const file = join(folder, name);
  if (!parseBackupName(name) || !existsSync(file)) throw new ServiceError('NOT_FOUND', `找不到备份文件 ${name}，可能已被删除。请刷新列表。`);
  return file;
}

/** SHA-256 of a file read in chunks: the thread stays free between them, however big the file. */
function sha256OfFile(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(file)
      .on('data', (chunk) => hash.update(chunk))
      .on('end', () => resolve(hash.digest('hex')))
      .on('error', reject);
  });
}

/**
 * Copies a backup into `folder`, then reads it back: a USB stick that lies about writes is caught here.
 * Asynchronous throughout (a big database is hundreds of MB): the copy and the reads run in the
 * background, the hashing a chunk at a time.
 */
export async function copyBackupVerified(db: LtcDatabase, name: string, folder: string): Promise<string> {
  const src = backupPath(db, name);
  const dest = join(folder, name);
  await copyFile(src, dest);
  const [copied, original] = await Promise.all([sha256OfFile(dest), sha256OfFile(src)]);
  if (copied !== original) {
    rmSync(dest, { force: true });
    throw new ServiceError('CONFLICT', `备份写入 ${folder} 后校验不一致，已删除该副本。请换一个U盘或文件夹重试。`);
  }
  // An encrypted backup is opened on another PC by its key's wrap under the recovery code, kept beside the
  // database (db/keyVault.ts, decisions.md D37): it goes along, named for the copy, or the copy could not be
  // opened there even with the recovery code (`ltc recover-key --db COPY`, or beside a database restored from it).
  if (db.key && existsSync(sidecarOf(db.file))) await copyFile(sidecarOf(db.file), sidecarOf(dest));
  return dest;
}
