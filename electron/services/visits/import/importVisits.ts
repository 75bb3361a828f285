/**
 * Import of visit records from a caregiver app: a preview that checks every row, then a commit that
 * reads the same file again (nothing is kept between the two calls) and stores the rows the user did
 * not exclude, all in one transaction with one audit row. Nothing is stored while a row with an error
 * is still included; rows whose 外部编号 is already stored are skipped and reported when they say the same,
 * and shown with their differences when they do not: those update their stored visit (an audit row each,
 * before and after) only when the user asks for it (`updateChanged`), never as a second visit.
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
import { insertVisit, updateVisit, type VisitFields } from '../visitStore';
import { readStoredRow } from '../visitRows';
import { auditShape } from '../visitWrite';
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

const isStorable = (c: Candidate): boolean => c.errors.length === 0 && !c.duplicate && c.stored === null;
const isChanged = (c: Candidate): boolean => c.errors.length === 0 && c.stored !== null;

/** The claim's verdict on the storable rows, judged together so rows that overlap each other show it. */
function judgeRows(db: LtcDatabase, policy: Policy, candidates: readonly Candidate[]): Map<number, ImportPreviewRow['warnings']> {
  // a changed row is judged as its stored visit would be once updated (in place of it, not beside it)
  const storable = candidates.filter((c) => isStorable(c) || isChanged(c));
  const verdicts = judgeTargets(
    db.raw,
    policy,
    storable.map((c) => ({
      id: c.stored?.id ?? null,
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

/** A row's visit as stored (its ref and 外部编号 apart). */
function visitFields(c: Candidate): Omit<VisitFields, 'ref' | 'external_ref'> {
  return {
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
  };
}

export async function previewImport(db: LtcDatabase, file: UploadedFile): Promise<ImportPreview> {
  const { table, policy, map } = await analyse(db, file);
  const candidates = checkRows(db.raw, table.rows, map, policy, serviceToday());
  const warnings = judgeRows(db, policy, candidates);
  const lockCache = new Map<string, boolean>();
  const locked = (month: string): boolean => lockCache.get(month) ?? lockCache.set(month, isMonthLocked(db, month)).get(month)!;

  const rows: ImportPreviewRow[] = candidates.map((c) => {
    const w = warnings.get(c.row) ?? [];
    const months = isStorable(c) || isChanged(c) ? [monthOf(c.start!), ...(c.stored ? [monthOf(c.stored.start_at)] : [])] : [];
    const lockedMonth = months.find(locked) ?? null;
    const status = c.duplicate ? 'duplicate' : c.errors.length > 0 ? 'error' : c.stored ? 'changed' : w.length > 0 || lockedMonth ? 'warning' : 'ok';
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
      ...(c.stored ? { changes: c.changes } : {}),
    };
  });
  const counts = { total: rows.length, ok: 0, warning: 0, error: 0, duplicate: 0, changed: 0 };
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
  input: { file: UploadedFile; exclude: number[]; updateChanged?: boolean; correctionReason?: string | undefined },
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
    const changed = candidates.filter((c) => isChanged(c) && !excluded.has(c.row));
    const updating = input.updateChanged ? changed : [];
    if (chosen.length === 0 && updating.length === 0)
      throw new InputError(
        changed.length > 0
          ? `文件中没有新的记录；有 ${changed.length} 条已导入过的记录内容有修改，如需更新，请在预览中勾选“更新已导入记录的修改”后再导入`
          : duplicates > 0
            ? '文件中的记录都已导入过（外部编号相同），没有新的记录'
            : '没有可导入的记录：所有行都被排除了',
      );
    const reason = assertMonthWritable(
      db,
      [...chosen.map((c) => monthOf(c.start!)), ...updating.flatMap((c) => [monthOf(c.start!), monthOf(c.stored!.start_at)])],
      input.correctionReason,
    );

    for (const c of updating) {
      const before = c.stored!;
      updateVisit(db.raw, before.id, visitFields(c), c.items);
      recordAudit(db, {
        actor,
        action: 'update',
        entity: 'visit',
        entityId: before.id,
        before: auditShape(before),
        after: { ...auditShape(readStoredRow(db.raw, before.id)!), source: input.file.name, ...(reason ? { correctionReason: reason } : {}) },
      });
    }
    const refs = chosen.length > 0 ? allocateRefs(db.raw, 'visit', chosen.length) : [];
    chosen.forEach((c, i) => {
      insertVisit(db.raw, { ...visitFields(c), ref: refs[i]!, external_ref: c.externalRef }, c.items);
    });
    const result: ImportResult = {
      added: chosen.length,
      skippedDuplicates: duplicates,
      excluded: candidates.filter((c) => excluded.has(c.row)).length,
      updated: updating.length,
      skippedChanged: changed.length - updating.length,
    };
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
        refs: refs.length === 0 ? null : refs.length === 1 ? refs[0] : `${refs[0]} … ${refs[refs.length - 1]}`,
        ...(updating.length > 0 ? { updatedRefs: updating.map((c) => c.stored!.ref) } : {}),
        ...(reason ? { correctionReason: reason } : {}),
      },
    });
    return result;
  });
}
