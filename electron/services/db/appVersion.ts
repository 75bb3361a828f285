/**
 * Which program version last opened a database file, so that the first start of a newer version takes a
 * verified backup before anything is written (database.ts). Kept in `app_settings` (migration 007); a file
 * last opened by a version from before that table says it through `schema_migrations.app_version`, the
 * version that applied its newest migration.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { localTimestamp } from './clock';

const KEY = 'last_app_version';

const hasTable = (db: BetterSqlite3.Database, name: string): boolean =>
  db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?").get(name) !== undefined;

/** Reads only: safe on the read-only probe taken before opening. null when no version was ever recorded. */
export function readLastAppVersion(db: BetterSqlite3.Database): string | null {
  if (hasTable(db, 'app_settings')) {
    const v = db.prepare('SELECT value FROM app_settings WHERE key = ?').pluck().get(KEY) as string | undefined;
    if (v) return v;
  }
  if (hasTable(db, 'schema_migrations')) {
    const v = db.prepare('SELECT app_version FROM schema_migrations WHERE app_version IS NOT NULL ORDER BY number DESC LIMIT 1').pluck().get() as
      string | undefined;
    if (v) return v;
  }
  return null;
}

/** Records `version` as the last to open the file (nothing to do where the table does not exist yet). */
export function recordAppVersion(db: BetterSqlite3.Database, version: string): void {
  if (!hasTable(db, 'app_settings')) return;
  db.prepare(
    'INSERT INTO app_settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at WHERE value <> excluded.value',
  ).run(KEY, version, localTimestamp());
}

type Parsed = { core: [number, number, number]; pre: string[] };

function parse(v: string): Parsed | null {
  const m = /^v?(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/.exec(v.trim());
  if (!m) return null;
  return { core: [Number(m[1]), Number(m[2]), Number(m[3])], pre: m[4] ? m[4].split('.') : [] };
}

/** Semantic-version order (https://semver.org/#spec-item-11): <0, 0, >0; null when either is not a version. */
export function compareVersions(a: string, b: string): number | null {
  const x = parse(a);
  const y = parse(b);
  if (!x || !y) return null;
  for (let i = 0; i < 3; i++) if (x.core[i] !== y.core[i]) return x.core[i]! - y.core[i]!;
  // a pre-release (1.0.0-beta) comes before its release (1.0.0)
  if (x.pre.length === 0 || y.pre.length === 0) return y.pre.length - x.pre.length;
  for (let i = 0; i < Math.max(x.pre.length, y.pre.length); i++) {
    const p = x.pre[i];
    const q = y.pre[i];
    if (p === undefined || q === undefined) return p === undefined ? -1 : 1;
    if (p === q) continue;
    const pn = /^\d+$/.test(p);
    const qn = /^\d+$/.test(q);
    if (pn && qn) return Number(p) - Number(q);
    if (pn !== qn) return pn ? -1 : 1;
    return p < q ? -1 : 1;
  }
  return 0;
}

/** The upgrade this start is, when the file was last opened by an older version; else null. */
export function upgradeOf(lastAppVersion: string | null, appVersion: string | undefined): { from: string; to: string } | null {
  if (!lastAppVersion || !appVersion) return null;
  const order = compareVersions(lastAppVersion, appVersion);
  return order !== null && order < 0 ? { from: lastAppVersion, to: appVersion } : null;
}
