/**
 * The BUILT main process (out/main/index.js) run with the stand-in `electron` (tests/support/electronStandIn.cjs)
 * in a child process, since no Electron binary runs on these machines: what it recorded (its last line of
 * output, as JSON). Needs `npm run build` first (npm test does it).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '../../..');
export const BUNDLE = path.join(ROOT, 'out', 'main', 'index.js');

export function requireBuiltMain(): void {
  if (!existsSync(BUNDLE)) throw new Error('out/main/index.js is missing: run `npm run build` before these tests');
}

/** Starts the bundle on `userData` (with more environment: the stand-in's LTC_STANDIN_* switches). */
export function runBuiltMain<R>(userData: string, env: Record<string, string> = {}): R {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'tests', 'support', 'electronStandIn.cjs'), BUNDLE, userData], {
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, ...env },
  });
  const line = r.stdout.trim().split('\n').pop() ?? '';
  if (!line.startsWith('{')) throw new Error(`the main bundle printed nothing usable (exit ${r.status}): ${r.stderr}`);
  const rec = JSON.parse(line) as R & { crashed?: string };
  if (rec.crashed) throw new Error(`the main bundle crashed: ${rec.crashed}`);
  return rec;
}
