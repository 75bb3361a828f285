/**
 * Why a corrected 审核结果 replaced the one before it (issue 11): importing a corrected result now takes a
 * reason (更正原因: the agency's notice, what it corrected), kept here, one row per corrected import, and
 * shown with that result in the claim's result history (results.ts resultHistory) and in the audit row.
 * `imported_at` is the corrected result's own import time: its rows in claim_results (or, once corrected
 * again, claim_results_replaced) carry the same, and the rows it replaced carry it as `replaced_at`.
 * Corrections imported before this migration have no row: their reason was never asked.
 *
 * Number 015: reserved for this work (016 is the audit log's hash chain, on its own branch).
 */
import type { Migration } from './types';

const SQL = `
CREATE TABLE claim_result_corrections (
  id           INTEGER PRIMARY KEY,
  claim_id     INTEGER NOT NULL REFERENCES claims (id),
  imported_at  TEXT NOT NULL,
  imported_by  TEXT NOT NULL,
  reason       TEXT NOT NULL CHECK (length(trim(reason)) BETWEEN 1 AND 200)
);
CREATE INDEX claim_result_corrections_by_claim ON claim_result_corrections (claim_id, imported_at);
`;

export const migration015: Migration = {
  number: 15,
  name: 'result_correction_reasons',
  up: (db) => db.exec(SQL),
};
