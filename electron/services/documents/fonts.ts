/**
 * The CJK font the PDFs embed (as a subset). The product carries its own copy, Noto Sans SC (OFL),
 * in resources/fonts (copied there from @expo-google-fonts/noto-sans-sc by scripts/copy-fonts.mjs),
 * because the app ships to Windows PCs whose fonts we neither know nor may embed. Debian's
 * fonts-noto-cjk collection is the fallback for development machines without the copy.
 *
 * The same font file must be used every time a package is regenerated: the PDFs' bytes depend on it.
 */
import { existsSync } from 'node:fs';
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
}

export const BUNDLED_FONT_FILES = { regular: 'NotoSansSC-Regular.ttf', bold: 'NotoSansSC-Bold.ttf' } as const;

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
  for (const dir of opts.dirs ?? defaultFontDirs()) {
    const regular = join(dir, BUNDLED_FONT_FILES.regular);
    const bold = join(dir, BUNDLED_FONT_FILES.bold);
    if (existsSync(regular) && existsSync(bold)) return { regular: { file: regular }, bold: { file: bold }, source: 'bundled' };
  }
  if ((opts.systemFallback ?? true) && existsSync(SYSTEM_COLLECTION.regular.file) && existsSync(SYSTEM_COLLECTION.bold.file)) {
    return { regular: { ...SYSTEM_COLLECTION.regular }, bold: { ...SYSTEM_COLLECTION.bold }, source: 'system' };
  }
  throw new ServiceError(
    'NOT_FOUND',
    `找不到生成PDF所需的中文字体（${BUNDLED_FONT_FILES.regular}、${BUNDLED_FONT_FILES.bold}）。安装包可能不完整，请重新安装长护助手。`,
  );
}
