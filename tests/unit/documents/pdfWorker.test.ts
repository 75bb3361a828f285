/**
 * The built PDF worker (out/main/pdfWorker.js, as the app, the host, `ltc` and the claim worker run it)
 * and the same code in the calling thread (the sources under test, where no built worker exists) give
 * byte-identical PDFs for the same jobs: the package hashes stored (packageBytes.test.ts) hold for both.
 * Needs `npm run build` first (npm test does it).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildClaimPackage, type PackageOptions } from '../../../electron/services/documents/buildPackage';
import { findPdfFonts } from '../../../electron/services/documents/fonts';
import { pdfDocument } from '../../../electron/services/documents/pdfBase';
import { builtPdfWorker, renderPdfs, type PdfJob } from '../../../electron/services/documents/renderPool';
import { GENERATED_ON, sampleInput, sampleRecords } from './support';

const OUT_MAIN = path.resolve(__dirname, '../../../out/main');
let workerFile = '';
beforeAll(() => {
  const found = builtPdfWorker(OUT_MAIN);
  if (!found || !existsSync(found)) throw new Error('out/main/pdfWorker.js is missing: run `npm run build` before these tests');
  workerFile = found;
});

interface Named {
  name: string;
  bytes: Uint8Array;
}

/** The names of the files that differ in their bytes (or exist on one side only). */
function differing(a: readonly Named[], b: readonly Named[]): string[] {
  const names = [...new Set([...a, ...b].map((f) => f.name))];
  const bytes = (list: readonly Named[], name: string) => Buffer.from(list.find((f) => f.name === name)?.bytes ?? []);
  return names.filter((n) => !bytes(a, n).equals(bytes(b, n)) || !a.some((f) => f.name === n) || !b.some((f) => f.name === n));
}

/** A package built with the built worker (two of them) and in this thread. */
async function bothWays(input: ReturnType<typeof sampleInput>, opts: PackageOptions = {}) {
  const off = await buildClaimPackage(input, { ...opts, pdfWorker: workerFile, workers: 2 });
  const here = await buildClaimPackage(input, { ...opts, pdfWorker: null });
  return { off, here };
}

describe('the PDF worker and the calling thread', () => {
  it('give the same bytes for the sample package', async () => {
    const { off, here } = await bothWays(sampleInput());
    expect(off.map((f) => f.name)).toEqual(here.map((f) => f.name));
    expect(off.length).toBe(8);
    expect(differing(off, here)).toEqual([]);
  });

  it('give the same bytes for a package in parts, two workers finishing in any order', async () => {
    const { off, here } = await bothWays(sampleInput(), { partBudget: { personalRows: 8, visitRows: 1, bedDayPersons: 1 } });
    expect(off.map((f) => f.name)).toContain('床日统计表-02.pdf');
    expect(differing(off, here)).toEqual([]);
  });

  it('give the same bytes for rare characters, combining marks and pdfmake documents', async () => {
    const records = sampleRecords();
    const [r1, r2] = records.residents;
    if (r1) r1.name = '王镕龘';
    // Latin with a combining accent (a glyph of no advance) among the CJK
    if (r2) r2.name = 'Jose\u0301 李';
    const { off, here } = await bothWays(sampleInput(records));
    expect(differing(off, here)).toEqual([]);

    const meta = { institution: { name: '机构', uscc: '', agencyCode: '' }, month: '2026-10', kind: 'regular' as const, generatedOn: GENERATED_ON };
    const jobs: PdfJob[] = ['镕', '龘', 'é\u0301'].map((text, i) => ({
      name: `g${i}.pdf`,
      build: () => pdfDocument({ ...meta, title: 't' }, [{ text, fontSize: 40 }]),
    }));
    const fonts = findPdfFonts();
    const a = await renderPdfs(jobs, { fonts, workerFile, workers: 2 });
    const b = await renderPdfs(jobs, { fonts, workerFile: null });
    expect(a.map((p) => p.pages)).toEqual(b.map((p) => p.pages));
    expect(differing(a, b)).toEqual([]);
  });

  it('report a document that cannot be drawn with its name, both ways', async () => {
    const jobs: PdfJob[] = [
      { name: 'bad.pdf', build: () => ({ dd: { content: [{ image: 'nowhere.png' }] }, footer: { left: '', right: '', margin: [0, 0, 0, 0] } }) },
    ];
    const fonts = findPdfFonts();
    await expect(renderPdfs(jobs, { fonts, workerFile })).rejects.toThrow(/^PDF bad\.pdf: /);
    await expect(renderPdfs(jobs, { fonts, workerFile: null })).rejects.toThrow(/^PDF bad\.pdf: /);
  });

  it('renders in the calling thread where no built worker exists (the sources under test)', () => {
    expect(builtPdfWorker()).toBeNull();
    expect(builtPdfWorker(path.resolve(__dirname))).toBeNull();
  });
});
