/**
 * Rare characters in people's names (生僻字): a package whose residents and caregivers are named with
 * characters of CJK Extensions A–E and the URO (𠮷 U+20BB7 and 𪚥 U+2A6A5 of Extension B, which Noto
 * Sans SC lacks; 𬌗 U+2C317, 䶮 U+4DAE, 龘 U+9F98, which it has) prints every one of them: pdftotext
 * returns them exactly, and the rendered page has a glyph where the issue saw the ☒ of .notdef.
 *
 * The box check: each character's cell is cut from the page at 600 dpi (pdftoppm, its place from
 * `pdftotext -bbox`), cropped to its ink and reduced to a 12×12 grid of ink coverage. The same cells of
 * the same package drawn without the fallback font are the boxes of the issue (checked to be: they
 * match a .notdef drawn alone); with the fallback no cell is near a box.
 */
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, beforeEach, describe, expect, it, type TestContext } from 'vitest';
import { buildClaimPackage } from '../../../electron/services/documents/buildPackage';
import { findPdfFonts, type PdfFonts } from '../../../electron/services/documents/fonts';
import { loadFonts } from '../../../electron/services/documents/fontBytes';
import { pdfmakeFallback, splitByFont } from '../../../electron/services/documents/fontFallback';
import { pdfDocument } from '../../../electron/services/documents/pdfBase';
import { builtPdfWorker, renderPdfs } from '../../../electron/services/documents/renderPool';
import type { PackageFile } from '../../../electron/services/claims/packageTypes';
import { fontRows, GENERATED_ON, NO_POPPLER, POPPLER, pdftotext, run, sampleInput, sampleRecords, tempDir } from './support';

const RARE = ['𠮷', '𪚥', '𬌗', '䶮', '龘'] as const;
/** the two the document font (Noto Sans SC) lacks */
const NOT_IN_NOTO = ['𠮷', '𪚥'];
/** the sample's residents in the claim: r1, r2 (机构护理), r3 (居家护理); s1, s2 the caregivers of r3's visits */
const RESIDENTS = ['𠮷㐱', '李𬌗', '龘䶮'];
const STAFF = ['𪚥淼', '张𪚥'];
const INSTITUTION = '𠮷祥护理院';
const PDFS = ['结算申报汇总表.pdf', '个人结算明细.pdf', '床日统计表.pdf', '上门服务记录明细.pdf'];
const squash = (s: string) => s.replace(/\s+/g, '');

const needPoppler = (ctx: TestContext) => {
  if (!POPPLER) ctx.skip(NO_POPPLER);
};

function rareInput() {
  const records = sampleRecords();
  records.institution.name = INSTITUTION;
  records.residents.forEach((r, i) => (r.name = RESIDENTS[i] ?? r.name));
  records.staff.forEach((s, i) => (s.name = STAFF[i] ?? s.name));
  return sampleInput(records);
}

function writeAll(files: readonly PackageFile[]): string {
  const dir = tempDir();
  for (const f of files) writeFileSync(join(dir, f.name), f.bytes);
  return dir;
}

// --- pixels ---------------------------------------------------------------------------------------

const DPI = 600;
const GRID = 12;

interface Word {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  t: string;
}

function words(pdf: string, page: number): Word[] {
  const out = run('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), pdf, '-']);
  return [...out.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
    x0: Number(m[1]),
    y0: Number(m[2]),
    x1: Number(m[3]),
    y1: Number(m[4]),
    t: m[5] ?? '',
  }));
}

interface Gray {
  w: number;
  h: number;
  px: Buffer;
}

