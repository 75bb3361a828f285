/**
 * What a call handler gets besides its input: the open database, who is acting (for the audit log),
 * and the few things only the shell can do. The Electron main process and the HTTP host each build one.
 */
import type { Session, SessionSlot, SessionStore } from '../auth/sessions';
import type { LtcDatabase } from '../db/database';
import type { UpdaterControl } from '../updates/control';
import type { EncryptOutcome } from '../../../shared/api/app';

export interface ServiceContext {
  db: LtcDatabase;
  /** recorded in the audit log for every write: the logged-in user's name where the face has sessions */
  actor: string;
  /**
   * The logins of a face that serves users (the HTTP host, the desktop window): with it the dispatcher
   * requires a session for every call but the public ones and checks the caller's role
   * (shared/api/permissions.ts). Absent: an in-process caller trusted as `actor` (the unit tests, the bench).
   */
  sessions?: SessionStore;
  /** set by the dispatcher for each call of a face with sessions: where the caller's token lives, and her session */
  caller?: { slot: SessionSlot; session: Session | null };
  shell: 'desktop' | 'browser';
  appVersion: string;
  /** shows a folder in the OS file manager; false where the shell cannot */
  openFolder(path: string): boolean;
  /** opens a file with the system's program for it (a PDF viewer, to print); undefined where the shell cannot */
  openFile?: (path: string) => Promise<boolean>;
  /** asks the user for a folder to save into (a USB stick); null if cancelled; undefined where the shell cannot ask */
  chooseFolder?: (title: string) => Promise<string | null>;
  /** the program's updater (the desktop app's, or an e2e stub); undefined in the browser preview, which cannot update */
  updater?: UpdaterControl;
  /**
   * a recovery code was issued (`auth.setup`: the first administrator's; `auth.recover`: a new one in place of
   * `replaced`): where the face keeps the database's key (the desktop app, db/keyVault.ts), the key is wrapped
   * under it, so the code also opens an encrypted database on another PC (decisions.md D37)
   */
  recoveryCodeIssued?: (code: string, replaced: string | null) => Promise<void>;
  /**
   * 加密数据库 where the face can keep a key (recovery/safeMode.ts builds it: the desktop's vault, the host's
   * --key-file): `unavailable` says why not (null: it can); `encrypt` closes, encrypts and reopens the file
   */
  encryption?: {
    unavailable(): string | null;
    encrypt(o: { recoveryCode?: string; encryptBackups: boolean; actor: string; userId: number | null }): Promise<EncryptOutcome>;
  };
}
