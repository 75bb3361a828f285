/**
 * Typed errors of the database layer. Each has a stable `code` so the IPC layer can send it across
 * as `{ ok: false, code, message }`; the message is Chinese because it is shown to the user as is.
 */
export type DbErrorCode =
  | 'DB_TOO_NEW'
  | 'DB_NOT_A_DATABASE'
  | 'DB_BACKUP_FAILED'
  | 'DB_MIGRATION_FAILED'
  // encryption at rest (cipherKey.ts): an encrypted file without its key, with a wrong one, a key file that is not one
  | 'DB_ENCRYPTED'
  | 'DB_WRONG_KEY'
  | 'DB_KEY_FILE';

export class DatabaseError extends Error {
  constructor(
    readonly code: DbErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'DatabaseError';
  }
}

/** The file was written by a newer version of the program; it is refused and never touched. */
export class DatabaseTooNewError extends DatabaseError {
  constructor(
    readonly fileVersion: number,
    readonly supportedVersion: number,
  ) {
    super('DB_TOO_NEW', `此数据库由更新版本的长护助手创建（版本 ${fileVersion}），当前程序只支持到版本 ${supportedVersion}，请升级程序后再打开。`);
    this.name = 'DatabaseTooNewError';
  }
}
