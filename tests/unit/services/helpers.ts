/** Real SQLite files in a fresh temp dir per test; removed afterwards. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import type { OsKeyProtection } from '../../../electron/services/db/keyVault';
import type { Dataset } from '../../../shared/domain/model';
import sampleJson from '../../fixtures/sample-ningbo.json';

const dirs: string[] = [];
const open: { close(): void }[] = [];

afterEach(() => {
  for (const db of open.splice(0)) db.close();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

export function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ltc-services-'));
  dirs.push(dir);
  return dir;
}

/** Closes the database after the test even when an assertion fails. */
export function track<T extends { close(): void }>(db: T): T {
  open.push(db);
  return db;
}

/** A fresh deep copy of tests/fixtures/sample-ningbo.json, safe to modify. */
export function sample(): Dataset {
  return structuredClone(sampleJson) as Dataset;
}

/** The OS's protection of a database key (Electron's safeStorage) on one PC: what it encrypts, only that PC decrypts. */
export function pc(name: string, available = true): OsKeyProtection {
  return {
    isEncryptionAvailable: () => available,
    encryptString: (plain) => Buffer.from(`${name}|${Buffer.from(plain).toString('base64')}`),
    decryptString: (data) => {
      const [who, b64] = data.toString().split('|');
      if (who !== name) throw new Error('not this PC');
      return Buffer.from(b64!, 'base64').toString();
    },
  };
}
