#!/usr/bin/env node
// Copies the two Noto Sans SC weights the PDFs embed from @expo-google-fonts/noto-sans-sc into
// resources/fonts (not committed; electron-builder ships it as extraResources). Only these two
// 10.5 MB files go into the app, not the 92 MB package. The fonts' licence (SIL OFL 1.1, which asks
// to travel with the fonts) is committed beside them as resources/fonts/OFL.txt: the package ships
// only its own MIT licence, which covers the package, not the fonts. electron/services/documents/fonts.ts
// looks for the fonts there first.
//
//   node scripts/copy-fonts.mjs            copy when the package is installed; note it and exit 0 if not
//   node scripts/copy-fonts.mjs --require  exit 1 when the package or a font is missing (release builds)
import { copyFileSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE = '@expo-google-fonts/noto-sans-sc';
const FILES = [
  { from: join('400Regular', 'NotoSansSC_400Regular.ttf'), to: 'NotoSansSC-Regular.ttf' },
  { from: join('700Bold', 'NotoSansSC_700Bold.ttf'), to: 'NotoSansSC-Bold.ttf' },
];

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const target = join(root, 'resources', 'fonts');
const required = process.argv.includes('--require');

function packageDir() {
  const direct = join(root, 'node_modules', PACKAGE);
  if (existsSync(join(direct, 'package.json'))) return direct;
  // Hoisted elsewhere (workspaces): resolve it; a package whose "exports" hides package.json fails here.
  try {
    return dirname(createRequire(join(root, 'package.json')).resolve(`${PACKAGE}/package.json`));
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

const dir = packageDir();
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
