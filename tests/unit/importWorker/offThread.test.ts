/**
 * The window's big imports in the built import worker (out/main/importWorker.js), as the app runs
 * them: the same previews, the same stored rows and audit, the same refusals as in the calling thread;
 * and while the worker writes, the owner's thread is never made to wait: a save is refused at once
 * with a message naming the import, and a submission does not start. A month held by a submission being
 * prepared stays held inside the worker. Needs `npm run build` first (npm test does it).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../electron/services/api/dispatch';
import { handlers } from '../../../electron/services/api/registry';
import { EncodedValue, encodeResult, plainValue } from '../../../electron/services/api/wire';
import { whileSubmitting } from '../../../electron/services/claims/monthLock';
import type { LtcDatabase } from '../../../electron/services/db/database';
import { whileWorkerWrites } from '../../../electron/services/db/writeGate';
import { InputError, ServiceError } from '../../../electron/services/errors';
import { runImport } from '../../../electron/services/importWorker/importOffThread';
import { sampleDb, upload } from '../visits/support';

const WORKER = path.resolve(__dirname, '../../../out/main/importWorker.js');
beforeAll(() => {
  if (!existsSync(WORKER)) throw new Error('out/main/importWorker.js is missing: run `npm run build` before these tests');
});

const CSV = [
  '服务对象身份证号,服务对象姓名,护理人员姓名,开始时间,结束时间,服务项目编码,签字确认,外部编号',
  '33020519410923006X,陈淑芬,施银萍,2026-10-20 09:00,2026-10-20 10:00,LC01、LC08,是,APP-001',
  ',陈淑芬,施银萍,2026-10-21 09:00,2026-10-21 10:00,LC02,否,APP-002',
  ',陈淑霞,陈淑霞,2026-10-23 09:00,2026-10-23 10:00,MC12,是,APP-004',
].join('\r\n');
const file = upload('app.csv', CSV);
const AUDIT = "SELECT actor, action, entity FROM audit_log WHERE action = 'import' AND entity = 'visit'";
const visitRows = (db: LtcDatabase) =>
  db.raw.prepare("SELECT external_ref, start_at, confirmed FROM visits WHERE external_ref LIKE 'APP-%' ORDER BY external_ref").all();

describe('the import worker', () => {
  it('previews and imports exactly as the calling thread does, and answers in encoded bytes', async () => {
    const [off, here] = [sampleDb(), sampleDb()];
    const preview = await runImport(off, 'visits.importPreview', { file }, '护士长', WORKER);
    expect(preview).toBeInstanceOf(EncodedValue);
    expect(plainValue(preview)).toEqual(await runImport(here, 'visits.importPreview', { file }, '护士长', null));

    const input = { file, exclude: [4] };
    const done = await runImport(off, 'visits.importCommit', input, '护士长', WORKER);
    expect(plainValue(done)).toEqual({ added: 2, skippedDuplicates: 0, excluded: 1, updated: 0, skippedChanged: 0 });
    await runImport(here, 'visits.importCommit', input, '护士长', null);
    // the owner's connection sees the worker's commit at once
    expect(visitRows(off)).toEqual(visitRows(here));
    expect(visitRows(off)).toHaveLength(2);
    expect(off.raw.prepare(AUDIT).all()).toEqual([{ actor: '护士长', action: 'import', entity: 'visit' }]);
  });

  it('brings a refusal back as the same Chinese input error, with its problems, and stores nothing', async () => {
    const db = sampleDb();
    const refused = await runImport(db, 'visits.importCommit', { file, exclude: [] }, '护士长', WORKER).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(InputError);
    expect((refused as InputError).message).toContain('有 1 行存在错误，未导入任何记录');
    expect((refused as InputError).problems.map((p) => p.path)).toEqual(['第4行 服务对象姓名']);
    expect(visitRows(db)).toEqual([]);
  });

  it('keeps a month held by a submission being prepared: the import into it is refused', async () => {
    const db = sampleDb();
    const refused = await whileSubmitting(db, '2026-10', () => runImport(db, 'visits.importCommit', { file, exclude: [4] }, '护士长', WORKER)).catch(
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(ServiceError);
    expect((refused as ServiceError).message).toContain('2026-10 正在申报');
    expect(visitRows(db)).toEqual([]);
  });
});

describe('while a worker writes', () => {
  it('refuses a save at once, naming the import, instead of freezing the thread that serves the windows', async () => {
    const db = sampleDb();
    const dispatch = createDispatcher(handlers, { db, actor: '张会计', shell: 'desktop', appVersion: 'test', openFolder: () => false }, () => undefined);
    // a second connection holds the write lock, as the worker does during a commit
    const worker = new BetterSqlite3(db.file);
    worker.exec('BEGIN IMMEDIATE');
    try {
      const answer = await whileWorkerWrites(db, '导入上门服务记录', async () => {
        const t = performance.now();
        const r = await dispatch('visits.delete', { id: 1 });
        return { r, ms: performance.now() - t };
      });
      expect(answer.ms).toBeLessThan(1000); // SQLite's busy timeout is 5 s: it did not wait
      expect(answer.r).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    } finally {
      worker.exec('ROLLBACK');
      worker.close();
    }
  });

  it('tells the user which import holds the database, and a submission does not start', async () => {
    const db = sampleDb();
    const dispatch = createDispatcher(handlers, { db, actor: '张会计', shell: 'desktop', appVersion: 'test', openFolder: () => false }, () => undefined);
    const worker = new BetterSqlite3(db.file);
    worker.exec('BEGIN IMMEDIATE');
    try {
      await whileWorkerWrites(db, '导入上门服务记录', async () => {
        const r = JSON.parse(new TextDecoder().decode(encodeResult(await dispatch('visits.delete', { id: 2 })))) as {
          ok: boolean;
          error: { code: string; message: string };
        };
        expect(r.ok).toBe(false);
        expect(r.error.code).toBe('CONFLICT');
        expect(r.error.message).toContain('正在导入上门服务记录，暂时不能保存');
        const submit = await whileSubmitting(db, '2026-10', () => Promise.resolve('started')).catch((e: unknown) => e);
        expect(submit).toBeInstanceOf(ServiceError);
        expect((submit as ServiceError).message).toContain('正在导入上门服务记录，请等导入完成后再申报');
      });
    } finally {
      worker.exec('ROLLBACK');
      worker.close();
    }
    // and afterwards the owner waits for other programs' locks again, as before, and the save goes through
    expect(db.raw.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(await dispatch('visits.delete', { id: 2 })).toMatchObject({ ok: true });
  });
});
