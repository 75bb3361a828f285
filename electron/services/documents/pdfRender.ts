/**
 * One PDF from its request: what a PDF worker does for each message (pdfWorker.ts), and what
 * renderPool.ts does in the calling thread where no built worker exists (the sources under test).
 * Both go through the same request, so both give the same bytes.
 */
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { loadFonts } from './fontBytes';
import type { PdfFonts } from './fonts';
import { renderForm } from './formDraw';
import type { FormDoc, FormInfo } from './formSpec';
import { renderPdfmake } from './pdfmakeRender';
import type { PdfSpec } from './pdfJob';
import type { FooterSpec } from './pdfSpec';

/**
 * A form goes as one JSON string: posting copies the message, and a string copies at once where a
 * structured clone of a table's many small objects costs more than drawing it. A pdfmake document
 * goes as it is (functions cannot cross: the footer is data, table layouts are names).
 */
export type PdfRequest = { form: string } | { dd: TDocumentDefinitions; footer: FooterSpec };

export interface RenderedPdfBytes {
  /** a plain Uint8Array that owns its whole buffer, so a worker can transfer it */
  bytes: Uint8Array;
  pages: number;
}

export function pdfRequest(spec: PdfSpec): PdfRequest {
  return 'form' in spec ? { form: JSON.stringify(spec.form) } : { dd: spec.dd, footer: spec.footer };
}

// A form arrives as JSON; its dates as ISO strings.
function parseForm(json: string): FormDoc {
  const form = JSON.parse(json) as Omit<FormDoc, 'info'> & { info: Omit<FormInfo, 'CreationDate' | 'ModDate'> & { CreationDate: string; ModDate: string } };
  return { ...form, info: { ...form.info, CreationDate: new Date(form.info.CreationDate), ModDate: new Date(form.info.ModDate) } };
}

// Copies first when the Buffer is a view into a larger (pooled) allocation.
function owned(buffer: Buffer): Uint8Array {
  const whole = buffer.byteOffset === 0 && buffer.byteLength === buffer.buffer.byteLength;
  return whole ? new Uint8Array(buffer.buffer) : new Uint8Array(buffer);
}

export async function renderRequest(request: PdfRequest, fonts: PdfFonts): Promise<RenderedPdfBytes> {
  const loaded = loadFonts(fonts);
  const r = 'form' in request ? await renderForm(parseForm(request.form), loaded) : await renderPdfmake(request, fonts, loaded);
  return { bytes: owned(r.bytes), pages: r.pages };
}
