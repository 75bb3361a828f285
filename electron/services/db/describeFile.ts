/**
 * What a file given as a database is, read without writing anything (`ltc check --db`): opening it
 * the usual way would create the schema in an empty or foreign file and call it sound. A file from a
 * newer program, an empty file, another program's SQLite file and a damaged file are each named.
 */
import fs from 'node:fs';
import { InputError } from '../errors';
import { DatabaseError } from './errors';
import { inspectDatabaseFile, integrityProblem } from './migrate';
import { latestVersion, MIGRATIONS } from './migrations';
import { busyTimeoutMs } from './busyTimeout';
import { openConnection, type DatabaseKey } from './cipherKey';

export interface DatabaseFileFacts {
  version: number;
  latest: number;
  institution: string | null;
  residents: number;
  staff: number;
  visits: number;
}

/** `key`: the database's key (cipherKey.ts), for an encrypted file; without it such a file is refused by name. */
export function describeDatabaseFile(file: string, key: DatabaseKey | null = null): DatabaseFileFacts {
  if (!fs.existsSync(file)) throw new InputError(`数据库文件不存在：${file}`);
  if (fs.statSync(file).size === 0) throw new InputError(`“${file}”是空文件，不是长护助手数据库（检查没有写入任何内容）`);
  let inspection;
  try {
    inspection = inspectDatabaseFile(file, undefined, key);
  } catch (err) {
    // a newer program's file, an encrypted file without its key or with a wrong one, or not an SQLite file at all: the message says which
    if (err instanceof DatabaseError) throw new InputError(err.message);
    throw err;
  }
  const problem = integrityProblem(file, key);
  if (problem) throw new InputError(`数据库完整性检查未通过：${problem}。请从最近的备份恢复`);
  const db = openConnection(file, { readonly: true, fileMustExist: true, timeout: busyTimeoutMs() }, key);
  try {
    const tables = new Set(db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all() as string[]);
    if (inspection.version === 0 || !['residents', 'staff', 'visits'].every((t) => tables.has(t))) {
      throw new InputError(`“${file}”是 SQLite 文件，但不是长护助手数据库（没有服务对象、员工、上门服务等数据表；检查没有写入任何内容）`);
    }
    const count = (table: string): number => db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get() as number;
    const institution = tables.has('institution') ? ((db.prepare('SELECT name FROM institution LIMIT 1').pluck().get() as string | undefined) ?? null) : null;
    return {
      version: inspection.version,
      latest: latestVersion(MIGRATIONS),
      institution,
      residents: count('residents'),
      staff: count('staff'),
      visits: count('visits'),
    };
  } finally {
    db.close();
  }
}
