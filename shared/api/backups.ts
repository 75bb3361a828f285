/** 数据备份: verified copies of the database, made on request and once a day, kept beside it. */
import { z } from 'zod';
import { method, noInput, type FileDownload } from './define';

export interface BackupInfo {
  /** the file name inside the backups folder */
  name: string;
  bytes: number;
  /** local time the backup was made, `YYYY-MM-DDTHH:mm:ss` */
  at: string;
  /** manual: 立即备份; daily: the automatic one on start-up */
  kind: 'manual' | 'daily';
}

export interface BackupList {
  folder: string;
  backups: BackupInfo[];
  /** how many daily backups are kept (older ones are removed); manual ones are never removed */
  keepDaily: number;
}

const backupName = z.string().regex(/^ltc-desk-(manual|daily)-\d{8}-\d{6}\.db$/, '不是长护助手的备份文件名');

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
