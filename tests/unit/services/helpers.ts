/** Real SQLite files in a fresh temp dir per test; removed afterwards. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
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
