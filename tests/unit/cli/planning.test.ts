/**
 * `ltc rota export` and `ltc plan export` as a script runs them: the built bin/ltc.cjs in a child process,
 * on a database made by `ltc import` of a dataset 1.1 file with a rota, a plan and planned visits; the
 * files read back with pdfinfo/pdftotext and ExcelJS. Needs `npm run build` first (npm test does it).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { idNumberCheckChar } from '../../../shared/domain/ids';

const root = resolve(__dirname, '../../..');
const ltc = (...args: string[]) => {
  const r = spawnSync(process.execPath, [join(root, 'bin/ltc.cjs'), ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, LTC_TODAY: '2026-10-08' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};
const id = (serial: number) => {
  const first17 = `330205${serial < 50 ? '19400101' : '19850101'}${String(serial * 2).padStart(3, '0')}`;
  return first17 + idNumberCheckChar(first17);
};
const rows = async (file: string, sheet = 0) => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb.worksheets[sheet]!.getSheetValues()
    .slice(1)
    .map((r) => (r as unknown[]).slice(1));
};

let dir = '';
let db = '';
beforeAll(() => {
  if (!existsSync(join(root, 'out/main/cli.js'))) throw new Error('out/main/cli.js is missing: run `npm run build` before these tests');
  dir = mkdtempSync(join(tmpdir(), 'ltc-planning-'));
  db = join(dir, 'inst.db');
  const dataset = {
    format: 'ltc-dataset',
    version: 1.1,
    institution: {
      name: '幸福护理院',
      uscc: '91350100M000100Y43',
      agencyCode: 'H33020500001',
      region: '330205',
      policy: 'ningbo-2022',
      prices: { hourlyFeeFen: 6000 },
    },
    residents: [
      {
        ref: 'C1',
        name: '张阿姨',
        idNumber: id(1),
        address: '宁波市海曙区西门街道幸福小区1幢',
        assessments: [{ level: 4, concludedOn: '2026-08-10' }],
        events: [{ type: 'admit', date: '2026-09-01', mode: 'home' }],
      },
    ],
    staff: [
      {
        ref: 'S1',
        name: '王芳',
        idNumber: id(60),
        role: 'caregiver',
        employedFrom: '2020-01-01',
        certificates: [{ type: 'elderly-caregiver', number: 'E1', issuedOn: '2020-01-01' }],
      },
    ],
    visits: [],
    rota: {
      shiftTypes: [
        {
          key: 'Z',
          name: '早班',
          kind: 'work',
          start: '07:00',
          end: '15:00',
          paidMinutes: 480,
          post: 'caregiver',
          color: '#91caff',
          perSevere: 5,
          perOther: 10,
        },
      ],
      cells: [
        { staff: 'S1', date: '2026-10-05', shift: '早班' },
        { staff: 'S1', date: '2026-10-06', shift: '早班' },
      ],
      published: [],
    },
    carePlans: [{ resident: 'C1', items: ['LC01'], visitsPerWeek: 2, minutes: 60, days: [1, 3], windowStart: '08:00', windowEnd: '12:00', excludedStaff: [] }],
    plannedVisits: [
      { resident: 'C1', staff: 'S1', date: '2026-10-05', start: '08:30', minutes: 60 },
      { resident: 'C1', date: '2026-10-07', start: '09:00', minutes: 60 },
    ],
  };
  writeFileSync(join(dir, 'd.json'), JSON.stringify(dataset));
  const r = ltc('import', '--db', db, join(dir, 'd.json'));
  expect(r.code, r.stderr).toBe(0);
});

describe('ltc rota export', () => {
  it('writes the month’s 排班表 as an A4 landscape PDF, a page a week (October 2026: five), and as .xlsx', async () => {
    const pdf = join(dir, 'rota.pdf');
    const r = ltc('rota', 'export', '--db', db, '--month', '2026-10', '--out', pdf);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('已导出 2026-10 排班表（5 页）');
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    expect(info).toMatch(/Pages:\s+5/);
    expect(info).toMatch(/Page size:\s+841.89 x 595.28/);
    expect(execFileSync('pdftotext', ['-layout', '-f', '2', '-l', '2', pdf, '-'], { encoding: 'utf8' })).toMatch(/王芳\s+护理员\s+早班\s+早班\s+16/);

    const xlsx = join(dir, 'rota.xlsx');
    expect(ltc('rota', 'export', '--db', db, '--month', '2026-10', '--out', xlsx).code).toBe(0);
    const sheet = await rows(xlsx);
    const wang = sheet.find((row) => row.includes('王芳'))!;
    expect(wang.filter((c) => c === '早班')).toHaveLength(2);
  });

  it('refuses another kind of file or a month that is not one (exit 1), writing nothing', () => {
    const r = ltc('rota', 'export', '--db', db, '--month', '2026-10', '--out', join(dir, 'rota.txt'));
    expect([r.code, r.stderr]).toEqual([1, expect.stringContaining('--out 应为 .pdf 或 .xlsx 文件')]);
    expect(ltc('rota', 'export', '--db', db, '--month', '2026-13', '--out', join(dir, 'x.pdf')).code).toBe(1);
    expect(existsSync(join(dir, 'x.pdf'))).toBe(false);
  });
});

describe('ltc plan export', () => {
  it('writes the month’s 派单 with the caregiver or 未派 and the conflicts; a day’s 派单表 as PDF', async () => {
    const xlsx = join(dir, 'plan.xlsx');
    const r = ltc('plan', 'export', '--db', db, '--month', '2026-10', '--out', xlsx);
    expect(r.code, r.stderr).toBe(0);
    expect((await rows(xlsx)).slice(1)).toEqual([
      ['日期', '开始', '结束', '服务对象', '地址', '护理员', '服务项目', '冲突'],
      ['2026-10-05', '08:30', '09:30', '张阿姨', '宁波市海曙区西门街道幸福小区1幢', '王芳', '头面部清洁、梳理', ''],
      ['2026-10-07', '09:00', '10:00', '张阿姨', '宁波市海曙区西门街道幸福小区1幢', '未派', '头面部清洁、梳理', '未派'],
    ]);
    expect((await rows(xlsx, 1)).slice(1)).toEqual([['未派', '2026-10-07 09:00 张阿姨：还没有派护理员']]);

    const pdf = join(dir, 'day.pdf');
    expect(ltc('plan', 'export', '--db', db, '--date', '2026-10-05', '--staff', 'S1', '--out', pdf).code).toBe(0);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain('王芳 2026-10-05 上门服务单');
    expect(text).toMatch(/08:30–09:30\s+张阿姨/);
  });

  it('asks for one of --month and --date; a month is .xlsx only', () => {
    expect(ltc('plan', 'export', '--db', db, '--out', join(dir, 'p.xlsx')).stderr).toContain('请给出 --month（整月派单，.xlsx）或 --date');
    const r = ltc('plan', 'export', '--db', db, '--month', '2026-10', '--out', join(dir, 'p.pdf'));
    expect([r.code, r.stderr]).toEqual([1, expect.stringContaining('整月派单只导出 .xlsx')]);
  });
});
