/**
 * The PDF fonts' bytes, read once per thread (a PDF worker, or the thread rendering from the sources)
 * and given to pdfkit and pdfmake from memory: 10.5 MB a face, for every document.
 */
import { readFileSync } from 'node:fs';
import type { FontFace, PdfFonts } from './fonts';

export interface LoadedFace {
  src: Buffer;
  /** the face inside a TrueType collection; absent for a plain .ttf */
  family?: string;
  /** the file and face it was read from: what caches of its measurements are kept by */
  key: string;
}

export interface LoadedFonts {
  regular: LoadedFace;
  bold: LoadedFace;
}

const files = new Map<string, Buffer>();

function load(face: FontFace): LoadedFace {
  let src = files.get(face.file);
  if (!src) files.set(face.file, (src = readFileSync(face.file)));
  return { src, family: face.postscriptName, key: `${face.file}#${face.postscriptName ?? ''}` };
}

export function loadFonts(fonts: PdfFonts): LoadedFonts {
  return { regular: load(fonts.regular), bold: load(fonts.bold) };
}
