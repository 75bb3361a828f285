#!/usr/bin/env node
// Puts the fonts the PDFs embed into resources/fonts (not committed; electron-builder ships it as
// extraResources). electron/services/documents/fonts.ts looks for them there first.
//
// - Noto Sans SC Regular and Bold, copied from @expo-google-fonts/noto-sans-sc: only these two 10.5 MB
//   files go into the app, not the 92 MB package. Their licence (SIL OFL 1.1, which asks to travel with
//   the fonts) is committed beside them as resources/fonts/OFL.txt: the package ships only its own MIT
//   licence, which covers the package, not the fonts.
// - The fallback for the characters Noto Sans SC lacks (CJK Extensions B–F: 𠮷, 𪚥 in people's names),
//   花園明朝B (HanaMinB 2017-09-04) from the `hanamin` package, which ships it as WOFF2 files of one
//   Unicode block piece each (the renderer's @font-face uses those directly, renderer/src/app/rareHan.css).
//   pdfkit embeds TrueType only, so each piece is unpacked here to TTF (wawoff2, Google's woff2 decoder)
//   into resources/fonts/HanaMinB/, with index.json: which code points each file has, so a PDF opens only
//   the ~0.5 MB piece a rare character is in. Licence: resources/fonts/HanaMin-LICENSE.txt (committed).
// - What HanaMinB lacks, CJK Extensions G and H (Plane 3): BabelStone Han's Plane-3 ideographs, made once
//   from Debian's fonts-babelstone-han by scripts/subset-plane3-font.py and committed in
//   resources/vendor-fonts/BabelStoneHan-Plane3/ (no npm package has a Plane-3 font). Its TTF pieces, an
//   index.json of the same shape as HanaMinB's and its licence are copied to resources/fonts/BabelStoneHan-Plane3/.
//
//   node scripts/copy-fonts.mjs            copy when the packages are installed; note it and exit 0 if not
//   node scripts/copy-fonts.mjs --require  exit 1 when a package or a font is missing (release builds)
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE = '@expo-google-fonts/noto-sans-sc';
const FILES = [
  { from: join('400Regular', 'NotoSansSC_400Regular.ttf'), to: 'NotoSansSC-Regular.ttf' },
  { from: join('700Bold', 'NotoSansSC_700Bold.ttf'), to: 'NotoSansSC-Bold.ttf' },
];
const RARE_PACKAGE = 'hanamin';
/** resources/fonts/<RARE_DIR>: the fallback's TTF pieces and their index (fonts.ts reads the same names) */
const RARE_DIR = 'HanaMinB';
/** HanaMinB's pieces of the CJK Unified Ideographs Extensions B–F (Extension A is in Noto Sans SC). */
const RARE_PIECE = /^HanaMinB\.CJK-Unified-Ideographs-Extension-([B-F])(?:-(\d+))?\.woff2$/;

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const target = join(root, 'resources', 'fonts');
const required = process.argv.includes('--require');
const requireHere = createRequire(join(root, 'package.json'));

function packageDir(name) {
  const direct = join(root, 'node_modules', name);
  if (existsSync(join(direct, 'package.json'))) return direct;
  // Hoisted elsewhere (workspaces): resolve it; a package whose "exports" hides package.json fails here.
  try {
    return dirname(requireHere.resolve(`${name}/package.json`));
  } catch {
    return null;
  }
}

function fail(message) {
  console.error(`copy-fonts: ${message}`);
  process.exit(required ? 1 : 0);
}

/** Same size and not older: already copied (a full compare of 21 MB on every build is not worth it). */
function upToDate(src, dest) {
  if (!existsSync(dest)) return false;
  const a = statSync(src);
  const b = statSync(dest);
  return a.size === b.size && b.mtimeMs >= a.mtimeMs;
}

const versionOf = (dir) => JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version;

/** Sorted code points as [first, last] ranges. */
function ranges(codePoints) {
  const out = [];
  for (const cp of codePoints) {
    const last = out[out.length - 1];
    if (last && cp === last[1] + 1) last[1] = cp;
    else out.push([cp, cp]);
  }
  return out;
}

