/**
 * 加密数据库 from the window (issue 16 §3, decisions.md D37): the plain database the program has open is
 * encrypted in one step, without closing the program, the way `ltc encrypt` does it with the program closed
 * (db/encryptFile.ts does the work in both):
 *
 * 1. refused before anything is written: a file already encrypted, a recovery code that is not the 管理员's,
 *    work still running (a claim, an import: they hold the file);
 * 2. a new key, kept first by the face (the desktop's vault: the OS copy and the wrap under the recovery code,
 *    db/keyVault.ts), so that no moment exists where the file is encrypted and its key is nowhere;
 * 3. a verified backup (plain, in the backups folder), then every connection to the file closed: the owner's
 *    and the workers' (workerClient.ts stopWorkers);
 * 4. encryptFile.ts: an encrypted copy, checked table by table and along the audit chain, swapped in;
 * 5. the file opened again with its key, the audit row written, and (if asked) the plain backups encrypted.
 *
 * Whatever fails after step 3, the file under its name is the old plain one or the whole encrypted one, and
 * it is opened again either way (`reopen`): the program never stays without its database.
 */
import type { EncryptOutcome } from '../../../shared/api/app';
import { recordAudit } from '../audit/auditLog';
import { newRecoveryCode } from '../auth/passwords';
import { hasRecoveryCode, isRecoveryCode, issueRecoveryCode } from '../auth/users';
import { createBackup } from '../backups/backupFolder';
import { fileEncryption, newDatabaseKey, type DatabaseKey } from '../db/cipherKey';
import type { LtcDatabase } from '../db/database';
import { encryptBackupsBeside } from '../db/encryptBackups';
import { encryptDatabaseFile } from '../db/encryptFile';
import { InputError, ServiceError } from '../errors';
import { runningWorkKinds } from '../jobs/jobs';
import { stopWorkers } from '../workerClient';

export interface EncryptInPlaceOptions {
  actor: string;
  /** the 管理员 encrypting (her session's user); null for an in-process caller */
  userId: number | null;
  /** a 管理员's recovery code; left out where no 管理员 has one (then one is issued to `userId`) */
  recoveryCode?: string;
  encryptBackups: boolean;
  /** keeps the new key where the face keeps keys (step 2); throws when it cannot */
  keepKey: (key: DatabaseKey, recoveryCode: string) => Promise<void>;
  /** forgets that key again when the file stayed plain */
  dropKey: () => void;
  /**
   * opens the file again once its connections were closed (with `key` when it is now encrypted, else
   * plain); the database it opened, or null when it could not (the face is then in safe mode)
   */
  reopen: (key: DatabaseKey | null) => LtcDatabase | null;
}

const CODE_NEEDED = '请填写首位管理员的恢复码：新的数据库密钥将用它保护，换电脑时凭它打开数据库。';

export const WRONG_RECOVERY_CODE = '恢复码不正确。请核对首次设置时打印或保存的恢复码（字母不分大小写，短横线可省略）；新的数据库密钥将用它保护。';

export async function encryptInPlace(db: LtcDatabase, o: EncryptInPlaceOptions): Promise<EncryptOutcome> {
  // db.key is the key the open file is keyed with (null: plain)
  if (db.key) throw new ServiceError('CONFLICT', '数据库已经加密，无需再加密。');
  // the code the key is wrapped under: the one a 管理员 keeps, or, where none has one, a new one for her
  let code = o.recoveryCode;
  let issued: string | null = null;
  if (code !== undefined) {
    if (!(await isRecoveryCode(db, code))) throw new InputError(WRONG_RECOVERY_CODE, [{ path: 'recoveryCode', message: WRONG_RECOVERY_CODE }]);
  } else if (hasRecoveryCode(db) || o.userId === null) {
    throw new InputError(CODE_NEEDED, [{ path: 'recoveryCode', message: CODE_NEEDED }]);
  } else {
    issued = code = newRecoveryCode();
  }
  const running = runningWorkKinds();
  if (running.length > 0) throw new ServiceError('CONFLICT', `还有任务正在进行（${running.join('、')}），请等它完成后再加密数据库。`);

  const key = newDatabaseKey();
  await o.keepKey(key, code);
  const file = db.file;
  let closed = false;
  let backup = '';
  let result;
  try {
    result = await encryptDatabaseFile(file, key, {
      // after encryptFile's checks (plain, whole audit chain): the verified backup while the file is still
      // open, then every connection closed, since the file is about to be replaced under its name
      backup: async () => {
        backup = (await createBackup(db, 'manual')).name;
        await stopWorkers();
        db.close();
        closed = true;
      },
    });
  } catch (err) {
    const encrypted = fileEncryption(file) === 'encrypted';
    if (!encrypted) o.dropKey();
    if (closed) o.reopen(encrypted ? key : null);
    throw err;
  }
  const next = o.reopen(key);
  if (!next) throw new ServiceError('CONFLICT', '数据库已加密，但重新打开时出错；程序已进入安全模式，请按页面提示处理。');
  // stored once the file is encrypted: a failed encryption issues nothing
  if (issued !== null && o.userId !== null) await issueRecoveryCode(next, o.userId, o.actor, issued);
  const backups = o.encryptBackups ? await encryptBackupsBeside(file, key) : { encrypted: [], failed: [] };
  recordAudit(next, {
    actor: o.actor,
    action: 'encrypt',
    entity: 'database',
    entityId: null,
    after: { backup, via: '设置', backupsEncrypted: backups.encrypted.length, backupsFailed: backups.failed.length },
  });
  return {
    backup,
    tables: Object.keys(result.tables).length,
    rows: Object.values(result.tables).reduce((a, b) => a + b, 0),
    auditRows: result.auditRows,
    backupsEncrypted: backups.encrypted,
    backupsFailed: backups.failed,
    newRecoveryCode: issued,
  };
}
