/**
 * The claim's lifecycle (docs/rules.md §8.4): a submitted claim keeps the records it was computed
 * from (so its files regenerate byte for byte) and the date it was generated; the agency's result is
 * kept per line (accepted, deducted 扣款, rejected 拒付) for reconciliation.
 */
import type { Migration } from './types';

const SQL = `
ALTER TABLE claims ADD COLUMN records_json TEXT;
ALTER TABLE claims ADD COLUMN generated_on TEXT;
ALTER TABLE claims ADD COLUMN settled_at TEXT;

-- 审核结果: one row per claim line as the agency answered it.
CREATE TABLE claim_results (
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
  UNIQUE (claim_id, id_number, mode),
  CHECK (paid_fund_fen + deducted_fen = claimed_fund_fen)
);
CREATE INDEX claim_results_by_claim ON claim_results (claim_id);
`;

export const migration005: Migration = {
  number: 5,
  name: 'claim_lifecycle',
  up: (db) => db.exec(SQL),
};
