/**
 * The file's submission holds (claims/monthLock.ts, migration 014): another live process's hold keeps
 * the month's records unchanged; a hold left by a process that was killed holds nothing.
 */
import { hostname } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { assertMonthWritable, submittingMonths, whileSubmitting } from '../../../electron/services/claims/monthLock';
import { openDatabase } from '../../../electron/services/db/database';
import { tempDir, track } from './helpers';

const hold = (db: ReturnType<typeof openDatabase>, pid: number) =>
  db.raw.prepare("INSERT INTO submission_holds (month, pid, host, started_at) VALUES ('2026-10', ?, ?, '2026-11-02 10:00:00')").run(pid, hostname());

describe('submission holds in the database file', () => {
  it('a live process’s hold refuses a change to its month, and a second submission', async () => {
    const db = track(openDatabase(path.join(tempDir(), 'held.db')));
    hold(db, process.ppid); // the test runner: alive
    expect(submittingMonths(db)).toEqual(['2026-10']);
    expect(() => assertMonthWritable(db, ['2026-10'])).toThrow('2026-10 正在申报');
    expect(assertMonthWritable(db, ['2026-11'])).toBeNull();
    await expect(whileSubmitting(db, '2026-10', () => Promise.resolve(1))).rejects.toThrow('2026-10 正在申报（生成申报包），请等它完成后再看结果');
  });

  it('a hold left by a killed process holds nothing, and the next submission takes it over and releases it', async () => {
    const db = track(openDatabase(path.join(tempDir(), 'stale.db')));
    hold(db, 2 ** 22 + 7); // above Linux's pid_max default: no such process
    expect(submittingMonths(db)).toEqual([]);
    expect(assertMonthWritable(db, ['2026-10'])).toBeNull();
    const during = await whileSubmitting(db, '2026-10', () => Promise.resolve(db.raw.prepare('SELECT pid FROM submission_holds').pluck().all()));
    expect(during).toEqual([process.pid]);
    expect(db.raw.prepare('SELECT COUNT(*) FROM submission_holds').pluck().get()).toBe(0);
  });
});
