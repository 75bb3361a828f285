/**
 * Renders a pdfmake document (pdfBase.ts: the one-page summary, tests). Fonts are served from pdfmake's
 * virtual file system, and every other local file and URL is refused, so no document can read a file or
 * fetch anything. The page footer arrives as data (FooterSpec: a document may cross to a worker, a
 * function cannot) and is made a function here.
 */
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import type { FontFace, PdfFonts } from './fonts';
import type { LoadedFace, LoadedFonts } from './fontBytes';
import { fallbackFamily, pdfmakeFallback } from './fontFallback';
import type { RenderedBytes } from './formDraw';
import { PDF_FONT } from './pdfBase';
import { loadPdfMake, openFont, type FontkitFont, type PdfMakeFonts, type PdfMakeNode } from './pdfkitInternals';
import type { PdfmakeSpec } from './pdfSpec';
import { TABLE_LAYOUTS } from './tableLayouts';

let ready: PdfMakeNode | null = null;

/** pdfmake, set up once per thread. */
function pdfmake(): PdfMakeNode {
  if (!ready) {
    ready = loadPdfMake();
    ready.setUrlAccessPolicy(() => false);
    ready.setLocalAccessPolicy(() => false);
    ready.setTableLayouts(TABLE_LAYOUTS);
  }
  return ready;
}

// A name in the virtual file system for each font file and face: one thread may render with two sets of
// fonts (tests), and a document reads its fonts while it renders.
const served = new Map<string, string>();

function serve(pm: PdfMakeNode, face: LoadedFace, weight: string): string {
  let name = served.get(face.key);
  if (name === undefined) {
    name = `ltc-${weight}-${served.size + 1}`;
    pm.virtualfs.writeFileSync(name, face.src);
    served.set(face.key, name);
  }
  return name;
}

const faceOf = (name: string, f: FontFace): string | [string, string] => (f.postscriptName ? [name, f.postscriptName] : name);

// The document fonts opened with fontkit, to ask which characters they lack: only for a document with
// a character of the supplementary planes (fontFallback.ts), once per thread and face.
const opened = new Map<string, FontkitFont>();
function open(face: LoadedFace): FontkitFont {
  let f = opened.get(face.key);
  if (!f) opened.set(face.key, (f = openFont(face.src, face.family)));
  return f;
}

export async function renderPdfmake(spec: PdfmakeSpec, fonts: PdfFonts, loaded: LoadedFonts): Promise<RenderedBytes> {
  const pm = pdfmake();
  // pdfmake writes the font file contents back into the descriptors it is given: fresh ones each time.
  const dictionary: PdfMakeFonts = {
    [PDF_FONT]: { normal: faceOf(serve(pm, loaded.regular, 'regular'), fonts.regular), bold: faceOf(serve(pm, loaded.bold, 'bold'), fonts.bold) },
  };
  // characters the font lacks (𠮷) as inline pieces in the fallback's font, each file a family of its own
  const fallback = pdfmakeFallback((cp) => open(loaded.regular).hasGlyphForCodePoint(cp) && open(loaded.bold).hasGlyphForCodePoint(cp), loaded.fallback);
  const content = fallback ? fallback.content(spec.dd.content) : spec.dd.content;
  const f = spec.footer;
  const left = fallback ? fallback.text(f.left) : f.left;
  for (const face of fallback?.used() ?? []) {
    const name = serve(pm, face, 'fallback');
    dictionary[fallbackFamily(face)] = { normal: name, bold: name };
  }
  pm.setFonts(dictionary);
  let pages = 0;
  const dd: TDocumentDefinitions = {
    ...spec.dd,
    content,
    footer: (page, count) => {
      pages = count;
      return {
        margin: f.margin,
        fontSize: 7.5,
        color: '#444444',
        columns: [{ text: left }, { text: f.right.replace('{page}', String(page)).replace('{pages}', String(count)), alignment: 'right', width: 'auto' }],
      };
    },
  };
  const bytes = await pm.createPdf(dd).getBuffer();
  return { bytes, pages };
}
