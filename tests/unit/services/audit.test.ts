import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listAudit, recordAudit } from '../../../electron/services/audit/auditLog';
import { openDatabase } from '../../../electron/services/db/database';
import { tempDir, track } from './helpers';

describe('audit log', () => {
  it('appends rows with their before/after as JSON', () => {
    const db = track(openDatabase(path.join(tempDir(), 'a.db')));
    const id = recordAudit(db, { actor: '张会计', action: 'update', entity: 'resident', entityId: 7, before: { note: '1' }, after: { note: '2' } });
    recordAudit(db, { actor: '张会计', action: 'export', entity: 'dataset' });
    const rows = listAudit(db);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ id, actor: '张会计', action: 'update', entity: 'resident', entityId: '7', before: { note: '1' }, after: { note: '2' } });
    expect(rows[1]).toMatchObject({ action: 'export', entityId: null, before: null, after: null });
    expect(rows[0]!.at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}[+-]\d{2}:\d{2}$/);
    expect(listAudit(db, { entity: 'resident', entityId: 7 })).toHaveLength(1);
  });

  it('refuses UPDATE and DELETE of audit rows', () => {
    const db = track(openDatabase(path.join(tempDir(), 'b.db')));
    recordAudit(db, { actor: 'a', action: 'import', entity: 'dataset', after: { n: 1 } });
    expect(() => db.raw.exec("UPDATE audit_log SET actor = 'someone else'")).toThrow(/审计日志只能追加/);
    expect(() => db.raw.exec('DELETE FROM audit_log')).toThrow(/审计日志只能追加/);
    expect(listAudit(db)).toEqual([expect.objectContaining({ actor: 'a', after: { n: 1 } })]);
  });

  it('keeps ID numbers and phones masked and no address text, and still shows that they changed', () => {
    const db = track(openDatabase(path.join(tempDir(), 'c.db')));
    recordAudit(db, {
      actor: '护士长',
      action: 'update',
      entity: 'resident',
      entityId: 1,
      before: { name: '王秀英', idNumber: '330205193804120028', phone: '13800000001', address: '海曙区中山西路1号' },
      // only the hidden middle digits of the number change, and the address
      after: { name: '王秀英', idNumber: '330205193905120028', phone: '13800000001', address: '江北区人民路2号', staff: [{ idNumber: '110105194912310021' }] },
    });
    const [row] = listAudit(db);
    expect(row?.before).toEqual({ name: '王秀英', idNumber: '330205********0028', phone: '138****0001', address: '（已填写）' });
    expect(row?.after).toEqual({
      name: '王秀英',
      idNumber: '330205********0028（已更改）',
      phone: '138****0001',
      address: '（已填写）（已更改）',
      staff: [{ idNumber: '110105********0021' }],
    });
    const stored = db.raw.prepare('SELECT before_json || after_json FROM audit_log').pluck().get() as string;
    for (const secret of ['330205193804120028', '330205193905120028', '13800000001', '中山西路', '人民路', '110105194912310021'])
      expect(stored).not.toContain(secret);
  });
});