/** A rectangle of a page (PDF points from the top left) as an 8-bit grey image. */
function cut(pdf: string, page: number, r: { x0: number; y0: number; x1: number; y1: number }): Gray {
  const k = DPI / 72;
  const base = join(mkdtempSync(join(tempDir(), 'cut-')), 'c');
  const area = [Math.floor(r.x0 * k), Math.floor(r.y0 * k), Math.ceil((r.x1 - r.x0) * k), Math.ceil((r.y1 - r.y0) * k)].map(String);
  const [x = '', y = '', W = '', H = ''] = area;
  run('pdftoppm', ['-r', String(DPI), '-gray', '-singlefile', '-f', String(page), '-l', String(page), '-x', x, '-y', y, '-W', W, '-H', H, pdf, base]);
  const b = readFileSync(`${base}.pgm`);
  const head = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(b.toString('latin1', 0, 40));
  if (!head) throw new Error('pdftoppm -gray did not write an 8-bit PGM');
  return { w: Number(head[1]), h: Number(head[2]), px: b.subarray(head[0].length) };
}

/** The ink (darker than mid grey) cropped to its bounding box, as the share of ink in each of 12×12 cells. */
function shape(img: Gray): number[] {
  let [x0, y0, x1, y1] = [img.w, img.h, -1, -1];
  const ink = (x: number, y: number) => (img.px[y * img.w + x] ?? 255) < 128;
  for (let y = 0; y < img.h; y++)
    for (let x = 0; x < img.w; x++) if (ink(x, y)) [x0, y0, x1, y1] = [Math.min(x0, x), Math.min(y0, y), Math.max(x1, x), Math.max(y1, y)];
  if (x1 < 0) throw new Error('no ink in the cell');
  const inked = new Array<number>(GRID * GRID).fill(0);
  const all = new Array<number>(GRID * GRID).fill(0);
  for (let y = y0; y <= y1; y++)
    for (let x = x0; x <= x1; x++) {
      const i = Math.floor(((y - y0) * GRID) / (y1 - y0 + 1)) * GRID + Math.floor(((x - x0) * GRID) / (x1 - x0 + 1));
      all[i] = (all[i] ?? 0) + 1;
      if (ink(x, y)) inked[i] = (inked[i] ?? 0) + 1;
    }
  return inked.map((n, i) => n / (all[i] || 1));
}

/** How far two shapes are apart: the mean difference of ink share per cell (0 alike, 1 opposite). */
const apart = (a: readonly number[], b: readonly number[]) => a.reduce((s, v, i) => s + Math.abs(v - (b[i] ?? 0)), 0) / a.length;

/** Each character of the given ones in the page's words, with its cell (full-width: a word's width shared evenly). */
function cells(pdf: string, page: number, wanted: readonly string[]): { ch: string; cell: Word }[] {
  const out: { ch: string; cell: Word }[] = [];
  for (const w of words(pdf, page)) {
    const chars = [...w.t];
    const cw = (w.x1 - w.x0) / chars.length;
    chars.forEach((ch, i) => {
      if (wanted.includes(ch)) out.push({ ch, cell: { x0: w.x0 + i * cw, y0: w.y0, x1: w.x0 + (i + 1) * cw, y1: w.y1, t: ch } });
    });
  }
  return out;
}

/** The shape of .notdef drawn alone (U+10FFFD: no font has it), large, at the page's top left corner: the ☒ of the issue. */
async function notdefShape(fonts: PdfFonts): Promise<number[]> {
  const meta = { institution: { name: '', uscc: '', agencyCode: '' }, month: '2026-10', kind: 'regular' as const, generatedOn: GENERATED_ON };
  const [alone] = await renderPdfs([{ name: 'notdef.pdf', build: () => pdfDocument({ ...meta, title: 't' }, [{ text: '\u{10FFFD}', fontSize: 40 }]) }], {
    fonts,
    workers: 1,
  });
  const notdefPdf = join(tempDir(), 'notdef.pdf');
  writeFileSync(notdefPdf, alone?.bytes ?? new Uint8Array());
  return shape(cut(notdefPdf, 1, { x0: 30, y0: 30, x1: 90, y1: 100 }));
}

// --------------------------------------------------------------------------------------------------

