/** 应用与设置: what the app says about itself and its data file. */
import { z } from 'zod';
import { method, noInput } from './define';

/** Whether the database file is encrypted at rest (decisions.md D37), and whether this window can encrypt it. */
export interface DatabaseEncryption {
  encrypted: boolean;
  /**
   * why this face cannot encrypt the plain file here (the browser preview started without --key-file, a
   * system with no key protection), in words for the user; null when it can (or the file is encrypted)
   */
  unavailable: string | null;
  /**
   * whether a 管理员 has a recovery code to keep the key under: one made by `ltc user add` before it issued
   * codes has none, and 加密数据库 then issues one to the 管理员 encrypting (shown once, in the outcome)
   */
  hasRecoveryCode: boolean;
}

export interface AppInfo {
  name: string;
  version: string;
  /** the database file in use (shown in 设置) */
  databaseFile: string;
  /** 'desktop' in Electron, 'browser' in the preview host */
  shell: 'desktop' | 'browser';
  /** the schema version of the database */
  schemaVersion: number;
  encryption: DatabaseEncryption;
}

/** What 加密数据库 did, for the window to say. */
export interface EncryptOutcome {
  /** the verified (plain) backup taken first, by name in the backups folder */
  backup: string;
  tables: number;
  rows: number;
  /** audit rows whose hash chain was verified in the encrypted file */
  auditRows: number;
  /** the existing backups encrypted with the same key (when asked), by name */
  backupsEncrypted: string[];
  /** the backups that could not be encrypted (left plain and untouched), with why */
  backupsFailed: { name: string; reason: string }[];
  /** the recovery code issued to the 管理员 who encrypted, when no 管理员 had one: shown this once */
  newRecoveryCode: string | null;
}

export const appApi = {
  'app.info': method(noInput).returns<AppInfo>(),
  /** Shows the database folder in the file manager; false where the shell cannot (browser preview). */
  'app.openDataFolder': method(noInput).returns<{ opened: boolean }>(),
  /**
   * 加密数据库 (issue 16 §3, decisions.md D37): the plain file in use is encrypted in one step with a new key
   * kept by the system and wrapped under the first 管理员's recovery code, which she gives here (it is checked
   * against its stored hash; where no 管理员 has one, none is given and one is issued to her). A verified backup
   * is taken first; `encryptBackups` encrypts the existing plain backups with the same key afterwards.
   */
  'app.encryptDatabase': method(
    z.object({
      recoveryCode: z.string().trim().min(1, '请填写恢复码').max(100).optional(),
      encryptBackups: z.boolean(),
      confirm: z.literal(true),
    }),
  ).returns<EncryptOutcome>(),
};
