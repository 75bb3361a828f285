/**
 * The reading half of the one-pass import (issue 17, importFile.ts): the dataset file read as a stream
 * (datasetFile.ts), every value checked (the schema and the rules, exactly as validateDataset), and the
 * checked visits handed on in batches (visitBatch.ts) to the thread that owns the database, which only
 * stores them. In the built app this runs in a worker thread of its own (datasetWorker.ts), so that
 * reading, parsing and checking the file (half of the import's time) run on the second core while the
 * first inserts; from the TypeScript sources (unit tests) it runs in the calling thread, with the same
 * messages in the same order.
 *
 * The messages, in order: each top-level value but the visits (`head`, as read); `visitsStart` when the
 * visits begin, saying whether the people are right so far (then the storing thread stores them and
 * takes the visits); `batch`es of visits, as long as no problem has been found anywhere (the first one
 * stops them: what was stored is rolled back); `end` with the verdict, every problem listed as
 * validateDataset lists it; or `failed` (the file is not one the stream reader takes, or reading failed).
 */
import { existsSync, statSync } from 'node:fs';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import type { Dataset, LocalDate, Visit } from '../../../shared/domain/model';
import { appPaths } from '../app/appPaths';
import { NotStreamable, scanDatasetFile } from './datasetFile';
import type { DatasetProblem } from './problems';
import { headSchemaProblems, visitSchemaProblems } from './schemaCheck';
import { semanticChecks, type SemanticChecks } from './semanticChecks';
import { batchBuffers, VisitBatcher, type VisitBatch } from './visitBatch';

/** `problems`: the file is refused; `later`: its visits come before its people (the two-pass route); `ok`: store it. */
export type ReadVerdict = { problems: DatasetProblem[] } | { later: true } | { ok: true };

export type ReaderMessage =
  | { kind: 'head'; key: string; text: string }
  | { kind: 'visitsStart'; begin: boolean }
  | { kind: 'batch'; batch: VisitBatch }
  | { kind: 'end'; verdict: ReadVerdict }
  | { kind: 'failed'; notStreamable: boolean; message: string; stack?: string };

/** The parts the visits' rules read; they must have the right shape before those rules run. */
export const PEOPLE = ['institution', 'residents', 'staff'];

/**
 * Reads and checks the file, handing each message to `emit` as it comes (the last is `end`). Throws
 * NotStreamable as scanDatasetFile. `tick` is called every 1,024 visits read (the worker's sign of life).
 */
export function readForImport(file: string, today: LocalDate, emit: (m: ReaderMessage) => void, tick?: () => void): void {
  const head: Record<string, unknown> = {};
  const visitShape: DatasetProblem[] = [];
  let checks: SemanticChecks | null = null;
  let ready = false;
  // set while every visit so far is right: the checked visits go on to be stored
  let batcher: VisitBatcher | null = null;
  const scan = scanDatasetFile(file, {
    head: (key, value, text) => {
      head[key] = value;
      // as text: JSON.parse takes any depth, a structured clone does not (a file nested 10,000 deep)
      emit({ kind: 'head', key, text });
    },
    visitsStart: () => {
      head['visits'] = [];
      ready = PEOPLE.every((k) => k in head) && headSchemaProblems(head, true).before.every((p) => !PEOPLE.some((k) => p.path.startsWith(k)));
      if (ready) checks = semanticChecks(head as unknown as Dataset, today);
      const begin = ready && (checks as SemanticChecks | null)?.found() === 0;
      if (begin) batcher = new VisitBatcher(head as unknown as Dataset, (batch) => emit({ kind: 'batch', batch }));
      emit({ kind: 'visitsStart', begin });
    },
    visit: (v, i) => {
      if ((i & 1023) === 0) tick?.();
      if (!ready) return;
      const shape = visitSchemaProblems(v, i);
      if (shape.length > 0) {
        visitShape.push(...shape);
        batcher = null;
        return;
      }
      if (visitShape.length > 0 || !checks) return;
      checks.visit(v as Visit, i);
      if (!batcher) return;
      if ((checks as SemanticChecks).found() > 0) batcher = null;
      else (batcher as VisitBatcher).add(v as Visit);
    },
  });
  (batcher as VisitBatcher | null)?.flush();
  const { before, after } = headSchemaProblems(head, scan.visitsArray);
  const shape = [...before, ...visitShape, ...after];
  if (shape.length > 0) return emit({ kind: 'end', verdict: { problems: shape } });
  if (!ready) {
    // the visits came first (or there were none to wait for): nothing stored yet
    if (!scan.visitsArray || scan.visits > 0) return emit({ kind: 'end', verdict: { later: true } });
    checks = semanticChecks(head as unknown as Dataset, today);
  }
  const problems = (checks as SemanticChecks).problems();
  emit({ kind: 'end', verdict: problems.length > 0 ? { problems } : { ok: true } });
}

/** The built dataset worker (out/main, or inside the installed app's archive); null from the sources. */
export function builtDatasetWorker(): string | null {
  const file = appPaths().worker('datasetWorker');
  return file && existsSync(file) ? file : null;
}

