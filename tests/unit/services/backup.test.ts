import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { backupDatabase } from '../../../electron/services/db/backup';
import { openDatabase } from '../../../electron/services/db/database';
import { exportDataset } from '../../../electron/services/dataset/exportDataset';
import { importDataset } from '../../../electron/services/dataset/importDataset';
import { sample, tempDir, track } from './helpers';

describe('backupDatabase', () => {
  it('writes a verified, self-contained copy with the same records', async () => {
    const dir = tempDir();
    const db = track(openDatabase(path.join(dir, 'live.db')));
    importDataset(db, sample(), { actor: 't' });
    const dest = path.join(dir, 'copies', 'live-backup.db');
    fs.mkdirSync(path.dirname(dest));

    const result = await backupDatabase(db, dest);
    expect(result).toEqual({ file: dest, bytes: fs.statSync(dest).size });
    expect(result.bytes).toBeGreaterThan(0);
    expect(fs.readdirSync(path.dirname(dest))).toEqual(['live-backup.db']); // no -wal / -shm beside it

    const raw = new BetterSqlite3(dest, { readonly: true });
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(raw.pragma('journal_mode', { simple: true })).toBe('delete');
    raw.close();
    const copy = track(openDatabase(dest));
    expect(exportDataset(copy)).toStrictEqual(sample());
  });

  it('refuses to write the backup over the live database', async () => {
    const file = path.join(tempDir(), 'live.db');
    const db = track(openDatabase(file));
    await expect(backupDatabase(db, file)).rejects.toThrow(/不能与正在使用的数据库是同一个文件/);
  });

  it('while the copy is being made nothing is under the backup’s name, and an older backup there stays whole until replaced', async () => {
    const dir = tempDir();
    const db = track(openDatabase(path.join(dir, 'live.db')));
    importDataset(db, sample(), { actor: 't' });
    const dest = path.join(dir, 'backup.db');
    await backupDatabase(db, dest);
    const older = fs.readFileSync(dest);
    db.raw.prepare("UPDATE residents SET name = '改名' WHERE ref = ?").run(sample().residents[0]!.ref);

    // one page per step: the event loop turns between steps, as a kill could come between them
    const seen = new Set<string>();
    let copying = true;
    const watch = (async () => {
      while (copying) {
        const same = fs.readFileSync(dest).equals(older);
        seen.add(same ? 'older backup, whole' : 'something else');
        await new Promise((r) => setImmediate(r));
      }
    })();
    await backupDatabase(db, dest, { pagesPerStep: 1 });
    copying = false;
    await watch;
    expect([...seen]).toEqual(['older backup, whole']);
    expect(fs.readdirSync(dir).filter((f) => f.includes('partial'))).toEqual([]);
    const copy = track(openDatabase(dest));
    expect(copy.raw.prepare('SELECT name FROM residents WHERE ref = ?').pluck().get(sample().residents[0]!.ref)).toBe('改名');
  });
});
