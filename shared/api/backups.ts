/** 数据备份: verified copies of the database, made on request and once a day, kept beside it. */
import { z } from 'zod';
import { method, noInput, type FileDownload } from './define';

export interface BackupInfo {
  /** the file name inside the backups folder */
  name: string;
  bytes: number;
  /** local time the backup was made, `YYYY-MM-DDTHH:mm:ss` */
  at: string;
  /** manual: 立即备份; daily: the automatic one on start-up; upgrade: before the first start of a new version */
  kind: 'manual' | 'daily' | 'upgrade';
  /** the versions of an upgrade backup: the program that last opened the database, and the new one */
  upgrade?: { from: string; to: string };
}

export interface BackupList {
  folder: string;
  backups: BackupInfo[];
  /** how many daily backups are kept (older ones are removed); manual ones are never removed */
  keepDaily: number;
}

/**
 * A backup's file name: `ltc-desk-manual-20261202-101010.db`, `ltc-desk-daily-…`, and before the first start
 * of a new version `ltc-desk-升级前-v0.1.0-到-v0.2.0-20261202-101010.db`. A version holds no path separator
 * (letters, digits, `.`, `+`, `-`), so a name never leaves the backups folder. Groups: kind, from, to, the
 * date and time parts.
 */
export const BACKUP_FILE_NAME = /^ltc-desk-(manual|daily|升级前-v([0-9A-Za-z.+-]+?)-到-v([0-9A-Za-z.+-]+?))-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})\.db$/;

const backupName = z.string().max(200).regex(BACKUP_FILE_NAME, '不是长护助手的备份文件名');

export const backupsApi = {
  'backups.list': method(noInput).returns<BackupList>(),
  /** Makes a verified backup now (SQLite online backup, then integrity_check). */
  'backups.create': method(noInput).returns<BackupInfo>(),
  /** Copies a backup to a folder the user picks (a USB stick), verified after writing; desktop only. */
  'backups.saveToFolder': method(z.object({ name: backupName })).returns<{ file: string } | { cancelled: true }>(),
  /** A backup as a download (the browser preview, where no folder can be chosen). */
  'backups.download': method(z.object({ name: backupName })).returns<FileDownload>(),
  'backups.openFolder': method(noInput).returns<{ opened: boolean }>(),
};
