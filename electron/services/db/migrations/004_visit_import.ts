/**
 * Visits imported from a caregiver app keep the app's own record number (外部编号), so importing the
 * same export twice (apps export overlapping date ranges) skips what is already stored instead of
 * doubling the month's minutes. Unique only where present: visits typed in the app have none.
 *
 * The audit screen lists newest first and filters by date; `at` sorts as text in time order (local
 * timestamps of one offset), so an index on it serves the date range without scanning the whole trail.
 */
import type { Migration } from './types';

const SQL = `
ALTER TABLE visits ADD COLUMN external_ref TEXT CHECK (external_ref IS NULL OR length(external_ref) BETWEEN 1 AND 100);
CREATE UNIQUE INDEX visits_by_external_ref ON visits (external_ref) WHERE external_ref IS NOT NULL;
CREATE INDEX audit_log_by_at ON audit_log (at);
`;

export const migration004: Migration = {
  number: 4,
  name: 'visit_import',
  up: (db) => db.exec(SQL),
};
