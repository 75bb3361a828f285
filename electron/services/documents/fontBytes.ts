/**
 * The PDF fonts' bytes, read once per thread (a PDF worker, or the thread rendering from the sources)
 * and given to pdfkit and pdfmake from memory: 10.5 MB a face, for every document. A file of the
 * fallback font is read only when a document has a character that is in it.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { FallbackFile, FallbackFonts, FontFace, PdfFonts } from './fonts';

export interface LoadedFace {
  src: Buffer;
  /** the face inside a TrueType collection; absent for a plain .ttf */
  family?: string;
  /** the file and face it was read from: what caches of its measurements are kept by */
  key: string;
}

/** A file of the fallback font, read. */
export interface FallbackFace extends LoadedFace {
  /** a short name of its own (the file's, `HanaMinB-ExtB-03`): how a document registers it */
  name: string;
}

/** The fallback font: which of its files has a character, read on first use; null where none has it. */
export interface FallbackFaces {
  faceFor(codePoint: number): FallbackFace | null;
}

export interface LoadedFonts {
  regular: LoadedFace;
  bold: LoadedFace;
  /** absent where no fallback font is installed */
  fallback?: FallbackFaces;
}

const files = new Map<string, Buffer>();

/**
 * Font files already read by the thread that started this one, in memory both threads share (renderPool.ts
 * passes them to each PDF worker): the two 10.5 MB faces are held once, not once a worker.
 */
export function useSharedFontBytes(shared: Readonly<Record<string, SharedArrayBuffer>>): void {
  for (const [file, bytes] of Object.entries(shared)) files.set(file, Buffer.from(bytes));
}

/** The files' bytes in shared memory, for useSharedFontBytes in a worker. */
export function sharedFontBytes(fileNames: readonly string[]): Record<string, SharedArrayBuffer> {
  const out: Record<string, SharedArrayBuffer> = {};
  for (const file of fileNames) {
    const bytes = readFileSync(file);
    const shared = new SharedArrayBuffer(bytes.length);
    new Uint8Array(shared).set(bytes);
    out[file] = shared;
  }
  return out;
}

function read(file: string): Buffer {
  let src = files.get(file);
  if (!src) files.set(file, (src = readFileSync(file)));
  return src;
}

function load(face: FontFace): LoadedFace {
  return { src: read(face.file), family: face.postscriptName, key: `${face.file}#${face.postscriptName ?? ''}` };
}

// One lookup per set of files (a thread renders with one set; tests may use two).
const fallbacks = new Map<string, FallbackFaces>();

function loadFallback(fallback: FallbackFonts): FallbackFaces {
  const key = fallback.files.map((f) => f.file).join('\n');
  let faces = fallbacks.get(key);
  if (faces) return faces;
  // every range of every file, by first code point: a binary search finds the file of a character
  const ranges = fallback.files.flatMap((f) => f.ranges.map(([from, to]) => ({ from, to, f }))).sort((a, b) => a.from - b.from);
  const read1 = new Map<FallbackFile, FallbackFace>();
  faces = {
    faceFor(cp) {
      let lo = 0;
      let hi = ranges.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const r = ranges[mid];
        if (!r) break;
        if (cp < r.from) hi = mid - 1;
        else if (cp > r.to) lo = mid + 1;
        else {
          let face = read1.get(r.f);
          if (!face) read1.set(r.f, (face = { src: read(r.f.file), key: `${r.f.file}#`, name: basename(r.f.file).replace(/\.[^.]+$/, '') }));
          return face;
        }
      }
      return null;
    },
  };
  fallbacks.set(key, faces);
  return faces;
}

export function loadFonts(fonts: PdfFonts): LoadedFonts {
  const loaded: LoadedFonts = { regular: load(fonts.regular), bold: load(fonts.bold) };
  if (fonts.fallback) loaded.fallback = loadFallback(fonts.fallback);
  return loaded;
}
