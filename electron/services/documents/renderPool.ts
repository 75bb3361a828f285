/**
 * Renders PDFs in worker threads (pdfWorker.ts, built as out/main/pdfWorker.js), off the thread that
 * serves the window: a big package is thousands of pages (~200 pages/s per core for the form documents,
 * far less for pdfmake's). Document definitions are built here lazily, one job at a time as a worker
 * comes free, so only the parts being rendered are held in memory. Results come back in job order
 * whatever order the workers finish in, so the package is the same.
 *
 * From the TypeScript sources (vitest) there is no built worker: the same code (pdfRender.ts) renders
 * each job in the calling thread, one after the other, with the same bytes.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { appPaths } from '../app/appPaths';
import { sharedFontBytes } from './fontBytes';
import type { PdfFonts } from './fonts';
import type { PdfJob, PdfSpec, RenderedPdf } from './pdfJob';
import { pdfRequest, renderRequest } from './pdfRender';
import { inSharedMemory } from './sharedBytes';
import type { PdfWorkerData, PdfWorkerReply, PdfWorkerRequest } from './pdfWorker';

export type { FooterSpec, PdfmakeSpec } from './pdfSpec';
export type { PdfJob, PdfSpec, RenderedPdf } from './pdfJob';

export interface RenderOptions {
  fonts: PdfFonts;
  /** default: two, or one on a single core; each worker holds ~100–150 MB while rendering a big part */
  workers?: number;
  onRendered?: (pdf: RenderedPdf) => void;
  /** the built PDF worker (default: builtPdfWorker()); null renders in the calling thread */
  workerFile?: string | null;
  /**
   * Each PDF's bytes in shared memory (sharedBytes.ts), for a thread that posts them on (the claim worker).
   * A PDF worker copies them there itself: it collects its garbage after each PDF, so the first copy is
   * gone at once, where in the receiving thread ~32 MB of them would wait for its next collection.
   */
  shared?: boolean;
}

/**
 * The built worker: in `dir` when given (tests, the bench), else where the app's layout puts it
 * (appPaths.ts: out/main, or inside the installed app's archive, from any thread, the claim worker's
 * too); null from the sources.
 */
export function builtPdfWorker(dir?: string): string | null {
  const file = dir === undefined ? appPaths().worker('pdfWorker') : join(dir, 'pdfWorker.js');
  return file && existsSync(file) ? file : null;
}

/**
 * A PDF worker's young generation: V8's default (48 MB on 64 bits) is young garbage held per worker;
 * 8 MB measured the same pages/s (tests/bench/README.md, memory). Not a cap on what a worker may keep:
 * that is the old generation, left to V8.
 */
const YOUNG_GENERATION_MB = 8;

/**
 * One PDF worker (issue 17: month-end under 600 MB on a 4 GB office PC; the package's pages were fast enough).
 * A big 上门服务记录明细 part holds ~130 MB of heap while it is laid out and drawn (its measured rows, then
 * pdfkit's pages); two workers did that side by side at month-end's peak: 585–617 MB against 542–557 MB with
 * one, measured in one series on the benchmark's October (tests/bench/README.md). The pages then come from one
 * core instead of two, and the package stays well inside its minute. `workers` still asks for more.
 */
export function defaultWorkerCount(): number {
  return 1;
}

/** Each job in turn, in this thread, through the same request a worker would get. */
async function renderHere(jobs: readonly PdfJob[], opts: RenderOptions): Promise<RenderedPdf[]> {
  const results: RenderedPdf[] = [];
  for (const job of jobs) {
    const request = pdfRequest(job.build());
    const r = await renderRequest(request, opts.fonts).catch((e: unknown) => {
      throw new Error(`PDF ${job.name}: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
    });
    const pdf = { name: job.name, bytes: opts.shared ? inSharedMemory(r.bytes) : r.bytes, pages: r.pages };
    results.push(pdf);
    opts.onRendered?.(pdf);
  }
  return results;
}

export async function renderPdfs(jobs: readonly PdfJob[], opts: RenderOptions): Promise<RenderedPdf[]> {
  if (jobs.length === 0) return [];
  const workerFile = opts.workerFile === undefined ? builtPdfWorker() : opts.workerFile;
  if (!workerFile) return renderHere(jobs, opts);
  const count = Math.max(1, Math.min(opts.workers ?? defaultWorkerCount(), jobs.length));
  const results: (RenderedPdf | undefined)[] = new Array(jobs.length);
  const workers: Worker[] = [];
  // workers let go once no job is left for them: their exit is not a failure
  const released = new Set<Worker>();
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
          // no job left for this worker: let it go now rather than when the last part elsewhere is done
          // (its heap and fonts would be held at the package's peak, its end; issue 17)
          released.add(w);
          void w.terminate();
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
        const request: PdfWorkerRequest = { ...pdfRequest(spec), id, ...(opts.shared ? { shared: true } : {}) };
        w.postMessage(request);
      };
      // the two main faces read once for every worker (the fallback's small pieces each reads as needed)
      const fontBytes = sharedFontBytes([opts.fonts.regular.file, opts.fonts.bold.file]);
      for (let i = 0; i < count; i++) {
        const data: PdfWorkerData = { fonts: opts.fonts, fontBytes };
        const w = new Worker(workerFile, { workerData: data, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
        workers.push(w);
        w.on('message', (r: PdfWorkerReply) => {
          running--;
          const job = jobs[r.id];
          if ('error' in r || !job) {
            fail(new Error(`PDF ${job?.name ?? r.id}: ${'error' in r ? r.error : 'no job'}`));
            return;
          }
          const pdf = { name: job.name, bytes: r.bytes, pages: r.pages };
          results[r.id] = pdf;
          opts.onRendered?.(pdf);
          feed(w);
        });
        w.on('error', fail);
        w.on('exit', (code) => {
          if (code !== 0 && !released.has(w)) fail(new Error(`PDF worker stopped (exit code ${code}); the computer may be short of memory`));
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
