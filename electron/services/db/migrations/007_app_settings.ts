/**
 * Settings of the program on this PC that are not the institution's records, one row per key:
 * - `update_feed_url`: 更新服务器地址 (设置 › 系统与数据), '' or absent = updates off;
 * - `last_app_version`: the program version that last opened the file, so the first start of a newer
 *   version is known (it takes a verified backup first; see db/appVersion.ts).
 * Key/value rather than columns: a new setting then needs no migration of its own.
 */
import type { Migration } from './types';

const SQL = `
CREATE TABLE app_settings (
  key        TEXT PRIMARY KEY CHECK (length(key) > 0),
  value      TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
`;

export const migration007: Migration = {
  number: 7,
  name: 'app_settings',
  up: (db) => db.exec(SQL),
};
