/**
 * `ltc import`, `ltc export`, `ltc check`, `ltc backup`, `ltc demo`: the records in and out of a
 * database file, headless. Each opens the database, does one thing in one transaction, closes it.
 */
import { existsSync, rmSync } from 'node:fs';
import { userInfo } from 'node:os';
import { basename, join, resolve } from 'node:path';
import type { Dataset } from '../../../shared/domain/model';
import { recordAudit } from '../../services/audit/auditLog';
import { backupDatabase } from '../../services/db/backup';
import { openDatabase, type LtcDatabase } from '../../services/db/database';
import { cliKey, cliKeyFile } from '../keyFile';
import { exportDataset } from '../../services/dataset/exportDataset';
import { importDataset, type ImportSummary } from '../../services/dataset/importDataset';
import { NotStreamable } from '../../services/dataset/datasetFile';
import { CheckedDatasetFile, importDatasetFile, importDatasetFileOnce, validateDatasetFile } from '../../services/dataset/importFile';
import type { DatasetProblem } from '../../services/dataset/problems';
import { validateDataset } from '../../services/dataset/validateDataset';
import { saveBed } from '../../services/beds/bedStore';
import { serviceToday } from '../../services/db/clock';
import { plantAuditPatterns } from '../../services/demo/auditPatterns';
import { demoBeds, generateDemoDataset } from '../../services/demo/generateDemo';
import { demoPlanning } from '../../services/demo/planning';
import { moveAfterCap } from '../../services/demo/movedVisit';
import { demoWindow } from '../../services/demo/window';
import { InputError } from '../../services/errors';
import { isReadableFile, readJsonFile, requireExisting, writeJsonAtomic } from '../io';
import { restoreDatabase } from '../../services/db/restore';
import { describeDatabaseFile } from '../../services/db/describeFile';
import { fileEncryption, keyInUse, writeKeyFile, writeNewKeyFile } from '../../services/db/cipherKey';
import { NO_OS_PROTECTION, unlockWithRecoveryCode } from '../../services/db/keyVault';
import { encryptBackupsBeside } from '../../services/db/encryptBackups';
import { encryptDatabaseFile } from '../../services/db/encryptFile';
import { createBackup } from '../../services/backups/backupFolder';
import { backupsFolderOf } from '../../services/backups/backupNames';
import { verifyAuditFile } from '../../services/audit/verifyAuditFile';
import { chainVerdict } from './auditCommand';

/** The schema version whose audit rows form a hash chain (migration 016). */
const AUDIT_CHAIN_SCHEMA = 16;

/** Who the audit log names for what the command line does. */
export const cliActor = (): string => `ltc:${userInfo().username}`;

