/** 更新服务器地址 as stored in the database (app_settings, migration 007): '' when none is saved. */
import { feedUrlProblem, normalizeFeedUrl } from '../../../shared/updates/feedUrl';
import { recordAudit } from '../audit/auditLog';
import { localTimestamp } from '../db/clock';
import type { LtcDatabase } from '../db/database';
import { InputError } from '../errors';

const KEY = 'update_feed_url';

export function readFeedUrl(db: LtcDatabase): string {
  return (db.raw.prepare('SELECT value FROM app_settings WHERE key = ?').pluck().get(KEY) as string | undefined) ?? '';
}

/** Validates (again: the contract's schema has, but not every caller comes through it), saves and audits. */
export function saveFeedUrl(db: LtcDatabase, url: string, actor: string): string {
  const value = normalizeFeedUrl(url);
  const problem = feedUrlProblem(value);
  if (problem) throw new InputError(problem, [{ path: 'url', message: problem }]);
  return db.transaction(() => {
    const before = readFeedUrl(db);
    if (before === value) return value;
    db.raw
      .prepare(
        'INSERT INTO app_settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at',
      )
      .run(KEY, value, localTimestamp());
    recordAudit(db, { actor, action: 'update', entity: 'app-setting', entityId: KEY, before: { updateFeedUrl: before }, after: { updateFeedUrl: value } });
    return value;
  });
}
