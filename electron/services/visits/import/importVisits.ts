/**
 * Import of visit records from a caregiver app: a preview that checks every row, then a commit that
 * reads the same file again (nothing is kept between the two calls) and stores the rows the user did
 * not exclude, all in one transaction with one audit row. Nothing is stored while a row with an error
 * is still included; rows whose 外部编号 is already stored are skipped and reported.
 */
import { createHash } from 'node:crypto';
import type { ImportPreview, ImportPreviewRow, ImportResult } from '../../../../shared/api/visits';
import { minutesBetween, monthOf } from '../../../../shared/domain/dates';
import { recordAudit } from '../../audit/auditLog';
import { assertMonthWritable, isMonthLocked } from '../../claims/monthLock';
import type { LtcDatabase } from '../../db/database';
import { allocateRefs } from '../../db/recordRefs';
import { InputError } from '../../errors';
import { judgeTargets, loadPolicy, type Policy } from '../judge';
import { insertVisit } from '../visitStore';
import { serviceToday } from '../../db/clock';
import { checkRows, type Candidate } from './checkRows';
import { COLUMNS, mapColumns } from './columns';
import { readTable, type Table } from './readTable';

interface UploadedFile {
  name: string;
  base64: string;
}

interface Analysis {
  table: Table;
  policy: Policy;
  map: ReturnType<typeof mapColumns>;
  bytes: Buffer;
}

async function analyse(db: LtcDatabase, file: UploadedFile): Promise<Analysis> {
  const policy = loadPolicy(db.raw);
  if (!policy) throw new InputError('请先在机构设置中填写机构并选择政策包，再导入上门服务记录（服务项目按政策包的目录核对）');
  const bytes = Buffer.from(file.base64, 'base64');
  if (bytes.length === 0) throw new InputError(`文件“${file.name}”是空的`);
  const table = await readTable(file.name, bytes);
  const map = mapColumns(table.rows);
  if (!table.rows.some((r) => r.row > map.headerRow)) throw new InputError('文件中只有列名，没有服务记录');
  return { table, policy, map, bytes };
}

const isStorable = (c: Candidate): boolean => c.errors.length === 0 && !c.duplicate;

/** The claim's verdict on the storable rows, judged together so rows that overlap each other show it. */
function judgeRows(db: LtcDatabase, policy: Policy, candidates: readonly Candidate[]): Map<number, ImportPreviewRow['warnings']> {
  const storable = candidates.filter(isStorable);
  const verdicts = judgeTargets(
    db.raw,
    policy,
    storable.map((c) => ({
      id: null,
      ref: `第${c.row}行`,
      residentId: c.residentId!,
      staffId: c.staffId!,
      start: c.start!,
      end: c.end!,
      items: c.items,
      confirmed: c.confirmed ?? false,
    })),
  );
  return new Map(storable.map((c, i) => [c.row, verdicts[i]?.issues ?? []]));
}

export async function previewImport(db: LtcDatabase, file: UploadedFile): Promise<ImportPreview> {
  const { table, policy, map } = await analyse(db, file);
  const candidates = checkRows(db.raw, table.rows, map, policy, serviceToday());
  const warnings = judgeRows(db, policy, candidates);
  const lockCache = new Map<string, boolean>();
  const locked = (month: string): boolean => lockCache.get(month) ?? lockCache.set(month, isMonthLocked(db, month)).get(month)!;

  const rows: ImportPreviewRow[] = candidates.map((c) => {
    const w = warnings.get(c.row) ?? [];
    const lockedMonth = isStorable(c) && locked(monthOf(c.start!)) ? monthOf(c.start!) : null;
    const status = c.duplicate ? 'duplicate' : c.errors.length > 0 ? 'error' : w.length > 0 || lockedMonth ? 'warning' : 'ok';
    return {
      row: c.row,
      status,
      residentName: c.residentName,
      staffName: c.staffName,
      start: c.start,
      end: c.end,
      minutes: c.start && c.end && c.end >= c.start ? minutesBetween(c.start, c.end) : null,
      items: c.items,
      confirmed: c.confirmed,
      externalRef: c.externalRef,
      errors: c.errors,
      warnings: w,
      lockedMonth,
    };
  });
  const counts = { total: rows.length, ok: 0, warning: 0, error: 0, duplicate: 0 };
  for (const r of rows) counts[r.status]++;
  return {
    fileName: file.name,
    format: table.format,
    encoding: table.encoding,
    columns: COLUMNS.filter((c) => map.headers[c.field] !== undefined).map((c) => ({ header: map.headers[c.field]!, field: c.header })),
    ignoredColumns: map.ignored,
    rows,
    counts,
    lockedMonths: [...new Set(rows.flatMap((r) => (r.lockedMonth ? [r.lockedMonth] : [])))].sort(),
  };
}

export async function commitImport(
  db: LtcDatabase,
  input: { file: UploadedFile; exclude: number[]; correctionReason?: string | undefined },
  actor: string,
): Promise<ImportResult> {
  const { table, policy, map, bytes } = await analyse(db, input.file);
  const excluded = new Set(input.exclude);
  return db.transaction(() => {
    // Checked again inside the transaction: the records may have changed since the preview.
    const candidates = checkRows(db.raw, table.rows, map, policy, serviceToday());
    const blocking = candidates.filter((c) => c.errors.length > 0 && !c.duplicate && !excluded.has(c.row));
    if (blocking.length > 0) {
      const problems = blocking.flatMap((c) => c.errors.map((e) => ({ path: `第${c.row}行 ${e.column}`, message: e.message })));
      throw new InputError(`有 ${blocking.length} 行存在错误，未导入任何记录。请改正文件后重新导入，或在预览中排除这些行。`, problems.slice(0, 200));
    }
    const chosen = candidates.filter((c) => isStorable(c) && !excluded.has(c.row));
    const duplicates = candidates.filter((c) => c.duplicate && !excluded.has(c.row)).length;
    if (chosen.length === 0)
      throw new InputError(duplicates > 0 ? '文件中的记录都已导入过（外部编号相同），没有新的记录' : '没有可导入的记录：所有行都被排除了');
    const reason = assertMonthWritable(
      db,
      chosen.map((c) => monthOf(c.start!)),
      input.correctionReason,
    );

    const refs = allocateRefs(db.raw, 'visit', chosen.length);
    chosen.forEach((c, i) => {
      insertVisit(
        db.raw,
        {
          ref: refs[i]!,
          resident_id: c.residentId!,
          staff_id: c.staffId!,
          start_at: c.start!,
          end_at: c.end!,
          minutes: minutesBetween(c.start!, c.end!),
          confirmed: c.confirmed ? 1 : 0,
          check_in_lat: c.checkIn?.lat ?? null,
          check_in_lng: c.checkIn?.lng ?? null,
          check_out_lat: c.checkOut?.lat ?? null,
          check_out_lng: c.checkOut?.lng ?? null,
          note: c.note,
          external_ref: c.externalRef,
        },
        c.items,
      );
    });
    const result: ImportResult = { added: chosen.length, skippedDuplicates: duplicates, excluded: candidates.filter((c) => excluded.has(c.row)).length };
    recordAudit(db, {
      actor,
      action: 'import',
      entity: 'visit',
      before: null,
      after: {
        file: input.file.name,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        ...result,
        excludedRows: [...excluded].sort((a, b) => a - b),
        refs: refs.length === 1 ? refs[0] : `${refs[0]} … ${refs[refs.length - 1]}`,
        ...(reason ? { correctionReason: reason } : {}),
      },
    });
    return result;
  });
}
