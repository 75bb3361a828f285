/**
 * The decision at start (services/recovery/startup.ts): open normally, or safe mode and why, for each way a
 * file fails: damaged (not an SQLite file, or damaged pages), from a newer program, held by another program,
 * missing. A failing file is never written to; a first start still creates a new database.
 */
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it, vi } from 'vitest';
import { createBackup } from '../../../electron/services/backups/backupFolder';
import { importDataset } from '../../../electron/services/dataset/importDataset';
import { openDatabase } from '../../../electron/services/db/database';
import { describeOpenFailure } from '../../../electron/services/recovery/failure';
import { openOrSafeMode } from '../../../electron/services/recovery/startup';
import { sample, tempDir, track } from '../services/helpers';
import { garblePagesOf } from './corrupt';

function seeded(dir = tempDir()): string {
  const file = path.join(dir, 'ltc-desk.db');
  const db = openDatabase(file);
  importDataset(db, sample(), { actor: 'seed' });
  db.close();
  return file;
}

function safe(file: string) {
  const d = openOrSafeMode(file);
  if (d.mode === 'normal') {
    track(d.db);
    throw new Error('expected safe mode');
  }
  return d.failure;
}

describe('open normally', () => {
  it('a sound database opens normally', () => {
    const d = openOrSafeMode(seeded());
    expect(d.mode).toBe('normal');
    if (d.mode === 'normal') track(d.db);
  });

  it('a first start (no file, no backups beside it) creates a new database, as ever', () => {
    const file = path.join(tempDir(), 'ltc-desk.db');
    const d = openOrSafeMode(file);
    expect(d.mode).toBe('normal');
    if (d.mode === 'normal') track(d.db);
    expect(fs.existsSync(file)).toBe(true);
  });
});

describe('safe mode, and why', () => {
  it('damaged pages (header intact): 文件已损坏, found by the check before opening, the file untouched', () => {
    const file = seeded();
    garblePagesOf(file, 'visits');
    const before = fs.readFileSync(file);
    const f = safe(file);
    expect(f).toMatchObject({ kind: 'corrupt', title: '文件已损坏', file });
    expect(f.advice).toContain('备份恢复');
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    // a read-only look may leave an empty -wal beside a WAL file, never a page in it
    expect(fs.existsSync(`${file}-wal`) ? fs.statSync(`${file}-wal`).size : 0).toBe(0);
  });

  it('not an SQLite file at all (garbage over the header): 文件已损坏', () => {
    const file = path.join(tempDir(), 'ltc-desk.db');
    fs.writeFileSync(file, '这不是数据库'.repeat(500));
    expect(safe(file)).toMatchObject({ kind: 'corrupt', title: '文件已损坏' });
  });

  it('from a newer program: 由更新版本创建, with the versions in the detail, the file untouched', () => {
    const file = path.join(tempDir(), 'ltc-desk.db');
    const raw = new BetterSqlite3(file);
    raw.exec('CREATE TABLE t (x); PRAGMA user_version = 999;');
    raw.close();
    const before = fs.readFileSync(file);
    const f = safe(file);
    expect(f).toMatchObject({ kind: 'too-new', title: '由更新版本创建' });
    expect(f.detail).toContain('版本 999');
    expect(f.advice).toContain('安装最新版本');
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('held by another program (an exclusive lock): 被其他程序占用, and it opens once the lock is gone', () => {
    // the lock is held throughout: a short wait finds it held as surely as the 5 s the program waits
    vi.stubEnv('LTC_BUSY_TIMEOUT_MS', '200');
    const file = seeded();
    const other = new BetterSqlite3(file);
    other.pragma('locking_mode = EXCLUSIVE');
    other.exec('BEGIN EXCLUSIVE');
    try {
      const f = safe(file);
      expect(f).toMatchObject({ kind: 'locked', title: '被其他程序占用' });
      expect(f.advice).toContain('重试');
    } finally {
      other.exec('COMMIT');
      other.close();
    }
    const d = openOrSafeMode(file);
    expect(d.mode).toBe('normal');
    if (d.mode === 'normal') track(d.db);
  });

  it('missing although backups of it lie beside it: 找不到文件, and no new empty file is created', async () => {
    const file = seeded();
    const db = openDatabase(file);
    await createBackup(db, 'manual');
    db.close();
    fs.rmSync(file);
    const f = safe(file);
    expect(f).toMatchObject({ kind: 'missing', title: '找不到文件' });
    expect(f.detail).toContain('1 个备份');
    expect(fs.existsSync(file)).toBe(false);
  });

  it('missing because its folder is gone (a USB stick, a network drive): 找不到文件', () => {
    const file = path.join(tempDir(), 'gone', 'ltc-desk.db');
    expect(safe(file)).toMatchObject({ kind: 'missing', title: '找不到文件' });
  });

  it('any other failure is told as 无法打开 with what was seen', () => {
    const f = describeOpenFailure('/x/ltc-desk.db', new Error('磁盘已满'));
    expect(f).toMatchObject({ kind: 'other', title: '无法打开', detail: '磁盘已满', file: '/x/ltc-desk.db' });
  });
});
