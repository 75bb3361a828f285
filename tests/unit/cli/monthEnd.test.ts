/**
 * Month-end from the command line, as an administrator's script runs it: the built bin/ltc.cjs in a
 * child process on a real database. Expected amounts come from the sample's expected October claim
 * (tests/fixtures/sample-ningbo.expected-2026-10.json), not from the code.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import expected from '../../fixtures/sample-ningbo.expected-2026-10.json';

const root = resolve(__dirname, '../../..');
const SAMPLE = join(root, 'tests/fixtures/sample-ningbo.json');
const PACKAGE_FILES = [
  'claim.json',
  'claim.xlsx',
  'manifest.json',
  '结算申报汇总表.pdf',
  '个人结算明细.pdf',
  '床日统计表.pdf',
  '上门服务记录明细.pdf',
  '问题清单.pdf',
];

function ltc(...args: string[]) {
  const r = spawnSync(process.execPath, [join(root, 'bin/ltc.cjs'), ...args], { cwd: root, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const pdftotext = (file: string): string | null => {
  const r = spawnSync('pdftotext', [file, '-'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.replace(/\s+/g, '') : null;
};

let dir = '';
beforeAll(() => {
  if (!existsSync(join(root, 'out/main/cli.js'))) throw new Error('out/main/cli.js is missing: run `npm run build` before these tests');
  dir = mkdtempSync(join(tmpdir(), 'ltc-month-end-'));
});

function octoberDb(name: string): string {
  const db = join(dir, `${name}.db`);
  expect(ltc('import', '--db', db, SAMPLE).code).toBe(0);
  return db;
}

interface Manifest {
  files: { name: string; sha256: string; bytes: number }[];
}

function expectVerifiedPackage(outDir: string, stdout: string): void {
  expect(stdout.trim().split('\n').sort()).toEqual(PACKAGE_FILES.map((f) => join(outDir, f)).sort());
  const manifest = JSON.parse(readFileSync(join(outDir, 'manifest.json'), 'utf8')) as Manifest;
  expect(manifest.files.map((f) => f.name).sort()).toEqual(PACKAGE_FILES.filter((f) => f !== 'manifest.json').sort());
  for (const f of manifest.files) expect(sha256(join(outDir, f.name)), f.name).toBe(f.sha256);
}

describe('ltc claim --out --package', () => {
  it('writes the whole draft package for review, each file listed in the manifest with its SHA-256', () => {
    const out = join(dir, 'draft');
    const r = ltc('claim', '--dataset', SAMPLE, '--month', '2026-10', '--out', out, '--package');
    expect(r.code, r.stderr).toBe(0);
    expectVerifiedPackage(out, r.stdout);
    const claim = JSON.parse(readFileSync(join(out, 'claim.json'), 'utf8')) as { totals: object };
    expect(claim.totals).toMatchObject(expected.totals);
    // progress goes to stderr, so that stdout stays a list of paths for scripts
    expect(r.stderr).toContain('100%');
  });

  it('refuses --package without --out', () => {
    const r = ltc('claim', '--dataset', SAMPLE, '--month', '2026-10', '--package');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('--out');
  });
});

describe('ltc submit, result-template, result, reconcile', () => {
  it('refuses to submit a month with errors unless told to, and then freezes it with its package', () => {
    const db = octoberDb('submit');
    const refused = ltc('submit', '--db', db, '--month', '2026-10');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('错误');

    const out = join(dir, 'submitted');
    const r = ltc('submit', '--db', db, '--month', '2026-10', '--accept-errors', '--by', '张会计', '--out', out);
    expect(r.code, r.stderr).toBe(0);
    expectVerifiedPackage(out, r.stdout);

    // what `ltc claim --package` wrote before is a draft; what was submitted says who submitted it
    const draft = join(dir, 'before-submit');
    expect(ltc('claim', '--db', db, '--month', '2026-10', '--out', draft, '--package').code).toBe(0);
    for (const f of PACKAGE_FILES.filter((n) => n !== 'claim.json')) expect(sha256(join(draft, f)), f).not.toBe(sha256(join(out, f)));
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { status: string; submission: { submittedBy: string; seq: number } };
    expect(manifest).toMatchObject({ status: 'submitted', submission: { submittedBy: '张会计', seq: 0 } });
    const summary = pdftotext(join(out, '结算申报汇总表.pdf'));
    if (summary !== null) {
      expect(summary).toContain('申报人：张会计');
      expect(summary).not.toContain('草稿');
      expect(pdftotext(join(draft, '结算申报汇总表.pdf'))).toContain('草稿（未申报）');
    }

    // the month is frozen: a second submission is refused with a message, not a crash
    const again = ltc('submit', '--db', db, '--month', '2026-10', '--accept-errors');
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('不能重复申报');
    expect(again.stderr).not.toContain('内部错误');
  });

  it('imports the agency result from the filled template and reconciles claimed against paid', async () => {
    const db = octoberDb('result');
    expect(ltc('submit', '--db', db, '--month', '2026-10', '--accept-errors').code).toBe(0);
    const template = join(dir, 'template.xlsx');
    expect(ltc('result-template', '--db', db, '--month', '2026-10', template).code).toBe(0);

    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(template);
    const ws = wb.worksheets[0]!;
    ws.eachRow((row) => {
      if (row.getCell(2).value === '李建国') {
        row.getCell(5).value = '扣款';
        row.getCell(6).value = 100;
        row.getCell(7).value = '护理记录不完整';
      }
      if (row.getCell(2).value === '陈淑芬') {
        row.getCell(5).value = '拒付';
        row.getCell(7).value = '签字不符';
      }
    });
    const filled = join(dir, 'filled.xlsx');
    writeFileSync(filled, new Uint8Array(await wb.xlsx.writeBuffer()));

    const imported = ltc('result', '--db', db, '--month', '2026-10', filled);
    expect(imported.code, imported.stderr).toBe(0);
    const rec = JSON.parse(ltc('reconcile', '--db', db, '--month', '2026-10').stdout) as {
      months: { month: string; claimedFundFen: number; paidFundFen: number; deductedFen: number }[];
      reasons: { reason: string; count: number; deductedFen: number }[];
    };
    const home = expected.lines.find((l) => l.name === '陈淑芬')!;
    expect(rec.months).toEqual([
      expect.objectContaining({
        month: '2026-10',
        claimedFundFen: expected.totals.fundFen,
        deductedFen: 10000 + home.fundFen,
        paidFundFen: expected.totals.fundFen - 10000 - home.fundFen,
      }),
    ]);
    expect(rec.reasons.map((x) => [x.reason, x.count]).sort()).toEqual([
      ['护理记录不完整', 1],
      ['签字不符', 1],
    ]);
  });

  it('lists what is wrong with a badly filled result and settles nothing', async () => {
    const db = octoberDb('bad-result');
    expect(ltc('submit', '--db', db, '--month', '2026-10', '--accept-errors').code).toBe(0);
    const bad = join(dir, 'bad.json');
    writeFileSync(
      bad,
      JSON.stringify({
        format: 'ltc-claim-result',
        version: 1,
        month: '2026-10',
        lines: [{ idNumber: '330205194501010037', mode: 'institutional', result: 'deducted' }],
      }),
    );
    const r = ltc('result', '--db', db, bad);
    expect(r.code).toBe(1);
    const rec = JSON.parse(ltc('reconcile', '--db', db, '--month', '2026-10').stdout) as { months: { settled: number }[] };
    expect(rec.months[0]?.settled).toBe(0);
  });
});
