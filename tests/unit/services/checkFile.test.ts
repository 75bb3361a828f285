/**
 * `ltc check --db` only reads: an empty file, another program's SQLite file, a text file and a newer
 * program's database are each named, and left exactly as they were (the probe found check gave an
 * empty file a schema and said 通过).
 */
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { checkCommand } from '../../../electron/cli/commands/dataCommands';
import { importDataset } from '../../../electron/services/dataset/importDataset';
import { openDatabase } from '../../../electron/services/db/database';
import { sample, tempDir } from './helpers';

function check(file: string): string[] {
  const lines: string[] = [];
  checkCommand({ db: file }, (s) => lines.push(s));
  return lines;
}

const bytesOf = (file: string): Buffer => fs.readFileSync(file);

describe('ltc check --db reads and says what the file is', () => {
  it('an empty file is not a database, and stays empty', () => {
    const file = path.join(tempDir(), 'empty.db');
    fs.writeFileSync(file, '');
    expect(() => check(file)).toThrow(/是空文件，不是长护助手数据库/);
    expect(fs.statSync(file).size).toBe(0);
  });

  it('another program’s SQLite file is named as such and not given our tables', () => {
    const file = path.join(tempDir(), 'other.db');
    const other = new BetterSqlite3(file);
    other.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT); INSERT INTO notes (text) VALUES ('x')");
    other.close();
    const before = bytesOf(file);
    expect(() => check(file)).toThrow(/是 SQLite 文件，但不是长护助手数据库/);
    expect(bytesOf(file).equals(before)).toBe(true);
  });

  it('a text file and a newer program’s database are refused with what they are', () => {
    const dir = tempDir();
    const text = path.join(dir, 'notes.txt');
    fs.writeFileSync(text, '这不是数据库');
    expect(() => check(text)).toThrow(/不是长护助手数据库或已损坏/);
    const newer = path.join(dir, 'newer.db');
    const db = openDatabase(newer);
    db.raw.pragma('user_version = 999');
    db.close();
    const before = bytesOf(newer);
    expect(() => check(newer)).toThrow(/由更新版本的长护助手创建（版本 999）/);
    expect(bytesOf(newer).equals(before)).toBe(true);
  });

  it('the institution’s database passes, with what it holds', () => {
    const file = path.join(tempDir(), 'ltc.db');
    const db = openDatabase(file);
    importDataset(db, sample(), { actor: 't' });
    db.close();
    const lines = check(file);
    expect(lines[0]).toMatch(/^数据库完整性检查通过（版本 \d+）：/);
    const d = sample();
    expect(lines[1]).toBe(
      `长护助手数据库：机构“${d.institution.name}”，${d.residents.length} 名服务对象、${d.staff.length} 名员工、${d.visits.length} 条上门服务记录`,
    );
  });
});
