/**
 * Renders a pdfmake document (pdfBase.ts: the one-page summary, tests). Fonts are served from pdfmake's
 * virtual file system, and every other local file and URL is refused, so no document can read a file or
 * fetch anything. The page footer arrives as data (FooterSpec: a document may cross to a worker, a
 * function cannot) and is made a function here.
 */
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import type { FontFace, PdfFonts } from './fonts';
import type { LoadedFonts } from './fontBytes';
import type { RenderedBytes } from './formDraw';
import { PDF_FONT } from './pdfBase';
import { loadPdfMake, type PdfMakeFonts, type PdfMakeNode } from './pdfkitInternals';
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

function serve(pm: PdfMakeNode, face: LoadedFonts['regular'], weight: string): string {
  let name = served.get(face.key);
  if (name === undefined) {
    name = `ltc-${weight}-${served.size + 1}`;
    pm.virtualfs.writeFileSync(name, face.src);
    served.set(face.key, name);
  }
  return name;
}

const faceOf = (name: string, f: FontFace): string | [string, string] => (f.postscriptName ? [name, f.postscriptName] : name);

export async function renderPdfmake(spec: PdfmakeSpec, fonts: PdfFonts, loaded: LoadedFonts): Promise<RenderedBytes> {
  const pm = pdfmake();
  // pdfmake writes the font file contents back into the descriptors it is given: fresh ones each time.
  const dictionary: PdfMakeFonts = {
    [PDF_FONT]: { normal: faceOf(serve(pm, loaded.regular, 'regular'), fonts.regular), bold: faceOf(serve(pm, loaded.bold, 'bold'), fonts.bold) },
  };
  pm.setFonts(dictionary);
  let pages = 0;
  const f = spec.footer;
  const dd: TDocumentDefinitions = {
    ...spec.dd,
    footer: (page, count) => {
      pages = count;
      return {
        margin: f.margin,
        fontSize: 7.5,
        color: '#444444',
        columns: [{ text: f.left }, { text: f.right.replace('{page}', String(page)).replace('{pages}', String(count)), alignment: 'right', width: 'auto' }],
      };
    },
  };
  const bytes = await pm.createPdf(dd).getBuffer();
  return { bytes, pages };
}
