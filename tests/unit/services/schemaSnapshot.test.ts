/**
 * The schema after all migrations, committed as tests/fixtures/db/schema.sql (the Actual Budget way): a
 * migration that changes the schema fails here until the snapshot is updated in the same change, so a
 * reviewer sees every schema change as a diff of one file. To update it after a deliberate change:
 * `LTC_UPDATE_SCHEMA=1 npx vitest run tests/unit/services/schemaSnapshot.test.ts`; then, once released,
 * keep a database file of that schema in tests/fixtures/db/ (previousRelease.test.ts).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { openDatabase } from '../../../electron/services/db/database';
import { tempDir, track } from './helpers';

const SNAPSHOT = path.resolve(__dirname, '../../fixtures/db/schema.sql');

/** sqlite_schema as text: one object per statement, in a stable order, whitespace normalized. */
function schemaText(): string {
  const db = track(openDatabase(path.join(tempDir(), 'schema.db')));
  const rows = db.raw.prepare("SELECT type, name, sql FROM sqlite_schema WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY type, name").all() as {
    type: string;
    name: string;
    sql: string;
  }[];
  const version = db.raw.pragma('user_version', { simple: true }) as number;
  const body = rows.map((r) => `-- ${r.type} ${r.name}\n${r.sql.replace(/\s+/g, ' ').trim()};`).join('\n\n');
  return `-- schema version ${version} (tests/unit/services/schemaSnapshot.test.ts writes this file)\n\n${body}\n`;
}

it('is the committed snapshot: a schema change comes with its snapshot', () => {
  const now = schemaText();
  if (process.env['LTC_UPDATE_SCHEMA'] === '1') writeFileSync(SNAPSHOT, now);
  if (!existsSync(SNAPSHOT)) throw new Error('tests/fixtures/db/schema.sql is missing: write it with LTC_UPDATE_SCHEMA=1');
  expect(now, 'the schema changed: update tests/fixtures/db/schema.sql in the same change (LTC_UPDATE_SCHEMA=1)').toBe(readFileSync(SNAPSHOT, 'utf8'));
});
