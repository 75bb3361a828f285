/**
 * The audit chain as written (issue 16 §2): each row's hash is SHA-256 over the JSON array [previous
 * row's hash, id, at, actor, action, entity, entity_id, before_json, after_json] — computed here from that
 * definition, not by the program's code — and the chain never forks or runs backwards in time, even with
 * two connections (the command line beside the window) writing the same file.
 */
import type { StoredAuditRow } from '../../../electron/services/audit/auditChain';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { recordAudit } from '../../../electron/services/audit/auditLog';
import { verifyChain } from '../../../electron/services/audit/auditChain';
import { openDatabase } from '../../../electron/services/db/database';
import { MIGRATIONS } from '../../../electron/services/db/migrations';
import { tempDir, track } from '../services/helpers';

type Row = StoredAuditRow;

const specHash = (prev: string | null, r: Row): string =>
  createHash('sha256')
    .update(JSON.stringify([prev, r.id, r.at, r.actor, r.action, r.entity, r.entity_id, r.before_json, r.after_json]), 'utf8')
    .digest('hex');

afterEach(() => {
  vi.useRealTimers();
});

describe('the audit chain', () => {
  it('links every row to the one before by the hash the issue defines', () => {
    const db = track(openDatabase(path.join(tempDir(), 'a.db')));
    recordAudit(db, { actor: '张会计', action: 'update', entity: 'resident', entityId: 7, before: { note: '1' }, after: { note: '2' } });
    recordAudit(db, { actor: '李护士', action: 'export', entity: 'dataset' });
    recordAudit(db, { actor: '李护士', action: 'create', entity: 'visit', entityId: 'v1', after: { minutes: 60 } });
    const rows = db.raw.prepare('SELECT * FROM audit_log ORDER BY id').all() as Row[];
    expect(rows.map((r) => r.id)).toEqual([1, 2, 3]);
    let prev: string | null = null;
    for (const r of rows) {
      expect(r.prev_hash).toBe(prev);
      expect(r.hash).toBe(specHash(prev, r));
      prev = r.hash;
    }
    expect(verifyChain(db.raw)).toEqual({ rows: 3, lastId: 3, problems: [] });
  });

  it('never goes back in time: a clock set back writes the previous row’s time, and the chain stays whole', () => {
    const db = track(openDatabase(path.join(tempDir(), 'b.db')));
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-05T10:00:00.000+08:00'));
    recordAudit(db, { actor: 'a', action: 'export', entity: 'dataset' });
    vi.setSystemTime(new Date('2026-11-05T09:00:00.000+08:00'));
    recordAudit(db, { actor: 'a', action: 'export', entity: 'dataset' });
    const [first, second] = db.raw.prepare('SELECT at FROM audit_log ORDER BY id').pluck().all() as string[];
    expect(Date.parse(second!)).toBe(Date.parse(first!));
    expect(verifyChain(db.raw).problems).toEqual([]);
  });

  it('does not fork with two connections writing the same file', () => {
    const file = path.join(tempDir(), 'c.db');
    const host = track(openDatabase(file));
    const cli = track(openDatabase(file));
    recordAudit(host, { actor: '窗口', action: 'export', entity: 'dataset' });
    // the host's transaction has begun (deferred, nothing read yet) when the command line appends a row
    host.transaction(() => {
      recordAudit(cli, { actor: 'ltc:admin', action: 'backup', entity: 'database' });
      recordAudit(host, { actor: '窗口', action: 'update', entity: 'resident', entityId: 1, after: { note: 'x' } });
    });
    // the host has read the trail in its transaction before the command line appends: its append must not
    // name the old head (it fails, the change rolled back, rather than fork)
    expect(() =>
      host.transaction(() => {
        host.raw.prepare('SELECT count(*) FROM audit_log').pluck().get();
        recordAudit(cli, { actor: 'ltc:admin', action: 'export', entity: 'dataset' });
        recordAudit(host, { actor: '窗口', action: 'update', entity: 'resident', entityId: 2, after: { note: 'y' } });
      }),
    ).toThrow(/database is locked|busy/i);
    for (let i = 0; i < 20; i += 1) recordAudit(i % 2 ? host : cli, { actor: String(i), action: 'export', entity: 'dataset' });
    const rows = host.raw.prepare('SELECT id, prev_hash, hash FROM audit_log ORDER BY id').all() as Row[];
    expect(new Set(rows.map((r) => r.prev_hash)).size).toBe(rows.length);
    expect(verifyChain(host.raw)).toEqual({ rows: 24, lastId: 24, problems: [] });
  });

  it('hashes a trail written before the chain, its times as they were, and judges the times of what comes after', () => {
    const file = path.join(tempDir(), 'd.db');
    const before = openDatabase(file, { migrations: MIGRATIONS.filter((m) => m.number < 16) });
    const insert = before.raw.prepare('INSERT INTO audit_log (at, actor, action, entity) VALUES (?, ?, ?, ?)');
    // a PC whose clock was set back between two rows, before there was a chain to keep times in order
    insert.run('2026-10-02T10:00:00.000+08:00', '张会计', 'import', 'dataset');
    insert.run('2026-10-01T09:00:00.000+08:00', '张会计', 'export', 'dataset');
    before.close();
    const db = track(openDatabase(file));
    expect(verifyChain(db.raw)).toEqual({ rows: 3, lastId: 3, problems: [] });
    recordAudit(db, { actor: '李护士', action: 'export', entity: 'dataset' });
    expect(verifyChain(db.raw).problems).toEqual([]);
    // a row appended afterwards, with a right hash but a time before the one above it
    const last = db.raw.prepare('SELECT * FROM audit_log ORDER BY id DESC LIMIT 1').get() as Row;
    const forged: Row = {
      id: 5,
      at: '2026-10-03T08:00:00.000+08:00',
      actor: '张会计',
      action: 'update',
      entity: 'visit',
      entity_id: '3',
      before_json: null,
      after_json: null,
      prev_hash: last.hash,
      hash: null,
    };
    forged.hash = specHash(last.hash, forged);
    db.raw.prepare('INSERT INTO audit_log VALUES (@id, @at, @actor, @action, @entity, @entity_id, @before_json, @after_json, @prev_hash, @hash)').run(forged);
    expect(verifyChain(db.raw).problems).toEqual([expect.objectContaining({ kind: '时间倒序', id: 5 })]);
  });
});