/** HanaMinB's pieces unpacked to TTF, with the index fonts.ts reads; skipped when the index says they are. */
async function rareFallback() {
  const dir = packageDir(RARE_PACKAGE);
  if (!dir) return fail(`${RARE_PACKAGE} is not installed; names with characters of CJK Extensions B–F will print as boxes`);
  const wawoff2 = packageDir('wawoff2');
  if (!wawoff2) return fail('wawoff2 is not installed (it unpacks the fallback font)');
  const source = `${RARE_PACKAGE}@${versionOf(dir)}`;
  const converter = `wawoff2@${versionOf(wawoff2)}`;
  const out = join(target, RARE_DIR);
  const indexFile = join(out, 'index.json');
  if (existsSync(indexFile)) {
    const index = JSON.parse(readFileSync(indexFile, 'utf8'));
    const whole = index.faces.every((f) => existsSync(join(out, f.file)) && statSync(join(out, f.file)).size === f.bytes);
    if (index.source === source && index.converter === converter && whole) {
      console.log(`copy-fonts: ${RARE_DIR}/ up to date (${index.faces.length} files)`);
      return;
    }
  }
  const pieces = readdirSync(dir)
    .map((name) => ({ name, m: RARE_PIECE.exec(name) }))
    .filter((p) => p.m);
  if (pieces.length === 0) return fail(`no HanaMinB pieces in ${dir}: has ${RARE_PACKAGE} changed its files?`);
  const decompress = createRequire(join(wawoff2, 'package.json'))('./decompress.js');
  // fontkit, as pdfkit has it (package.json pins it through "overrides"), reads each piece's cmap
  const fontkit = createRequire(requireHere.resolve('pdfkit'))('fontkit');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const faces = [];
  let total = 0;
  for (const { name, m } of pieces) {
    const ttf = Buffer.from(await decompress(readFileSync(join(dir, name))));
    const font = fontkit.create(ttf);
    const cps = [...font.characterSet].filter((cp) => cp >= 0x20000).sort((a, b) => a - b);
    if (cps.length === 0) continue;
    const file = `HanaMinB-Ext${m[1]}${m[2] ? '-' + m[2] : ''}.ttf`;
    writeFileSync(join(out, file), ttf);
    faces.push({ file, bytes: ttf.length, ranges: ranges(cps) });
    total += ttf.length;
  }
  faces.sort((a, b) => a.ranges[0][0] - b.ranges[0][0]);
  const index = { font: 'HanaMinB 2017-09-04', source, converter, faces };
  writeFileSync(indexFile, JSON.stringify(index) + '\n');
  console.log(`copy-fonts: ${RARE_DIR}/ ${faces.length} files (${(total / 1e6).toFixed(1)} MB) from ${source}`);
}

/** resources/fonts/<PLANE3_DIR>: the Plane-3 fallback's pieces, copied from resources/vendor-fonts (fonts.ts reads the same names) */
const PLANE3_DIR = 'BabelStoneHan-Plane3';

/** BabelStone Han's committed Plane-3 pieces: the TTFs, an index of HanaMinB's shape, the licence. */
function plane3Fallback() {
  const from = join(root, 'resources', 'vendor-fonts', PLANE3_DIR);
  const vendored = join(from, 'index.json');
  if (!existsSync(vendored)) return fail(`${vendored} is missing; names with characters of CJK Extensions G and H will print as boxes`);
  const { font, source, faces } = JSON.parse(readFileSync(vendored, 'utf8'));
  const out = join(target, PLANE3_DIR);
  mkdirSync(out, { recursive: true });
  let copied = 0;
  for (const f of faces) {
    const src = join(from, f.file);
    if (!existsSync(src) || statSync(src).size !== f.bytes) return fail(`${src} is missing or not the size index.json says`);
    if (!upToDate(src, join(out, f.file))) {
      copyFileSync(src, join(out, f.file));
      copied++;
    }
  }
  copyFileSync(join(from, 'LICENSE.txt'), join(out, 'LICENSE.txt'));
  const index = { font, source, faces: faces.map(({ file, bytes, ranges }) => ({ file, bytes, ranges })) };
  writeFileSync(join(out, 'index.json'), JSON.stringify(index) + '\n');
  const total = faces.reduce((n, f) => n + f.bytes, 0);
  console.log(`copy-fonts: ${PLANE3_DIR}/ ${faces.length} files (${(total / 1e6).toFixed(1)} MB, ${copied} copied) from resources/vendor-fonts`);
}

const dir = packageDir(PACKAGE);
if (!dir) fail(`${PACKAGE} is not installed; PDFs will use the system's Noto Sans CJK where present (development only)`);

mkdirSync(target, { recursive: true });
for (const f of FILES) {
  const src = join(dir, f.from);
  if (!existsSync(src)) fail(`${src} not found: has ${PACKAGE} moved its files?`);
  const dest = join(target, f.to);
  if (upToDate(src, dest)) {
    console.log(`copy-fonts: ${f.to} up to date`);
    continue;
  }
  copyFileSync(src, dest);
  console.log(`copy-fonts: ${f.to} (${(statSync(dest).size / 1e6).toFixed(1)} MB)`);
}
if (!existsSync(join(target, 'OFL.txt'))) fail("resources/fonts/OFL.txt (the fonts' licence, committed) is missing");
await rareFallback();
plane3Fallback();
if (!existsSync(join(target, 'HanaMin-LICENSE.txt'))) fail("resources/fonts/HanaMin-LICENSE.txt (the fallback font's licence, committed) is missing");
