/**
 * A corrected 审核结果: the agency may send a corrected result for a claim already settled, and importing
 * it replaces the one imported before (results.ts). The replaced rows are not deleted: they move here,
 * with when and by whom they were replaced, so every result ever imported stays (the audit log says the
 * same in words). `claim_results` keeps holding the result in force, so everything that reads it
 * (对账, 台账, 检查准备) is unchanged.
 *
 * Numbered 013: 012 is taken by the institution settings of the same release.
 */
import type { Migration } from './types';

const SQL = `
CREATE TABLE claim_results_replaced (
  id               INTEGER PRIMARY KEY,
  claim_id         INTEGER NOT NULL REFERENCES claims (id),
  id_number        TEXT NOT NULL,
  mode             TEXT NOT NULL CHECK (mode IN ('institutional', 'home')),
  result           TEXT NOT NULL CHECK (result IN ('accepted', 'deducted', 'rejected')),
  claimed_fund_fen INTEGER NOT NULL CHECK (claimed_fund_fen >= 0),
  deducted_fen     INTEGER NOT NULL CHECK (deducted_fen >= 0),
  paid_fund_fen    INTEGER NOT NULL CHECK (paid_fund_fen >= 0),
  reason           TEXT,
  imported_at      TEXT NOT NULL,
  replaced_at      TEXT NOT NULL,
  replaced_by      TEXT NOT NULL,
  CHECK (paid_fund_fen + deducted_fen = claimed_fund_fen)
);
CREATE INDEX claim_results_replaced_by_claim ON claim_results_replaced (claim_id);
`;

export const migration013: Migration = {
  number: 13,
  name: 'claim_result_history',
  up: (db) => db.exec(SQL),
};
