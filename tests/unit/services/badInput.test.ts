/**
 * Input that once broke the store (issue 16 §4, found by a probe feeding malformed files): an absurd
 * price, a giant or invisible name, a GBK or cut-short file. Each is refused with a Chinese message
 * saying what to fix and where, and nothing is stored.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readJsonFile } from '../../../electron/cli/io';
import { writeClaim } from '../../../electron/services/claims/claimStore';
import { computeMonthClaim } from '../../../electron/services/claims/monthClaim';
import { importDataset } from '../../../electron/services/dataset/importDataset';
import { validateDataset, type DatasetProblem } from '../../../electron/services/dataset/validateDataset';
import { openDatabase } from '../../../electron/services/db/database';
import { residentInput } from '../../../shared/api/residents';
import { institutionInput } from '../../../shared/api/institution';
import { certificateInput, staffInput } from '../../../shared/api/staff';
import type { Dataset } from '../../../shared/domain/model';
import { sample, tempDir, track } from './helpers';

function problemsOf(change: (d: Dataset) => void): DatasetProblem[] {
  const d = sample();
  change(d);
  const r = validateDataset(d);
  if (r.ok) throw new Error('expected the dataset to be refused');
  return r.problems;
}

describe('a dataset with numbers out of any sane range is refused', () => {
  it('a price of 1e308 fen (an integer to JSON Schema) is too large, named with its field', () => {
    const problems = problemsOf((d) => {
      d.institution.prices.dailyFeeFen = { ...d.institution.prices.dailyFeeFen, '4': 1e308 };
    });
    expect(problems).toEqual([{ path: 'institution.prices.dailyFeeFen["4"]', message: expect.stringContaining('金额过大') }]);
    expect(problems[0]!.message).toContain('1,000,000.00 元');
  });

  it('an hourly price one fen over the screens’ limit, and a check-in at latitude 1000', () => {
    const problems = problemsOf((d) => {
      d.institution.prices.hourlyFeeFen = 100_000_001;
      const visit = d.visits[0]!;
      visit.checkIn = { lat: 1000, lng: 121.5 };
    });
    expect(problems.map((p) => p.path)).toEqual(['institution.prices.hourlyFeeFen', 'visits[0].checkIn.lat']);
    expect(problems[1]!.message).toMatch(/超出范围：应不大于 90/);
  });
});

describe('names and ID numbers: bounded as in the screens, and only visible characters', () => {
  it('a name of two million characters (the probe stored one of 64 million) is refused with its length', () => {
    const problems = problemsOf((d) => {
      d.residents[0]!.name = '张'.repeat(1_999_999) + '𠮷';
    });
    expect(problems).toEqual([{ path: 'residents[0].name', message: '太长：最多 50 个字符（现有 2000000 个），请删减' }]);
  });

  it('a right-to-left override in a name, a NUL in an ID number, a zero-width space in a staff name', () => {
    const problems = problemsOf((d) => {
      d.residents[0]!.name = '张\u202E三';
      d.residents[1]!.idNumber = '33020519450101\u00000037';
      d.staff[0]!.name = '王\u200B芳';
    });
    expect(problems).toEqual([
      { path: 'residents[0].name', message: '姓名含有看不见的控制字符（U+202E，第 2 个字符），请删除后重新输入' },
      { path: 'residents[1].idNumber', message: '身份证号含有看不见的控制字符（U+0000，第 15 个字符），请删除后重新输入' },
      { path: 'staff[0].name', message: '姓名含有看不见的控制字符（U+200B，第 2 个字符），请删除后重新输入' },
    ]);
  });

  it('half a character (an unpaired surrogate, as a JSON \\ud800 escape gives) in a name or an ID number (npm run faults)', () => {
    // stored, it became the bytes ED A0 80 in residents.name: not UTF-8
    const problems = problemsOf((d) => {
      d.residents[0]!.name = '王秀英\uD800';
      d.staff[1]!.idNumber = '\uDC0033028219920808004X';
    });
    expect(problems).toEqual([
      { path: 'residents[0].name', message: '姓名含有不完整的字符（U+D800，第 4 个字符，半个字的编码），请删除后重新输入' },
      { path: 'staff[1].idNumber', message: '身份证号含有不完整的字符（U+DC00，第 1 个字符，半个字的编码），请删除后重新输入' },
    ]);
    // a whole character outside the BMP is two surrogates, and fine
    expect(validateDataset({ ...sample(), residents: sample().residents.map((r, i) => (i === 0 ? { ...r, name: '王𠮷' } : r)) }).ok).toBe(true);
    expect(residentInput.safeParse({ name: '李\uDFFF建国', idNumber: '330205194501010037' }).error?.issues[0]?.message).toMatch(
      /^姓名含有不完整的字符（U\+DFFF/,
    );
  });

  it('the screens refuse them too (the contract’s resident and staff fields)', () => {
    const resident = residentInput.safeParse({ name: '李\u202E建国', idNumber: '330205194501010037' });
    expect(resident.success).toBe(false);
    expect(resident.error?.issues[0]?.message).toBe('姓名含有看不见的控制字符（U+202E，第 2 个字符），请删除后重新输入');
    const id = residentInput.safeParse({ name: '李建国', idNumber: '330205\u0000194501010037' });
    expect(id.error?.issues[0]?.message).toMatch(/^身份证号含有看不见的控制字符（U\+0000/);
    expect(residentInput.safeParse({ name: '李建国', idNumber: '330205194501010037' }).success).toBe(true);
    const staff = staffInput.safeParse({ name: '王\u200B芳', idNumber: '330205198501010140', role: 'caregiver', employedFrom: '2020-01-01' });
    expect(staff.error?.issues.map((i) => i.message)).toEqual(['姓名含有看不见的控制字符（U+200B，第 2 个字符），请删除后重新输入']);
  });

  it('and in what is printed: a certificate number, an address, the institution’s name (the fault suite’s last gap)', () => {
    const cert = certificateInput.safeParse({ staffId: 1, type: 'elderly-caregiver', number: 'YL\u200B2020001', issuedOn: '2020-05-01' });
    expect(cert.error?.issues.map((i) => i.message)).toEqual(['证书编号含有看不见的控制字符（U+200B，第 3 个字符），请删除后重新输入']);
    const address = residentInput.safeParse({ name: '李建国', idNumber: '330205194501010037', address: '宁波市\u202E海曙区' });
    expect(address.error?.issues.map((i) => i.message)).toEqual(['地址含有看不见的控制字符（U+202E，第 4 个字符），请删除后重新输入']);
    const institution = institutionInput.shape.name.safeParse('宁波\u202E颐养院');
    expect(institution.error?.issues.map((i) => i.message)).toEqual(['机构名称含有看不见的控制字符（U+202E，第 3 个字符），请删除后重新输入']);
    expect(certificateInput.safeParse({ staffId: 1, type: 'elderly-caregiver', number: 'YL2020001', issuedOn: '2020-05-01' }).success).toBe(true);
  });

  it('a dataset’s certificate number too', () => {
    const problems = problemsOf((d) => {
      d.staff[0]!.certificates[0]!.number = 'YL\u202E001';
    });
    expect(problems).toEqual([{ path: 'staff[0].certificates[0].number', message: '证书编号含有看不见的控制字符（U+202E，第 3 个字符），请删除后重新输入' }]);
  });
});

describe('a dataset file must be UTF-8 JSON; what is wrong is said with its place', () => {
  const write = (name: string, bytes: Uint8Array | string): string => {
    const file = path.join(tempDir(), name);
    writeFileSync(file, bytes);
    return file;
  };

  it('a GBK file is refused at its first byte that is not UTF-8, not imported as ����', () => {
    // {"name":"张三"} with 张三 in GBK: D5 C5 C8 FD
    const gbk = Uint8Array.from([...Buffer.from('{"name":"'), 0xd5, 0xc5, 0xc8, 0xfd, ...Buffer.from('"}')]);
    expect(() => readJsonFile(write('gbk.json', gbk))).toThrow('文件 gbk.json 不是 UTF-8 编码：从第 10 个字节起无法读取');
  });

  it('a UTF-8 file with a byte-order mark is read', () => {
    expect(readJsonFile(write('bom.json', '\uFEFF{"a":"张三"}'))).toEqual({ a: '张三' });
  });

  it('a file cut short says so, with the line where it ends', () => {
    const text = JSON.stringify(sample(), null, 2);
    const cut = text.slice(0, Math.floor(text.length / 2));
    const lines = cut.split('\n').length;
    expect(() => readJsonFile(write('cut.json', cut))).toThrow(new RegExp(`在第 ${lines} 行第 \\d+ 列提前结束（文件不完整`));
  });

  it('a missing comma is placed at its line and column, in Chinese', () => {
    const file = write('comma.json', '{\n  "format": "ltc-dataset"\n  "version": 1\n}');
    expect(() => readJsonFile(file)).toThrow('文件 comma.json 不是有效的 JSON：第 3 行第 3 列格式有误（缺少逗号');
  });
});

describe('a claim never carries a number that is not finite', () => {
  it('a claim with an infinite amount is refused before it is stored, and nothing is written', () => {
    const db = track(openDatabase(path.join(tempDir(), 'finite.db')));
    importDataset(db, sample(), { actor: 't' });
    const claim = computeMonthClaim(db, '2026-10');
    const broken = { ...claim, totals: { ...claim.totals, fundFen: Number.POSITIVE_INFINITY } };
    expect(() => db.transaction(() => writeClaim(db, { claim: broken, seq: 0, status: 'submitted', computedAt: '2026-11-01T10:00:00.000+08:00' }))).toThrow(
      '结算结果中的 totals.fundFen 不是有效数字',
    );
    expect(db.raw.prepare('SELECT COUNT(*) AS n FROM claims').get()).toEqual({ n: 0 });
  });
});
