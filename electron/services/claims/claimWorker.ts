/**
 * The worker thread for the month-end work that would otherwise run on the thread serving the window
 * (in Electron that thread is the main process: seconds there freeze every window):
 * - the month's claim (1–2 s for a big month);
 * - a submission's preparation: the claim and its records in one read transaction, the checks, and the
 *   package (claim.json, the workbook, the PDFs in their own worker threads). Only the writing is left
 *   to the connection's owner, which gets the records as one JSON string and the files' bytes;
 * - a submitted claim's package made again from its frozen records and compared with the stored files.
 * It reads through its own read-only connection, one per database file, kept open between requests;
 * WAL lets it read the last commit while the owner keeps writing. It never writes. Each request names the
 * file and its key (db/cipherKey.ts; null for a plain file): one worker serves whichever database asks.
 *
 * Protocol (ClaimRequest in, ClaimReply out, by id):
 * - `{ id, file, month }` → `{ id, claim }`;
 * - `{ id, file, prepare, fonts }` → any number of `{ id, progress }`, then `{ id, prepared }`;
 * - `{ id, file, verify, fonts }` (a claim id) → any number of `{ id, progress }`, then `{ id, verified }`;
 * - either → `{ id, error: { kind, code?, message, problems } }`, rethrown as the same error class.
 */
import { parentPort } from 'node:worker_threads';
import type { VerifyResult } from '../../../shared/api/claims';
import type { DatabaseKey } from '../db/cipherKey';
import { keptWorkerConnection, type LtcDatabase } from '../db/database';
import { buildClaimPackage } from '../documents/buildPackage';
import type { PdfFonts } from '../documents/fonts';
import { workerError, type WorkerError } from '../workerErrors';
import { garbageCollector } from '../workerGc';
import { preparerWith, verifySubmitted, type PreparedSubmission, type SubmissionRequest } from './lifecycle';
import { computeMonthClaim } from './monthClaim';
import type { PackageBuilder, PackageProgress } from './packageTypes';

export type ClaimRequest =
  | { id: number; file: string; key: DatabaseKey | null; month: string }
  // The fonts as the owner found them: only the owner's process knows the packaged app's resources.
  | { id: number; file: string; key: DatabaseKey | null; prepare: SubmissionRequest; fonts: PdfFonts }
  | { id: number; file: string; key: DatabaseKey | null; verify: number; fonts: PdfFonts };

export type ClaimReply =
  | { id: number; claim: unknown }
  | { id: number; progress: PackageProgress }
  | { id: number; prepared: PreparedSubmission }
  | { id: number; verified: VerifyResult }
  | { id: number; error: WorkerError };

// this thread serves no window: it may stop for a full collection between the phases of a package
const collectGarbage = garbageCollector();

const reader = (file: string, key: DatabaseKey | null): LtcDatabase => keptWorkerConnection(file, { readonly: true, key });

const post = (r: ClaimReply) => parentPort?.postMessage(r);

parentPort?.on('message', (m: ClaimRequest) => {
  try {
    const db = reader(m.file, m.key);
    if ('month' in m) {
      // One read transaction: the claim sees one committed state of every table.
      post({ id: m.id, claim: db.transaction(() => computeMonthClaim(db, m.month)) });
      return;
    }
    // A submission's files are made in shared memory (buildPackage.ts `shared`) and posted shared: the owner
    // gets them without a copy, so a big month's ~32 MB of PDFs is not held twice at the package's peak (issue
    // 17). Transferred instead, their buffers were detached here, and from then on this thread's claims ran
    // their typed-array loops ~2× slower (tests/bench/README.md). A verification posts no files.
    const build =
      (shared: boolean): PackageBuilder =>
      (input) =>
        buildClaimPackage(input, { fonts: m.fonts, collectGarbage, shared });
    const progress = (p: PackageProgress) => post({ id: m.id, progress: p });
    const failed = (e: unknown) => post({ id: m.id, error: workerError(e) });
    // the records, once posted (copied to the owner), and the files' first copies are garbage: let them go now
    // rather than hold them while the worker waits for the next request
    const posted = (r: ClaimReply) => {
      post(r);
      collectGarbage();
    };
    if ('prepare' in m) preparerWith(build(true))(db, m.prepare, progress).then((prepared) => posted({ id: m.id, prepared }), failed);
    else verifySubmitted(db, m.verify, build(false), progress).then((verified) => posted({ id: m.id, verified }), failed);
  } catch (e) {
    post({ id: m.id, error: workerError(e) });
  }
});
