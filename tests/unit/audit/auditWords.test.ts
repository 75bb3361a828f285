/**
 * 审计日志 in Chinese: every field of every write the services log has a Chinese label, money reads in 元,
 * the domain's enums in Chinese, times without the `T`; 补报 and the agency's result read as what they
 * are; keys nobody listed fall back to themselves without an error.
 */
import { copyFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditChanges } from '../../../electron/services/audit/auditDiff';
import { auditFacets, listAuditPage } from '../../../electron/services/audit/auditQuery';
import { recordAudit } from '../../../electron/services/audit/auditLog';
import { backupDatabase } from '../../../electron/services/db/backup';
import { openDatabase, type LtcDatabase } from '../../../electron/services/db/database';
import { restoreDatabase } from '../../../electron/services/db/restore';
import { auditListQuery } from '../../../shared/api/audit';
import { ACTION_NAMES, actionName, ENTITY_NAMES, entityName, fieldLabel, lastKey } from '../../../shared/audit/auditWords';
import { tempDir, track } from '../services/helpers';
import { databaseWithEveryWrite } from './everyWrite';

const page = (db: LtcDatabase, q: object = {}) => listAuditPage(db, auditListQuery.parse({ pageSize: 100, sortOrder: 'ascend', ...q }));
/** Latin letters left in a label, once the two names that are written so in Chinese screens too are taken out. */
const latin = (label: string) => label.replace(/SHA-256|App/g, '').match(/[A-Za-z_]+/g);
const ENUM_KEYS = new Set(['type', 'mode', 'role', 'insuranceType', 'kind', 'status', 'result']);

