/**
 * `npm run faults` (scripts/faults.mjs), a small fixed-seed slice inside `npm test`: 5 kill -9s (import,
 * submit, backup, the host taking writes) and 200 malformed inputs (datasets to `ltc import`; visit CSV
 * and .xlsx, roster and rota workbooks, the agency's results, each with a row bomb, to the host), against the built app. Every failure count is 0; the
 * full run (≥ 100 kills, ≥ 10,000 inputs) is what README.md's "Fault suites" reports.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, it } from 'vitest';

const root = resolve(__dirname, '../../..');

it('the fault slice (seed 7: 5 kills, 200 bad inputs) finds nothing corrupt, lost, half-done, crashed or unclear', () => {
  if (!existsSync(join(root, 'out/main/cli.js'))) throw new Error('out/main/cli.js is missing: run `npm run build` before these tests');
  const r = spawnSync(process.execPath, [join(root, 'scripts/faults.mjs'), '--seed', '7', '--kills', '5', '--inputs', '200', '--minutes', '8'], {
    cwd: root,
    encoding: 'utf8',
    // the script's own bound is 8 minutes (a loaded machine); 25 s on a quiet one
    timeout: 540_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  const last = r.stdout.trim().split('\n').at(-1) ?? '';
  if (!last.startsWith('{')) throw new Error(`faults printed no JSON (exit ${r.status ?? r.signal}): ${r.stderr.slice(-2000)}`);
  const result = JSON.parse(last) as Record<string, unknown>;
  // the counts per kind and any finding, in the test's output when it fails
  expect({ ...result, stderr: r.status === 0 ? '' : r.stderr.slice(-4000) }).toMatchObject({
    kills: 5,
    badInputs: 200,
    corrupt: 0,
    lostAcknowledged: 0,
    halfStates: 0,
    crashes: 0,
    unclear: 0,
    accepted: 0,
    timedOut: false,
    stderr: '',
  });
  expect(r.status).toBe(0);
}, 560_000);
