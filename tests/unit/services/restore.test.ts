/** 从备份恢复 on real files: the backup replaces the database, the old file is kept aside, bad backups are refused untouched. */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { backupDatabase } from '../../../electron/services/db/backup';
import { openDatabase } from '../../../electron/services/db/database';
import { restoreDatabase } from '../../../electron/services/db/restore';
import { importDataset } from '../../../electron/services/dataset/importDataset';
import { listAudit, recordAudit } from '../../../electron/services/audit/auditLog';
import { verifyChain } from '../../../electron/services/audit/auditChain';
import { sample, tempDir } from './helpers';

const count = (file: string, table: string): number => {
  const db = new BetterSqlite3(file, { readonly: true });
  try {
    return db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  } finally {
    db.close();
  }
};
const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

async function sampleWithBackup() {
  const dir = tempDir();
  const file = path.join(dir, 'ltc-desk.db');
  const backup = path.join(dir, 'backup.db');
  const db = openDatabase(file);
  importDataset(db, sample(), { actor: 'seed' });
  await backupDatabase(db, backup);
  return { dir, file, backup, db };
}

describe('restoring a backup', () => {
  it('puts the backup in place and keeps the file as it was, including what was still in its -wal', async () => {
    const { file, backup, db } = await sampleWithBackup();
    // a later mistake: every visit deleted (and not yet checkpointed out of the -wal)
    db.raw.prepare('DELETE FROM visits').run();
    expect(count(file, 'visits')).toBe(0);
    db.close();

    const r = restoreDatabase(file, backup, '王管理员');
    expect(count(file, 'visits')).toBe(6);
    expect(r.previous).not.toBeNull();
    expect(count(r.previous!, 'visits')).toBe(0);
    expect(count(r.previous!, 'residents')).toBe(4);
    const reopened = openDatabase(file);
    expect(reopened.raw.pragma('integrity_check', { simple: true })).toBe('ok');
    reopened.close();
  });

  it('refuses a file that is not a sound database of this program and changes nothing', async () => {
    const { dir, file, db } = await sampleWithBackup();
    db.close();
    const before = sha(file);
    const junk = path.join(dir, 'junk.db');
    fs.writeFileSync(junk, 'this is not a database at all, just text that is long enough to look like a file');
    expect(() => restoreDatabase(file, junk, '王管理员')).toThrow(/不是长护助手数据库|已损坏/);
    const empty = path.join(dir, 'empty.db');
    fs.writeFileSync(empty, '');
    expect(() => restoreDatabase(file, empty, '王管理员')).toThrow(/空文件/);
    expect(sha(file)).toBe(before);
    expect(fs.readdirSync(dir).filter((n) => n.includes('before-restore'))).toEqual([]);
  });

  it('refuses a backup made by a newer version of the program', async () => {
    const { file, backup, db } = await sampleWithBackup();
    db.close();
    const raw = new BetterSqlite3(backup);
    raw.pragma('user_version = 999');
    raw.close();
    expect(() => restoreDatabase(file, backup, '王管理员')).toThrow(/更新版本/);
    expect(count(file, 'visits')).toBe(6);
  });

  it('keeps the audit rows written since the backup, records who restored which backup, and the chain still verifies', async () => {
    const { file, backup, db } = await sampleWithBackup();
    const atBackup = listAudit(db);
    // written after the backup: they are not in it
    recordAudit(db, { actor: '李会计', action: 'export', entity: 'dataset', after: { residents: 4 } });
    recordAudit(db, { actor: '李会计', action: 'update', entity: 'resident', entityId: 1, before: { note: '' }, after: { note: '改' } });
    const sinceBackup = listAudit(db).slice(atBackup.length);
    db.close();

    const r = restoreDatabase(file, backup, '王管理员');
    expect(r.archivedAuditRows).toBe(2);
    const restored = openDatabase(file);
    try {
      const trail = listAudit(restored);
      expect(trail.slice(0, atBackup.length)).toEqual(atBackup);
      expect(trail.slice(atBackup.length)).toEqual([
        expect.objectContaining({
          actor: '王管理员',
          action: 'restore',
          entity: 'database',
          after: expect.objectContaining({ backup: 'backup.db', replaced: path.basename(r.previous!), archivedRows: 2 }),
        }),
      ]);
      const archived = restored.raw.prepare('SELECT id, actor, action, entity FROM audit_log_archived ORDER BY id').all();
      expect(archived).toEqual(sinceBackup.map((x) => ({ id: x.id, actor: x.actor, action: x.action, entity: x.entity })));
      expect(verifyChain(restored.raw).problems).toEqual([]);
      // the trail goes on after the restore
      recordAudit(restored, { actor: '王管理员', action: 'export', entity: 'dataset' });
      expect(verifyChain(restored.raw).problems).toEqual([]);
      // and the archive is held by the chain: a rewritten archived row is found
      restored.raw.exec('DROP TRIGGER audit_log_archived_no_update');
      restored.raw.prepare("UPDATE audit_log_archived SET actor = '别人' WHERE id = ?").run(sinceBackup[0]!.id);
      expect(verifyChain(restored.raw).problems).toEqual([expect.objectContaining({ kind: '内容被改动', id: trail.at(-1)!.id })]);
    } finally {
      restored.close();
    }
  });

  it('restoring the same backup twice keeps what the first restore archived too, one level down, and the chain verifies', async () => {
    const { file, backup, db } = await sampleWithBackup();
    const atBackup = listAudit(db).length;
    recordAudit(db, { actor: '李会计', action: 'export', entity: 'dataset', after: { n: 1 } });
    recordAudit(db, { actor: '李会计', action: 'export', entity: 'dataset', after: { n: 2 } });
    db.close();
    restoreDatabase(file, backup, '王管理员');
    const between = openDatabase(file);
    const firstRestore = listAudit(between).at(-1)!;
    recordAudit(between, { actor: '李会计', action: 'export', entity: 'dataset', after: { n: 3 } });
    between.close();

    restoreDatabase(file, backup, '赵主任');
    const restored = openDatabase(file);
    try {
      const trail = listAudit(restored);
      expect(trail).toHaveLength(atBackup + 1);
      expect(trail.at(-1)).toMatchObject({ actor: '赵主任', action: 'restore', after: expect.objectContaining({ archivedRows: 2 }) });
      const archived = restored.raw
        .prepare('SELECT restore_id AS restoreId, via, id, actor, after_json AS after FROM audit_log_archived ORDER BY via, id')
        .all() as { restoreId: number; via: string; id: number; actor: string; after: string | null }[];
      const last = trail.at(-1)!.id;
      // directly: the first restore's row and the export after it; under that row: the two exports it had archived
      expect(archived.map((a) => [a.restoreId, a.via, a.id, a.actor, a.after && (JSON.parse(a.after) as { n?: number }).n])).toEqual([
        [last, '', firstRestore.id, '王管理员', undefined],
        [last, '', firstRestore.id + 1, '李会计', 3],
        [last, String(firstRestore.id), atBackup + 1, '李会计', 1],
        [last, String(firstRestore.id), atBackup + 2, '李会计', 2],
      ]);
      expect(verifyChain(restored.raw).problems).toEqual([]);
      // a row archived two restores ago, rewritten, is found (at the restore that holds it)
      restored.raw.exec('DROP TRIGGER audit_log_archived_no_update');
      restored.raw.prepare("UPDATE audit_log_archived SET actor = '别人' WHERE via <> '' AND id = ?").run(atBackup + 1);
      expect(verifyChain(restored.raw).problems).toEqual([expect.objectContaining({ kind: '内容被改动', id: last })]);
    } finally {
      restored.close();
    }
  });
});
