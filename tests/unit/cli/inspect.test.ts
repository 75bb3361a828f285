/**
 * `ltc inspect` (the built command line, through its inspection worker): the board, the self-audit's hits
 * as JSON and .xlsx, the sample and the evidence pack for a period of the demo institution; the same seed
 * gives the same sample and the same PDF bytes; bad input exits 1 with the problem in Chinese.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../../..');
const TODAY = '2026-12-06';

function ltc(...args: string[]) {
  const r = spawnSync(process.execPath, [join(root, 'bin/ltc.cjs'), ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, LTC_TODAY: TODAY },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

let dir = '';
let db = '';
beforeAll(() => {
  if (!existsSync(join(root, 'out/main/cli.js'))) throw new Error('out/main/cli.js is missing: run `npm run build` before these tests');
  dir = mkdtempSync(join(tmpdir(), 'ltc-inspect-'));
  db = join(dir, 'demo.db');
  expect(ltc('demo', '--db', db).code).toBe(0);
});

describe('ltc inspect', () => {
  it('writes the board, the hits, the sample and the evidence pack, one path a line, and repeats a sample by its seed', () => {
    const run = (out: string) =>
      ltc('inspect', '--db', db, '--from', '2026-11-01', '--to', '2026-11-30', '--sample', '4', '--days', '2', '--seed', '7', '--out', join(dir, out));
    const a = run('a');
    expect(a.code, a.stderr).toBe(0);
    const files = a.stdout.trim().split('\n');
    expect(files.map((f) => f.slice(join(dir, 'a').length + 1))).toEqual([
      'board.json',
      'self-audit.json',
      '自查发现.xlsx',
      'sample.json',
      '检查资料包-2026-11-01至2026-11-30.pdf',
    ]);
    const board = JSON.parse(readFileSync(files[0]!, 'utf8')) as { boards: { month: string; score: number; checks: { id: string; status: string }[] }[] };
    expect(board.boards.map((b) => b.month)).toEqual(['2026-11']);
    expect(board.boards[0]!.checks).toHaveLength(14);
    const audit = JSON.parse(readFileSync(files[1]!, 'utf8')) as { totals: { hits: number } };
    // the demo's nine planted hits (tests/unit/inspection/demoPatterns.test.ts)
    expect(audit.totals.hits).toBe(9);
    const sample = JSON.parse(readFileSync(files[3]!, 'utf8')) as { seed: number; residents: string[]; days: string[] };
    expect(sample.seed).toBe(7);
    expect([sample.residents.length, sample.days.length]).toEqual([4, 2]);
    const b = run('b');
    expect(b.code, b.stderr).toBe(0);
    const sha = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');
    const second = b.stdout.trim().split('\n');
    expect(readFileSync(second[3]!, 'utf8')).toBe(readFileSync(files[3]!, 'utf8'));
    expect(sha(second[4]!)).toBe(sha(files[4]!));
  });

  it('chooses and prints a seed when none is given, and refuses a bad period', () => {
    const r = ltc('inspect', '--db', db, '--from', '2026-11-01', '--to', '2026-11-30', '--out', join(dir, 'c'));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/随机种子：\d+（用 --seed \d+ 可重复同一抽查）/);
    const bad = ltc('inspect', '--db', db, '--from', '2026-11-30', '--to', '2026-11-01', '--out', join(dir, 'd'));
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('--from 2026-11-30 晚于 --to 2026-11-01');
  });
});
