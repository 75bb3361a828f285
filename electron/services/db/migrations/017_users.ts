/**
 * Users and their roles (issue 16 §1, decisions.md D35): who may log in to the window and the browser
 * preview, as 管理员, 护士长, 院长 or 录入员. A password is kept only as a scrypt hash (its parameters and
 * salt in the one string: `scrypt$N$r$p$salt$hash`, base64); a 管理员 also has the hash of her recovery
 * code. Five failed logins in a row lock the account until `locked_until_ms` (epoch milliseconds, so the
 * comparison needs no parsing). A user is disabled, never deleted: the audit trail names her.
 *
 * Number 017: reserved for this work (015 and 016 are on main).
 */
import type { Migration } from './types';

const SQL = `
CREATE TABLE users (
  id                  INTEGER PRIMARY KEY,
  name                TEXT NOT NULL COLLATE NOCASE UNIQUE CHECK (length(trim(name)) BETWEEN 1 AND 40),
  role                TEXT NOT NULL CHECK (role IN ('admin', 'head_nurse', 'director', 'clerk')),
  password_hash       TEXT NOT NULL CHECK (password_hash GLOB 'scrypt$*'),
  recovery_hash       TEXT CHECK (recovery_hash IS NULL OR recovery_hash GLOB 'scrypt$*'),
  disabled            INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
  failed_logins       INTEGER NOT NULL DEFAULT 0 CHECK (failed_logins >= 0),
  locked_until_ms     INTEGER,
  created_at          TEXT NOT NULL,
  password_changed_at TEXT NOT NULL
);
`;

export const migration017: Migration = {
  number: 17,
  name: 'users',
  up: (db) => db.exec(SQL),
};