describe('the audit trail in Chinese', () => {
  it('labels every field of every audited write, with money in 元, enums in Chinese and times without T', async () => {
    const db = await databaseWithEveryWrite();
    const rows = page(db).rows;
    const seen = new Set(rows.map((r) => `${r.action} ${r.entity}`));
    // The writes databaseWithEveryWrite makes, so this test cannot pass by having seen nothing.
    for (const pair of [
      'import dataset',
      'update institution',
      'update app-setting',
      'create resident',
      'update resident',
      'delete resident',
      'create assessment',
      'delete assessment',
      'create stay-event',
      'delete stay-event',
      'create bed',
      'update bed',
      'delete bed',
      'create staff',
      'update staff',
      'delete staff',
      'create certificate',
      'update certificate',
      'delete certificate',
      'create visit',
      'update visit',
      'delete visit',
      'import visit',
      'import roster',
      'submit claim',
      'settle claim',
      'supplement claim',
      'export report',
      'backup database',
      'export dataset',
      'update inspection-settings',
      'verify-hit self-audit-hit',
      'unverify-hit self-audit-hit',
      'update home-point',
      'delete home-point',
      'export inspection',
    ]) {
      expect(seen, pair).toContain(pair);
    }
    const problems: string[] = [];
    for (const r of rows) {
      if (!(r.action in ACTION_NAMES)) problems.push(`action ${r.action}`);
      if (!(r.entity in ENTITY_NAMES)) problems.push(`entity ${r.entity}`);
      for (const c of r.changes) {
        const label = fieldLabel(c.path, r.entity);
        if (latin(label)) problems.push(`${r.entity} ${c.path} → ${label}`);
        for (const value of [c.before, c.after]) {
          if (value === null) continue;
          const key = lastKey(c.path);
          if (/Fen$/.test(key) && !/^-?[\d,]+\.\d\d 元$/.test(value)) problems.push(`${c.path} = ${value} (money)`);
          if (ENUM_KEYS.has(key) && /[a-z]/.test(value)) problems.push(`${c.path} = ${value} (enum)`);
          if (/\d{4}-\d{2}-\d{2}T\d/.test(value)) problems.push(`${c.path} = ${value} (time)`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('logs and shows 补报 as 补报, and the result import with its counts and deductions', async () => {
    const db = await databaseWithEveryWrite();
    const claims = page(db, { entity: 'claim' }).rows;
    expect(claims.map((r) => [actionName(r.action), r.subject])).toEqual([
      ['申报', '2026-10 月度申报'],
      ['导入审核结果', '2026-10 月度申报'],
      ['补报', '2026-10 补报 1'],
    ]);
    const settle = claims[1]!;
    const value = (p: string) => settle.changes.find((c) => c.path === p)?.after;
    const label = (p: string) => fieldLabel(p, 'claim');
    expect([label('accepted'), value('accepted')]).toEqual(['通过', expect.stringMatching(/^\d+$/)]);
    expect([label('deducted'), value('deducted')]).toEqual(['扣款', '1']);
    expect([label('rejected'), value('rejected')]).toEqual(['拒付', '1']);
    expect(value('deductions[0].result')).toBe('扣款');
    expect(value('deductions[0].deductedFen')).toBe('12.50 元');
    expect(value('deductions[0].reason')).toBe('护理记录不完整');
    expect(value('deductions[1].result')).toBe('拒付');
    expect(label('deductions[1].deductedFen')).toBe('扣款和拒付明细 2 · 扣款金额');
    expect(page(db, { action: 'supplement' }).rows.map((r) => r.subject)).toEqual(['2026-10 补报 1']);
    expect(auditFacets(db).actions).toContain('supplement');
  });

  it('names the roster import 花名册 and shows enums, dates and money as the screens do', async () => {
    const db = await databaseWithEveryWrite();
    const rows = page(db).rows;
    expect(entityName('roster')).toBe('花名册');
    const cert = rows.find((r) => r.entity === 'certificate' && r.action === 'update')!;
    expect(cert.subject).toMatch(/孙丽$/);
    expect(cert.changes).toEqual(expect.arrayContaining([{ path: 'type', before: '养老护理员证书', after: '长期照护师证书' }]));
    expect(fieldLabel('type', 'certificate')).toBe('证书类型');
    const resident = rows.find((r) => r.entity === 'resident' && r.action === 'update')!;
    expect(resident.changes).toEqual(expect.arrayContaining([{ path: 'insuranceType', before: '城乡居民医保', after: '职工医保' }]));
    const institution = rows.find((r) => r.entity === 'institution')!;
    expect(institution.changes).toEqual(expect.arrayContaining([{ path: 'prices.hourlyFeeFen', before: expect.stringMatching(/元$/), after: '65.00 元' }]));
    const submit = rows.find((r) => r.action === 'submit')!;
    expect(submit.changes.find((c) => c.path === 'kind')!.after).toBe('月度申报');
    expect(fieldLabel('totals.feeFen', 'claim')).toBe('合计 · 费用');
  });
});

describe('rows the lists do not know yet, and rows written by older versions', () => {
  it('fall back to their keys and never fail', () => {
    expect(fieldLabel('')).toBe('');
    expect(fieldLabel('fooBar')).toBe('fooBar');
    expect(fieldLabel('files[0].fooBar')).toBe('文件 1 · fooBar');
    expect(fieldLabel('a..b[2]')).toBe('a · b 3');
    expect(fieldLabel('[0]')).toBe('1');
    expect(actionName('frobnicate')).toBe('frobnicate');
    expect(entityName('gizmo')).toBe('gizmo');
    expect(auditChanges(null, { fooBar: 1, nested: { x: [1, 2] }, when: '2026-10-02T09:00:00.000+08:00' }).changes).toEqual([
      { path: 'fooBar', before: null, after: '1' },
      { path: 'nested.x', before: null, after: '1、2' },
      { path: 'when', before: null, after: '2026-10-02 09:00:00' },
    ]);
  });

  it('reads the snake_case certificate rows, level-keyed prices and old 补报 rows of earlier versions', () => {
    expect(auditChanges(null, { staff_id: 3, type: 'elderly-caregiver', issued_on: '2025-01-01', expires_on: null }).changes).toEqual([
      { path: 'staff_id', before: null, after: '3' },
      { path: 'type', before: null, after: '养老护理员证书' },
      { path: 'issued_on', before: null, after: '2025-01-01' },
    ]);
    expect(fieldLabel('staff_id', 'certificate')).toBe('员工（内部编号）');
    expect(fieldLabel('issued_on', 'certificate')).toBe('发证日期');
    expect(fieldLabel('prices.dailyFeeFen.4', 'institution')).toBe('价格表 · 日护理费 · 4级');
    expect(auditChanges({ prices: { dailyFeeFen: { 4: 9000 } } }, { prices: { dailyFeeFen: { 4: 9500 } } }).changes).toEqual([
      { path: 'prices.dailyFeeFen.4', before: '90.00 元', after: '95.00 元' },
    ]);

    const db = track(openDatabase(path.join(tempDir(), 'old.db')));
    const insert = db.raw.prepare(
      "INSERT INTO audit_log (at, actor, action, entity, entity_id, before_json, after_json) VALUES ('2026-11-20T10:00:00.000+08:00', 'a', ?, 'claim', ?, NULL, ?)",
    );
    insert.run('submit', '1', JSON.stringify({ month: '2026-10', kind: 'regular', seq: 0 }));
    insert.run('submit', '2', JSON.stringify({ month: '2026-10', kind: 'supplementary', seq: 1 }));
    insert.run('settle', '9', JSON.stringify({ lines: 97 }));
    const rows = page(db).rows;
    expect(rows.map((r) => [r.action, r.subject])).toEqual([
      ['submit', '2026-10 月度申报'],
      ['supplement', '2026-10 补报 1'],
      ['settle', null],
    ]);
    expect(rows[0]!.changes.find((c) => c.path === 'seq')!.after).toBe('无（月度申报）');
    expect(page(db, { action: 'submit' }).total).toBe(1);
    expect(page(db, { action: 'supplement' }).total).toBe(1);
    expect(fieldLabel('lines', 'claim')).toBe('明细行数');
  });

  it('reads a restore and the start of the audit chain in Chinese', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'ltc-desk.db');
    const db = openDatabase(file);
    recordAudit(db, { actor: '李会计', action: 'export', entity: 'dataset' });
    await backupDatabase(db, path.join(dir, 'b.db'));
    recordAudit(db, { actor: '李会计', action: 'export', entity: 'dataset' });
    db.close();
    restoreDatabase(file, path.join(dir, 'b.db'), '王管理员');
    // a database of the release of 2026-12-02: its trail is hashed on opening, and the chain's start logged
    const old = path.join(dir, 'old.db');
    copyFileSync(path.resolve(__dirname, '../../fixtures/db/release-stop9-schema6.db'), old);
    const rows = [...page(track(openDatabase(file))).rows, ...page(track(openDatabase(old))).rows];
    const restore = rows.find((r) => r.action === 'restore')!;
    const chain = rows.find((r) => r.action === 'chain')!;
    expect([actionName(restore.action), entityName(restore.entity)]).toEqual(['恢复', '数据库']);
    expect([actionName(chain.action), entityName(chain.entity)]).toEqual(['建立审计哈希链', '审计日志']);
    const labels = [restore, chain].flatMap((r) => r.changes.map((c) => fieldLabel(c.path, r.entity)));
    expect(labels).toEqual(expect.arrayContaining(['备份文件', '归档的审计记录条数', '已计算哈希的记录条数']));
    expect(labels.filter((l) => latin(l))).toEqual([]);
  });
});
