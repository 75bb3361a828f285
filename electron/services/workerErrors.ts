/**
 * Errors across a worker thread's boundary: posted as data, rethrown on the owner's side as the class
 * they were thrown as (InputError with its problems, ServiceError with its code, SQLite's error with
 * its code), so a job and the IPC layer (api/dispatch.ts) report them alike whichever thread failed.
 */
import { InputError, ServiceError } from './errors';

export interface WorkerError {
  kind: 'input' | 'service' | 'internal';
  code?: ServiceError['code'];
  /** SQLite's code (SQLITE_BUSY, SQLITE_CONSTRAINT_UNIQUE…), for an internal error that has one */
  sqliteCode?: string;
  message: string;
  problems: { path: string; message: string }[];
}

export function workerError(e: unknown): WorkerError {
  const message = e instanceof Error ? e.message : String(e);
  if (e instanceof InputError) return { kind: 'input', message, problems: [...e.problems] };
  if (e instanceof ServiceError) return { kind: 'service', code: e.code, message, problems: [...e.problems] };
  const code = (e as { code?: unknown } | null)?.code;
  return { kind: 'internal', message, problems: [], ...(typeof code === 'string' && code.startsWith('SQLITE_') ? { sqliteCode: code } : {}) };
}

export function rethrown(e: WorkerError): Error {
  if (e.kind === 'input') return new InputError(e.message, e.problems);
  if (e.kind === 'service' && e.code) return new ServiceError(e.code, e.message, e.problems);
  const error = new Error(e.message);
  if (e.sqliteCode) Object.assign(error, { code: e.sqliteCode });
  return error;
}
