/**
 * The owner's side of a long-lived worker thread (the claim worker, the import worker): one worker per
 * entry file, started on first use and kept (its connection and warmed-up code make the next request
 * fast), requests numbered, replies matched by number. A reply `{ id, progress }` goes to the request's
 * progress callback, `{ id, error }` rejects with the error rebuilt as its class (workerErrors.ts), any
 * other reply resolves the request. If the worker dies, every pending request fails and the next one
 * starts a new worker.
 */
import { Worker } from 'node:worker_threads';
import { rethrown, type WorkerError } from './workerErrors';

interface Pending {
  resolve: (reply: unknown) => void;
  reject: (e: Error) => void;
  onProgress?: (progress: never) => void;
}

type Reply = { id: number; progress?: unknown; error?: WorkerError };

class WorkerClient {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly file: string) {}

  private start(): Worker {
    const w = new Worker(this.file);
    w.on('message', (r: Reply) => {
      const p = this.pending.get(r.id);
      if (!p) return;
      if ('progress' in r) {
        p.onProgress?.(r.progress as never);
        return;
      }
      this.pending.delete(r.id);
      if (this.pending.size === 0) w.unref();
      if (r.error) p.reject(rethrown(r.error));
      else p.resolve(r);
    });
    const fail = (e: Error) => {
      for (const p of this.pending.values()) p.reject(e);
      this.pending.clear();
      // a worker stopped on purpose may exit after the next one has started
      if (this.worker === w) this.worker = null;
    };
    w.on('error', fail);
    w.on('exit', (code) => fail(new Error(`worker ${this.file} exited (${code})`)));
    // Idle, it never keeps a command-line or test process alive on its own; while a request is pending
    // it does (ref in ask, unref when the last answer came), or a command awaiting an answer would end
    // before it came. After the listeners, since attaching a 'message' listener refs the worker's port
    // again (found with `ltc inspect`, which then never ended).
    w.unref();
    return w;
  }

  /** Ends the worker (its connections close with it); a request still pending fails. The next request starts a new one. */
  async stop(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    if (w) await w.terminate();
  }

  /** Posts `request` with a fresh id; resolves to the worker's whole reply. */
  ask<R, P = never>(request: object, onProgress?: (progress: P) => void): Promise<R> {
    this.worker ??= this.start();
    const w = this.worker;
    const id = this.nextId++;
    w.ref();
    return new Promise<R>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (r: unknown) => void, reject, onProgress: onProgress as ((p: never) => void) | undefined });
      w.postMessage({ ...request, id });
    });
  }
}

const clients = new Map<string, WorkerClient>();

/** The client of the worker built from `file` (one worker per file, for the whole process). */
export function workerClient(file: string): WorkerClient {
  let c = clients.get(file);
  if (!c) {
    c = new WorkerClient(file);
    clients.set(file, c);
  }
  return c;
}

/**
 * Ends every long-lived worker of this process. A worker keeps its connection to the database between
 * requests; before the file is replaced under its name (加密数据库, recovery/encryptInPlace.ts) no
 * connection may stay open on it.
 */
export async function stopWorkers(): Promise<void> {
  await Promise.all([...clients.values()].map((c) => c.stop()));
}
