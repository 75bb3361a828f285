/**
 * Month-end guard rails on the command line (issue 14): `ltc submit` and `ltc supplement` refuse a month
 * that has not ended (exit 1, the reason in Chinese), `ltc withdraw` withdraws a claim before its result
 * and is refused after it, and a dataset with a negative or non-numeric price is refused by `ltc check`
 * and `ltc import` with the field named. The built bin/ltc.cjs in a child process, today pinned by
 * LTC_TODAY as the services read it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import sampleJson from '../../fixtures/sample-ningbo.json';

const root = resolve(__dirname, '../../..');
const SAMPLE = join(root, 'tests/fixtures/sample-ningbo.json');

function ltc(today: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [join(root, 'bin/ltc.cjs'), ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, LTC_TODAY: today },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

let dir = '';
beforeAll(() => {
  if (!existsSync(join(root, 'out/main/cli.js'))) throw new Error('out/main/cli.js is missing: run `npm run build` before these tests');
  dir = mkdtempSync(join(tmpdir(), 'ltc-withdraw-'));
});

function octoberDb(name: string): string {
  const db = join(dir, `${name}.db`);
  expect(ltc('2026-12-06', 'import', '--db', db, SAMPLE).code).toBe(0);
  return db;
}

describe('ltc submit / supplement before the month has ended', () => {
  it('exits 1 with the reason, and submits once the month is over', () => {
    const db = octoberDb('early');
    const refused = ltc('2026-10-31', 'submit', '--db', db, '--month', '2026-10', '--accept-errors');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('2026-10 尚未结束（今天是 2026-10-31），要到月末最后一天（2026-10-31）过后才能申报');
    expect(ltc('2026-11-01', 'submit', '--db', db, '--month', '2026-10', '--accept-errors').code).toBe(0);
    const supplement = ltc('2026-10-31', 'supplement', '--db', db, '--month', '2026-10', '--accept-errors');
    expect(supplement.code).toBe(1);
    expect(supplement.stderr).toContain('过后才能补报');
  });
});

describe('ltc withdraw', () => {
  it('withdraws the month’s claim with a reason; the month is then submitted again; refused once settled', () => {
    const db = octoberDb('withdraw');
    expect(ltc('2026-12-06', 'submit', '--db', db, '--month', '2026-10', '--accept-errors').code).toBe(0);
    expect(ltc('2026-12-06', 'withdraw', '--db', db, '--month', '2026-10').code).toBe(1);
    const done = ltc('2026-12-06', 'withdraw', '--db', db, '--month', '2026-10', '--reason', '入住记录有误，更正后重新申报', '--by', '张会计');
    expect(done.code, done.stderr).toBe(0);
    expect(done.stderr).toContain('已撤回 2026-10 申报（原因：入住记录有误，更正后重新申报）');
    expect(ltc('2026-12-06', 'withdraw', '--db', db, '--month', '2026-10', '--reason', 'x').code).toBe(1);
    expect(ltc('2026-12-06', 'submit', '--db', db, '--month', '2026-10', '--accept-errors').code).toBe(0);

    const result = join(dir, 'result.json');
    const lines = [
      { idNumber: '330205193804120028', mode: 'institutional', result: 'accepted' },
      { idNumber: '330205194501010037', mode: 'institutional', result: 'accepted' },
      { idNumber: '33020519410923006X', mode: 'home', result: 'accepted' },
    ];
    writeFileSync(result, JSON.stringify({ format: 'ltc-claim-result', version: 1, month: '2026-10', lines }));
    expect(ltc('2026-12-06', 'result', '--db', db, result).code).toBe(0);
    const settled = ltc('2026-12-06', 'withdraw', '--db', db, '--month', '2026-10', '--reason', '再撤回');
    expect(settled.code).toBe(1);
    expect(settled.stderr).toContain('已导入经办机构的审核结果（已结算），不能撤回');
    const rec = JSON.parse(ltc('2026-12-06', 'reconcile', '--db', db, '--month', '2026-10').stdout) as { months: { claims: number; settled: number }[] };
    expect(rec.months).toEqual([expect.objectContaining({ claims: 1, settled: 1 })]);
  });
});

describe('a dataset with a price that is not an amount', () => {
  it('ltc check and ltc import exit 1 naming the field', () => {
    const file = join(dir, 'negative.json');
    const d = structuredClone(sampleJson) as { institution: { prices: Record<string, unknown> } };
    d.institution.prices['hourlyFeeFen'] = -5000;
    writeFileSync(file, JSON.stringify(d));
    for (const r of [ltc('2026-12-06', 'check', '--dataset', file), ltc('2026-12-06', 'import', '--db', join(dir, 'neg.db'), file)]) {
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('institution.prices.hourlyFeeFen: 金额不能为负数（现为-5000分）');
    }
  });
});