export function withDatabase<T>(file: string, fn: (db: LtcDatabase) => T): T {
  const db = openDatabase(resolve(file), { key: cliKey() });
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

/** Reads and validates a dataset file whole; every problem is listed, nothing is imported on any. */
export function readDataset(file: string): Dataset {
  return checked(file, validateDataset(readJsonFile(file))).dataset;
}

function checked<T extends { ok: true } | { ok: false; problems: DatasetProblem[] }>(file: string, result: T): T & { ok: true } {
  if (!result.ok) throw refusal(file, result.problems);
  return result as T & { ok: true };
}

const refusal = (file: string, problems: DatasetProblem[]): InputError =>
  new InputError(`数据文件 ${file} 有 ${problems.length} 处问题，未导入任何数据。请逐条修改后重新导入：`, problems);

/** A checked dataset file: read as a stream (importFile.ts), or whole when the stream reader does not take it. */
export type CheckedDataset = { stream: CheckedDatasetFile; dataset?: undefined } | { dataset: Dataset; stream?: undefined };

/**
 * Validates a dataset file before any database is opened: read as a stream, so a million visits are never
 * in memory at once (issue 17); a file the stream reader does not take (missing, broken, not UTF-8) is read
 * whole, as before, for its messages. Every problem is listed, nothing is imported on any.
 */
export function checkDatasetFile(file: string): CheckedDataset {
  const streamed = isReadableFile(file) ? validateDatasetFile(file) : null;
  return streamed ? { stream: checked(file, streamed).checked } : { dataset: readDataset(file) };
}

/** Imports what checkDatasetFile passed, in one transaction. */
function importChecked(db: LtcDatabase, data: CheckedDataset): ImportSummary {
  return data.stream ? importDatasetFile(db, data.stream, { actor: cliActor() }) : importDataset(db, data.dataset, { actor: cliActor() });
}

/**
 * `ltc import`'s work: a dataset file into a database, all or nothing. Read as a stream and, as a file is
 * usually laid out, checked and stored in one pass (importDatasetFileOnce); otherwise checked in a first
 * pass and stored in a second; a file the stream reader does not take (broken, not UTF-8) is read whole,
 * as before, for its messages. A refused file leaves no database behind where there was none.
 */
export function importFileInto(dbFile: string, datasetFile: string): ImportSummary {
  if (!isReadableFile(datasetFile)) readDataset(datasetFile); // says what is wrong with it
  const created = !existsSync(dbFile);
  const forget = (): void => {
    if (created) for (const suffix of ['', '-wal', '-shm']) rmSync(resolve(dbFile) + suffix, { force: true });
  };
  let once: ImportSummary | null;
  try {
    once = withDatabase(dbFile, (db) => importDatasetFileOnce(db, datasetFile, { actor: cliActor(), refuse: (problems) => refusal(datasetFile, problems) }));
  } catch (e) {
    forget();
    if (!(e instanceof NotStreamable)) throw e;
    const dataset = readDataset(datasetFile);
    return withDatabase(dbFile, (db) => importDataset(db, dataset, { actor: cliActor() }));
  }
  if (once) return once;
  // the visits before the people: nothing written; checked first, then stored
  forget();
  const data = checkDatasetFile(datasetFile);
  return withDatabase(dbFile, (db) => importChecked(db, data));
}

export function importCommand(dbFile: string, datasetFile: string, log: (s: string) => void): void {
  const summary = importFileInto(dbFile, datasetFile);
  log(`已导入 ${datasetFile} → ${dbFile}：${JSON.stringify(summary)}`);
  const differ = summary.visits;
  if (differ.conflicting > 0) {
    // skipped, not silently: a corrected visit is changed in the program, with a reason (docs/rules.md §8.4)
    log(
      `注意：${differ.conflicting} 条上门服务记录与数据库中同编号的记录内容不同，未覆盖：${differ.conflictingRefs.join('、')}${differ.conflicting > differ.conflictingRefs.length ? ' 等' : ''}。` +
        '如需更正，请在程序中修改这些记录（会记录更正原因）',
    );
  }
}

export function exportCommand(dbFile: string, outFile: string, log: (s: string) => void): void {
  requireExisting(dbFile, '数据库文件');
  const dataset = withDatabase(dbFile, (db) => {
    const d = exportDataset(db);
    writeJsonAtomic(outFile, d);
    // every ID number leaves the program in this file: who, and to where, is audited like the window's export
    recordAudit(db, {
      actor: cliActor(),
      action: 'export',
      entity: 'dataset',
      after: { residents: d.residents.length, staff: d.staff.length, visits: d.visits.length, via: `ltc export → ${resolve(outFile)}` },
    });
    return d;
  });
  log(`已导出 ${dataset.residents.length} 名服务对象、${dataset.staff.length} 名员工、${dataset.visits.length} 条上门服务记录 → ${outFile}`);
}

export function checkCommand(target: { db?: string; dataset?: string }, log: (s: string) => void): void {
  if (target.dataset) {
    const data = checkDatasetFile(target.dataset);
    const [d, visits] = data.stream ? [data.stream.head, data.stream.visits] : [data.dataset, data.dataset.visits.length];
    log(`数据文件有效：${d.residents.length} 名服务对象、${d.staff.length} 名员工、${visits} 条上门服务记录`);
  }
  if (target.db) {
    requireExisting(target.db, '数据库文件');
    // read-only: an empty or foreign file is named as such, never given a schema and called sound
    const file = resolve(target.db);
    const f = describeDatabaseFile(file, cliKey());
    const upgrade = f.version < f.latest ? `，打开时会先备份再升级到版本 ${f.latest}` : '';
    log(`数据库完整性检查通过（版本 ${f.version}${upgrade}）：${file}`);
    log(
      `长护助手数据库：${f.institution ? `机构“${f.institution}”，` : '尚未设置机构，'}${f.residents} 名服务对象、${f.staff} 名员工、${f.visits} 条上门服务记录`,
    );
    // the audit chain too (ltc verify-audit, which also compares with packages' manifests): a rewritten trail fails the check
    if (f.version >= AUDIT_CHAIN_SCHEMA) log(chainVerdict(verifyAuditFile(file, [], keyInUse(file, cliKey()))));
    else log(`审计记录尚未建立哈希链（升级到版本 ${AUDIT_CHAIN_SCHEMA} 时建立）`);
  }
  if (!target.db && !target.dataset) throw new InputError('请指定 --db 数据库文件或 --dataset 数据文件');
}

export async function backupCommand(dbFile: string, outFile: string, log: (s: string) => void): Promise<void> {
  requireExisting(dbFile, '数据库文件');
  const db = openDatabase(resolve(dbFile), { key: cliKey() });
  try {
    const r = await backupDatabase(db, resolve(outFile));
    // a backup is the whole database, every ID number in it: audited like 立即备份 (the backup does not hold its own row)
    recordAudit(db, { actor: cliActor(), action: 'backup', entity: 'database', entityId: null, after: { file: r.file, bytes: r.bytes, via: 'ltc backup' } });
    log(`已备份并校验：${r.file}（${r.bytes} 字节）`);
  } finally {
    db.close();
  }
}

export function restoreCommand(dbFile: string, backupFile: string, log: (s: string) => void): void {
  requireExisting(backupFile, '备份文件');
  const r = restoreDatabase(resolve(dbFile), resolve(backupFile), cliActor(), { key: cliKey() });
  if (r.previous) log(`原数据库已另存为：${r.previous}`);
  if (r.archivedAuditRows > 0) log(`原数据库在该备份之后写入的 ${r.archivedAuditRows} 条审计记录已归档保留（审计日志中记有本次恢复）`);
  log(`已从备份恢复：${resolve(dbFile)}（数据库结构版本 ${r.schemaVersion}）`);
}

/**
 * The demo institution as of today (the services' today: LTC_TODAY in tests), with its bed register and
 * the fraud patterns 自查 should find planted in its last full month (demo/auditPatterns.ts).
 */
export function demoCommand(dbFile: string, log: (s: string) => void): void {
  const today = serviceToday();
  const records = generateDemoDataset({ today });
  // the fraud patterns 自查 should find, planted in the last full month's records before the plans are read off them
  const planted = plantAuditPatterns(records, demoWindow({ today, months: 3 }).focus);
  // the head nurse's rota and plans as of today (dataset 1.1), with a few problems to find
  const dataset: Dataset = { ...records, version: 1.1, ...demoPlanning(records, today) };
  const beds = demoBeds(dataset);
  withDatabase(dbFile, (db) => {
    const has = db.raw.prepare('SELECT COUNT(*) AS n FROM residents').get() as { n: number };
    if (has.n > 0) throw new InputError(`数据库 ${dbFile} 已有服务对象数据；演示数据只能写入新的数据库文件，请换一个文件名`);
    db.transaction(() => {
      importDataset(db, dataset, { actor: cliActor() });
      for (const bed of beds) saveBed(db, bed, cliActor());
      moveAfterCap(db, planted.moved, cliActor());
    });
  });
  log(
    `已创建演示机构“${dataset.institution.name}”（截至 ${today}）：${dataset.residents.length} 名服务对象、${beds.length} 张床位、` +
      `${dataset.staff.length} 名员工、${dataset.visits.length} 条上门服务记录、${dataset.rota?.cells.length ?? 0} 个排班格、${dataset.carePlans?.length ?? 0} 份服务计划、${dataset.plannedVisits?.length ?? 0} 次派单 → ${dbFile}`,
  );
}

/**
 * `ltc encrypt --db FILE --key-file K` (decisions.md D37): the plain database encrypted in place, in one
 * step (db/encryptFile.ts: a verified backup first, then an encrypted copy, verified, swapped in). K is read,
 * or, where it does not exist, a new random key is written there (owner-only) once the file is known to be
 * plain. The program must be closed.
 */
export async function encryptCommand(dbFile: string, log: (s: string) => void, opts: { encryptBackups?: boolean } = {}): Promise<void> {
  requireExisting(dbFile, '数据库文件');
  const keyFile = cliKeyFile();
  if (!keyFile) throw new InputError('请用 --key-file 指定密钥文件：已有的密钥文件，或一个新文件名（会生成新的随机密钥写入其中）');
  const file = resolve(dbFile);
  if (fileEncryption(file) === 'encrypted') throw new InputError(`数据库“${file}”已经加密，无需再加密`);
  if (fileEncryption(file) !== 'plain') throw new InputError(`“${file}”不是长护助手数据库（空文件或不是 SQLite 文件），没有加密`);
  // the file is described (and a newer program's or a foreign file refused) before any key is written
  describeDatabaseFile(file);
  const created = !existsSync(keyFile);
  const key = created ? writeNewKeyFile(keyFile) : cliKey();
  if (!key) throw new InputError('请用 --key-file 指定密钥文件');
  if (created) log(`已生成新的数据库密钥，写入：${keyFile}（只有文件所有者可读）`);
  let backup = '';
  // A test stops the process between steps the way a kill or a power cut would (tests/unit/cli/encrypt.test.ts).
  const killAt = process.env['LTC_TEST_KILL_ENCRYPT_AT'];
  const r = await encryptDatabaseFile(file, key, {
    backup: async () => {
      const db = openDatabase(file);
      try {
        const made = await createBackup(db, 'manual');
        backup = join(backupsFolderOf(file), made.name);
        log(`已备份并校验（未加密）：${backup}`);
      } finally {
        db.close();
      }
    },
    afterStep: killAt ? (step) => step === killAt && process.kill(process.pid, 'SIGKILL') : undefined,
  });
  withDatabase(file, (db) =>
    recordAudit(db, { actor: cliActor(), action: 'encrypt', entity: 'database', entityId: null, after: { backup: basename(backup), via: 'ltc encrypt' } }),
  );
  const rows = Object.values(r.tables).reduce((a, b) => a + b, 0);
  log(
    `已加密：${file}（SQLCipher 4 格式；${Object.keys(r.tables).length} 个数据表共 ${rows} 行，逐表核对一致${r.auditRows ? `；审计记录 ${r.auditRows} 条，哈希链完整` : ''}）`,
  );
  log(`今后打开这个数据库及其新的备份都需要密钥：ltc … --key-file ${keyFile}。请另外妥善保存密钥文件，丢失后数据无法恢复。`);
  if (!opts.encryptBackups) {
    log(
      `注意：加密前的备份（包括上面这一份）仍是明文，确认加密后的数据库可用后，请删除或妥善保管 ${backupsFolderOf(file)} 中的旧备份（或用 --encrypt-backups 一并加密）。`,
    );
    return;
  }
  // the backups beside it, each the same way (copy, rekey, verify, swap): a kill leaves each plain or encrypted, whole
  const { folder, encrypted, failed } = await encryptBackupsBeside(file, key, (b, failure) =>
    log(failure === null ? `已加密备份：${b}` : `未能加密备份 ${b}（它仍是明文，未改动）：${failure}`),
  );
  if (failed.length > 0) throw new InputError(`数据库已加密，但有 ${failed.length} 个备份未能加密：${failed.map((f) => f.name).join('、')}`);
  log(`${folder} 中的备份已全部加密（${encrypted.length} 个），用同一个密钥打开。`);
}

/**
 * `echo 恢复码 | ltc recover-key --db FILE --key-file K`: the key of a database the desktop app encrypted
 * (its `<db>.key.json`, db/keyVault.ts), opened with the first administrator's recovery code and written to
 * a new key file K (owner-only) for `--key-file`. The code comes on standard input, never as an argument (a
 * command line is visible to every user of the machine).
 */
export async function recoverKeyCommand(dbFile: string, log: (s: string) => void): Promise<void> {
  requireExisting(dbFile, '数据库文件');
  const keyFile = cliKeyFile();
  if (!keyFile) throw new InputError('请用 --key-file 指定要写入密钥的新文件');
  if (existsSync(keyFile)) throw new InputError(`密钥文件已存在：${keyFile}。请另选一个新文件名（不会覆盖已有的文件）`);
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  const code = (Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '').trim();
  if (!code) throw new InputError('请从标准输入给出恢复码（第一行），例如：echo 恢复码 | ltc recover-key --db 数据库 --key-file 密钥文件');
  const file = resolve(dbFile);
  // no OS protection here: the key is only unwrapped, the sidecar is left as it is
  const key = await unlockWithRecoveryCode(file, code, NO_OS_PROTECTION);
  // the key must open the file before it is written out as its key
  describeDatabaseFile(file, key);
  writeKeyFile(keyFile, key);
  log(`已用恢复码取出数据库密钥，写入：${keyFile}（只有文件所有者可读）。之后用 --key-file ${keyFile} 打开这个数据库。`);
}