describe('rare characters in names', () => {
  let fonts: PdfFonts;
  let files: PackageFile[];
  let dir = '';
  beforeEach(needPoppler);
  beforeAll(async () => {
    fonts = findPdfFonts();
    if (!fonts.fallback) throw new Error('the fallback font is missing (resources/fonts/HanaMinB): run `npm run build` (scripts/copy-fonts.mjs) first');
    files = await buildClaimPackage(rareInput(), { fonts, pdfWorker: null });
    dir = writeAll(files);
  });

  it('come back exactly from pdftotext, in every PDF of the package', () => {
    if (!dir) return;
    const text = Object.fromEntries(PDFS.map((n) => [n, squash(pdftotext(join(dir, n)))]));
    // the institution's name: the summary's table and every document's footer
    for (const n of PDFS) expect(text[n], n).toContain(INSTITUTION);
    for (const name of RESIDENTS) expect(text['个人结算明细.pdf']).toContain(name);
    // 床日统计表: the residents in institutional care (r1, r2); 上门服务记录明细: r3 at home, and the caregivers
    for (const name of RESIDENTS.slice(0, 2)) expect(text['床日统计表.pdf']).toContain(name);
    for (const name of [RESIDENTS[2] ?? '', ...STAFF]) expect(text['上门服务记录明细.pdf']).toContain(name);
  });

  it('embed a subset of the fallback font only where a document has a character Noto Sans SC lacks', async () => {
    if (!dir) return;
    for (const n of PDFS) {
      const rows = fontRows(join(dir, n));
      expect(
        rows.some((r) => /^[A-Z]{6}\+HanaMinB$/.test(r.name)),
        n,
      ).toBe(true);
      for (const r of rows) expect([r.emb, r.sub], `${n} ${r.name}`).toEqual(['yes', 'yes']);
    }
    // the sample package, whose names Noto Sans SC has, never has it
    const plain = writeAll(await buildClaimPackage(sampleInput(), { fonts, pdfWorker: null }));
    for (const n of PDFS)
      expect(
        fontRows(join(plain, n)).map((r) => r.name.replace(/^[A-Z]{6}\+/, '')),
        n,
      ).not.toContain('HanaMinB');
  });

  it('draw glyphs where the package without the fallback drew the .notdef box', async () => {
    if (!dir) return;
    const { fallback: _none, ...withoutFallback } = fonts;
    const before = writeAll(await buildClaimPackage(rareInput(), { fonts: withoutFallback, pdfWorker: null }));

    const box = await notdefShape(fonts);

    // the names are laid out alike with and without the fallback (.notdef and the fallback's glyphs are 1 em wide)
    const checked = new Set<string>();
    for (const doc of ['个人结算明细.pdf', '上门服务记录明细.pdf']) {
      for (const { ch, cell } of cells(join(dir, doc), 1, RARE)) {
        const after = apart(shape(cut(join(dir, doc), 1, cell)), box);
        const was = apart(shape(cut(join(before, doc), 1, cell)), box);
        if (NOT_IN_NOTO.includes(ch)) expect(was, `${doc} ${ch} without the fallback: the box`).toBeLessThan(0.1);
        expect(after, `${doc} ${ch}: a glyph, not the box`).toBeGreaterThan(0.25);
        checked.add(ch);
      }
    }
    expect([...checked].sort()).toEqual([...RARE].sort());
  });

  it('give the same bytes when the package is made again, here and in the built PDF workers', async () => {
    if (!dir) return;
    const worker = builtPdfWorker(join(__dirname, '../../../out/main'));
    if (!worker) throw new Error('out/main/pdfWorker.js is missing: run `npm run build` before these tests');
    const again = await buildClaimPackage(rareInput(), { fonts, pdfWorker: null });
    const off = await buildClaimPackage(rareInput(), { fonts, pdfWorker: worker, workers: 2 });
    for (const other of [again, off]) {
      expect(other.map((f) => f.name)).toEqual(files.map((f) => f.name));
      for (const f of other) expect(Buffer.from(f.bytes).equals(Buffer.from(files.find((x) => x.name === f.name)?.bytes ?? [])), f.name).toBe(true);
    }
  });
});

