/**
 * The month's claim, a submission's preparation and a package's verification, in the claim worker
 * (claimWorker.ts) when the app runs from its build (Electron, the browser-preview host), so the thread
 * serving the window stays free; in the same thread when it runs from the TypeScript sources (unit
 * tests), where no built worker exists. Both give the same claim, the same files and the same verdict.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { VerifyResult } from '../../../shared/api/claims';
import type { Claim } from '../../../shared/claims/types';
import { appPaths } from '../app/appPaths';
import type { LtcDatabase } from '../db/database';
import { findPdfFonts } from '../documents/fonts';
import { InputError, ServiceError } from '../errors';
import type { ClaimReply, ClaimRequest, WorkerError } from './claimWorker';
import { preparerWith, verifySubmitted, type PreparedSubmission, type SubmissionPreparer } from './lifecycle';
import { computeMonthClaim } from './monthClaim';
import { buildPackage } from './package';
import type { PackageProgress } from './packageTypes';

/**
 * The built worker: in `dir` when given (tests, the bench), else where the app's layout puts it
 * (appPaths.ts: out/main, or inside the installed app's archive); null from the sources.
 */
export function builtClaimWorker(dir?: string): string | null {
  const file = dir === undefined ? appPaths().worker('claimWorker') : join(dir, 'claimWorker.js');
  return file && existsSync(file) ? file : null;
}

let worker: Worker | null = null;
let nextId = 1;

interface Pending {
  resolve: (value: unknown) => void;
  reject: (e: Error) => void;
  onProgress?: (p: PackageProgress) => void;
}
const pending = new Map<number, Pending>();

/** The worker's error as the class it was thrown as, so the job and the IPC layer report it alike. */
function rethrown(e: WorkerError): Error {
  if (e.kind === 'input') return new InputError(e.message, e.problems);
  if (e.kind === 'service' && e.code) return new ServiceError(e.code, e.message, e.problems);
  return new Error(e.message);
}

function startWorker(file: string): Worker {
  const w = new Worker(file);
  // Never keeps a command-line or test process alive on its own.
  w.unref();
  w.on('message', (r: ClaimReply) => {
    const p = pending.get(r.id);
    if (!p) return;
    if ('progress' in r) {
      p.onProgress?.(r.progress);
      return;
    }
    pending.delete(r.id);
    if ('claim' in r) p.resolve(r.claim);
    else if ('prepared' in r) p.resolve(r.prepared);
    else if ('verified' in r) p.resolve(r.verified);
    else p.reject(rethrown(r.error));
  });
  const fail = (e: Error) => {
    for (const p of pending.values()) p.reject(e);
    pending.clear();
    worker = null;
  };
  w.on('error', fail);
  w.on('exit', (code) => fail(new Error(`claim worker exited (${code})`)));
  return w;
}

// Omit over each member of the union (Omit of a union keeps only the keys they share).
type Unnumbered<R> = R extends unknown ? Omit<R, 'id'> : never;

function ask<T>(workerFile: string, request: Unnumbered<ClaimRequest>, onProgress?: (p: PackageProgress) => void): Promise<T> {
  worker ??= startWorker(workerFile);
  const w = worker;
  const id = nextId++;
  return new Promise<T>((resolve, reject) => {
    pending.set(id, { resolve: resolve as (v: unknown) => void, reject, onProgress });
    w.postMessage({ ...request, id });
  });
}

export function computeMonthClaimOffThread(db: LtcDatabase, month: string, workerFile: string | null = builtClaimWorker()): Promise<Claim> {
  if (!workerFile) return Promise.resolve().then(() => computeMonthClaim(db, month));
  return ask<Claim>(workerFile, { file: db.file, month });
}

/**
 * The preparer that submitting from a window uses (lifecycle.ts): the claim worker reads, checks and
 * builds the package; this thread only writes what it sends back.
 */
export function offThreadPreparer(workerFile: string | null = builtClaimWorker()): SubmissionPreparer {
  if (!workerFile) return preparerWith(buildPackage);
  return (db, prepare, onProgress) => ask<PreparedSubmission>(workerFile, { file: db.file, prepare, fonts: findPdfFonts() }, onProgress);
}

/** Whether a submitted claim's files regenerate byte for byte (lifecycle.ts), made in the claim worker. */
export function verifyRegenerationOffThread(
  db: LtcDatabase,
  claimId: number,
  onProgress?: (p: PackageProgress) => void,
  workerFile: string | null = builtClaimWorker(),
): Promise<VerifyResult> {
  if (!workerFile) return verifySubmitted(db, claimId, buildPackage, onProgress);
  return ask<VerifyResult>(workerFile, { file: db.file, verify: claimId, fonts: findPdfFonts() }, onProgress);
}
