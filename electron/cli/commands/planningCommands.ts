/**
 * `ltc rota export` and `ltc plan export`: the head nurse's printouts for scripts, the same files the
 * screens give (排班表 .pdf/.xlsx of a month; 派单 of a month as .xlsx, a day's 派单表 as .pdf/.xlsx),
 * each audited as an export like the screens' downloads.
 */
import { extname } from 'node:path';
import { isValidDate } from '../../../shared/domain/dates';
import { recordAudit } from '../../services/audit/auditLog';
import { dayListFile, monthScheduleWorkbook } from '../../services/carePlans/dayList';
import { serviceToday } from '../../services/db/clock';
import { InputError } from '../../services/errors';
import { readInstitution } from '../../services/dataset/institutionRows';
import { openDatabase, type LtcDatabase } from '../../services/db/database';
import { cliKey } from '../keyFile';
import { rotaMonth } from '../../services/rota/rotaMonth';
import { rotaPdf } from '../../services/rota/rotaPdf';
import { rotaSheet } from '../../services/rota/rotaSheet';
import { rotaWorkbook } from '../../services/rota/rotaWorkbook';
import { requireExisting, writeFileAtomic } from '../io';
import { resolve } from 'node:path';
import { cliActor } from './dataCommands';

const institutionName = (db: LtcDatabase): string => readInstitution(db.raw)?.name ?? '本机构';

/** Opens the database for an asynchronous job (rendering), closed when it has finished. */
async function withDatabase<T>(file: string, fn: (db: LtcDatabase) => Promise<T>): Promise<T> {
  const db = openDatabase(resolve(file), { key: cliKey() });
  try {
    return await fn(db);
  } finally {
    db.close();
  }
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

function format(out: string): 'pdf' | 'xlsx' {
  const ext = extname(out).toLowerCase();
  if (ext === '.pdf') return 'pdf';
  if (ext === '.xlsx') return 'xlsx';
  throw new InputError(`--out 应为 .pdf 或 .xlsx 文件：${out}`);
}

function month(value: string | undefined, required = true): string | undefined {
  if (value === undefined && !required) return undefined;
  if (!value || !MONTH.test(value)) throw new InputError(`--month 应为 YYYY-MM，例如 2026-10：${value ?? '（未给出）'}`);
  return value;
}

export async function rotaExportCommand(o: { db: string; month: string; out: string }, log: (s: string) => void): Promise<void> {
  const m = month(o.month)!;
  const kind = format(o.out);
  requireExisting(o.db, '数据库文件');
  const { bytes, pages } = await withDatabase(o.db, async (db) => {
    const sheet = rotaSheet(rotaMonth(db, m));
    const file =
      kind === 'pdf'
        ? await rotaPdf(sheet, institutionName(db), serviceToday())
        : { bytes: await rotaWorkbook(sheet, { institution: institutionName(db) }), pages: 0 };
    recordAudit(db, {
      actor: cliActor(),
      action: 'export',
      entity: 'rota',
      entityId: m,
      after: { file: o.out, ...(kind === 'pdf' ? { pages: file.pages } : {}) },
    });
    return file;
  });
  writeFileAtomic(o.out, bytes);
  log(`已导出 ${m} 排班表${kind === 'pdf' ? `（${pages} 页）` : ''} → ${o.out}`);
}

export async function planExportCommand(
  o: { db: string; month?: string; date?: string; staff?: string; out: string },
  log: (s: string) => void,
): Promise<void> {
  const kind = format(o.out);
  if (!o.month === !o.date) throw new InputError('请给出 --month（整月派单，.xlsx）或 --date（某天的派单表，.pdf 或 .xlsx）之一');
  if (o.date !== undefined && !isValidDate(o.date)) throw new InputError(`--date 应为真实存在的日期 YYYY-MM-DD：${o.date}`);
  const m = month(o.month, false);
  if (m && kind === 'pdf') throw new InputError('整月派单只导出 .xlsx；打印派单表请用 --date 指定一天');
  if (m && o.staff) throw new InputError('--staff 只与 --date 一起用');
  requireExisting(o.db, '数据库文件');
  const file = await withDatabase(o.db, async (db) => {
    let staffId: number | undefined;
    if (o.staff) {
      const row = db.raw.prepare('SELECT id FROM staff WHERE ref = ? OR name = ? ORDER BY ref = ? DESC LIMIT 1').get(o.staff, o.staff, o.staff) as
        { id: number } | undefined;
      if (!row) throw new InputError(`找不到编号或姓名为“${o.staff}”的员工`);
      staffId = row.id;
    }
    const f = m ? await monthScheduleWorkbook(db, m) : await dayListFile(db, o.date!, staffId, kind);
    recordAudit(db, { actor: cliActor(), action: 'export', entity: 'visit-schedule', entityId: m ?? o.date!, after: { file: o.out } });
    return f;
  });
  writeFileAtomic(o.out, Buffer.from(file.base64, 'base64'));
  log(`已导出${m ? ` ${m} 派单` : ` ${o.date} 派单表`} → ${o.out}`);
}
