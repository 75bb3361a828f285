/**
 * Why pdfkit, fontkit, pdfmake and exceljs are pinned to exact versions (package.json; fontkit, pdfkit's
 * dependency, through `overrides`), and the fonts with them: a submitted package is verified (校验) by
 * making it again from its frozen records and comparing every file's SHA-256 with the stored one.
 *
 * A failure here means a dependency (pdfkit/fontkit/pdfmake/exceljs) or the bundled font changed the
 * bytes, and every package already submitted would then fail 校验. Pin, don't update the hashes lightly:
 * a change that must happen (a fix in a document) is a change of format, decided as one. Only then
 * regenerate them: LTC_UPDATE_PACKAGE_HASHES=1 npx vitest run tests/unit/documents/packageBytes.test.ts
 *
 * The hashes are made with the bundled fonts (resources/fonts, copied by `npm run build`), which CI has.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildClaimPackage } from '../../../electron/services/documents/buildPackage';
import { findPdfFonts, type PdfFonts } from '../../../electron/services/documents/fonts';
import stored from '../../fixtures/sample-ningbo.package-2026-10.sha256.json';
import { sampleInput } from './support';

const ROOT = resolve(__dirname, '../../..');
const FIXTURE = join(ROOT, 'tests/fixtures/sample-ningbo.package-2026-10.sha256.json');
const UPDATE = process.env.LTC_UPDATE_PACKAGE_HASHES === '1';
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** The bundled fonts, or a failure that says so: the system's fallback gives other bytes. */
function bundledFonts(): PdfFonts {
  const fonts = findPdfFonts();
  if (fonts.source !== 'bundled') {
    throw new Error(
      `the PDFs would use the system font (${fonts.regular.file}), not the bundled resources/fonts/NotoSansSC-*.ttf the hashes were made with: run \`npm run build\` (scripts/copy-fonts.mjs) first`,
    );
  }
  return fonts;
}

/** The version of a package as installed for the app (`from`: the package that depends on it). */
function installed(name: string, from = join(ROOT, 'package.json')): { version: string; main: string } {
  const main = createRequire(from).resolve(name);
  // fontkit's "exports" hides its package.json: walk up from its entry to the package's folder
  let dir = dirname(main);
  while (basename(dir) !== name) {
    if (dirname(dir) === dir) throw new Error(`no folder ${name} above ${main}`);
    dir = dirname(dir);
  }
  return { version: (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version, main };
}

describe('the bytes of a regenerated package', () => {
  it('come from the pinned versions of the libraries that make them', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
      overrides: Record<string, string>;
    };
    const pins = { pdfkit: pkg.dependencies.pdfkit, pdfmake: pkg.dependencies.pdfmake, exceljs: pkg.dependencies.exceljs, fontkit: pkg.overrides.fontkit };
    for (const [name, pin] of Object.entries(pins)) expect(pin, `${name} is pinned to an exact version`).toMatch(/^\d+\.\d+\.\d+$/);
    const pdfkit = installed('pdfkit');
    expect({
      pdfkit: pdfkit.version,
      pdfmake: installed('pdfmake').version,
      exceljs: installed('exceljs').version,
      fontkit: installed('fontkit', pdfkit.main).version,
    }).toEqual(pins);
  });

  it('use the bundled fonts the hashes were made with', () => {
    const fonts = bundledFonts();
    const actual = Object.fromEntries([fonts.regular.file, fonts.bold.file].map((f) => [basename(f), sha(readFileSync(f))]));
    if (UPDATE) return;
    expect(actual, 'the bundled font changed (@expo-google-fonts/noto-sans-sc?): every PDF changes with it').toEqual(stored.fonts);
  });

  it('are the stored SHA-256 of every file of the sample October package', async () => {
    const fonts = bundledFonts();
    const files = await buildClaimPackage(sampleInput(), { fonts });
    const actual = Object.fromEntries(files.map((f) => [f.name, sha(f.bytes)]));
    if (UPDATE) {
      const fontHashes = Object.fromEntries([fonts.regular.file, fonts.bold.file].map((f) => [basename(f), sha(readFileSync(f))]));
      writeFileSync(FIXTURE, `${JSON.stringify({ ...stored, fonts: fontHashes, files: actual }, null, 2)}\n`);
      return;
    }
    const why = "the bytes changed: a dependency (pdfkit/fontkit/pdfmake/exceljs), the bundled font or the documents' code; submitted packages would fail 校验";
    expect(actual, why).toEqual(stored.files);
  });
});
