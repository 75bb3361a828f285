/**
 * The month's claim, a submission's preparation and a package's verification, in the claim worker
 * (claimWorker.ts) when the app runs from its build (Electron, the browser-preview host), so the thread
 * serving the window stays free; in the same thread when it runs from the TypeScript sources (unit
 * tests), where no built worker exists. Both give the same claim, the same files and the same verdict.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { VerifyResult } from '../../../shared/api/claims';
import type { Claim } from '../../../shared/claims/types';
import { appPaths } from '../app/appPaths';
import type { LtcDatabase } from '../db/database';
import { findPdfFonts } from '../documents/fonts';
import { workerClient } from '../workerClient';
import type { ClaimRequest } from './claimWorker';
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

// Omit over each member of the union (Omit of a union keeps only the keys they share).
type Unnumbered<R> = R extends unknown ? Omit<R, 'id'> : never;

/** One request to the claim worker; resolves to the reply's `key` (claim, prepared or verified). */
async function ask<T>(
  workerFile: string,
  request: Unnumbered<ClaimRequest>,
  key: 'claim' | 'prepared' | 'verified',
  onProgress?: (p: PackageProgress) => void,
): Promise<T> {
  const reply = await workerClient(workerFile).ask<Record<string, unknown>, PackageProgress>(request, onProgress);
  return reply[key] as T;
}

export function computeMonthClaimOffThread(db: LtcDatabase, month: string, workerFile: string | null = builtClaimWorker()): Promise<Claim> {
  if (!workerFile) return Promise.resolve().then(() => computeMonthClaim(db, month));
  return ask<Claim>(workerFile, { file: db.file, key: db.key, month }, 'claim');
}

/**
 * The preparer that submitting from a window uses (lifecycle.ts): the claim worker reads, checks and
 * builds the package; this thread only writes what it sends back.
 */
export function offThreadPreparer(workerFile: string | null = builtClaimWorker()): SubmissionPreparer {
  if (!workerFile) return preparerWith(buildPackage);
  return (db, prepare, onProgress) =>
    ask<PreparedSubmission>(workerFile, { file: db.file, key: db.key, prepare, fonts: findPdfFonts() }, 'prepared', onProgress);
}

/** Whether a submitted claim's files regenerate byte for byte (lifecycle.ts), made in the claim worker. */
export function verifyRegenerationOffThread(
  db: LtcDatabase,
  claimId: number,
  onProgress?: (p: PackageProgress) => void,
  workerFile: string | null = builtClaimWorker(),
): Promise<VerifyResult> {
  if (!workerFile) return verifySubmitted(db, claimId, buildPackage, onProgress);
  return ask<VerifyResult>(workerFile, { file: db.file, key: db.key, verify: claimId, fonts: findPdfFonts() }, 'verified', onProgress);
}
