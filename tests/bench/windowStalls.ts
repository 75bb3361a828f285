/**
 * The two biggest imports a window makes, served the way the app serves them (the real dispatcher and
 * handlers, the result encoded for the wire as the IPC and HTTP faces encode it), on a copy of the
 * benchmark database, with this thread's event loop watched: its longest stall is how long every other
 * call of every window would have waited (in Electron this thread is the main process).
 * - a caregiver app's export of 50,000 visits (xlsx, the import's maximum): preview, then import;
 * - a 4,000-row roster (2,000 residents, 2,000 staff with a certificate each): preview, then import;
 * - a backup of the whole database (立即备份): the copy and its integrity check.
 */
import { copyFileSync, rmSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import ExcelJS from 'exceljs';
import { createDispatcher } from '../../electron/services/api/dispatch';
import { encodeResult } from '../../electron/services/api/wire';
import { handlers } from '../../electron/services/api/registry';
import { useBuiltWorkers } from '../../electron/services/app/appPaths';
import { openDatabase, type LtcDatabase } from '../../electron/services/db/database';
import { addDays } from '../../shared/domain/dates';
import type { ApiResult } from '../../shared/api/errors';
import { idNumber } from '../support/builders';
import { benchKey, round } from './common';

export interface Stall {
  maxStallMs: number;
  seconds: number;
  rows: number;
  added: number;
}

/** 50,000 non-overlapping November visits of the benchmark's home clients by its caregivers, as an app exports them. */
async function visitExport(db: LtcDatabase, rows: number): Promise<Buffer> {
  const clients = db.raw
    .prepare(
      "SELECT DISTINCT r.id_number AS id, r.name FROM residents r JOIN stay_events e ON e.resident_id = r.id WHERE e.type = 'admit' AND e.mode = 'home' ORDER BY r.id",
    )
    .all() as { id: string; name: string }[];
  const staff = db.raw.prepare('SELECT DISTINCT s.name FROM staff s JOIN certificates c ON c.staff_id = s.id ORDER BY s.id').pluck().all() as string[];
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('服务记录');
  ws.addRow(['外部编号', '服务对象身份证号', '服务对象姓名', '护理人员姓名', '开始时间', '结束时间', '服务项目编码', '签字确认']);
  const perDay = 8; // each caregiver: eight one-hour visits a day, 08:00–16:00
  for (let i = 0; i < rows; i++) {
    const client = clients[i % clients.length]!;
    const slot = Math.floor(i / staff.length);
    const day = addDays('2026-11-01', Math.floor(slot / perDay) % 30);
    const hour = String(8 + (slot % perDay)).padStart(2, '0');
    ws.addRow([`APP-${i}`, client.id, client.name, staff[i % staff.length], `${day} ${hour}:00`, `${day} ${hour}:55`, 'LC01、LC08', '是']);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The roster template filled with 2,000 new residents and 2,000 new staff. */
async function rosterFile(template: Buffer): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(template as unknown as ExcelJS.Buffer);
  // distinct valid numbers, born in years the benchmark's generator does not use
  const nth = (birth: string, i: number): string => idNumber(addDays(birth, Math.floor(i / 400)), i % 400);
  const fill = (sheet: string, rows: Record<string, string | number | null>[]): void => {
    const ws = wb.getWorksheet(sheet)!;
    const headers = (ws.getRow(1).values as unknown[]).map((v) => (typeof v === 'string' ? v : ''));
    rows.forEach((row, i) => {
      for (const [header, value] of Object.entries(row)) ws.getRow(3 + i).getCell(headers.indexOf(header)).value = value;
    });
  };
  fill(
    '服务对象',
    Array.from({ length: 2000 }, (_, i) => ({
      姓名: `新对象${i}`,
      身份证号: nth('1931-01-01', i),
      评估等级: 4,
      评估结论日期: '2026-08-20',
      入住日期: '2026-10-01',
      护理方式: '居家',
      床位: null,
    })),
  );
  fill(
    '员工',
    Array.from({ length: 2000 }, (_, i) => ({
      姓名: `新员工${i}`,
      身份证号: nth('2001-01-01', i),
      岗位: '护理员',
      证书类型: '养老护理员证书',
      证书编号: `BENCH-${i}`,
      发证日期: '2024-01-01',
    })),
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}

type Serve = (method: string, input: unknown) => Promise<unknown>;

/** The window's side of a call, in another thread: the answer parsed, a preview's rows cut down to what the bench uses. */
const READER = `
const { parentPort } = require('node:worker_threads');
parentPort.on('message', (bytes) => {
  const r = JSON.parse(new TextDecoder().decode(bytes));
  if (r.ok && r.value && Array.isArray(r.value.rows)) r.value.rows = r.value.rows.map((x) => ({ row: x.row, status: x.status }));
  parentPort.postMessage(r);
});`;

function readOffThread(bytes: Uint8Array): Promise<ApiResult<unknown>> {
  const w = new Worker(READER, { eval: true });
  return new Promise<ApiResult<unknown>>((done, fail) => {
    w.once('message', (r: ApiResult<unknown>) => {
      void w.terminate();
      done(r);
    });
    w.once('error', fail);
    // copied, as Electron's IPC copies the bytes it sends
    w.postMessage(bytes);
  });
}

async function watched(run: () => Promise<{ rows: number; added: number }>): Promise<Stall> {
  const lag = monitorEventLoopDelay({ resolution: 10 });
  const t0 = performance.now();
  lag.enable();
  try {
    const r = await run();
    return { maxStallMs: Math.round(lag.max / 1e6), seconds: round((performance.now() - t0) / 1000, 2), ...r };
  } finally {
    lag.disable();
  }
}

export async function measureWindowStalls(benchDb: string, dir: string): Promise<{ import: Stall; roster: Stall; backup: Stall }> {
  // on a copy: the imports add records, and the benchmark database stays measurable again (--db)
  const bench = openDatabase(benchDb, { key: benchKey() });
  bench.raw.pragma('wal_checkpoint(TRUNCATE)');
  bench.close();
  const file = join(dir, 'stalls.db');
  copyFileSync(benchDb, file);
  const db = openDatabase(file, { key: benchKey() });
  // the workers the built app uses (npm run bench builds the app first)
  useBuiltWorkers(resolve(__dirname, '../../out/main'));
  const dispatch = createDispatcher(handlers, { db, actor: userInfo().username, shell: 'desktop', appVersion: 'bench', openFolder: () => false });
  // What a face does with a call: dispatch it, then encode the answer for the wire. The window parses
  // it in its own process: here a worker thread does, and sends back only what the next step needs
  // (parsing tens of MB here would measure this process's garbage collector, not the app).
  const serve: Serve = async (method, input) => {
    const r = await readOffThread(encodeResult(await dispatch(method, input)));
    if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
    return r.value;
  };
  try {
    const visits = { name: '护理App导出.xlsx', base64: (await visitExport(db, 50_000)).toString('base64') };
    const importStall = await watched(async () => {
      const preview = (await serve('visits.importPreview', { file: visits })) as { rows: { row: number; status: string }[] };
      const exclude = preview.rows.filter((r) => r.status === 'error').map((r) => r.row);
      const done = (await serve('visits.importCommit', { file: visits, exclude })) as { added: number };
      return { rows: preview.rows.length, added: done.added };
    });
    const template = (await serve('roster.template', undefined)) as { base64: string };
    const roster = { name: '花名册.xlsx', base64: (await rosterFile(Buffer.from(template.base64, 'base64'))).toString('base64') };
    const rosterStall = await watched(async () => {
      const preview = (await serve('roster.preview', { file: roster })) as { rows: unknown[]; errorRows: number };
      if (preview.errorRows > 0) throw new Error(`roster preview: ${preview.errorRows} rows with errors`);
      const done = (await serve('roster.commit', { file: roster })) as { residents: { added: number }; staff: { added: number } };
      return { rows: preview.rows.length, added: done.residents.added + done.staff.added };
    });
    // 数据备份 › 立即备份 (and the daily backup at start): the copy, then its integrity check, which reads it all
    const backupStall = await watched(async () => {
      const made = (await serve('backups.create', undefined)) as { bytes: number };
      return { rows: 0, added: made.bytes };
    });
    return { import: importStall, roster: rosterStall, backup: backupStall };
  } finally {
    useBuiltWorkers(null);
    db.close();
    for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
    rmSync(join(dir, 'backups'), { recursive: true, force: true });
  }
}
