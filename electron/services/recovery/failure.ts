/**
 * Why a database file cannot be opened, in the four plain words the recovery screen uses (文件已损坏 /
 * 由更新版本创建 / 被其他程序占用 / 找不到文件), with what to do and what the program saw. Pure: the error
 * thrown while opening (or the finding of the checks before it) in, a `DbFailure` out.
 */
import type { DbFailure, DbFailureKind } from '../../../shared/api/recovery';
import { DatabaseEncryptedError, DatabaseWrongKeyError } from '../db/cipherKey';
import { DatabaseTooNewError } from '../db/errors';

const WORDS: Record<DbFailureKind, { title: string; advice: string }> = {
  corrupt: {
    title: '文件已损坏',
    advice:
      '数据库文件已损坏，程序无法正常读取其中的数据。请从下面一个“校验通过”的备份恢复：损坏的文件会改名保留在原文件夹，不会删除。恢复前也可以先导出仍能读取的数据。',
  },
  'too-new': {
    title: '由更新版本创建',
    advice:
      '这个数据库文件已被更新版本的长护助手打开过，当前安装的版本太旧，不能打开它。请安装最新版本的长护助手后再打开。不要急于用备份恢复：新版本录入的数据不在旧备份里。',
  },
  locked: {
    title: '被其他程序占用',
    advice: '另一个程序（例如另一个长护助手、ltc 命令或数据库工具）正在使用这个数据库文件。请关闭那个程序，然后点“重试”。',
  },
  missing: {
    title: '找不到文件',
    advice:
      '在原来的位置找不到数据库文件：它可能被移动、改名或删除了，或者所在的U盘、网络盘没有连接。如果文件被移到了别处，请用“打开其他文件”选择它；否则可以从下面的备份恢复。',
  },
  encrypted: {
    title: '数据库已加密',
    advice:
      '数据库文件已加密，这台电脑上的程序没有它的密钥（例如数据库是从另一台电脑复制过来的，或 Windows 重装过）。请用命令行 ltc 的 --key-file 指定密钥文件，或联系管理员用首次设置时保存的恢复码解锁。文件没有被改动。',
  },
  'wrong-key': {
    title: '密钥不正确',
    advice:
      '数据库文件已加密，但给出的密钥解不开它：密钥文件可能属于另一个数据库。请确认密钥文件，然后点“重试”。如果密钥确实无误，则是文件的开头已损坏，可以从下面的备份恢复。',
  },
  other: {
    title: '无法打开',
    advice: '数据库文件无法打开。可以从下面的备份恢复，或用“打开其他文件”选择另一个数据库；如果反复出现，请把下面的技术信息告诉技术支持。',
  },
};

export function failureOf(kind: DbFailureKind, file: string, detail: string): DbFailure {
  return { kind, file, ...WORDS[kind], detail };
}

/** SQLite's result code of an error or of any error it wraps (`cause`), e.g. `SQLITE_CORRUPT`. */
export function sqliteCodeOf(err: unknown): string | null {
  for (let e: unknown = err, depth = 0; e instanceof Error && depth < 5; e = (e as { cause?: unknown }).cause, depth += 1) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('SQLITE_')) return code;
  }
  return null;
}

const messageOf = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/** What an error thrown while opening `file` means for the user. */
export function describeOpenFailure(file: string, err: unknown): DbFailure {
  if (err instanceof DatabaseTooNewError) return failureOf('too-new', file, messageOf(err));
  // before SQLite's codes: a wrong key is SQLITE_NOTADB underneath, which alone would read as a damaged file
  if (err instanceof DatabaseEncryptedError) return failureOf('encrypted', file, messageOf(err));
  if (err instanceof DatabaseWrongKeyError) return failureOf('wrong-key', file, messageOf(err));
  const code = sqliteCodeOf(err) ?? '';
  if (/^SQLITE_(BUSY|LOCKED)/.test(code)) return failureOf('locked', file, messageOf(err));
  if (/^SQLITE_(CORRUPT|NOTADB)/.test(code)) return failureOf('corrupt', file, messageOf(err));
  if (/^SQLITE_CANTOPEN/.test(code)) return failureOf('missing', file, messageOf(err));
  return failureOf('other', file, messageOf(err));
}
