/**
 * Jobs: long work started by one call and watched by polling `jobs.status`, so a progress bar works the
 * same over IPC and over HTTP, and the window stays responsive while the work runs elsewhere.
 * Finished jobs are kept a while for the screen to read their result, then forgotten.
 */
import { randomUUID } from 'node:crypto';
import type { JobStatus } from '../../../shared/api/jobs';
import { InputError, ServiceError } from '../errors';

type Progress = JobStatus['progress'];
const KEEP_MS = 10 * 60_000;
const jobs = new Map<string, { status: JobStatus; finishedAt?: number }>();

export function startJob<T>(kind: string, work: (report: (p: Progress) => void) => Promise<T>, log: (e: unknown) => void = console.error): string {
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
      const error =
        e instanceof InputError ? { code: 'BAD_INPUT', message: e.message, problems: [...e.problems] }
        : e instanceof ServiceError ? { code: e.code, message: e.message }
        : { code: 'INTERNAL', message: '处理失败（内部错误），数据未改动。请重试；如果反复出现，请联系技术支持。' };
      if (error.code === 'INTERNAL') log(e);
      entry.status = { ...entry.status, state: 'failed', error };
      entry.finishedAt = Date.now();
    },
  );
  return id;
}

export function jobStatus(id: string): JobStatus {
  const j = jobs.get(id);
  if (!j) throw new ServiceError('NOT_FOUND', '找不到该任务（可能已过期），请重新操作');
  return j.status;
}
