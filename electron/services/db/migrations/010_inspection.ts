/**
 * 检查准备 and 自查 (issue 13): what the manager decides, kept beside the records.
 * - `inspection_settings`: the self-audit rules' parameters and the score's weights, one JSON row (the
 *   screen edits them as one form; a setting added later gets its default when read, no migration).
 * - `self_audit_marks`: a hit marked 已核实（正常） with a note, under the hit's key (the rule and the
 *   records it names), so the next run shows it as handled, not as new. Who and when are kept here and
 *   in the audit log; a mark is withdrawn by deleting it (audited too).
 * - `resident_home_points`: 住址位置 set on a client (the check-in rule otherwise learns it from past
 *   check-ins). Apart from `residents` so that the dataset file and the resident form stay as they are.
 * Number 010: 009 belongs to the rota, built at the same time.
 */
import type { Migration } from './types';

const SQL = `
CREATE TABLE inspection_settings (
  id         INTEGER PRIMARY KEY CHECK (id = 1),
  json       TEXT NOT NULL CHECK (json_valid(json)),
  updated_at TEXT NOT NULL
);

CREATE TABLE self_audit_marks (
  hit_key    TEXT PRIMARY KEY CHECK (length(hit_key) BETWEEN 1 AND 400),
  rule       TEXT NOT NULL,
  note       TEXT NOT NULL CHECK (length(trim(note)) > 0),
  marked_by  TEXT NOT NULL,
  marked_at  TEXT NOT NULL
);

CREATE TABLE resident_home_points (
  resident_id INTEGER PRIMARY KEY REFERENCES residents (id) ON DELETE CASCADE,
  lat         REAL NOT NULL CHECK (lat BETWEEN -90 AND 90),
  lng         REAL NOT NULL CHECK (lng BETWEEN -180 AND 180),
  set_by      TEXT NOT NULL,
  set_at      TEXT NOT NULL
);
`;

export const migration010: Migration = {
  number: 10,
  name: 'inspection',
  up: (db) => db.exec(SQL),
};
