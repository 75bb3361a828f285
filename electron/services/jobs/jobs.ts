/**
 * Jobs: long work started by one call and watched by polling `jobs.status`, so a progress bar works the
 * same over IPC and over HTTP, and the window stays responsive while the work runs elsewhere.
 * Finished jobs are kept a while for the screen to read their result, then forgotten.
 */
import { randomUUID } from 'node:crypto';
import type { JobStatus } from '../../../shared/api/jobs';
import { toApiError } from '../api/apiError';
import { ServiceError } from '../errors';

type Progress = JobStatus['progress'];
const KEEP_MS = 10 * 60_000;
const jobs = new Map<string, { status: JobStatus; finishedAt?: number }>();
/** kind → how many pieces of held work of that kind are running */
const held = new Map<string, number>();

/** `busyWith`: what holds the database's write lock, for a job whose write found it busy (db/writeGate.ts). */
export function startJob<T>(
  kind: string,
  work: (report: (p: Progress) => void) => Promise<T>,
  log: (e: unknown) => void = console.error,
  busyWith: () => string | null = () => null,
): string {
  const now = Date.now();
  for (const [id, j] of jobs) if (j.finishedAt && now - j.finishedAt > KEEP_MS) jobs.delete(id);
  const id = randomUUID();
  const entry: { status: JobStatus; finishedAt?: number } = { status: { id, kind, state: 'running', progress: { done: 0, total: 1, phase: '准备' } } };
  jobs.set(id, entry);
  void work((p) => (entry.status.progress = p)).then(
    (result) => {
      entry.status = { ...entry.status, state: 'done', result, progress: { ...entry.status.progress, done: entry.status.progress.total } };
      entry.finishedAt = Date.now();
    },
    (e: unknown) => {
      // told as a call's error is (api/apiError.ts): problems kept, SQLite's refusals in Chinese
      entry.status = { ...entry.status, state: 'failed', error: toApiError(e, log, busyWith) };
      entry.finishedAt = Date.now();
    },
  );
  return id;
}

/**
 * Work that is not a job but must not be cut short either (an import's commit): counted while it runs,
 * so that `runningWorkKinds` sees it. Returns the release; call it once, when the work has ended.
 */
export function holdWork(kind: string): () => void {
  held.set(kind, (held.get(kind) ?? 0) + 1);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const n = (held.get(kind) ?? 1) - 1;
    if (n > 0) held.set(kind, n);
    else held.delete(kind);
  };
}

/** Runs `work` held under `kind` (see holdWork), released however it ends. */
export async function whileHolding<T>(kind: string, work: () => T | Promise<T>): Promise<T> {
  const release = holdWork(kind);
  try {
    return await work();
  } finally {
    release();
  }
}

/** The kinds of work running now (jobs and held work), each once: what a restart for an update waits for. */
export function runningWorkKinds(): string[] {
  const kinds = new Set<string>(held.keys());
  for (const j of jobs.values()) if (j.status.state === 'running') kinds.add(j.status.kind);
  return [...kinds].sort();
}

export function jobStatus(id: string): JobStatus {
  const j = jobs.get(id);
  if (!j) throw new ServiceError('NOT_FOUND', '找不到该任务（可能已过期），请重新操作');
  return j.status;
}
