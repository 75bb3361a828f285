/**
 * A pdfmake document as data, and its page footer: what may cross to a PDF worker (functions cannot,
 * so the footer is filled in there). A leaf: the document builders and the pool import it, it imports none of them.
 */
import type { TDocumentDefinitions } from 'pdfmake/interfaces';

/** The page footer, as data (functions cannot cross to a worker); `{page}`, `{pages}` are filled in. */
export interface FooterSpec {
  left: string;
  right: string;
  margin: [number, number, number, number];
}

/** A document for pdfmake (the one-page summary, tests). */
export interface PdfmakeSpec {
  dd: TDocumentDefinitions;
  footer: FooterSpec;
}
