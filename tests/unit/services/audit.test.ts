import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listAudit, recordAudit } from '../../../electron/services/audit/auditLog';
import { openDatabase } from '../../../electron/services/db/database';
import { tempDir, track } from './helpers';

describe('audit log', () => {
  it('appends rows with their before/after as JSON', () => {
    const db = track(openDatabase(path.join(tempDir(), 'a.db')));
    const id = recordAudit(db, { actor: '张会计', action: 'update', entity: 'resident', entityId: 7, before: { phone: '1' }, after: { phone: '2' } });
    recordAudit(db, { actor: '张会计', action: 'export', entity: 'dataset' });
    const rows = listAudit(db);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ id, actor: '张会计', action: 'update', entity: 'resident', entityId: '7', before: { phone: '1' }, after: { phone: '2' } });
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
});
