/**
 * 排班 (issue 12): the head nurse's rota of the institution (the home-visit plans are 011).
 * - shift_types: 班次 per institution, seeded with the defaults (shared/rota/defaults.ts; editable);
 * - rota_cells: one shift type per staff member and day (a grid cell; leave is a shift type too);
 * - rota_months: a month's rota once published (发布): later changes need a reason and are audited;
 * The rules (rest, days in a row, weekly hours, post → certificates) are a key/value row of app_settings
 * (`rota.rules`): absent means the product's defaults.
 */
import { DEFAULT_SHIFT_TYPES } from '../../../../shared/rota/defaults';
import type { Migration } from './types';

const DATE = (col: string): string => `${col} GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'`;
const CLOCK = (col: string): string => `${col} GLOB '[0-2][0-9]:[0-5][0-9]'`;

const SQL = `
CREATE TABLE shift_types (
  id             INTEGER PRIMARY KEY,
  key            TEXT NOT NULL UNIQUE CHECK (length(key) = 1),
  name           TEXT NOT NULL UNIQUE CHECK (length(name) > 0),
  kind           TEXT NOT NULL CHECK (kind IN ('work', 'rest', 'leave')),
  start          TEXT CHECK (start IS NULL OR ${CLOCK('start')}),
  end            TEXT CHECK (end IS NULL OR ${CLOCK('end')}),
  paid_minutes   INTEGER NOT NULL CHECK (paid_minutes BETWEEN 0 AND 1440),
  post           TEXT CHECK (post IN ('nurse', 'caregiver', 'other')),
  color          TEXT NOT NULL,
  per_severe     INTEGER CHECK (per_severe IS NULL OR per_severe > 0),
  per_other      INTEGER CHECK (per_other IS NULL OR per_other > 0),
  sort           INTEGER NOT NULL,
  CHECK (kind <> 'work' OR (start IS NOT NULL AND end IS NOT NULL AND post IS NOT NULL))
);

CREATE TABLE rota_cells (
  staff_id       INTEGER NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
  date           TEXT NOT NULL CHECK (${DATE('date')}),
  shift_type_id  INTEGER NOT NULL REFERENCES shift_types (id),
  PRIMARY KEY (staff_id, date)
) WITHOUT ROWID;
CREATE INDEX rota_cells_by_date ON rota_cells (date, shift_type_id);

CREATE TABLE rota_months (
  month          TEXT PRIMARY KEY CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
  published_at   TEXT NOT NULL,
  published_by   TEXT NOT NULL
);
`;

export const migration009: Migration = {
  number: 9,
  name: 'rota',
  up(db) {
    db.exec(SQL);
    const insert = db.prepare(
      `INSERT INTO shift_types (key, name, kind, start, end, paid_minutes, post, color, per_severe, per_other, sort)
       VALUES (@key, @name, @kind, @start, @end, @paidMinutes, @post, @color, @perSevere, @perOther, @sort)`,
    );
    for (const t of DEFAULT_SHIFT_TYPES) insert.run(t);
  },
};