/** 𰀀 U+30000 (Extension G) and 𱍐 U+31350 (Extension H): in neither Noto Sans SC nor HanaMinB; BabelStone Han has both. */
const PLANE3 = ['𰀀', '𱍐'] as const;
/** the sample's residents in institutional care (r1, r2): on 个人结算明细 and 床日统计表 */
const PLANE3_RESIDENTS = ['王𰀀', '𱍐明'];

describe('rare characters of CJK Extensions G and H (Plane 3) in names', () => {
  let fonts: PdfFonts;
  let dir = '';
  beforeEach(needPoppler);
  beforeAll(async () => {
    fonts = findPdfFonts();
    if (!fonts.fallback) throw new Error('the fallback fonts are missing (resources/fonts): run `npm run build` (scripts/copy-fonts.mjs) first');
    const records = sampleRecords();
    records.residents.forEach((r, i) => (r.name = PLANE3_RESIDENTS[i] ?? r.name));
    dir = writeAll(await buildClaimPackage(sampleInput(records), { fonts, pdfWorker: null }));
  });

  it('come back exactly from pdftotext', () => {
    if (!dir) return;
    for (const doc of ['个人结算明细.pdf', '床日统计表.pdf']) {
      const text = squash(pdftotext(join(dir, doc)));
      for (const name of PLANE3_RESIDENTS) expect(text, doc).toContain(name);
    }
  });

  it('are drawn from a subset of BabelStone Han embedded in the document, as glyphs, not the .notdef box', async () => {
    if (!dir) return;
    const doc = join(dir, '个人结算明细.pdf');
    expect(fontRows(doc).some((r) => /^[A-Z]{6}\+BabelStoneHan$/.test(r.name) && r.emb === 'yes' && r.sub === 'yes')).toBe(true);
    const box = await notdefShape(fonts);
    const seen = cells(doc, 1, PLANE3);
    expect([...new Set(seen.map((c) => c.ch))].sort()).toEqual([...PLANE3].sort());
    for (const { ch, cell } of seen) expect(apart(shape(cut(doc, 1, cell)), box), `${ch}: a glyph, not the box`).toBeGreaterThan(0.25);
  });
});

