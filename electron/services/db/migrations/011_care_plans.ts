/**
 * 服务计划 and 派单 (issue 12): the home-visit plans and their month schedule.
 * - care_plans (+ items, excluded caregivers): one plan per home client, judged against the pack when saved;
 * - planned_visits: the month schedule made from the plans (派单), a caregiver or none yet.
 * 派单's rules (travel, day limits, the match tolerance) are the app_settings row `plans.rules`: absent
 * means the product's defaults (shared/plans/types.ts).
 * Number 011: 010 belongs to the inspection work (issue 13), on its own branch.
 */
import type { Migration } from './types';

const DATE = (col: string): string => `${col} GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'`;
const CLOCK = (col: string): string => `${col} GLOB '[0-2][0-9]:[0-5][0-9]'`;

const SQL = `
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

export const migration011: Migration = {
  number: 11,
  name: 'care_plans',
  up(db) {
    db.exec(SQL);
  },
};