/**
 * A file up to this size is read in the storing thread: the reader's worker (a thread, its modules loaded again,
 * the schema compiled) costs more than it saves below it. `ltc import` of the 4 KB sample took 0.51 s and 0.62
 * CPU-s with the worker, 0.40 s and 0.48 in-thread; of a 3.3 MB file (14,400 visits) 0.64 s against 0.53
 * (2026-12-07, decisions.md D44). The reader is the same (readForImport; tests/unit/dataset/offThread.test.ts,
 * which names the worker, holds the two ways to the same result); only the overlap of reading with storing,
 * which pays for big files, is given up.
 */
const IN_THREAD_BYTES = 4 * 1024 * 1024;

/** The worker to read `file` in: the built one for a file over IN_THREAD_BYTES, none (this thread) otherwise. */
function datasetWorkerFor(file: string): string | null {
  return statSync(file).size <= IN_THREAD_BYTES ? null : builtDatasetWorker();
}

/**
 * What the worker is given. `queue[0]`: messages posted and not yet taken; `queue[1]`: 1 once the reader is
 * no longer wanted; `queue[2]`: the worker's ticks (it is alive while they move).
 */
export interface DatasetWorkerData {
  file: string;
  today: LocalDate;
  queue: Int32Array;
}

/** Batches posted and not yet stored at most: the reader waits beyond (its memory stays a few batches). */
export const MAX_QUEUED = 4;
/** The dataset worker's young generation, MB. */
const YOUNG_GENERATION_MB = 8;
/** How long the storing thread waits for the reader's next message or tick before giving up on it (a worker that died says nothing). */
const STALLED_MS = 120_000;

/**
 * readForImport in the dataset worker when there is one, its messages handed to `take` in this thread as
 * they come, synchronously (the import is one synchronous transaction): this thread sleeps on the queue's
 * counter while the reader is ahead of nothing, and the reader sleeps while MAX_QUEUED messages wait.
 * Returns after `end`; a `failed` is thrown here (NotStreamable as such).
 */
export function readForImportOffThread(
  file: string,
  today: LocalDate,
  take: (m: ReaderMessage) => void,
  workerFile: string | null = datasetWorkerFor(file),
): void {
  if (!workerFile) return readForImport(file, today, take);
  const queue = new Int32Array(new SharedArrayBuffer(12));
  const { port1: here, port2: there } = new MessageChannel();
  const data: DatasetWorkerData & { port: typeof there } = { file, today, queue, port: there };
  // a small young generation: the reader's garbage (every visit parsed, checked and forgotten) is collected
  // young instead of growing the worker's heap beside this thread's (the import's peak memory, issue 17)
  const worker = new Worker(workerFile, { workerData: data, transferList: [there], resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
  try {
    let waited = 0;
    let ticks = 0;
    for (;;) {
      const got = receiveMessageOnPort(here) as { message: ReaderMessage } | undefined;
      if (!got) {
        if (Atomics.wait(queue, 0, 0, 1000) !== 'timed-out') continue;
        const now = Atomics.load(queue, 2);
        waited = now === ticks ? waited + 1000 : 0;
        ticks = now;
        if (waited >= STALLED_MS) throw new Error(`读取数据文件 ${file} 的线程没有响应，未导入任何数据`);
        continue;
      }
      waited = 0;
      Atomics.sub(queue, 0, 1);
      Atomics.notify(queue, 0);
      const m = got.message;
      if (m.kind === 'failed') {
        if (m.notStreamable) throw new NotStreamable(m.message);
        throw Object.assign(new Error(m.message), { stack: m.stack });
      }
      take(m);
      if (m.kind === 'end') return;
    }
  } finally {
    Atomics.store(queue, 1, 1);
    Atomics.notify(queue, 0);
    here.close();
    void worker.terminate();
  }
}

/** The worker's side: posts each message, waiting while MAX_QUEUED are not yet taken. */
export function serveReader(data: DatasetWorkerData, post: (m: ReaderMessage, transfer: ArrayBuffer[]) => void): void {
  const { queue } = data;
  class Unwanted extends Error {}
  const emit = (m: ReaderMessage): void => {
    for (;;) {
      if (Atomics.load(queue, 1) === 1) throw new Unwanted();
      const queued = Atomics.load(queue, 0);
      if (queued < MAX_QUEUED) break;
      Atomics.wait(queue, 0, queued, 100);
    }
    post(m, m.kind === 'batch' ? batchBuffers(m.batch) : []);
    Atomics.add(queue, 0, 1);
    Atomics.notify(queue, 0);
  };
  try {
    readForImport(data.file, data.today, emit, () => Atomics.add(queue, 2, 1));
  } catch (e) {
    if (e instanceof Unwanted) return;
    const error = e instanceof Error ? e : new Error(String(e));
    post({ kind: 'failed', notStreamable: e instanceof NotStreamable, message: error.message, stack: error.stack }, []);
    Atomics.add(queue, 0, 1);
    Atomics.notify(queue, 0);
  }
}
