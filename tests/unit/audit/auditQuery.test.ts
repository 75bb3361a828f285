/** 审计日志 reads: newest first, filters in SQL, a readable field-by-field diff with ID numbers masked. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditApi } from '../../../shared/api/audit';
import type { ServiceContext } from '../../../electron/services/api/context';
import { auditHandlers } from '../../../electron/services/audit/auditHandlers';
import { auditChanges } from '../../../electron/services/audit/auditDiff';
import { recordAudit } from '../../../electron/services/audit/auditLog';
import { openDatabase, type LtcDatabase } from '../../../electron/services/db/database';
import { tempDir, track } from '../services/helpers';

function freshDb(): LtcDatabase {
  return track(openDatabase(path.join(tempDir(), 'audit.db')));
}

/** Rows with chosen timestamps (recordAudit stamps the clock; the trail only refuses UPDATE and DELETE). */
function insertAt(db: LtcDatabase, at: string, actor: string, action: string, entity: string, entityId: string | null, before: unknown, after: unknown): void {
  db.raw
    .prepare('INSERT INTO audit_log (at, actor, action, entity, entity_id, before_json, after_json) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(at, actor, action, entity, entityId, before === null ? null : JSON.stringify(before), after === null ? null : JSON.stringify(after));
}

function list(db: LtcDatabase, input: unknown) {
  const ctx: ServiceContext = { db, actor: 'x', shell: 'browser', appVersion: 'test', openFolder: () => false };
  return auditHandlers['audit.list'](auditApi['audit.list'].input.parse(input), ctx) as ReturnType<
    typeof import('../../../electron/services/audit/auditQuery').listAuditPage
  >;
}

function seed(db: LtcDatabase): void {
  insertAt(db, '2026-10-01T08:00:00.000+08:00', 'ltc:admin', 'import', 'dataset', null, null, { summary: { visits: { added: 6, skipped: 0 } } });
  insertAt(db, '2026-10-02T09:00:00.000+08:00', '张敏', 'create', 'visit', '7', null, {
    ref: 'V1',
    resident: '陈淑芬',
    start: '2026-10-02T09:00',
    confirmed: false,
    items: ['LC01'],
  });
  insertAt(
    db,
    '2026-10-02T17:30:00.000+08:00',
    '张敏',
    'update',
    'visit',
    '7',
    { ref: 'V1', confirmed: false, items: ['LC01'] },
    { ref: 'V1', confirmed: true, items: ['LC01', 'LC08'] },
  );
  insertAt(
    db,
    '2026-10-03T10:00:00.000+08:00',
    '李会计',
    'update',
    'resident',
    '3',
    { idNumber: '33020519410923006X', phone: '1' },
    { idNumber: '330205194109230060', phone: '1' },
  );
  insertAt(db, '2026-10-04T11:00:00.000+08:00', '李会计', 'delete', 'visit', '8', { ref: 'V2', checkIn: { lat: 29.8, lng: 121.5 } }, null);
}

describe('audit.list', () => {
  it('lists newest first and filters by date range, actor, action, entity and search', () => {
    const db = freshDb();
    seed(db);
    const ids = (q: object): string[] => list(db, q).rows.map((r) => `${r.action}:${r.entity}`);
    expect(ids({})).toEqual(['delete:visit', 'update:resident', 'update:visit', 'create:visit', 'import:dataset']);
    expect(list(db, {}).total).toBe(5);
    expect(ids({ from: '2026-10-02', to: '2026-10-02' })).toEqual(['update:visit', 'create:visit']);
    expect(ids({ actor: '李会计' })).toEqual(['delete:visit', 'update:resident']);
    expect(ids({ action: 'update' })).toEqual(['update:resident', 'update:visit']);
    expect(ids({ entity: 'visit', action: 'create' })).toEqual(['create:visit']);
    expect(ids({ search: '陈淑芬' })).toEqual(['create:visit']);
    expect(ids({ search: '33020519410923006X' })).toEqual(['update:resident']);
    expect(ids({ page: 2, pageSize: 2 })).toEqual(['update:visit', 'create:visit']);
    expect(ids({ sortField: 'at', sortOrder: 'ascend', pageSize: 1 })).toEqual(['import:dataset']);
  });

  it('shows an update as its changed fields, a creation or deletion as all fields, ID numbers masked', () => {
    const db = freshDb();
    seed(db);
    const rows = list(db, { sortOrder: 'ascend' }).rows;
    expect(rows.map((r) => r.subject)).toEqual([null, 'V1 陈淑芬', 'V1', null, 'V2']);
    expect(rows[1]!.changes).toEqual([
      { path: 'ref', before: null, after: 'V1' },
      { path: 'resident', before: null, after: '陈淑芬' },
      { path: 'start', before: null, after: '2026-10-02 09:00' },
      { path: 'confirmed', before: null, after: '否' },
      { path: 'items', before: null, after: 'LC01' },
    ]);
    expect(rows[2]!.changes).toEqual([
      { path: 'confirmed', before: '否', after: '是' },
      { path: 'items', before: 'LC01', after: 'LC01、LC08' },
    ]);
    expect(rows[3]!.changes).toEqual([{ path: 'idNumber', before: '330205********006X', after: '330205********0060' }]);
    expect(rows[4]!.changes).toEqual([
      { path: 'ref', before: 'V2', after: null },
      { path: 'checkIn.lat', before: '29.8', after: null },
      { path: 'checkIn.lng', before: '121.5', after: null },
    ]);
    expect(JSON.stringify(rows)).not.toContain('33020519410923006X');
  });

  it('masks ID numbers inside text and under ID fields that fail the pattern', () => {
    expect(auditChanges(null, { message: '身份证号 11010519491231002X 校验不通过', staff: [{ idNumber: '1234' }] }).changes).toEqual([
      { path: 'message', before: null, after: '身份证号 110105********002X 校验不通过' },
      { path: 'staff[0].idNumber', before: null, after: '****' },
    ]);
  });

  it('offers the actors, actions and entities present for the filters', () => {
    const db = freshDb();
    seed(db);
    const ctx: ServiceContext = { db, actor: 'x', shell: 'browser', appVersion: 'test', openFolder: () => false };
    expect(auditHandlers['audit.facets'](undefined, ctx)).toEqual({
      actors: ['ltc:admin', '张敏', '李会计'],
      actions: ['create', 'delete', 'import', 'update'],
      entities: ['dataset', 'resident', 'visit'],
    });
  });

  // Speed is measured by `npm run bench`, never here: this checks the answers at that size.
  it('filters and searches a trail of 100,000 rows correctly', () => {
    const db = freshDb();
    db.transaction(() => {
      for (let i = 0; i < 100_000; i++) {
        const day = String(1 + (i % 28)).padStart(2, '0');
        recordAudit(db, {
          actor: `user${i % 7}`,
          action: i % 3 ? 'update' : 'create',
          entity: i % 2 ? 'visit' : 'resident',
          entityId: i,
          before: { n: i },
          after: { n: i + 1, note: `第${i}条` },
        });
        if (i % 10_000 === 0) insertAt(db, `2026-11-${day}T10:00:00.000+08:00`, 'rare', 'export', 'dataset', null, null, { n: i });
      }
    });
    const page = list(db, {});
    expect(page.total).toBe(100_000 + 10);
    // user3 writes rows i ≡ 3 (mod 7); visits are the odd i: i ≡ 3 (mod 14)
    expect(list(db, { actor: 'user3', entity: 'visit' }).total).toBe(Array.from({ length: 100_000 }, (_, i) => i).filter((i) => i % 14 === 3).length);
    // the rare rows dated 2026-11-03 … 05 (i = 10,000·k with day 1 + i % 28 in 3 … 5)
    const dated = list(db, { from: '2026-11-03', to: '2026-11-05' });
    expect(dated.total).toBe(Array.from({ length: 10 }, (_, k) => 1 + ((k * 10_000) % 28)).filter((d) => d >= 3 && d <= 5).length);
    expect(list(db, { search: '第4242条' }).total).toBe(1);
  });
});
