/**
 * The window's big imports (importOps.ts) in the import worker when the app runs from its build, so
 * the thread serving the windows only passes messages: it never stalls on a 50,000-row file (npm run
 * bench measures it: importMaxStallMs, rosterMaxStallMs). From the TypeScript sources (unit tests) they
 * run in the calling thread, with the same code and the same result.
 *
 * A commit writes through the worker's own connection. Meanwhile the owner's connection waits on no
 * lock (db/writeGate.ts): a save made during the import is refused at once, and no submission starts
 * until the import is done (claims/monthLock.ts). A submission already being prepared keeps its months
 * held: the worker is told which.
 */
import { existsSync } from 'node:fs';
import type { OutputOf, ParsedInputOf } from '../../../shared/api/contract';
import { EncodedValue } from '../api/wire';
import { appPaths } from '../app/appPaths';
import { submittingMonths } from '../claims/monthLock';
import type { LtcDatabase } from '../db/database';
import { whileWorkerWrites } from '../db/writeGate';
import { whileHolding } from '../jobs/jobs';
import { workerClient } from '../workerClient';
import { IMPORT_OPS, WRITES, type ImportOp } from './importOps';
import type { ImportRequest } from './importWorker';

/** The built import worker (out/main, or inside the installed app's archive); null from the sources. */
export function builtImportWorker(): string | null {
  const file = appPaths().worker('importWorker');
  return file && existsSync(file) ? file : null;
}

export async function runImport<M extends ImportOp>(
  db: LtcDatabase,
  op: M,
  input: ParsedInputOf<M>,
  actor: string,
  workerFile: string | null = builtImportWorker(),
): Promise<OutputOf<M> | EncodedValue<OutputOf<M>>> {
  // A commit is held as an import while it runs: a restart for an update waits for it (jobs.ts).
  const held = <T>(work: () => Promise<T>): Promise<T> => (WRITES[op] ? whileHolding('import', work) : work());
  if (!workerFile) return held(() => IMPORT_OPS[op](db, input, actor));
  const ask = async () => {
    const request: Omit<ImportRequest, 'id'> = { file: db.file, key: db.key, op, input, actor, heldMonths: submittingMonths(db) };
    const reply = await workerClient(workerFile).ask<{ utf8: Uint8Array }>(request);
    return new EncodedValue<OutputOf<M>>(reply.utf8);
  };
  const label = WRITES[op];
  return label ? held(() => whileWorkerWrites(db, label, ask)) : ask();
}
