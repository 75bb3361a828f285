/**
 * V8's full collection, for a worker thread that knows when its work left only garbage: a PDF worker
 * between documents (documents/pdfWorker.ts), the claim worker between a package's workbook and its PDFs
 * and after a package (claims/claimWorker.ts). Never on a thread that serves a window: a full collection
 * of a big heap is tens of milliseconds. Node offers it only behind `--expose-gc`, a V8 flag a Worker's
 * execArgv does not take; set from here it applies to the contexts made after it, such as the one
 * `gc` is read from below (the way Node's own test suite reaches it).
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

export function garbageCollector(): () => void {
  setFlagsFromString('--expose-gc');
  const gc: unknown = runInNewContext('gc');
  // never fail the work for want of it: without the flag (a future runtime refusing it) V8 decides alone
  return typeof gc === 'function' ? () => (gc as () => void)() : () => {};
}
