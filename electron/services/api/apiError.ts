/**
 * What a thrown error becomes when it crosses to the window, for a call (api/dispatch.ts) and for a job
 * (jobs/jobs.ts) alike: a Chinese message and, for bad input, the problems with their fields. Never a
 * stack; an unexpected error is logged here and told as an internal error with nothing changed.
 */
import type { ApiError } from '../../../shared/api/errors';
import { constraintText } from '../db/constraintText';
import { DatabaseError } from '../db/errors';
import { InputError, ServiceError } from '../errors';

const INTERNAL = '操作失败（内部错误），数据未改动。请重试；如果反复出现，请联系技术支持。';

const sqliteCode = (e: unknown): string => (e instanceof Error ? ((e as { code?: string }).code ?? '') : '');

/**
 * `busyWith()`: what holds the database's write lock in this process (db/writeGate.ts), asked only when
 * SQLite says it is busy.
 */
export function toApiError(e: unknown, log: (e: unknown) => void, busyWith: () => string | null = () => null): ApiError {
  if (e instanceof InputError) return { code: 'BAD_INPUT', message: e.message, problems: [...e.problems] };
  if (e instanceof ServiceError) return { code: e.code, message: e.message, problems: [...e.problems] };
  if (e instanceof DatabaseError) return { code: e.code === 'DB_TOO_NEW' ? 'DB_TOO_NEW' : 'INTERNAL', message: e.message };
  // The write lock is held elsewhere: an import writing through a worker's connection (the owner then
  // does not wait, db/writeGate.ts), or another program on the same file after SQLite's busy timeout.
  if (/^SQLITE_BUSY/.test(sqliteCode(e))) {
    const busy = busyWith();
    const why = busy ? `正在${busy}` : '数据库正被另一个程序（如 ltc 命令）写入';
    return { code: 'CONFLICT', message: `${why}，暂时不能保存。请稍候几秒再保存，已填写的内容不会丢失。` };
  }
  // SQLite constraint failures are refusals of bad data that slipped past the checks: say so plainly.
  if (/SQLITE_CONSTRAINT/.test(sqliteCode(e))) {
    log(e);
    return { code: 'CONFLICT', message: constraintText((e as Error).message, sqliteCode(e)) };
  }
  log(e);
  return { code: 'INTERNAL', message: INTERNAL };
}
