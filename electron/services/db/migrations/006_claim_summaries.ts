/**
 * A claim's summary (its totals and how many issues of each severity) kept beside its JSON, so that
 * lists of claims (结算台账, the month's claims) never parse whole claims: a big month's claim is
 * ~3.5 MB of JSON, ~70 ms to read and parse, and a year of them stalled every list by most of a second.
 * Existing claims get theirs from their JSON, in SQL.
 */
import type { Migration } from './types';

const count = (severity: string) => `(SELECT count(*) FROM json_each(claim_json, '$.issues') WHERE json_extract(value, '$.severity') = '${severity}')`;

const SQL = `
ALTER TABLE claims ADD COLUMN summary_json TEXT;
UPDATE claims SET summary_json = json_object(
  'totals', json(json_extract(claim_json, '$.totals')),
  'issueCounts', json_object('error', ${count('error')}, 'warning', ${count('warning')}, 'info', ${count('info')})
);
`;

export const migration006: Migration = {
  number: 6,
  name: 'claim_summaries',
  up: (db) => db.exec(SQL),
};
