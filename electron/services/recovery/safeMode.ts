/**
 * Safe mode's dispatcher, for the desktop app and the host alike: while the database cannot be opened it
 * serves the recovery calls only (shared/api/recovery.ts) and refuses every other call with `SAFE_MODE`;
 * once a restore, another file or a retry opens a database, it hands every call to the normal dispatcher
 * built for that database (by the face: it knows the updater, the folder opener…).
 */
import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { contract, type MethodName, type OutputOf, type ParsedInputOf } from '../../../shared/api/contract';
import type { ApiResult } from '../../../shared/api/errors';
import type { DbFailure, RecoveryBackup, RecoveryBackupList, RecoveryStatus } from '../../../shared/api/recovery';
import { toApiError } from '../api/apiError';
import { parseInput, type Dispatch } from '../api/dispatch';
import type { ServiceContext } from '../api/context';
import type { SessionSlot } from '../auth/sessions';
import { backupsFolderOf, parseBackupName } from '../backups/backupNames';
import { backupFactsOffThread } from '../backups/backupOffThread';
import type { DatabaseKey } from '../db/cipherKey';
import { openDatabase, type LtcDatabase } from '../db/database';
import { describeDatabaseFile } from '../db/describeFile';
import { InputError, ServiceError } from '../errors';
import { encryptInPlace } from './encryptInPlace';
import { restoreInPlace } from './restoreInPlace';
import { salvageToWorkbook } from './salvage';
import { backupsBeside, openOrSafeMode, type StartDecision } from './startup';

export const SAFE_MODE_REFUSAL = '数据库未能打开，程序处于安全模式：只能查看问题、从备份恢复、打开其他文件或导出仍能读取的数据。';

export interface SafeModeShell {
  /** who restores, for the audit row the restore appends */
  actor: string;
  shell: 'desktop' | 'browser';
  appVersion?: string;
  /** asks the user for a database file (desktop); null if cancelled; undefined where the shell cannot ask */
  chooseFile?: () => Promise<string | null>;
  /** the database's key (db/cipherKey.ts) where the face has one (the host's --key-file): its backups share it */
  key?: DatabaseKey | null;
  /**
   * the key from the recovery code, where the face keeps the key (the desktop app's vault, db/keyVault.ts);
   * undefined where it cannot (`recovery.unlock` is refused)
   */
  unlock?: (recoveryCode: string) => Promise<DatabaseKey>;
  /**
   * 加密数据库 (encryptInPlace.ts): keeps the new key where this face keeps keys (the desktop's vault, the
   * host's --key-file), and forgets it when the file stayed plain; undefined where the face cannot keep one
   */
  keepNewKey?: (key: DatabaseKey, recoveryCode: string) => Promise<void>;
  dropNewKey?: () => void;
  /** why the face cannot encrypt now (a system without key protection), in words for the user; null: it can */
  encryptUnavailable?: () => string | null;
}

/** Where the face keeps no keys (the host without --key-file). */
const CANNOT_KEEP_KEY = '浏览器预览不能加密数据库：请关闭预览后用 ltc encrypt --db 数据库 --key-file 密钥文件 加密，再以 --key-file 启动预览。';

export interface RecoveringDispatch {
  dispatch: Dispatch;
  /** the database once one is open (at start, or after recovery), else null */
  db(): LtcDatabase | null;
  /** the failure while in safe mode, else null */
  failure(): DbFailure | null;
}

type SafeHandlers = { [M in MethodName & `recovery.${string}`]: (input: ParsedInputOf<M>) => OutputOf<M> | Promise<OutputOf<M>> };

const isMethod = (m: string): m is MethodName => Object.prototype.hasOwnProperty.call(contract, m);

/**
 * Every backup beside the file, checked and counted, newest first: each read whole (integrity check) in the
 * backup worker, one after another, so the thread serving the window stays free however many there are.
 */
export async function recoveryBackups(file: string, key: DatabaseKey | null = null): Promise<RecoveryBackupList> {
  const folder = backupsFolderOf(file);
  const backups: RecoveryBackup[] = [];
  for (const name of backupsBeside(file)) {
    const path = join(folder, name);
    const parsed = parseBackupName(name)!;
    const facts = await backupFactsOffThread(path, key);
    backups.push({
      name,
      at: parsed.at,
      kind: parsed.kind,
      bytes: statSync(path).size,
      verified: facts.verified,
      problem: facts.problem,
      institution: facts.contents?.institution ?? null,
      counts: facts.contents?.counts ?? null,
    });
  }
  backups.sort((a, b) => b.at.localeCompare(a.at) || b.name.localeCompare(a.name));
  return { folder, backups };
}

function backupFileOf(file: string, name: string): string {
  if (!backupsBeside(file).includes(name)) throw new ServiceError('NOT_FOUND', `找不到备份文件 ${name}，可能已被移走或删除。`);
  return join(backupsFolderOf(file), name);
}

/** The face's builder of the normal dispatcher, given the open database and the 加密数据库 hooks for its context. */
export type NormalDispatch = (db: LtcDatabase, encryption: NonNullable<ServiceContext['encryption']>) => Dispatch;

const WHILE_ENCRYPTING = '正在加密数据库，请稍候，完成后再操作。';

