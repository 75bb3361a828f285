/**
 * The month hold of a submission reaches across processes (issue 16 §4): while `ltc submit` prepares
 * October in one process, a visit saved to October by another process (the window, here this test's
 * own connection to the same file) is refused with the reason, never committed and then left out of
 * the frozen claim. Once the submission is stored the month is locked as ever, and the hold is gone.
 * Runs the built bin/ltc.cjs (npm test builds first).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/services/db/database';
import { saveVisit } from '../../../electron/services/visits/visitWrite';

const root = resolve(__dirname, '../../..');
const SAMPLE = join(root, 'tests/fixtures/sample-ningbo.json');
let dir = '';

beforeAll(() => {
  if (!existsSync(join(root, 'out/main/cli.js'))) throw new Error('out/main/cli.js is missing: run `npm run build` before these tests');
  dir = mkdtempSync(join(tmpdir(), 'ltc-submit-hold-'));
});

describe('a submission in one process holds its month for every other process', () => {
  it('a visit saved to October while ltc submit runs is refused; after it, October is locked', async () => {
    const file = join(dir, 'ltc.db');
    expect(spawnSync(process.execPath, [join(root, 'bin/ltc.cjs'), 'import', '--db', file, SAMPLE]).status).toBe(0);
    const db = openDatabase(file);
    try {
      const ids = (table: string) => db.raw.prepare(`SELECT id FROM ${table} ORDER BY id LIMIT 1`).pluck().get() as number;
      const visit = {
        residentId: ids('residents'),
        staffId: ids('staff'),
        start: '2026-10-29T15:00',
        end: '2026-10-29T16:00',
        items: ['LC01'],
        confirmed: true,
      };
      const visitsBefore = db.raw.prepare('SELECT COUNT(*) FROM visits').pluck().get();

      const submit = spawn(process.execPath, [join(root, 'bin/ltc.cjs'), 'submit', '--db', file, '--month', '2026-10', '--accept-errors', '--by', '张会计'], {
        stdio: 'ignore',
      });
      const exited = new Promise<number | null>((done) => submit.once('exit', done));
      // the other process has taken its hold once its row is in the file
      const deadline = Date.now() + 30_000;
      let held = false;
      while (!held && Date.now() < deadline) {
        held = db.raw.prepare("SELECT COUNT(*) FROM submission_holds WHERE month = '2026-10'").pluck().get() === 1;
        if (!held) await new Promise((r) => setTimeout(r, 5));
      }
      expect(held, 'ltc submit took no hold').toBe(true);
      expect(() => saveVisit(db, visit, '护士长')).toThrow('2026-10 正在申报（生成申报包），完成前该月记录不能修改');

      expect(await exited).toBe(0);
      expect(db.raw.prepare('SELECT COUNT(*) FROM visits').pluck().get()).toBe(visitsBefore);
      expect(db.raw.prepare('SELECT COUNT(*) FROM submission_holds').pluck().get()).toBe(0);
      expect(() => saveVisit(db, visit, '护士长')).toThrow('2026-10 的结算已申报，该月记录只读');
    } finally {
      db.close();
    }
  });
});
