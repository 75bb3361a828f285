/**
 * The built workers (out/main: claim, import, inspection, backup) on an encrypted database (decisions.md D37):
 * each request carries the database's key, each worker opens its own keyed connection, and answers as the
 * calling thread does. Needs `npm run build` first (npm test does it).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { backupFactsOffThread, backupOffThread } from '../../../electron/services/backups/backupOffThread';
import { computeMonthClaimOffThread } from '../../../electron/services/claims/claimOffThread';
import { computeMonthClaim } from '../../../electron/services/claims/monthClaim';
import { fileEncryption, newDatabaseKey } from '../../../electron/services/db/cipherKey';
import { openDatabase } from '../../../electron/services/db/database';
import { importDataset } from '../../../electron/services/dataset/importDataset';
import { runImport } from '../../../electron/services/importWorker/importOffThread';
import { plainValue } from '../../../electron/services/api/wire';
import { sample, tempDir, track } from '../services/helpers';

const OUT_MAIN = path.resolve(__dirname, '../../../out/main');
const worker = (name: string) => path.join(OUT_MAIN, `${name}.js`);
beforeAll(() => {
  for (const name of ['claimWorker', 'importWorker', 'backupWorker']) {
    if (!existsSync(worker(name))) throw new Error(`out/main/${name}.js is missing: run \`npm run build\` before these tests`);
  }
});

const ID_NUMBER = sample().residents[0]!.idNumber;

function encryptedSample() {
  const key = newDatabaseKey();
  const db = track(openDatabase(path.join(tempDir(), 'ltc-desk.db'), { key }));
  importDataset(db, sample(), { actor: 'seed' });
  return db;
}

describe('the workers on an encrypted database', () => {
  it('the claim worker computes the same claim', async () => {
    const db = encryptedSample();
    expect(await computeMonthClaimOffThread(db, '2026-10', worker('claimWorker'))).toEqual(computeMonthClaim(db, '2026-10'));
  });

  it('the import worker writes through its own keyed connection, and the owner sees it', async () => {
    const db = encryptedSample();
    const csv = [
      '服务对象身份证号,服务对象姓名,护理人员姓名,开始时间,结束时间,服务项目编码,签字确认,外部编号',
      '33020519410923006X,陈淑芬,施银萍,2026-10-20 09:00,2026-10-20 10:00,LC01、LC08,是,APP-001',
    ].join('\r\n');
    const file = { name: 'app.csv', base64: Buffer.from(csv).toString('base64') };
    const done = await runImport(db, 'visits.importCommit', { file, exclude: [] }, '护士长', worker('importWorker'));
    expect(plainValue(done)).toMatchObject({ added: 1 });
    expect(db.raw.prepare("SELECT count(*) FROM visits WHERE external_ref = 'APP-001'").pluck().get()).toBe(1);
  });

  it('the backup worker writes an encrypted, verified copy and verifies it with the key', async () => {
    const db = encryptedSample();
    const dest = path.join(path.dirname(db.file), 'copy.db');
    await backupOffThread(db, dest, worker('backupWorker'));
    expect(fileEncryption(dest)).toBe('encrypted');
    expect(readFileSync(dest).includes(Buffer.from(ID_NUMBER))).toBe(false);
    expect(await backupFactsOffThread(dest, db.key, worker('backupWorker'))).toMatchObject({ verified: true, contents: { counts: { residents: 4 } } });
    expect(await backupFactsOffThread(dest, null, worker('backupWorker'))).toMatchObject({ verified: false });
  });
});
