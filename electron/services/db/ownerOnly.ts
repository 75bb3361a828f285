/**
 * Database files and their copies hold sensitive personal information (身份证号, assessments, addresses:
 * PIPL's sensitive class): on systems with POSIX modes they are readable and writable by their owner only
 * (0600), whatever the umask. SQLite gives the -wal and -shm beside a database its file's mode. On Windows
 * the mode bits do not apply (the profile folder's ACL is what protects the file) and this does nothing.
 */
import fs from 'node:fs';

export const OWNER_ONLY = 0o600;

export function ownerOnly(file: string): void {
  if (process.platform === 'win32') return;
  try {
    fs.chmodSync(file, OWNER_ONLY);
  } catch {
    // a file on a volume without modes (a FAT USB stick): nothing to tighten
  }
}
