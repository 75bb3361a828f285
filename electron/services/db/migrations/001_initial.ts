/**
 * The first schema. Conventions (docs/rules.md §5): money is integer fen, calendar dates are TEXT
 * `YYYY-MM-DD`, times are TEXT `YYYY-MM-DDTHH:mm` in the institution's local clock, never converted.
 * The GLOB checks keep those shapes honest, so string comparison orders them correctly.
 * `ref` columns keep the key a record had in the dataset it came from, so export gives it back.
 */
import type { Migration } from './types';

const DATE = (col: string): string => `${col} GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'`;
const TIME = (col: string): string => `${col} GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]'`;
const FEE = (col: string): string => `${col} INTEGER CHECK (${col} IS NULL OR ${col} >= 0)`;

const SQL = `
-- 定点护理服务机构: one row (id = 1); a database belongs to one institution.
CREATE TABLE institution (
  id             INTEGER PRIMARY KEY CHECK (id = 1),
  name           TEXT NOT NULL CHECK (length(name) > 0),
  uscc           TEXT NOT NULL,
  agency_code    TEXT NOT NULL,
  region         TEXT NOT NULL CHECK (region GLOB '[0-9][0-9][0-9][0-9][0-9][0-9]'),
  policy_id      TEXT NOT NULL,
  beds           INTEGER CHECK (beds IS NULL OR beds >= 0),
  -- the institution's own price list, fen; the pack decides the fund's share
  ${FEE('daily_fee_fen_0')}, ${FEE('daily_fee_fen_1')}, ${FEE('daily_fee_fen_2')},
  ${FEE('daily_fee_fen_3')}, ${FEE('daily_fee_fen_4')}, ${FEE('daily_fee_fen_5')},
  ${FEE('hourly_fee_fen')},
  ${FEE('visit_fee_fen')},
  updated_at     TEXT NOT NULL
);

-- 服务对象. id_number is not UNIQUE: a mistyped number (BAD_ID_NUMBER) must still be storable.
CREATE TABLE residents (
  id             INTEGER PRIMARY KEY,
  ref            TEXT NOT NULL UNIQUE,
  name           TEXT NOT NULL CHECK (length(name) > 0),
  id_number      TEXT NOT NULL,
  insurance_type TEXT CHECK (insurance_type IN ('employee', 'resident')),
  phone          TEXT,
  address        TEXT,
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL
);
CREATE INDEX residents_by_id_number ON residents (id_number);

-- 评估结论, recorded as the agency concluded it.
CREATE TABLE assessments (
  id             INTEGER PRIMARY KEY,
  resident_id    INTEGER NOT NULL REFERENCES residents (id) ON DELETE CASCADE,
  level          INTEGER NOT NULL CHECK (level BETWEEN 0 AND 5),
  concluded_on   TEXT NOT NULL CHECK (${DATE('concluded_on')}),
  number         TEXT,
  assessor       TEXT
);
CREATE INDEX assessments_by_resident ON assessments (resident_id);

-- The stay timeline; day statuses are derived from it. seq orders events of the same date.
CREATE TABLE stay_events (
  id             INTEGER PRIMARY KEY,
  resident_id    INTEGER NOT NULL REFERENCES residents (id) ON DELETE CASCADE,
  seq            INTEGER NOT NULL,
  type           TEXT NOT NULL CHECK (type IN ('admit', 'hospital', 'leave', 'return', 'discharge', 'death')),
  date           TEXT NOT NULL CHECK (${DATE('date')}),
  mode           TEXT CHECK (mode IN ('institutional', 'home')),
  bed            TEXT,
  note           TEXT,
  CHECK (type <> 'admit' OR mode IS NOT NULL),
  UNIQUE (resident_id, seq)
);
CREATE INDEX stay_events_by_resident ON stay_events (resident_id, date, seq);

-- Beds and rooms (for the bed plan of a later issue).
CREATE TABLE beds (
  id             INTEGER PRIMARY KEY,
  code           TEXT NOT NULL UNIQUE,
  room           TEXT,
  note           TEXT
);

CREATE TABLE staff (
  id             INTEGER PRIMARY KEY,
  ref            TEXT NOT NULL UNIQUE,
  name           TEXT NOT NULL CHECK (length(name) > 0),
  id_number      TEXT NOT NULL,
  role           TEXT CHECK (role IN ('nurse', 'caregiver', 'head-nurse', 'admin', 'manager', 'other')),
  employed_from  TEXT CHECK (employed_from IS NULL OR ${DATE('employed_from')}),
  employed_to    TEXT CHECK (employed_to IS NULL OR ${DATE('employed_to')}),
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL,
  CHECK (employed_to IS NULL OR employed_from IS NULL OR employed_to >= employed_from)
);
CREATE INDEX staff_by_id_number ON staff (id_number);

CREATE TABLE certificates (
  id             INTEGER PRIMARY KEY,
  staff_id       INTEGER NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
  type           TEXT NOT NULL CHECK (type IN ('nurse-licence', 'ltc-caregiver', 'elderly-caregiver')),
  number         TEXT NOT NULL,
  level          TEXT,
  issued_on      TEXT NOT NULL CHECK (${DATE('issued_on')}),
  expires_on     TEXT CHECK (expires_on IS NULL OR ${DATE('expires_on')}),
  CHECK (expires_on IS NULL OR expires_on >= issued_on)
);
CREATE INDEX certificates_by_staff ON certificates (staff_id);

-- 上门服务记录. minutes is stored (a CHECK keeps it equal to end − start) rather than generated,
-- because SQLite cannot serve a generated column from an index, and the month index must cover it.
-- end = start is allowed: the claim judges it (VISIT_TOO_SHORT); end before start is refused.
CREATE TABLE visits (
  id             INTEGER PRIMARY KEY,
  ref            TEXT NOT NULL UNIQUE,
  resident_id    INTEGER NOT NULL REFERENCES residents (id),
  staff_id       INTEGER NOT NULL REFERENCES staff (id),
  start_at       TEXT NOT NULL CHECK (${TIME('start_at')}),
  end_at         TEXT NOT NULL CHECK (${TIME('end_at')}),
  minutes        INTEGER NOT NULL
                 CHECK (minutes = CAST(round((julianday(end_at) - julianday(start_at)) * 1440) AS INTEGER)),
  confirmed      INTEGER NOT NULL CHECK (confirmed IN (0, 1)),
  check_in_lat   REAL,
  check_in_lng   REAL,
  check_out_lat  REAL,
  check_out_lng  REAL,
  note           TEXT,
  CHECK (end_at >= start_at),
  CHECK ((check_in_lat IS NULL) = (check_in_lng IS NULL)),
  CHECK ((check_out_lat IS NULL) = (check_out_lng IS NULL))
);
-- A claim month is a range scan on start; resident, staff and minutes in the index let the month's
-- totals and overlap checks run from the index alone (docs/architecture.md §8: covering beats a plain index).
CREATE INDEX visits_by_start ON visits (start_at, resident_id, staff_id, minutes);
CREATE INDEX visits_by_resident ON visits (resident_id, start_at);
CREATE INDEX visits_by_staff ON visits (staff_id, start_at);

CREATE TABLE visit_items (
  visit_id       INTEGER NOT NULL REFERENCES visits (id) ON DELETE CASCADE,
  position       INTEGER NOT NULL,
  code           TEXT NOT NULL,
  PRIMARY KEY (visit_id, position)
) WITHOUT ROWID;

-- Imported service-item catalogues (the shipped ones live in resources/).
CREATE TABLE catalogues (
  id             TEXT PRIMARY KEY,
  json           TEXT NOT NULL,
  imported_at    TEXT NOT NULL
);

-- 月度结算申报; seq numbers the supplementary claims (补报) of a month.
CREATE TABLE claims (
  id             INTEGER PRIMARY KEY,
  month          TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
  kind           TEXT NOT NULL CHECK (kind IN ('regular', 'supplementary')),
  seq            INTEGER NOT NULL DEFAULT 0,
  status         TEXT NOT NULL CHECK (status IN ('draft', 'submitted', 'settled')),
  policy_id      TEXT NOT NULL,
  policy_version TEXT NOT NULL,
  computed_at    TEXT NOT NULL,
  claim_json     TEXT NOT NULL,
  submitted_at   TEXT,
  submitted_by   TEXT,
  UNIQUE (month, kind, seq),
  CHECK (status = 'draft' OR (submitted_at IS NOT NULL AND submitted_by IS NOT NULL))
);

-- The exact files sent with a submitted claim, kept byte for byte with their SHA-256.
CREATE TABLE claim_files (
  id             INTEGER PRIMARY KEY,
  claim_id       INTEGER NOT NULL REFERENCES claims (id),
  name           TEXT NOT NULL,
  sha256         TEXT NOT NULL CHECK (length(sha256) = 64),
  bytes          BLOB NOT NULL,
  UNIQUE (claim_id, name)
);

-- Append-only trail of writes and exports (not reads: OpenEMR's trail outgrew its data).
CREATE TABLE audit_log (
  id             INTEGER PRIMARY KEY AUTOINCREMENT,
  at             TEXT NOT NULL,
  actor          TEXT NOT NULL,
  action         TEXT NOT NULL,
  entity         TEXT NOT NULL,
  entity_id      TEXT,
  before_json    TEXT,
  after_json     TEXT
);
CREATE INDEX audit_log_by_entity ON audit_log (entity, entity_id);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, '审计日志只能追加，不能修改'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, '审计日志只能追加，不能删除'); END;
`;

export const migration001: Migration = {
  number: 1,
  name: 'initial',
  up(db) {
    db.exec(SQL);
  },
};
