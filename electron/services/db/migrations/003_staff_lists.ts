/**
 * The staff list and the certificate matrix judge each person by the latest-ending certificate of
 * each type issued by a date (GROUP BY staff, type; MAX(expires_on) WHERE issued_on <= date). With
 * all four columns in one index SQLite answers that from the index alone instead of visiting every
 * certificate row; the list's default and name sorts read staff in name order from their own index.
 */
import type { Migration } from './types';

const SQL = `
CREATE INDEX certificates_by_staff_type ON certificates (staff_id, type, issued_on, expires_on);
CREATE INDEX staff_by_name ON staff (name);
`;

export const migration003: Migration = {
  number: 3,
  name: 'staff_lists',
  up: (db) => db.exec(SQL),
};
