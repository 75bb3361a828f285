/**
 * 导出仍能读取的数据: every table of a file that cannot be opened, read read-only row by row; a table
 * that breaks off midway keeps the rows read before the damage. One sheet per table in an .xlsx, and a
 * first sheet that says what was read completely, partly or not at all. Nothing is written to the file.
 */
import { existsSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { excel } from '../spreadsheet/excel';
import type { SalvageExport } from '../../../shared/api/recovery';
import { fileStamp, localTimestamp } from '../db/clock';
import { InputError } from '../errors';
import { sqliteCodeOf } from './failure';
import { busyTimeoutMs } from '../db/busyTimeout';
import { keyInUse, openConnection, type DatabaseKey } from '../db/cipherKey';

/** an .xlsx sheet holds 1,048,576 rows, one of them the header */
export const MAX_ROWS_PER_SHEET = 1_048_575;

type Cell = string | number | null;

interface TableRead {
  name: string;
  columns: string[];
  rows: Cell[][];
  complete: boolean;
  error: string | null;
}

const cellOf = (v: unknown): Cell => {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string') return v;
  if (typeof v === 'bigint') return v.toString();
  if (Buffer.isBuffer(v)) return `（二进制内容 ${v.length} 字节，未导出）`;
  return String(v);
};

/**
 * Columns that never leave the file, whoever asks (decisions.md D35): the users' password and recovery-code
 * hashes. They are scrypt hashes, but a copy lets anyone guess offline, without the lockout; the export is
 * for re-entering records, and the users are set up anew anyway.
 */
const WITHHELD: Readonly<Record<string, readonly string[]>> = { users: ['password_hash', 'recovery_hash'] };

const quoteName = (name: string): string => `"${name.replaceAll('"', '""')}"`;

function readTable(db: BetterSqlite3.Database, name: string): TableRead {
  const rows: Cell[][] = [];
  let columns: string[] = [];
  try {
    const all = db
      .prepare(`SELECT * FROM ${quoteName(name)}`)
      .columns()
      .map((c) => c.name);
    const withheld = WITHHELD[name] ?? [];
    columns = all.filter((c) => !withheld.includes(c));
    const stmt = db.prepare(`SELECT ${columns.map(quoteName).join(', ')} FROM ${quoteName(name)}`).raw(true);
    for (const row of stmt.iterate() as Iterable<unknown[]>) {
      if (rows.length >= MAX_ROWS_PER_SHEET)
        return { name, columns, rows, complete: false, error: `超过一张工作表的行数上限，只导出了前 ${MAX_ROWS_PER_SHEET} 行` };
      rows.push(row.map(cellOf));
    }
    return { name, columns, rows, complete: true, error: null };
  } catch (err) {
    return { name, columns, rows, complete: false, error: err instanceof Error ? err.message : String(err) };
  }
}

const sheetName = (name: string, used: Set<string>): string => {
  let n = name.replace(/[[\]:*?/\\]/g, '_').slice(0, 31) || 'table';
  for (let i = 2; used.has(n.toLowerCase()); i += 1) n = `${name.slice(0, 28)}_${i}`;
  used.add(n.toLowerCase());
  return n;
};

/** `key`: the database's (db/cipherKey.ts), for an encrypted file; without it such a file is refused by name. */
export async function salvageToWorkbook(file: string, key: DatabaseKey | null = null, now = new Date()): Promise<SalvageExport> {
  if (!existsSync(file)) throw new InputError('找不到数据库文件，没有可以导出的数据。');
  if (statSync(file).size === 0) throw new InputError('数据库文件是空的，没有可以导出的数据。');
  let db: BetterSqlite3.Database;
  let tableNames: string[];
  try {
    db = openConnection(file, { readonly: true, fileMustExist: true, timeout: busyTimeoutMs() }, keyInUse(file, key));
  } catch (err) {
    throw new InputError(`无法读取这个文件，没有可以导出的数据（${err instanceof Error ? err.message : String(err)}）。`);
  }
  try {
    // the list of tables is itself a b-tree: the names read before a damaged page of it are kept
    tableNames = [];
    try {
      const names = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck();
      for (const name of names.iterate() as Iterable<string>) tableNames.push(name);
    } catch (err) {
      if (/^SQLITE_(BUSY|LOCKED)/.test(sqliteCodeOf(err) ?? '')) throw new InputError('数据库文件正被其他程序占用，现在读不出数据。请关闭那个程序后重试。');
      if (tableNames.length === 0)
        throw new InputError(`文件的目录部分已损坏，读不出任何数据表，没有可以导出的数据（${err instanceof Error ? err.message : String(err)}）。`);
    }
    tableNames.sort();
    const reads = tableNames.map((t) => readTable(db, t));
    const total = reads.reduce((n, r) => n + r.rows.length, 0);
    if (total === 0) throw new InputError('这个文件中没有能读出的记录，没有可以导出的数据。');

    const wb = new (excel().Workbook)();
    wb.created = now;
    const about = wb.addWorksheet('说明');
    about.columns = [
      { header: '数据表', key: 'table', width: 28 },
      { header: '导出行数', key: 'rows', width: 12 },
      { header: '读取情况', key: 'state', width: 14 },
      { header: '出错信息', key: 'error', width: 60 },
    ];
    about.addRow({
      table: `文件：${basename(file)}`,
      rows: null,
      state: `导出于 ${localTimestamp(now)}`,
      error: '以下是数据库损坏后仍能读出的内容，仅供核对和重新录入',
    });
    const used = new Set(['说明']);
    for (const r of reads) {
      about.addRow({ table: r.name, rows: r.rows.length, state: r.complete ? '完整' : r.rows.length > 0 ? '部分读取' : '无法读取', error: r.error ?? '' });
      if (r.columns.length === 0) continue;
      const ws = wb.addWorksheet(sheetName(r.name, used));
      ws.addRow(r.columns);
      ws.getRow(1).font = { bold: true };
      for (const row of r.rows) ws.addRow(row);
    }
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    return {
      file: {
        name: `长护助手-可读数据-${fileStamp(now)}.xlsx`,
        mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        base64: bytes.toString('base64'),
      },
      tables: reads.filter((r) => r.rows.length > 0 || r.complete).map((r) => ({ name: r.name, rows: r.rows.length, complete: r.complete })),
      unreadable: reads.filter((r) => !r.complete && r.rows.length === 0).map((r) => r.name),
    };
  } finally {
    db.close();
  }
}