describe('the fallback font', () => {
  it('comes from exact versions of hanamin and wawoff2, as index.json records (its bytes are in the PDFs)', () => {
    const root = join(__dirname, '../../..');
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
    const index = JSON.parse(readFileSync(join(root, 'resources/fonts/HanaMinB/index.json'), 'utf8')) as { source: string; converter: string };
    for (const name of ['hanamin', 'wawoff2']) expect(pkg.devDependencies[name], name).toMatch(/^\d+\.\d+\.\d+$/);
    expect(index.source).toBe(`hanamin@${pkg.devDependencies['hanamin']}`);
    expect(index.converter).toBe(`wawoff2@${pkg.devDependencies['wawoff2']}`);
  });

  it('for Plane 3, is the committed subset of Debian’s BabelStone Han 15.0.5, copied unchanged with its licence', () => {
    const root = join(__dirname, '../../..');
    const vendored = join(root, 'resources/vendor-fonts/BabelStoneHan-Plane3');
    const copied = join(root, 'resources/fonts/BabelStoneHan-Plane3');
    type Index = { font: string; source: string; faces: { file: string; bytes: number }[] };
    const index = JSON.parse(readFileSync(join(copied, 'index.json'), 'utf8')) as Index;
    expect(index.font).toBe('BabelStone Han 15.0.5');
    expect(index.source).toContain('fonts-babelstone-han 15.0.5-2');
    expect(index.faces.map((f) => f.file)).toEqual((JSON.parse(readFileSync(join(vendored, 'index.json'), 'utf8')) as Index).faces.map((f) => f.file));
    for (const f of index.faces) expect(readFileSync(join(copied, f.file)).equals(readFileSync(join(vendored, f.file))), f.file).toBe(true);
    expect(readFileSync(join(copied, 'LICENSE.txt'), 'utf8')).toContain('ARPHIC PUBLIC LICENSE');
  });

  it('splits text by font where pdfmake draws it, and leaves style names and documents without rare characters alone', () => {
    const loaded = loadFonts(findPdfFonts());
    const noto = (cp: number) => cp !== 0x20bb7; // as Noto Sans SC: all but 𠮷 here
    const fb = pdfmakeFallback(noto, loaded.fallback);
    if (!fb) throw new Error('the fallback font is missing: run `npm run build` first');
    const plain = [{ text: '王秀英', style: 'th' }, { table: { body: [['李𬌗', { text: '龘' }]] } }];
    expect(fb.content(plain)).toBe(plain);
    const rare = [
      { text: '张𠮷', style: 'th' },
      { table: { widths: ['*'], body: [['𠮷㐱']] }, layout: 'ltcGrid' },
      { stack: [{ text: ['a', '𠮷', { text: '𠮷乙', bold: true }] }] },
    ];
    const family = 'ltc-fallback-HanaMinB-ExtB-03';
    expect(fb.content(rare)).toEqual([
      { text: ['张', { text: '𠮷', font: family }], style: 'th' },
      { table: { widths: ['*'], body: [[{ text: [{ text: '𠮷', font: family }, '㐱'] }]] }, layout: 'ltcGrid' },
      {
        stack: [
          {
            text: ['a', { text: '𠮷', font: family }, { text: '𠮷', font: family, bold: true }, { text: '乙', bold: true }],
          },
        ],
      },
    ]);
    expect(fb.used().map((f) => f.name)).toEqual(['HanaMinB-ExtB-03']);
    expect(splitByFont('a𠮷b', (cp) => cp > 0xffff)).toEqual([
      { k: false, t: 'a' },
      { k: true, t: '𠮷' },
      { k: false, t: 'b' },
    ]);
  });

  it('has every character of CJK Extensions B–F that Noto Sans SC lacks and BabelStone Han’s of G and H, in files of under 1 MB each', () => {
    const fonts = findPdfFonts();
    const fallback = fonts.fallback;
    if (!fallback) throw new Error('the fallback font is missing (resources/fonts/HanaMinB): run `npm run build` first');
    const loaded = loadFonts(fonts);
    for (const ch of NOT_IN_NOTO) expect(loaded.fallback?.faceFor(ch.codePointAt(0) ?? 0)?.name, ch).toMatch(/^HanaMinB-ExtB-/);
    const count = (from: number, to: number) =>
      fallback.files.reduce((n, f) => n + f.ranges.reduce((m, [a, b]) => m + Math.max(0, Math.min(b, to) - Math.max(a, from) + 1), 0), 0);
    // Extensions B to F, every assigned code point (Unicode 10, HanaMinB's): 42,711 + 4,149 + 222 + 5,762 + 7,473
    expect(count(0x20000, 0x2ffff)).toBe(42711 + 4149 + 222 + 5762 + 7473);
    // Extensions G (U+30000–U+3134A) and H (U+31350–U+323AF): what BabelStone Han 15.0.5 has, 3,045 of 4,939 and 2,271 of 4,192
    expect(count(0x30000, 0x3134a)).toBe(3045);
    expect(count(0x31350, 0x323af)).toBe(2271);
    for (const ch of PLANE3) expect(loaded.fallback?.faceFor(ch.codePointAt(0) ?? 0)?.name, ch).toMatch(/^BabelStoneHan-U3/);
    // 𰁁 U+30041 (G) and 𱍓 U+31353 (H) are in no bundled font: such a character stays a box
    expect(loaded.fallback?.faceFor(0x30041)).toBeNull();
    expect(loaded.fallback?.faceFor(0x31353)).toBeNull();
    expect(Math.max(...fallback.files.map((f) => statSync(f.file).size))).toBeLessThan(1_000_000);
  });
});
