/**
 * 安全模式 (issue 16 §5, decisions.md D36): when the database cannot be opened (damaged, from a newer
 * program, held by another program, missing), the app starts in safe mode and serves only these calls;
 * every other call is refused with `SAFE_MODE`. `recovery.status` is served in both modes: the window asks
 * it first and shows the recovery screen or the normal app.
 */
import { z } from 'zod';
import { BACKUP_FILE_NAME } from './backups';
import { method, noInput, type FileDownload } from './define';

/**
 * What is wrong with the file, in the four words the screen uses (and `other` for the rest); `encrypted`: the
 * file is encrypted (decisions.md D37) and this program has no key for it; `wrong-key`: the key it has does
 * not open it.
 */
export type DbFailureKind = 'corrupt' | 'too-new' | 'locked' | 'missing' | 'encrypted' | 'wrong-key' | 'other';

export interface DbFailure {
  kind: DbFailureKind;
  /** the file the program tried to open */
  file: string;
  /** one line in plain words: 文件已损坏 / 由更新版本创建 / 被其他程序占用 / 找不到文件 */
  title: string;
  /** what it means and what to do, for a non-programmer */
  advice: string;
  /** what the program saw (SQLite's or the check's words), for the technical support */
  detail: string;
}

export type RecoveryStatus = { mode: 'normal' } | { mode: 'safe'; failure: DbFailure; shell: 'desktop' | 'browser' };

/** How many records a database file holds, read without writing anything. */
export interface RecordCounts {
  residents: number;
  staff: number;
  visits: number;
  claims: number;
}

export interface RecoveryBackup {
  /** the file name inside the backups folder */
  name: string;
  /** local time the backup was made, `YYYY-MM-DDTHH:mm:ss` */
  at: string;
  kind: 'manual' | 'daily' | 'upgrade';
  bytes: number;
  /** it passed SQLite's integrity check and is a database of this program that this version can open */
  verified: boolean;
  /** why it cannot be used, when it is not verified */
  problem: string | null;
  institution: string | null;
  counts: RecordCounts | null;
}

export interface RecoveryBackupList {
  folder: string;
  backups: RecoveryBackup[];
}

export interface BackupPreview {
  name: string;
  at: string;
  institution: string | null;
  counts: RecordCounts;
  /** the months with visits, newest first, with how many */
  months: { month: string; visits: number }[];
  /** the months with a submitted or settled claim */
  claimedMonths: string[];
  schemaVersion: number;
}

export interface RestoreOutcome {
  /** where the file that could not be opened was put, renamed, never deleted; null when there was none */
  keptAs: string | null;
  /** the backup now in place */
  restored: string;
}

export interface SalvageExport {
  file: FileDownload;
  /** the tables read completely, partly (with the rows read) and not at all */
  tables: { name: string; rows: number; complete: boolean }[];
  unreadable: string[];
}

const backupName = z.string().max(200).regex(BACKUP_FILE_NAME, '不是长护助手的备份文件名');

export const recoveryApi = {
  /** normal, or safe mode and why; served in both modes */
  'recovery.status': method(noInput).returns<RecoveryStatus>(),
  /** the backups beside the file, each checked (integrity, version) and counted; newest first */
  'recovery.backups': method(noInput).returns<RecoveryBackupList>(),
  /** what a backup holds: institution, months, counts */
  'recovery.preview': method(z.object({ name: backupName })).returns<BackupPreview>(),
  /**
   * puts a verified backup in place of the file that cannot be opened (kept aside renamed, never deleted),
   * then opens it: the app leaves safe mode. `confirm` must be true: the screen asks first.
   */
  'recovery.restore': method(z.object({ name: backupName, confirm: z.literal(true) })).returns<RestoreOutcome>(),
  /**
   * opens another database file instead, for this session: a path (the browser preview), or none to choose
   * one in a dialog (desktop). Only a sound database of this program is opened.
   */
  'recovery.openFile': method(z.object({ path: z.string().min(1).max(1000).optional() }).strict()).returns<{ opened: string } | { cancelled: true }>(),
  /** tries the same file again (after the other program holding it was closed) */
  'recovery.retry': method(noInput).returns<RecoveryStatus>(),
  /** what can still be read of the file, table by table, as an .xlsx; refused when nothing can be read */
  'recovery.export': method(noInput).returns<SalvageExport>(),
  /**
   * an encrypted database whose key this PC's OS cannot open (kind `encrypted`; decisions.md D37): the first
   * administrator's recovery code opens the key, which is then kept for this PC, and the file is opened again.
   * Only where the face keeps the key (the desktop app); refused elsewhere.
   */
  'recovery.unlock': method(z.object({ recoveryCode: z.string().trim().min(1, '请填写恢复码').max(100) })).returns<RecoveryStatus>(),
};
