import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PackageProgress } from '../../../electron/services/claims/packageTypes';
import { buildClaimPackage } from '../../../electron/services/documents/buildPackage';
import { InputError } from '../../../electron/services/errors';
import expected from '../../fixtures/sample-ningbo.expected-2026-10.json';
import { buildToDir, GENERATED_ON, have, pdftotext, POPPLER, run, sampleInput, type Built } from './support';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const text = (b: Uint8Array) => new TextDecoder().decode(b);

/** The same object with its keys in reverse order, at every level, as a database round trip might give. */
function reversedKeys<T>(v: T): T {
  if (Array.isArray(v)) return v.map(reversedKeys) as T;
  if (v && typeof v === 'object')
    return Object.fromEntries(
      Object.entries(v)
        .reverse()
        .map(([k, x]) => [k, reversedKeys(x)]),
    ) as T;
  return v;
}

describe('the claim package of the sample institution, October 2026', () => {
  let built: Built;
  const progress: PackageProgress[] = [];
  beforeAll(async () => {
    built = await buildToDir({ ...sampleInput(), onProgress: (p) => progress.push(p) });
  });

  it("holds the claim, the workbook, the four PDFs, the institution's 问题清单 and the manifest, in a fixed order", () => {
    expect(built.files.map((f) => f.name)).toEqual([
      'claim.json',
      'claim.xlsx',
      '结算申报汇总表.pdf',
      '个人结算明细.pdf',
      '床日统计表.pdf',
      '上门服务记录明细.pdf',
      '问题清单.pdf',
      'manifest.json',
    ]);
    for (const f of built.files) expect(f.sha256).toBe(sha(f.bytes));
  });

  it('regenerates byte for byte, from a claim whose keys come back in another order, with one worker', async () => {
    const input = sampleInput();
    const again = await buildClaimPackage({ ...input, claim: reversedKeys(input.claim) }, { workers: 1 });
    expect(again.map((f) => [f.name, f.sha256])).toEqual(built.files.map((f) => [f.name, f.sha256]));
  });

  it('writes claim.json as the ltc-claim v1 document, keys in schema order, 2-space JSON', () => {
    const json = text(built.file('claim.json').bytes);
    const claim = sampleInput().claim;
    expect(JSON.parse(json)).toEqual(claim);
    expect(json.startsWith('{\n  "format": "ltc-claim",\n  "version": 1,\n  "month": "2026-10",\n  "kind": "regular",\n  "institution"')).toBe(true);
    expect(json.endsWith('}\n')).toBe(true);
    expect(JSON.parse(json).totals).toMatchObject(expected.totals);
  });

  it('lists every other file in the manifest with its size and SHA-256, and what the package claims', () => {
    const manifest = JSON.parse(text(built.file('manifest.json').bytes));
    expect(manifest).toMatchObject({
      format: 'ltc-claim-package',
      version: 2,
      month: '2026-10',
      kind: 'regular',
      policy: { id: 'ningbo-2022' },
      generatedOn: GENERATED_ON,
      totals: { ...expected.totals, visits: 3 },
      institution: { name: '宁波市江北区颐康护理院', uscc: '91110000600037341L', agencyCode: 'H33020500008' },
    });
    const others = built.files.filter((f) => f.name !== 'manifest.json');
    // 问题清单 is the institution's own: in the package, never uploaded
    expect(manifest.files).toEqual(others.map((f) => ({ name: f.name, bytes: f.bytes.length, sha256: f.sha256, upload: f.name !== '问题清单.pdf' })));
  });

  it('reports progress up to done = total', () => {
    expect(progress.length).toBeGreaterThan(3);
    const last = progress[progress.length - 1];
    expect(last?.done).toBe(last?.total);
    for (let i = 1; i < progress.length; i++) expect(progress[i]?.done).toBeGreaterThanOrEqual(progress[i - 1]?.done ?? 0);
  });

  it('dates the PDFs from the claim record, never the clock', (ctx) => {
    if (!have('pdfinfo')) return ctx.skip('pdfinfo (poppler-utils) not installed');
    const info = run('pdfinfo', ['-isodates', built.path('结算申报汇总表.pdf')]);
    // midnight China Standard Time on the date printed
    expect(info).toMatch(/CreationDate:\s+2026-11-04T16:00:00Z/);
    expect(info).toMatch(/ModDate:\s+2026-11-04T16:00:00Z/);
    expect(info).toMatch(/Title:\s+结算申报汇总表（2026年10月）/);
    expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
  });

  it('refuses a printed date that is not a date', async () => {
    await expect(buildClaimPackage({ ...sampleInput(), generatedOn: '2026-11-31' })).rejects.toBeInstanceOf(InputError);
  });
});

describe('a package split into parts', () => {
  it('cuts per-person documents by the row budget and numbers the parts', async () => {
    const budget = { personalRows: 8, visitRows: 1, bedDayPersons: 1 };
    const names: string[] = [];
    const built = await buildToDir(sampleInput(), { partBudget: budget, onPdf: (p) => names.push(p.name) });
    const first = built.files;
    expect(first.map((f) => f.name)).toEqual([
      'claim.json',
      'claim.xlsx',
      '结算申报汇总表.pdf',
      '个人结算明细-01.pdf',
      '个人结算明细-02.pdf',
      '个人结算明细-03.pdf',
      '床日统计表-01.pdf',
      '床日统计表-02.pdf',
      '上门服务记录明细.pdf',
      '问题清单.pdf',
      'manifest.json',
    ]);
    expect([...names].sort()).toEqual(
      first
        .filter((f) => f.name.endsWith('.pdf'))
        .map((f) => f.name)
        .sort(),
    );
    if (POPPLER) {
      const part2 = pdftotext(built.path('个人结算明细-02.pdf')).replace(/\s+/g, '');
      expect(part2).toContain('第2部分，共3部分（序号2—2）');
      expect(part2).toContain('李建国');
      expect(part2).not.toContain('王秀英');
    }
  });
});
