/** Import of visit records from CSV (UTF-8 and GBK) and xlsx: row errors, warnings, all or nothing. */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { listAudit } from '../../../electron/services/audit/auditLog';
import { InputError, ServiceError } from '../../../electron/services/errors';
import { COLUMNS } from '../../../electron/services/visits/import/columns';
import { pinToday } from '../../support/today';
import { gbk } from './gbk';
import { sampleDb, upload, visits } from './support';

const HEADER = '服务对象身份证号,服务对象姓名,护理人员姓名,开始时间,结束时间,服务项目编码,签字确认,签到纬度,签到经度,外部编号,备注';
const CSV = [
  HEADER,
  '33020519410923006X,陈淑芬,施银萍,2026-10-20 09:00,2026-10-20 10:00,LC01、LC08,是,29.8891,121.5602,APP-001,',
  ',陈淑芬,施银萍,2026/10/21 9:00,2026/10/21 9:20,LC02,否,,,APP-002,时长不足且未签字',
  '33020519410923006X,陈淑芬,施银萍,2026-10-22 10:00,2026-10-22 09:00,ZZ99,是,,,APP-003,坏行',
  ',陈淑霞,陈淑霞,2026-10-23 09:00,2026-10-23 10:00,MC12,是,,,APP-004,找不到服务对象',
  '',
  ',陈淑芬,陈淑霞,2026-10-24 15:00,2026-10-24 16:00,MC12;LC01,是,,,APP-005,',
].join('\r\n');

const storedCount = (db: ReturnType<typeof sampleDb>): number => db.raw.prepare('SELECT count(*) FROM visits').pluck().get() as number;

