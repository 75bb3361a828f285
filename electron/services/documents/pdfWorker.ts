/**
 * The PDF worker thread (built as its own entry, out/main/pdfWorker.js; renderPool.ts starts it).
 * Renders one PDF a message, so the thread that serves the window, or the claim worker, stays free.
 *
 * Protocol: workerData is `{ fonts, fontBytes }` (the fonts the owner found: only its process knows where
 * an installed app's resources are; the main faces' bytes, read once by the owner, in shared memory).
 * The parent posts `{ id, shared?, ...PdfRequest }`; the worker answers `{ id, bytes, pages }` with the bytes
 * transferred (or, `shared`, in shared memory), or `{ id, error }`.
 *
 * After each PDF the worker collects its garbage. A document's layout and drawing leave ~100 MB of
 * garbage behind while the worker's live objects stay under ~50 MB; left to itself V8 grows the heap
 * to ~200 MB before it collects (it sizes heaps by the machine's memory, not by what the work keeps),
 * and two workers at ~230 MB each were most of a package's peak (tests/bench/README.md, memory).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { useSharedFontBytes } from './fontBytes';
import type { PdfFonts } from './fonts';
import { renderRequest, type PdfRequest } from './pdfRender';
import { inSharedMemory } from './sharedBytes';
import { garbageCollector } from '../workerGc';

export interface PdfWorkerData {
  fonts: PdfFonts;
  /** font files' bytes by path, read by the owner (fontBytes.ts sharedFontBytes) */
  fontBytes?: Record<string, SharedArrayBuffer>;
}

/** `shared`: the bytes in shared memory, posted shared (renderPool.ts RenderOptions.shared) */
export type PdfWorkerRequest = PdfRequest & { id: number; shared?: boolean };

export type PdfWorkerReply = { id: number; bytes: Uint8Array; pages: number } | { id: number; error: string };

const { fonts, fontBytes } = workerData as PdfWorkerData;
if (fontBytes) useSharedFontBytes(fontBytes);
const collectGarbage = garbageCollector();
const post = (r: PdfWorkerReply, transfer: ArrayBuffer[] = []) => parentPort?.postMessage(r, transfer);

parentPort?.on('message', (m: PdfWorkerRequest) => {
  renderRequest(m, fonts).then(
    (r) => {
      if (m.shared) post({ id: m.id, bytes: inSharedMemory(r.bytes), pages: r.pages });
      else post({ id: m.id, bytes: r.bytes, pages: r.pages }, [r.bytes.buffer as ArrayBuffer]);
      collectGarbage();
    },
    (e: unknown) => post({ id: m.id, error: String((e instanceof Error && e.stack) || e) }),
  );
});
