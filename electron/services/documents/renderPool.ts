/**
 * Renders PDFs in worker threads, off the thread that serves the window: a big package is
 * thousands of pages (~200 pages/s per core for the form documents, far less for pdfmake's). Document definitions are built here lazily, one job
 * at a time as a worker comes free, so only the parts being rendered are held in memory.
 * Results come back in job order whatever order the workers finish in, so the package is the same.
 */
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import type { PdfFonts } from './fonts';
import type { FormSpec } from './formSpec';
import { PDF_WORKER_SOURCE } from './pdfWorkerSource';

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

export interface RenderOptions {
  fonts: PdfFonts;
  /** default: two, or one on a single core; each worker holds ~300 MB while rendering a big part */
  workers?: number;
  onRendered?: (pdf: RenderedPdf) => void;
}

export function defaultWorkerCount(): number {
  return Math.max(1, Math.min(2, availableParallelism()));
}

interface Reply {
  id: number;
  bytes?: Uint8Array;
  pages?: number;
  error?: string;
}

/** A file of the app, for the worker to resolve `pdfmake` from (sources or out/main alike). */
function appFile(): string {
  return fileURLToPath(import.meta.url);
}

export async function renderPdfs(jobs: readonly PdfJob[], opts: RenderOptions): Promise<RenderedPdf[]> {
  if (jobs.length === 0) return [];
  const count = Math.max(1, Math.min(opts.workers ?? defaultWorkerCount(), jobs.length));
  const results: (RenderedPdf | undefined)[] = new Array(jobs.length);
  const workers: Worker[] = [];
  let next = 0;
  let failed = false;

  try {
    await new Promise<void>((resolveAll, rejectAll) => {
      let running = 0;
      const fail = (e: unknown) => {
        if (failed) return;
        failed = true;
        rejectAll(e instanceof Error ? e : new Error(String(e)));
      };
      const feed = (w: Worker) => {
        if (failed) return;
        if (next >= jobs.length) {
          if (running === 0) resolveAll();
          return;
        }
        const id = next++;
        const job = jobs[id];
        if (!job) return;
        let spec: PdfSpec;
        try {
          spec = job.build();
        } catch (e) {
          fail(e);
          return;
        }
        running++;
        // A form goes as one JSON string: posting copies the message, and a string copies at once
        // where a structured clone of a table's many small objects costs more than drawing it.
        w.postMessage('form' in spec ? { id, form: JSON.stringify(spec.form) } : { id, dd: spec.dd, footer: spec.footer });
      };
      for (let i = 0; i < count; i++) {
        const w = new Worker(PDF_WORKER_SOURCE, { eval: true, workerData: { base: appFile(), fonts: opts.fonts } });
        workers.push(w);
        w.on('message', (r: Reply) => {
          running--;
          const job = jobs[r.id];
          if (r.error !== undefined || !r.bytes || !job) {
            fail(new Error(`PDF ${job?.name ?? r.id}: ${r.error ?? 'no output'}`));
            return;
          }
          const pdf = { name: job.name, bytes: r.bytes, pages: r.pages ?? 0 };
          results[r.id] = pdf;
          opts.onRendered?.(pdf);
          feed(w);
        });
        w.on('error', fail);
        w.on('exit', (code) => {
          if (code !== 0) fail(new Error(`PDF worker stopped (exit code ${code}); the computer may be short of memory`));
        });
        feed(w);
      }
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results.map((r, i) => {
    if (!r) throw new Error(`PDF ${jobs[i]?.name ?? i} was not rendered`);
    return r;
  });
}
