/**
 * `ltc inspect`: 检查准备 headless, for scripting before an inspection. Writes into DIR the board of each
 * month of the period (board.json), the self-audit's hits (self-audit.json, 自查发现.xlsx), the sample
 * (sample.json, with its seed) and the evidence pack (检查资料包-….pdf); one path per line on stdout.
 * Without --seed a seed is chosen and printed, so the same sample can be drawn again.
 */
import { randomInt } from 'node:crypto';
import { join, resolve } from 'node:path';
import type { Board } from '../../../shared/api/inspection';
import { isValidDate } from '../../../shared/domain/dates';
import { recordAudit } from '../../services/audit/auditLog';
import { serviceToday } from '../../services/db/clock';
import { findPdfFonts } from '../../services/documents/fonts';
import { InputError } from '../../services/errors';
import { inspectOffThread } from '../../services/inspection/inspectOffThread';
import { readInspectionSettings } from '../../services/inspection/inspectionStore';
import { selfAuditWorkbook } from '../../services/inspection/inspectionWorkbooks';
import { monthsOf } from '../../services/inspection/periodRecords';
import { requireExisting, writeFileAtomic, writeJsonAtomic } from '../io';
import { progressLogger } from '../progress';
import { openDatabase } from '../../services/db/database';
import { cliKey } from '../keyFile';
import { cliActor } from './dataCommands';

export interface InspectOptions {
  db: string;
  from: string;
  to: string;
  sample?: string;
  days?: string;
  seed?: string;
  out: string;
}

function count(value: string | undefined, fallback: number, max: number, what: string): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > max) throw new InputError(`${what}应为 1 到 ${max} 之间的整数，收到“${value}”`);
  return n;
}

export async function inspectCommand(o: InspectOptions, out: (s: string) => void, log: (s: string) => void): Promise<void> {
  requireExisting(o.db, '数据库文件');
  for (const [flag, value] of [
    ['--from', o.from],
    ['--to', o.to],
  ] as const)
    if (!isValidDate(value)) throw new InputError(`${flag} 应为日期 YYYY-MM-DD，收到“${value}”`);
  if (o.from > o.to) throw new InputError(`--from ${o.from} 晚于 --to ${o.to}`);
  if (monthsOf(o.from, o.to).length > 13) throw new InputError('检查期间最长一年');
  const seed = o.seed === undefined ? randomInt(0, 2_147_483_647) : count(o.seed, 0, 2_147_483_647, '--seed ');
  const request = { from: o.from, to: o.to, residents: count(o.sample, 5, 100, '--sample '), days: count(o.days, 3, 31, '--days '), seed };
  if (o.seed === undefined) log(`随机种子：${seed}（用 --seed ${seed} 可重复同一抽查）`);
  const dir = resolve(o.out);
  const written: string[] = [];
  const write = (name: string, data: string | Uint8Array | object) => {
    const file = join(dir, name);
    if (typeof data === 'string' || data instanceof Uint8Array) writeFileAtomic(file, data);
    else writeJsonAtomic(file, data);
    written.push(file);
  };
  // Open until the last task has finished (withDatabase closes as soon as its function returns).
  const db = openDatabase(resolve(o.db), { key: cliKey() });
  try {
    const settings = readInspectionSettings(db);
    const today = serviceToday();
    const progress = progressLogger(log);
    const boards: Board[] = [];
    for (const month of monthsOf(o.from, o.to)) boards.push(await inspectOffThread(db, { task: 'board', month, today, settings }, progress));
    write('board.json', { from: o.from, to: o.to, today, boards });
    const audit = await inspectOffThread(db, { task: 'selfAudit', period: { from: o.from, to: o.to }, settings });
    write('self-audit.json', audit);
    const name = db.raw.prepare('SELECT name FROM institution').pluck().get() as string;
    write('自查发现.xlsx', await selfAuditWorkbook(audit, name));
    write('sample.json', await inspectOffThread(db, { task: 'sample', request, settings }));
    const pack = await inspectOffThread(db, { task: 'pack', request, settings, generatedOn: today, fonts: findPdfFonts() }, progress);
    write(pack.name, pack.bytes);
    recordAudit(db, {
      actor: cliActor(),
      action: 'export',
      entity: 'inspection',
      entityId: null,
      after: {
        report: '检查资料（ltc inspect）',
        period: `${o.from} 至 ${o.to}`,
        seed,
        files: written.map((f) => f.slice(dir.length + 1)),
        sha256: pack.sha256,
      },
    });
  } finally {
    db.close();
  }
  for (const f of written) out(f);
}
