/**
 * The month hold of a submission, kept in the database so every process that writes the file sees it
 * (issue 16: a visit saved through the window while `ltc submit` ran in another process was committed,
 * missing from the frozen claim, then locked). One row per month being submitted, taken in a write
 * transaction and removed when the submission ends; a row left by a killed process is recognised by
 * its process id (claims/monthLock.ts).
 * Number 014: 012 and 013 belong to the package-document work (issue 11), on their own branches.
 */
import type { Migration } from './types';

export const migration014: Migration = {
  number: 14,
  name: 'submission_holds',
  up(db) {
    db.exec(`
CREATE TABLE submission_holds (
  month       TEXT PRIMARY KEY CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
  pid         INTEGER NOT NULL,
  host        TEXT NOT NULL,
  started_at  TEXT NOT NULL
);`);
  },
};
