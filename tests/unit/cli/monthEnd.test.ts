/**
 * Month-end from the command line, as an administrator's script runs it: the built bin/ltc.cjs in a
 * child process on a real database. Expected amounts come from the sample's expected October claim
 * (tests/fixtures/sample-ningbo.expected-2026-10.json), not from the code.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
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

    // ltc package writes the frozen package out again, byte for byte (after a kill during --out, or for a copy)
    const copy = join(dir, 'copy');
    const p = ltc('package', '--db', db, '--month', '2026-10', '--out', copy);
    expect(p.code, p.stderr).toBe(0);
    expectVerifiedPackage(copy, p.stdout);
    for (const f of PACKAGE_FILES) expect(sha256(join(copy, f)), f).toBe(sha256(join(out, f)));
    // written beside the target and moved in: no half folder is left
    expect(readdirSync(dir).filter((f) => f.includes('partial'))).toEqual([]);

    // a package altered in the database is refused, and nothing is written
    const raw = new Database(db);
    raw.prepare("UPDATE claim_files SET bytes = CAST('篡改' AS BLOB) WHERE name = '个人结算明细.pdf'").run();
    raw.close();
    const altered = ltc('package', '--db', db, '--month', '2026-10', '--out', join(dir, 'altered'));
    expect(altered.code).toBe(1);
    expect(altered.stderr).toContain('数据库中保存的 2026-10 申报包与申报时不符（个人结算明细.pdf），未写出任何文件');
    expect(existsSync(join(dir, 'altered'))).toBe(false);
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
    // the template's columns: 序号, 身份证号, 姓名, 护理方式, 申报基金支付（元）, 审核结果, 扣款金额（元）, 原因
    ws.eachRow((row) => {
      if (row.getCell(3).value === '李建国') {
        row.getCell(6).value = '扣款';
        row.getCell(7).value = 100;
        row.getCell(8).value = '护理记录不完整';
      }
      if (row.getCell(3).value === '陈淑芬') {
        row.getCell(6).value = '拒付';
        row.getCell(8).value = '签字不符';
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

    // the same 对账 as an .xlsx in 元: per month (扣款 and 拒付 apart), per person, the reasons grouped
    const xlsx = join(dir, '对账.xlsx');
    const written = ltc('reconcile', '--db', db, '--month', '2026-10', '--xlsx', xlsx);
    expect(written.code, written.stderr).toBe(0);
    expect(written.stdout.trim()).toBe(xlsx);
    const recWb = new ExcelJS.Workbook();
    await recWb.xlsx.readFile(xlsx);
    expect(recWb.worksheets.map((w) => w.name)).toEqual(['按月', '按人', '扣款明细', '拒付明细', '原因']);
    const rowsOf = (name: string) => {
      const sheet = recWb.getWorksheet(name)!;
      const rows: unknown[][] = [];
      sheet.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
      return rows;
    };
    const byMonth = rowsOf('按月');
    expect(byMonth.find((r) => r[0] === '月份')).toEqual([
      '月份',
      '申报数',
      '已结算数',
      '申报基金支付（元）',
      '实付基金（元）',
      '扣款（元）',
      '拒付（元）',
      '待结算（元）',
    ]);
    expect(byMonth.find((r) => r[0] === '2026-10')).toEqual([
      '2026-10',
      1,
      1,
      expected.totals.fundFen / 100,
      (expected.totals.fundFen - 10000 - home.fundFen) / 100,
      100,
      home.fundFen / 100,
      0,
    ]);
    const li = rowsOf('按人').find((r) => r[3] === '李建国')!;
    expect(li.slice(1, 12)).toEqual(['2026-10', '本月申报', '李建国', '330205194501010037', '机构护理', 1860, '扣款', 100, 0, 1760, '护理记录不完整']);
    expect(rowsOf('拒付明细').filter((r) => r[3] === '陈淑芬')).toHaveLength(1);
    expect(rowsOf('扣款明细').filter((r) => typeof r[0] === 'number')).toHaveLength(1);
    const reasons = rowsOf('原因');
    expect(reasons.find((r) => r[0] === '签字不符')).toEqual(['签字不符', 0, 0, 1, home.fundFen / 100, 1, home.fundFen / 100]);
    expect(reasons.find((r) => r[0] === '合计')).toEqual(['合计', 1, 100, 1, home.fundFen / 100, 2, (10000 + home.fundFen) / 100]);

    // a corrected result: refused as a second import, accepted with --replace, the first kept as history
    const again = ltc('result', '--db', db, '--month', '2026-10', filled);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('--replace');
    // a correction says why: --replace without --reason (or with a blank one) is refused before the file is read, nothing changes
    for (const reason of [[], ['--reason', '  ']]) {
      const unexplained = ltc('result', '--db', db, '--month', '2026-10', '--replace', ...reason, template);
      expect(unexplained.code).toBe(1);
      expect(unexplained.stderr).toContain('须写明更正原因');
      expect(unexplained.stderr).toContain('--reason');
    }
    const unchanged = JSON.parse(ltc('reconcile', '--db', db, '--month', '2026-10').stdout) as { months: { deductedFen: number }[] };
    expect(unchanged.months[0]?.deductedFen).toBe(10000 + home.fundFen);
    const replaced = ltc('result', '--db', db, '--month', '2026-10', '--replace', '--reason', '经办机构更正通知：全部通过', template);
    expect(replaced.code, replaced.stderr).toBe(0);
    expect(replaced.stderr).toContain('原结果保留为历史记录');
    // the reason kept with the corrected result and in its audit row
    const file = new Database(db, { readonly: true });
    try {
      expect(file.prepare('SELECT reason FROM claim_result_corrections').all()).toEqual([{ reason: '经办机构更正通知：全部通过' }]);
      const audited = file.prepare("SELECT after_json FROM audit_log WHERE action = 'resettle'").all() as { after_json: string }[];
      expect(audited.map((a) => (JSON.parse(a.after_json) as { correctionReason?: string }).correctionReason)).toEqual(['经办机构更正通知：全部通过']);
    } finally {
      file.close();
    }
    const after = JSON.parse(ltc('reconcile', '--db', db, '--month', '2026-10').stdout) as { months: { paidFundFen: number; deductedFen: number }[] };
    expect(after.months[0]).toMatchObject({ paidFundFen: expected.totals.fundFen, deductedFen: 0 });
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
