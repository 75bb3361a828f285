/**
 * The CJK font the PDFs embed (as a subset). The product carries its own copy, Noto Sans SC (OFL),
 * in resources/fonts (copied there from @expo-google-fonts/noto-sans-sc by scripts/copy-fonts.mjs),
 * because the app ships to Windows PCs whose fonts we neither know nor may embed. Debian's
 * fonts-noto-cjk collection is the fallback for development machines without the copy.
 *
 * Characters Noto Sans SC lacks (CJK Extensions B–F: 𠮷, 𪚥 in people's names) are drawn from a
 * fallback, 花園明朝B (HanaMinB), one character at a time (fontFallback.ts). It is bundled as pieces of
 * one Unicode block range each (resources/fonts/HanaMinB/, unpacked by scripts/copy-fonts.mjs), with an
 * index of the code points each piece has: a document opens only the pieces its rare characters are in.
 * What HanaMinB lacks, Extensions G and H (Plane 3), comes from BabelStone Han's pieces the same way
 * (resources/fonts/BabelStoneHan-Plane3/, copied from resources/vendor-fonts by copy-fonts.mjs).
 *
 * The same font files must be used every time a package is regenerated: the PDFs' bytes depend on them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { appPaths } from '../app/appPaths';
import { ServiceError } from '../errors';

export interface FontFace {
  file: string;
  /** the face inside a TrueType collection (.ttc); absent for a plain .ttf */
  postscriptName?: string;
}

export interface PdfFonts {
  regular: FontFace;
  bold: FontFace;
  /** `bundled`: the product's own copy; `system`: the development fallback */
  source: 'bundled' | 'system';
  /** the font for the characters regular and bold lack; absent where it is not installed (boxes then) */
  fallback?: FallbackFonts;
}

/** One file of the fallback font and the code points it has, as sorted [first, last] ranges. */
export interface FallbackFile {
  file: string;
  ranges: [number, number][];
}

/** The fallback fonts' files (plain data: it crosses to the PDF workers with the rest of PdfFonts). */
export interface FallbackFonts {
  /** what the files are, as each index.json says (`HanaMinB 2017-09-04 + BabelStone Han 15.0.5`) */
  font: string;
  files: FallbackFile[];
}

export const BUNDLED_FONT_FILES = { regular: 'NotoSansSC-Regular.ttf', bold: 'NotoSansSC-Bold.ttf' } as const;
/**
 * resources/fonts/<dir>/index.json, written by scripts/copy-fonts.mjs beside the files it lists, in the order
 * they are asked: HanaMinB for Plane 2 (Extensions B–F), then BabelStone Han for Plane 3 (G and H), which
 * HanaMinB does not have. copy-fonts.mjs indexes only Plane 3 of BabelStone, so no character is in both.
 */
export const FALLBACK_FONT_DIRS = ['HanaMinB', 'BabelStoneHan-Plane3'] as const;

interface FallbackIndex {
  font: string;
  faces: { file: string; ranges: [number, number][] }[];
}

/** The fallback fonts' files in the first font folder that has any of them, else none. */
export function findFallbackFonts(dirs: readonly string[] = defaultFontDirs()): FallbackFonts | undefined {
  for (const dir of dirs) {
    const found = FALLBACK_FONT_DIRS.flatMap((sub) => {
      const index = join(dir, sub, 'index.json');
      if (!existsSync(index)) return [];
      const { font, faces } = JSON.parse(readFileSync(index, 'utf8')) as FallbackIndex;
      return [{ font, files: faces.map((f): FallbackFile => ({ file: join(dir, sub, f.file), ranges: f.ranges })) }];
    });
    if (found.length > 0) return { font: found.map((f) => f.font).join(' + '), files: found.flatMap((f) => f.files) };
  }
  return undefined;
}

/** Debian/Ubuntu `fonts-noto-cjk`; never `fonts-arphic-*`, which lack rare name characters (镕, 龘). */
const SYSTEM_COLLECTION = {
  regular: { file: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', postscriptName: 'NotoSansCJKsc-Regular' },
  bold: { file: '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc', postscriptName: 'NotoSansCJKsc-Bold' },
};

/**
 * Where resources/fonts is for the running app's layout (appPaths.ts): the installed app's resources
 * folder (electron-builder extraResources), else the repository's resources/fonts.
 */
export function defaultFontDirs(): string[] {
  return appPaths().fontDirs;
}

/** The bundled fonts when present, else the system collection; a Chinese error when neither is. */
export function findPdfFonts(opts: { dirs?: readonly string[]; systemFallback?: boolean } = {}): PdfFonts {
  const dirs = opts.dirs ?? defaultFontDirs();
  const withFallback = (fonts: PdfFonts): PdfFonts => {
    const fallback = findFallbackFonts(dirs);
    return fallback ? { ...fonts, fallback } : fonts;
  };
  for (const dir of dirs) {
    const regular = join(dir, BUNDLED_FONT_FILES.regular);
    const bold = join(dir, BUNDLED_FONT_FILES.bold);
    if (existsSync(regular) && existsSync(bold)) return withFallback({ regular: { file: regular }, bold: { file: bold }, source: 'bundled' });
  }
  if ((opts.systemFallback ?? true) && existsSync(SYSTEM_COLLECTION.regular.file) && existsSync(SYSTEM_COLLECTION.bold.file)) {
    return withFallback({ regular: { ...SYSTEM_COLLECTION.regular }, bold: { ...SYSTEM_COLLECTION.bold }, source: 'system' });
  }
  throw new ServiceError(
    'NOT_FOUND',
    `找不到生成PDF所需的中文字体（${BUNDLED_FONT_FILES.regular}、${BUNDLED_FONT_FILES.bold}）。安装包可能不完整，请重新安装长护助手。`,
  );
}
