/**
 * The PDF worker thread (built as its own entry, out/main/pdfWorker.js; renderPool.ts starts it).
 * Renders one PDF a message, so the thread that serves the window, or the claim worker, stays free.
 *
 * Protocol: workerData is `{ fonts }` (the fonts the owner found: only its process knows where an
 * installed app's resources are). The parent posts `{ id, ...PdfRequest }`; the worker answers
 * `{ id, bytes, pages }` with the bytes transferred, or `{ id, error }`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { PdfFonts } from './fonts';
import { renderRequest, type PdfRequest } from './pdfRender';

export interface PdfWorkerData {
  fonts: PdfFonts;
}

export type PdfWorkerRequest = PdfRequest & { id: number };

export type PdfWorkerReply = { id: number; bytes: Uint8Array; pages: number } | { id: number; error: string };

const { fonts } = workerData as PdfWorkerData;
const post = (r: PdfWorkerReply, transfer: ArrayBuffer[] = []) => parentPort?.postMessage(r, transfer);

parentPort?.on('message', (m: PdfWorkerRequest) => {
  renderRequest(m, fonts).then(
    (r) => post({ id: m.id, bytes: r.bytes, pages: r.pages }, [r.bytes.buffer as ArrayBuffer]),
    (e: unknown) => post({ id: m.id, error: String((e instanceof Error && e.stack) || e) }),
  );
});
