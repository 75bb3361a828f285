import { describe, expect, it } from 'vitest';
import { idNumberFacts, idNumberProblem, isValidIdNumber, maskIdNumber, usccProblem } from '../../../shared/domain/ids';

describe('resident ID number (GB 11643-1999)', () => {
  it('accepts the docs/rules.md §9 test vector 11010519491231002X', () => {
    expect(idNumberProblem('11010519491231002X')).toBeNull();
  });
  it('refuses a wrong check character and says which one is expected', () => {
    const p = idNumberProblem('110105194912310021');
    expect(p).toContain('校验码');
    expect(p).toContain('X');
  });
  it('accepts only an upper-case X', () => {
    expect(idNumberProblem('11010519491231002x')).toContain('大写');
  });
  it('refuses a wrong length or letters in the first 17', () => {
    expect(idNumberProblem('1101051949123100')).toContain('18位');
    expect(idNumberProblem('11010519491231A02X')).not.toBeNull();
  });
  it('refuses a birth date that is not a real date', () => {
    // 1949-02-30 does not exist; check char computed so only the date is wrong
    expect(idNumberProblem('110105194902300024')).toContain('出生日期');
  });
  it('refuses a birth date in the future', () => {
    expect(idNumberProblem('11010520300101002X', '2026-10-31')).not.toBeNull();
  });
  it('derives birth date and sex (17th digit odd = male)', () => {
    expect(idNumberFacts('11010519491231002X')).toEqual({ birthDate: '1949-12-31', sex: 'female' });
    expect(idNumberFacts('330205194501010037')).toEqual({ birthDate: '1945-01-01', sex: 'male' });
  });
  it('masks the middle of the number for screens and PDFs', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
  });
  it('accepts every ID number of the sample institution', () => {
    for (const id of ['330205193804120028', '330205194501010037', '33020519410923006X', '33020519520317007X']) expect(isValidIdNumber(id)).toBe(true);
  });
});

describe('unified social credit code (GB 32100-2015)', () => {
  it('accepts the docs/rules.md §9 test vector 91350100M000100Y43', () => {
    expect(usccProblem('91350100M000100Y43')).toBeNull();
  });
  it('reports a wrong check character as a warning-kind problem, not a format error', () => {
    expect(usccProblem('91350100M000100Y44')?.kind).toBe('checksum');
  });
  it('refuses letters the standard excludes (I, O, Z, S, V) and wrong lengths', () => {
    expect(usccProblem('91350100M000100O43')?.kind).toBe('format');
    expect(usccProblem('91350100M000100Y4')?.kind).toBe('format');
  });
});
