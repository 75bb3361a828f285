/**
 * 恢复 in safe mode: a verified backup takes the place of a file that cannot be opened. The file that was
 * there (damaged, a newer program's) is renamed aside with its -wal and -shm, never deleted and never read
 * through SQLite (a damaged file cannot be copied by VACUUM INTO, which `ltc restore` uses for a sound
 * one); the backup is copied to a temporary file, synced, and renamed into place, so a power cut leaves
 * either no file (the recovery screen again) or the whole backup. Then it is opened the usual way (an older
 * backup is migrated, with its own copy first) and the restore is written to the audit trail.
 */
import fs from 'node:fs';
import type { DatabaseKey } from '../db/cipherKey';
import { fileStamp } from '../db/clock';
import { openDatabase, type LtcDatabase } from '../db/database';
import { ownerOnly } from '../db/ownerOnly';
import { fsyncFile } from '../db/restore';
import { recordRestore } from '../audit/restoreArchive';
import { InputError } from '../errors';
import { verifyDatabaseFile } from './fileFacts';

const SIDE_FILES = ['-wal', '-shm', '-journal'];

/** The name the file that could not be opened is kept under: `ltc-desk.db.未能打开-20261207-093000.bak`. */
export function asideName(target: string, now = new Date()): string {
  const stamp = fileStamp(now);
  let name = `${target}.未能打开-${stamp}.bak`;
  for (let n = 2; fs.existsSync(name); n += 1) name = `${target}.未能打开-${stamp}-${n}.bak`;
  return name;
}

export interface InPlaceRestore {
  db: LtcDatabase;
  keptAs: string | null;
}

/** `key`: the database's (db/cipherKey.ts), which its backups share; the restored file opens with it. */
export function restoreInPlace(target: string, backupFile: string, o: { actor: string; appVersion?: string; key?: DatabaseKey | null }): InPlaceRestore {
  const verdict = verifyDatabaseFile(backupFile, o.key ?? null);
  if (!verdict.verified) throw new InputError(`这个备份不能用来恢复：${verdict.problem ?? ''}。请选择另一个校验通过的备份。`);

  let keptAs: string | null = null;
  if (fs.existsSync(target)) {
    keptAs = asideName(target);
    fs.renameSync(target, keptAs);
    // the side files belong to the old file: kept with it under its new name, so SQLite pairs them again
    for (const side of SIDE_FILES) if (fs.existsSync(target + side)) fs.renameSync(target + side, keptAs + side);
  } else {
    for (const side of SIDE_FILES) fs.rmSync(target + side, { force: true });
  }

  const tmp = `${target}.restoring-${process.pid}.tmp`;
  fs.copyFileSync(backupFile, tmp);
  ownerOnly(tmp);
  fsyncFile(tmp);
  fs.renameSync(tmp, target);

  const db = openDatabase(target, { appVersion: o.appVersion, key: o.key ?? null });
  try {
    try {
      // the replaced file's audit rows since the backup are kept when they can still be read
      recordRestore(db, { actor: o.actor, backupFile, replacedCopy: keptAs });
    } catch {
      recordRestore(db, { actor: o.actor, backupFile, replacedCopy: null });
    }
  } catch (err) {
    db.close();
    throw err;
  }
  return { db, keptAs };
}