export function createRecoveringDispatch(file: string, start: StartDecision, shell: SafeModeShell, normal: NormalDispatch): RecoveringDispatch {
  let db: LtcDatabase | null = start.mode === 'normal' ? start.db : null;
  let failure: DbFailure | null = start.mode === 'safe' ? start.failure : null;
  let key = shell.key ?? null;
  // while 加密数据库 has the file closed: every other call is answered with a wait
  let encrypting = false;

  const encryption: NonNullable<ServiceContext['encryption']> = {
    unavailable: () => (shell.keepNewKey ? (shell.encryptUnavailable?.() ?? null) : CANNOT_KEEP_KEY),
    encrypt: async (o) => {
      const keepNewKey = shell.keepNewKey;
      if (!db || !keepNewKey) throw new InputError(CANNOT_KEEP_KEY);
      encrypting = true;
      try {
        return await encryptInPlace(db, {
          ...o,
          keepKey: keepNewKey,
          dropKey: () => shell.dropNewKey?.(),
          reopen: (next) => {
            key = next;
            openAgain();
            return db;
          },
        });
      } finally {
        encrypting = false;
      }
    },
  };
  let current: Dispatch | null = db ? normal(db, encryption) : null;

  function opened(next: LtcDatabase): void {
    db = next;
    failure = null;
    current = normal(next, encryption);
  }
  /** The file opened again as it is now (restored, unlocked, encrypted, retried): normal, or safe mode and why. */
  function openAgain(): void {
    const again = openOrSafeMode(file, { appVersion: shell.appVersion, key });
    if (again.mode === 'normal') return opened(again.db);
    db = null;
    current = null;
    failure = again.failure;
  }
  const status = (): RecoveryStatus => (failure ? { mode: 'safe', failure, shell: shell.shell } : { mode: 'normal' });

  const safe: SafeHandlers = {
    'recovery.status': () => status(),
    'recovery.backups': () => recoveryBackups(file, key),
    'recovery.preview': async ({ name }) => {
      const facts = await backupFactsOffThread(backupFileOf(file, name), key);
      if (!facts.verified || !facts.contents) throw new InputError(`这个备份不能使用：${facts.problem ?? ''}`);
      const parsed = parseBackupName(name)!;
      return { name, at: parsed.at, schemaVersion: facts.schemaVersion, ...facts.contents };
    },
    'recovery.restore': ({ name }) => {
      if (failure?.kind === 'locked') throw new ServiceError('CONFLICT', '数据库文件正被其他程序占用，不能替换它。请关闭那个程序后点“重试”。');
      let restored;
      try {
        restored = restoreInPlace(file, backupFileOf(file, name), { actor: shell.actor, appVersion: shell.appVersion, key });
      } catch (err) {
        // the file in place may have changed on the way (the backup copied but not opened): look again
        openAgain();
        throw err;
      }
      opened(restored.db);
      return { keptAs: restored.keptAs, restored: name };
    },
    'recovery.openFile': async ({ path }) => {
      let chosen = path;
      if (!chosen) {
        if (!shell.chooseFile) throw new InputError('请填写数据库文件的完整路径。');
        chosen = (await shell.chooseFile()) ?? undefined;
        if (!chosen) return { cancelled: true as const };
      }
      const target = resolve(chosen);
      // only a sound database of this program: nothing is created, migrated or written in any other file
      describeDatabaseFile(target, key);
      opened(openDatabase(target, { appVersion: shell.appVersion, key }));
      return { opened: target };
    },
    'recovery.retry': () => {
      openAgain();
      return status();
    },
    'recovery.export': () => salvageToWorkbook(file, key),
    'recovery.unlock': async ({ recoveryCode }) => {
      if (!shell.unlock) throw new InputError('这里不能用恢复码解锁数据库：请用 --key-file 指定密钥文件后重新启动。');
      if (!failure || (failure.kind !== 'encrypted' && failure.kind !== 'wrong-key')) throw new InputError('数据库不需要解锁。');
      key = await shell.unlock(recoveryCode);
      openAgain();
      return status();
    },
  };

  const dispatchSafe: Dispatch = async (method, input) => {
    if (!isMethod(method)) return { ok: false, error: { code: 'UNKNOWN_METHOD', message: `未知的调用：${method}` } };
    if (!method.startsWith('recovery.')) return { ok: false, error: { code: 'SAFE_MODE', message: SAFE_MODE_REFUSAL } };
    const parsed = parseInput(method, input);
    if (!parsed.ok) return parsed;
    try {
      const handler = safe[method as keyof SafeHandlers] as (input: unknown) => unknown;
      const value: unknown = await handler(parsed.value);
      return { ok: true, value } as ApiResult<unknown>;
    } catch (e) {
      return { ok: false, error: toApiError(e, console.error) };
    }
  };

  return {
    // a session (decisions.md D35) only matters to the normal dispatcher: safe mode has no users to check
    dispatch: Object.assign(
      (method: string, input: unknown, slot?: SessionSlot): Promise<ApiResult<unknown>> =>
        encrypting
          ? Promise.resolve({ ok: false, error: { code: 'CONFLICT', message: WHILE_ENCRYPTING } })
          : current
            ? current(method, input, slot)
            : dispatchSafe(method, input),
      {
        refusal: (method: string, slot?: SessionSlot) => current?.refusal?.(method, slot) ?? null,
      },
    ),
    db: () => db,
    failure: () => failure,
  };
}
