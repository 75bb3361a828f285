/**
 * 排班 and 服务计划 (issue 12): the head nurse's rota of the institution and the home-visit plans.
 * - shift_types: 班次 per institution, seeded with the defaults (shared/rota/defaults.ts; editable);
 * - rota_cells: one shift type per staff member and day (a grid cell; leave is a shift type too);
 * - rota_months: a month's rota once published (发布): later changes need a reason and are audited;
 * - care_plans (+ items, excluded caregivers): one plan per home client;
 * - planned_visits: the month schedule made from the plans (派单), a caregiver or none yet.
 * The rules (rest, days in a row, weekly hours, post → certificates; travel and day limits of the plan)
 * are key/value rows of app_settings (`rota.rules`, `plans.rules`): absent means the product's defaults.
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

CREATE TABLE care_plans (
  id                 INTEGER PRIMARY KEY,
  resident_id        INTEGER NOT NULL UNIQUE REFERENCES residents (id) ON DELETE CASCADE,
  visits_per_week    INTEGER NOT NULL CHECK (visits_per_week BETWEEN 1 AND 14),
  minutes            INTEGER NOT NULL CHECK (minutes BETWEEN 1 AND 480),
  -- preferred ISO weekdays, '1,3,5'; '' = any day
  days               TEXT NOT NULL,
  window_start       TEXT NOT NULL CHECK (${CLOCK('window_start')}),
  window_end         TEXT NOT NULL CHECK (${CLOCK('window_end')}),
  preferred_staff_id INTEGER REFERENCES staff (id) ON DELETE SET NULL,
  note               TEXT,
  updated_at         TEXT NOT NULL,
  CHECK (window_end > window_start)
);
CREATE TABLE care_plan_items (
  plan_id        INTEGER NOT NULL REFERENCES care_plans (id) ON DELETE CASCADE,
  position       INTEGER NOT NULL,
  code           TEXT NOT NULL,
  PRIMARY KEY (plan_id, position)
) WITHOUT ROWID;
CREATE TABLE care_plan_excluded (
  plan_id        INTEGER NOT NULL REFERENCES care_plans (id) ON DELETE CASCADE,
  staff_id       INTEGER NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
  PRIMARY KEY (plan_id, staff_id)
) WITHOUT ROWID;

CREATE TABLE planned_visits (
  id             INTEGER PRIMARY KEY,
  resident_id    INTEGER NOT NULL REFERENCES residents (id) ON DELETE CASCADE,
  staff_id       INTEGER REFERENCES staff (id) ON DELETE SET NULL,
  date           TEXT NOT NULL CHECK (${DATE('date')}),
  start          TEXT NOT NULL CHECK (${CLOCK('start')}),
  minutes        INTEGER NOT NULL CHECK (minutes BETWEEN 1 AND 480)
);
CREATE INDEX planned_visits_by_date ON planned_visits (date, staff_id);
CREATE INDEX planned_visits_by_resident ON planned_visits (resident_id, date);
`;

export const migration009: Migration = {
  number: 9,
  name: 'rota_and_plans',
  up(db) {
    db.exec(SQL);
    const insert = db.prepare(
      `INSERT INTO shift_types (key, name, kind, start, end, paid_minutes, post, color, per_severe, per_other, sort)
       VALUES (@key, @name, @kind, @start, @end, @paidMinutes, @post, @color, @perSevere, @perOther, @sort)`,
    );
    for (const t of DEFAULT_SHIFT_TYPES) insert.run(t);
  },
};
