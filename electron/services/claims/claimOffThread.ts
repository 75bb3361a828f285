/**
 * computeMonthClaim in the claim worker (claimWorker.ts) when the app runs from its build (Electron,
 * the browser-preview host), so the thread serving the window stays free; in the same thread when it
 * runs from the TypeScript sources (unit tests), where no built worker exists. Both give the same claim.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Claim } from '../../../shared/claims/types';
import type { LtcDatabase } from '../db/database';
import { InputError } from '../errors';
import type { ClaimReply } from './claimWorker';
import { computeMonthClaim } from './monthClaim';

/** The built worker beside this bundle (out/main, or out/main/chunks when this code sits in a chunk). */
export function builtClaimWorker(dir: string = typeof __dirname === 'string' ? __dirname : ''): string | null {
  for (const f of [join(dir, 'claimWorker.js'), join(dir, '..', 'claimWorker.js')]) if (dir && existsSync(f)) return f;
  return null;
}

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, { resolve: (c: Claim) => void; reject: (e: Error) => void }>();

function startWorker(file: string): Worker {
  const w = new Worker(file);
  // Never keeps a command-line or test process alive on its own.
  w.unref();
  w.on('message', (r: ClaimReply) => {
    const p = pending.get(r.id);
    if (!p) return;
    pending.delete(r.id);
    if ('claim' in r) p.resolve(r.claim as Claim);
    else p.reject(r.error.input ? new InputError(r.error.message, r.error.problems) : new Error(r.error.message));
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

export function computeMonthClaimOffThread(db: LtcDatabase, month: string, workerFile: string | null = builtClaimWorker()): Promise<Claim> {
  if (!workerFile) return Promise.resolve().then(() => computeMonthClaim(db, month));
  worker ??= startWorker(workerFile);
  const w = worker;
  const id = nextId++;
  return new Promise<Claim>((resolve, reject) => {
    pending.set(id, { resolve, reject });
    w.postMessage({ id, file: db.file, month });
  });
}