describe('visits import', () => {
  it('previews a UTF-8 CSV: row errors in Chinese with row and column, claim problems as warnings', async () => {
    const db = sampleDb();
    const preview = await visits(db)('visits.importPreview', { file: upload('app.csv', `\uFEFF${CSV}`) });
    expect(preview).toMatchObject({ format: 'csv', encoding: 'UTF-8', counts: { total: 5, ok: 2, warning: 1, error: 2, duplicate: 0 } });
    const byRow = new Map(preview.rows.map((r) => [r.row, r]));
    expect(byRow.get(2)).toMatchObject({
      status: 'ok',
      residentName: '陈淑芬',
      staffName: '施银萍',
      start: '2026-10-20T09:00',
      end: '2026-10-20T10:00',
      minutes: 60,
      items: ['LC01', 'LC08'],
      confirmed: true,
      externalRef: 'APP-001',
    });
    expect(byRow.get(3)).toMatchObject({ status: 'warning', start: '2026-10-21T09:00', minutes: 20, errors: [] });
    expect(byRow.get(3)!.warnings.map((w) => w.code)).toEqual(['VISIT_TOO_SHORT', 'VISIT_UNCONFIRMED']);
    expect(byRow.get(3)!.warnings[0]!.message).toContain('上门服务 第3行 时长20分钟');
    expect(byRow.get(4)!.errors).toEqual([
      { column: '结束时间', message: '2026-10-22 09:00 早于开始时间 2026-10-22 10:00，请核对签到、签退时间' },
      { column: '服务项目编码', message: expect.stringContaining('“ZZ99” 不在服务项目目录中') },
    ]);
    expect(byRow.get(5)!.errors).toEqual([{ column: '服务对象姓名', message: '找不到名为“陈淑霞”的服务对象，请核对姓名，或先在“服务对象”中登记此人' }]);
    // The blank line is skipped, and the next record keeps the row number Excel shows for it.
    expect(byRow.get(7)).toMatchObject({ status: 'ok', items: ['MC12', 'LC01'], staffName: '陈淑霞' });
  });

  it('imports nothing while a bad row is included; with the bad rows excluded, all the rest in one audited transaction', async () => {
    const db = sampleDb();
    const call = visits(db);
    const before = storedCount(db);
    const file = upload('app.csv', CSV);
    const refused = await call('visits.importCommit', { file }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(InputError);
    expect((refused as InputError).message).toContain('有 2 行存在错误，未导入任何记录');
    expect((refused as InputError).problems.map((p) => p.path)).toEqual(['第4行 结束时间', '第4行 服务项目编码', '第5行 服务对象姓名']);
    expect(storedCount(db)).toBe(before);

    const result = await call('visits.importCommit', { file, exclude: [4, 5] });
    expect(result).toEqual({ added: 3, skippedDuplicates: 0, excluded: 2, updated: 0, skippedChanged: 0 });
    expect(storedCount(db)).toBe(before + 3);
    const stored = db.raw
      .prepare("SELECT ref, external_ref, confirmed, check_in_lat, note FROM visits WHERE external_ref LIKE 'APP-%' ORDER BY external_ref")
      .all();
    expect(stored).toEqual([
      { ref: 'V0000007', external_ref: 'APP-001', confirmed: 1, check_in_lat: 29.8891, note: null },
      { ref: 'V0000008', external_ref: 'APP-002', confirmed: 0, check_in_lat: null, note: '时长不足且未签字' },
      { ref: 'V0000009', external_ref: 'APP-005', confirmed: 1, check_in_lat: null, note: null },
    ]);
    const audit = listAudit(db, { entity: 'visit' });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: 'import',
      after: { file: 'app.csv', added: 3, excludedRows: [4, 5], sha256: expect.stringMatching(/^[0-9a-f]{64}$/) },
    });

    // The same export again: what is stored is skipped and shown, never doubled.
    const again = await call('visits.importPreview', { file });
    expect(again.counts).toMatchObject({ duplicate: 3, error: 2 });
    const twice = await call('visits.importCommit', { file, exclude: [4, 5] }).catch((e: unknown) => e);
    expect((twice as InputError).message).toContain('都已导入过');
    expect(storedCount(db)).toBe(before + 3);
  });

  it('a row whose 外部编号 is stored but differs shows what would change, and updates that visit only when asked: never a second visit', async () => {
    const db = sampleDb();
    const call = visits(db);
    const before = storedCount(db);
    // an export cut short: APP-001 ended at 09:30 and had one item; then the full export, with APP-001 whole
    const cut = upload('cut.csv', [HEADER, '33020519410923006X,陈淑芬,施银萍,2026-10-20 09:00,2026-10-20 09:30,LC01,否,,,APP-001,'].join('\r\n'));
    await call('visits.importCommit', { file: cut });
    const full = upload(
      'full.csv',
      [
        HEADER,
        '33020519410923006X,陈淑芬,施银萍,2026-10-20 09:00,2026-10-20 10:00,LC01、LC08,是,,,APP-001,',
        ',陈淑芬,陈淑霞,2026-10-24 15:00,2026-10-24 16:00,MC12,是,,,APP-005,',
      ].join('\r\n'),
    );
    const preview = await call('visits.importPreview', { file: full });
    expect(preview.counts).toMatchObject({ total: 2, ok: 1, changed: 1, duplicate: 0 });
    expect(preview.rows[0]).toMatchObject({
      row: 2,
      status: 'changed',
      changes: [
        { field: '结束时间', before: '2026-10-20 09:30', after: '2026-10-20 10:00' },
        { field: '服务项目', before: 'LC01', after: 'LC01、LC08' },
        { field: '签字确认', before: '否', after: '是' },
      ],
    });

    // Not asked: the new record is stored, the stored one is left as it was and said to be
    const first = await call('visits.importCommit', { file: full });
    expect(first).toEqual({ added: 1, skippedDuplicates: 0, excluded: 0, updated: 0, skippedChanged: 1 });
    const app001 = () => db.raw.prepare("SELECT id, ref, end_at, confirmed FROM visits WHERE external_ref = 'APP-001'").all() as { id: number; ref: string }[];
    expect(app001()).toEqual([{ id: expect.any(Number), ref: expect.any(String), end_at: '2026-10-20T09:30', confirmed: 0 }]);

    // Asked: the same visit (same ref) now says what the file says; one audit row with before and after
    const { ref } = app001()[0]!;
    const second = await call('visits.importCommit', { file: full, updateChanged: true });
    expect(second).toEqual({ added: 0, skippedDuplicates: 1, excluded: 0, updated: 1, skippedChanged: 0 });
    expect(app001()).toEqual([{ id: expect.any(Number), ref, end_at: '2026-10-20T10:00', confirmed: 1 }]);
    const items = db.raw
      .prepare("SELECT code FROM visit_items JOIN visits ON visits.id = visit_id WHERE external_ref = 'APP-001' ORDER BY position")
      .pluck()
      .all();
    expect(items).toEqual(['LC01', 'LC08']);
    expect(storedCount(db)).toBe(before + 2);
    const update = listAudit(db, { entity: 'visit' }).find((a) => a.action === 'update');
    expect(update).toMatchObject({
      before: { ref, end: '2026-10-20T09:30', confirmed: false },
      after: { ref, end: '2026-10-20T10:00', confirmed: true, source: 'full.csv' },
    });

    // The full file a third time: everything the same, nothing to do
    expect((await call('visits.importPreview', { file: full })).counts).toMatchObject({ duplicate: 2, changed: 0 });
  });

  it('reads a GBK CSV as Excel in China saves it', async () => {
    const db = sampleDb();
    const preview = await visits(db)('visits.importPreview', { file: upload('excel.csv', gbk(CSV)) });
    expect(preview.encoding).toBe('GBK');
    expect(preview.counts).toMatchObject({ total: 5, ok: 2, warning: 1, error: 2 });
    expect(preview.rows[0]).toMatchObject({ residentName: '陈淑芬', staffName: '施银萍' });
  });

  it('reads xlsx: header aliases, date cells, an ID number Excel turned into a number, overlaps between rows', async () => {
    const db = sampleDb();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.addRow(['服务单号', '姓名', '身份证号', '护理员', '服务开始时间', '签退时间', '服务项目（编码）', '是否签字', '无关的列']);
    ws.addRow(['A1', '陈淑芬', '33020519410923006X', '施银萍', new Date(Date.UTC(2026, 9, 20, 9, 0, 40)), '2026-10-20 10:00:30', 'LC01', '是', 'x']);
    ws.addRow(['A2', '陈淑芬', '33020519410923006X', '施银萍', '2026-10-20 09:30', '2026-10-20 10:30', 'LC05', '是', 'x']);
    // Excel keeps 15 significant digits of a number: the ID as it was typed into a number cell.
    ws.addRow(['A3', '陈淑芬', Number('330205194109230000'), '施银萍', '2026-10-21 09:00', '2026-10-21 10:00', 'LC05', 'maybe', '']);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const call = visits(db);
    const preview = await call('visits.importPreview', { file: upload('app.xlsx', bytes) });
    expect(preview.format).toBe('xlsx');
    expect(preview.ignoredColumns).toEqual(['无关的列']);
    expect(preview.columns.map((c) => c.field)).toContain('外部编号');
    const [a1, a2, a3] = preview.rows;
    // Seconds round inwards: 09:00:40 starts at 09:01, 10:00:30 ends at 10:00.
    expect(a1).toMatchObject({ row: 2, start: '2026-10-20T09:01', end: '2026-10-20T10:00', minutes: 59, status: 'warning' });
    expect(a1!.warnings.map((w) => w.code)).toEqual(['VISIT_OVERLAP']);
    expect(a2!.warnings[0]!.message).toContain('第2行');
    expect(a3!.status).toBe('error');
    expect(a3!.errors.map((e) => e.column)).toEqual(['身份证号', '是否签字']);
    expect(a3!.errors[0]!.message).toContain('存成了数字');

    const result = await call('visits.importCommit', { file: upload('app.xlsx', bytes), exclude: [4] });
    expect(result.added).toBe(2);
  });

  it('says which required columns are missing, and refuses .xls', async () => {
    const db = sampleDb();
    const call = visits(db);
    const missing = await call('visits.importPreview', { file: upload('x.csv', '服务对象姓名,开始时间\n陈淑芬,2026-10-20 09:00') }).catch((e: unknown) => e);
    expect((missing as InputError).message).toContain('文件缺少必需的列：护理人员身份证号（或护理人员姓名）、结束时间、服务项目编码');
    const xls = await call('visits.importPreview', { file: upload('old.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0])) }).catch(
      (e: unknown) => e,
    );
    expect((xls as InputError).message).toContain('.xls');
  });

  it('rows of a submitted month are flagged, and need a correction reason to be imported', async () => {
    const db = sampleDb();
    db.raw
      .prepare(
        `INSERT INTO claims (month, kind, seq, status, policy_id, policy_version, computed_at, claim_json, submitted_at, submitted_by)
        VALUES ('2026-10', 'regular', 0, 'submitted', 'ningbo-2022', '1', 'x', '{}', 'x', 'x')`,
      )
      .run();
    const call = visits(db);
    const file = upload('late.csv', [HEADER, CSV.split('\r\n')[1]].join('\n'));
    const preview = await call('visits.importPreview', { file });
    expect(preview.lockedMonths).toEqual(['2026-10']);
    expect(preview.rows[0]).toMatchObject({ status: 'warning', lockedMonth: '2026-10' });
    const refused = await call('visits.importCommit', { file }).catch((e: unknown) => e);
    expect((refused as ServiceError).code).toBe('LOCKED');
    await expect(call('visits.importCommit', { file, correctionReason: '护理App同步延迟，补录' })).resolves.toMatchObject({ added: 1 });
  });

  it('offers a template whose headers are the import columns and a sheet of item codes', async () => {
    const db = sampleDb();
    const file = await visits(db)('visits.importTemplate', {});
    expect(file.name).toBe('上门服务导入模板.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['服务记录', '填写说明', '服务项目目录']);
    expect((wb.getWorksheet('服务记录')!.getRow(1).values as unknown[]).slice(1)).toEqual(COLUMNS.map((c) => c.header));
    expect(wb.getWorksheet('服务项目目录')!.getRow(2).values).toEqual([undefined, 'LC01', '头面部清洁、梳理', '生活照护', '']);
    // The template's own example row is read back as a row (its example person is unknown here).
    const preview = await visits(db)('visits.importPreview', { file: { name: 'template.xlsx', base64: file.base64 } });
    expect(preview.rows).toHaveLength(1);
    expect(preview.rows[0]!.status).toBe('error');
  });
});

describe('visits import at scale', () => {
  it('checks and stores a 10,000-row export in one transaction', async () => {
    // 500 days of visits from 2026-06-01: a today after the last of them.
    pinToday('2027-12-31');
    const db = sampleDb();
    const lines = [HEADER];
    for (let i = 0; i < 10_000; i++) {
      // Two caregivers, one visit each per hour from 08:00 to 17:00, day after day.
      const day = new Date(Date.UTC(2026, 5, 1) + Math.floor(i / 20) * 86_400_000).toISOString().slice(0, 10);
      const hour = String(8 + (Math.floor(i / 2) % 10)).padStart(2, '0');
      lines.push(`,陈淑芬,${i % 2 ? '陈淑霞' : '施银萍'},${day} ${hour}:00,${day} ${hour}:45,LC01,是,,,BIG-${i},`);
    }
    const file = upload('big.csv', lines.join('\n'));
    const call = visits(db);
    const preview = await call('visits.importPreview', { file });
    // r3's home care started 2026-05-06 and the two caregivers never overlap: every row is importable.
    expect(preview.counts).toMatchObject({ total: 10_000, error: 0 });
    const result = await call('visits.importCommit', { file });
    expect(result.added).toBe(10_000);
    expect(db.raw.prepare("SELECT count(*) FROM visits WHERE external_ref LIKE 'BIG-%'").pluck().get()).toBe(10_000);
  });
});
