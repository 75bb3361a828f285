/**
 * A job's failure reaches the window as a call's does (electron/services/api/apiError.ts): the problems
 * of a refusal kept, a SQLite constraint told in Chinese, an unexpected error logged and told as internal.
 */
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { InputError, ServiceError } from '../../../electron/services/errors';
import { jobStatus, startJob } from '../../../electron/services/jobs/jobs';

async function failedWith(error: unknown, busyWith?: () => string | null) {
  const logged: unknown[] = [];
  const id = startJob(
    'test',
    () => Promise.reject(error),
    (e) => logged.push(e),
    busyWith,
  );
  await new Promise((r) => setTimeout(r, 10));
  const status = jobStatus(id);
  expect(status.state).toBe('failed');
  return { error: status.error, logged };
}

describe('a failed job', () => {
  it('keeps a refusal’s problems, whichever kind of refusal', async () => {
    const problems = [{ path: '第3行', message: '身份证号校验位不对' }];
    expect((await failedWith(new InputError('有 1 行存在错误', problems))).error).toEqual({ code: 'BAD_INPUT', message: '有 1 行存在错误', problems });
    expect((await failedWith(new ServiceError('LOCKED', '2026-10 已申报', problems))).error).toEqual({ code: 'LOCKED', message: '2026-10 已申报', problems });
  });

  it('tells a SQLite constraint in Chinese, and a busy database with what holds it', async () => {
    const db = new BetterSqlite3(':memory:');
    db.exec('CREATE TABLE beds (code TEXT UNIQUE)');
    db.prepare('INSERT INTO beds VALUES (?)').run('101-1');
    const clash = (() => {
      try {
        db.prepare('INSERT INTO beds VALUES (?)').run('101-1');
      } catch (e) {
        return e;
      }
      return null;
    })();
    const { error, logged } = await failedWith(clash);
    expect(error?.code).toBe('CONFLICT');
    expect(error?.message).toMatch(/[\u4e00-\u9fff]/);
    expect(error?.message).not.toMatch(/SQLITE|UNIQUE constraint/);
    expect(logged).toHaveLength(1);

    const busy = Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
    expect((await failedWith(busy, () => '导入上门服务记录')).error?.message).toContain('正在导入上门服务记录，暂时不能保存');
  });

  it('logs an unexpected error and says only that nothing was changed', async () => {
    const { error, logged } = await failedWith(new TypeError('x is undefined'));
    expect(error).toEqual({ code: 'INTERNAL', message: expect.stringContaining('数据未改动') });
    expect(logged).toHaveLength(1);
  });
});
