/**
 * Database files and every copy of one are readable by their owner only (issue 16 §3: the probe read
 * another OS user's database). POSIX systems only: on Windows the profile folder's ACL protects them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupDatabase } from '../../../electron/services/db/backup';
import { openDatabase } from '../../../electron/services/db/database';
import { MIGRATIONS } from '../../../electron/services/db/migrations';
import { restoreDatabase } from '../../../electron/services/db/restore';
import { importDataset } from '../../../electron/services/dataset/importDataset';
import { sample, tempDir, track } from './helpers';

const modeOf = (file: string): string => (fs.statSync(file).mode & 0o777).toString(8);

describe.skipIf(process.platform === 'win32')('database files are 0600 whatever the umask', () => {
  it('a new database, its -wal and -shm, a backup, a pre-migration copy and a restore’s copy of the old file', async () => {
    const before = process.umask(0o022); // the usual umask: files 0644, readable by every user
    try {
      const dir = tempDir();
      const file = path.join(dir, 'ltc.db');
      const db = track(openDatabase(file));
      importDataset(db, sample(), { actor: 't' });
      expect(modeOf(file)).toBe('600');
      for (const side of [`${file}-wal`, `${file}-shm`]) if (fs.existsSync(side)) expect(modeOf(side), side).toBe('600');

      const backup = path.join(dir, 'backup.db');
      await backupDatabase(db, backup);
      expect(modeOf(backup)).toBe('600');
      db.close();

      // an older file opened by this program: the copy taken before migrating
      const old = path.join(dir, 'old.db');
      openDatabase(old, { migrations: MIGRATIONS.filter((m) => m.number <= 6) }).close();
      fs.chmodSync(old, 0o644);
      const upgraded = track(openDatabase(old));
      expect(upgraded.preMigrationBackup).not.toBeNull();
      expect(modeOf(upgraded.preMigrationBackup ?? '')).toBe('600');
      expect(modeOf(old)).toBe('600');
      upgraded.close();

      const r = restoreDatabase(file, backup, '王管理员');
      expect(modeOf(r.previous ?? '')).toBe('600');
      expect(modeOf(file)).toBe('600');
    } finally {
      process.umask(before);
    }
  });
});
