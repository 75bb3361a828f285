/**
 * The plain backups beside a database that has just been encrypted, encrypted with its key too
 * (decisions.md D37): a plain backup holds every ID number in clear. Each goes the way the database went
 * (encryptFile.ts: copy, rekey, verify, swap), so a kill leaves each one plain or encrypted, whole; one
 * that fails stays plain and untouched, and is named.
 */
import { existsSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { backupsFolderOf, parseBackupName } from '../backups/backupNames';
import { fileEncryption, type DatabaseKey } from './cipherKey';
import { encryptDatabaseFile } from './encryptFile';

export interface BackupsEncrypted {
  folder: string;
  encrypted: string[];
  failed: { name: string; reason: string }[];
}

export async function encryptBackupsBeside(
  dbFile: string,
  key: DatabaseKey,
  onEach?: (name: string, failure: string | null) => void,
): Promise<BackupsEncrypted> {
  const folder = backupsFolderOf(dbFile);
  const plain = existsSync(folder)
    ? readdirSync(folder)
        .filter((n) => parseBackupName(n) !== null)
        .map((n) => join(folder, n))
        .filter((f) => fileEncryption(f) === 'plain')
    : [];
  const result: BackupsEncrypted = { folder, encrypted: [], failed: [] };
  for (const b of plain) {
    try {
      await encryptDatabaseFile(b, key, { backup: () => undefined });
      result.encrypted.push(basename(b));
      onEach?.(b, null);
    } catch (e) {
      const reason = e instanceof Error ? e.message : String(e);
      result.failed.push({ name: basename(b), reason });
      onEach?.(b, reason);
    }
  }
  return result;
}
