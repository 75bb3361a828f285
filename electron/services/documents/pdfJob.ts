/** One PDF of a package to render (renderPool.ts), and what comes back. */
import type { FormSpec } from './formSpec';
import type { PdfmakeSpec } from './pdfSpec';

/** A pdfmake document, or a form the worker draws with pdfkit directly (formSpec.ts). */
export type PdfSpec = PdfmakeSpec | FormSpec;

export interface PdfJob {
  name: string;
  build: () => PdfSpec;
}

export interface RenderedPdf {
  name: string;
  bytes: Uint8Array;
  pages: number;
}
