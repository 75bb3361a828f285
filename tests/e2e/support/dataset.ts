/**
 * Seeds a test's database from a dataset file with `ltc import` of the build under test (the host's
 * own, OUT_DIR), so the database is created by the same schema version the host expects.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { OUT_DIR, ROOT } from './host';

export function importDataset(dbFile: string, dataset: string): { code: number | null; stderr: string } {
  const r = spawnSync(process.execPath, [join(OUT_DIR, 'main/cli.js'), 'import', '--db', dbFile, dataset], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, stderr: r.stderr };
}
