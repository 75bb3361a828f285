/**
 * 撤回: a claim submitted by mistake (the wrong month, before a correction) may be withdrawn until the
 * agency's result is imported. The withdrawn claim stays, with its files, as history: who withdrew it,
 * when and why. The month's records become writable again and the month can be submitted anew, so a
 * month may now hold a withdrawn regular claim beside the live one: the one-claim-per-(month, kind,
 * seq) rule holds for claims that are not withdrawn only.
 *
 * SQLite cannot alter a CHECK or drop a UNIQUE constraint, so the table is rebuilt (foreign keys off
 * around the step: claim_files and claim_results reference it; see types.ts). Column order is kept.
 */
import type { Migration } from './types';

const SQL = `
CREATE TABLE claims_new (
  id              INTEGER PRIMARY KEY,
  month           TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
  kind            TEXT NOT NULL CHECK (kind IN ('regular', 'supplementary')),
  seq             INTEGER NOT NULL DEFAULT 0,
  status          TEXT NOT NULL CHECK (status IN ('draft', 'submitted', 'settled', 'withdrawn')),
  policy_id       TEXT NOT NULL,
  policy_version  TEXT NOT NULL,
  computed_at     TEXT NOT NULL,
  claim_json      TEXT NOT NULL,
  submitted_at    TEXT,
  submitted_by    TEXT,
  records_json    TEXT,
  generated_on    TEXT,
  settled_at      TEXT,
  summary_json    TEXT,
  withdrawn_at    TEXT,
  withdrawn_by    TEXT,
  withdraw_reason TEXT,
  CHECK (status = 'draft' OR (submitted_at IS NOT NULL AND submitted_by IS NOT NULL)),
  CHECK ((status = 'withdrawn') = (withdrawn_at IS NOT NULL AND withdrawn_by IS NOT NULL AND length(trim(withdraw_reason)) > 0))
);
INSERT INTO claims_new (id, month, kind, seq, status, policy_id, policy_version, computed_at, claim_json, submitted_at, submitted_by, records_json, generated_on, settled_at, summary_json)
  SELECT id, month, kind, seq, status, policy_id, policy_version, computed_at, claim_json, submitted_at, submitted_by, records_json, generated_on, settled_at, summary_json FROM claims;
DROP TABLE claims;
ALTER TABLE claims_new RENAME TO claims;
-- One live claim per month, kind and sequence number; withdrawn ones are history beside it.
CREATE UNIQUE INDEX claims_live ON claims (month, kind, seq) WHERE status <> 'withdrawn';
CREATE INDEX claims_by_month ON claims (month);
`;

export const migration008: Migration = {
  number: 8,
  name: 'claim_withdrawal',
  rebuildsTables: true,
  up: (db) => db.exec(SQL),
};
