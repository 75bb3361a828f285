/**
 * What the manager decides for 检查准备 and 自查 (migration 010): the settings, the 已核实（正常） marks
 * of self-audit hits, and home points set on clients. Every write is audited in its own transaction.
 */
import type { GeoPoint } from '../../../shared/domain/model';
import { withDefaults, type InspectionSettings } from '../../../shared/inspection/settings';
import type { RuleId } from '../../../shared/inspection/selfAuditTypes';
import { recordAudit } from '../audit/auditLog';
import { localTimestamp } from '../db/clock';
import type { LtcDatabase } from '../db/database';
import { ServiceError } from '../errors';

export function readInspectionSettings(db: LtcDatabase): InspectionSettings {
  const json = db.raw.prepare('SELECT json FROM inspection_settings WHERE id = 1').pluck().get() as string | undefined;
  return withDefaults(json ? JSON.parse(json) : null);
}

export function saveInspectionSettings(db: LtcDatabase, settings: InspectionSettings, actor: string): InspectionSettings {
  return db.transaction(() => {
    const before = readInspectionSettings(db);
    db.raw
      .prepare('INSERT INTO inspection_settings (id, json, updated_at) VALUES (1, @json, @at) ON CONFLICT (id) DO UPDATE SET json = @json, updated_at = @at')
      .run({ json: JSON.stringify(settings), at: localTimestamp() });
    recordAudit(db, { actor, action: 'update', entity: 'inspection-settings', before, after: settings });
    return readInspectionSettings(db);
  });
}

export interface HitMark {
  key: string;
  rule: string;
  note: string;
  by: string;
  at: string;
}

export function readMarks(db: LtcDatabase): Map<string, HitMark> {
  const rows = db.raw.prepare('SELECT hit_key AS key, rule, note, marked_by AS by, marked_at AS at FROM self_audit_marks').all() as HitMark[];
  return new Map(rows.map((r) => [r.key, r]));
}

/** 已核实（正常）: the hit stays listed as handled, with who, when and the note. */
export function markHit(db: LtcDatabase, hit: { key: string; rule: RuleId; note: string; reason?: string }, actor: string): HitMark {
  return db.transaction(() => {
    const at = localTimestamp();
    const before = readMarks(db).get(hit.key) ?? null;
    db.raw
      .prepare(
        `INSERT INTO self_audit_marks (hit_key, rule, note, marked_by, marked_at) VALUES (@key, @rule, @note, @by, @at)
         ON CONFLICT (hit_key) DO UPDATE SET note = @note, marked_by = @by, marked_at = @at`,
      )
      .run({ key: hit.key, rule: hit.rule, note: hit.note, by: actor, at });
    recordAudit(db, {
      actor,
      action: 'verify-hit',
      entity: 'self-audit-hit',
      entityId: hit.key,
      before: before ? { note: before.note } : null,
      after: { rule: hit.rule, note: hit.note, ...(hit.reason ? { reason: hit.reason } : {}) },
    });
    return { key: hit.key, rule: hit.rule, note: hit.note, by: actor, at };
  });
}

/** Withdraws a mark: the hit shows as new again. */
export function unmarkHit(db: LtcDatabase, key: string, actor: string): void {
  db.transaction(() => {
    const before = readMarks(db).get(key);
    if (!before) throw new ServiceError('NOT_FOUND', '这条自查结果没有核实记录（可能已被撤销），请刷新');
    db.raw.prepare('DELETE FROM self_audit_marks WHERE hit_key = ?').run(key);
    recordAudit(db, { actor, action: 'unverify-hit', entity: 'self-audit-hit', entityId: key, before: { rule: before.rule, note: before.note }, after: null });
  });
}

/** Home points set on clients, by resident ref. */
export function readSetHomes(db: LtcDatabase): Map<string, GeoPoint> {
  const rows = db.raw.prepare('SELECT r.ref, h.lat, h.lng FROM resident_home_points h JOIN residents r ON r.id = h.resident_id').all() as {
    ref: string;
    lat: number;
    lng: number;
  }[];
  return new Map(rows.map((r) => [r.ref, { lat: r.lat, lng: r.lng }]));
}

/** Sets (or with null clears) a client's 住址位置. */
export function setHomePoint(db: LtcDatabase, residentId: number, point: GeoPoint | null, actor: string): { residentId: number; home: GeoPoint | null } {
  return db.transaction(() => {
    const resident = db.raw.prepare('SELECT name FROM residents WHERE id = ?').get(residentId) as { name: string } | undefined;
    if (!resident) throw new ServiceError('NOT_FOUND', '服务对象不存在（可能已被删除），请刷新');
    const before = db.raw.prepare('SELECT lat, lng FROM resident_home_points WHERE resident_id = ?').get(residentId) as GeoPoint | undefined;
    if (point) {
      db.raw
        .prepare(
          'INSERT INTO resident_home_points (resident_id, lat, lng, set_by, set_at) VALUES (@id, @lat, @lng, @by, @at) ON CONFLICT (resident_id) DO UPDATE SET lat = @lat, lng = @lng, set_by = @by, set_at = @at',
        )
        .run({ id: residentId, lat: point.lat, lng: point.lng, by: actor, at: localTimestamp() });
    } else db.raw.prepare('DELETE FROM resident_home_points WHERE resident_id = ?').run(residentId);
    recordAudit(db, {
      actor,
      action: point ? 'update' : 'delete',
      entity: 'home-point',
      entityId: residentId,
      before: before ? { resident: resident.name, home: before } : null,
      after: point ? { resident: resident.name, home: point } : null,
    });
    return { residentId, home: point };
  });
}
