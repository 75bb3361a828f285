/**
 * The inspection tasks in the inspection worker when the app runs from its build (Electron, the browser
 * preview, `ltc`), in the calling thread from the TypeScript sources (unit tests): the same results.
 */
import { existsSync } from 'node:fs';
import { appPaths } from '../app/appPaths';
import type { LtcDatabase } from '../db/database';
import { workerClient } from '../workerClient';
import { runInspectTask, type InspectResult, type InspectTask, type Progress } from './inspectTasks';

export function builtInspectWorker(): string | null {
  const file = appPaths().worker('inspectWorker');
  return file && existsSync(file) ? file : null;
}

export async function inspectOffThread<T extends InspectTask>(
  db: LtcDatabase,
  task: T,
  progress: Progress = () => undefined,
  workerFile = builtInspectWorker(),
): Promise<InspectResult<T>> {
  if (!workerFile) return (await runInspectTask(db, task, progress)) as InspectResult<T>;
  const reply = await workerClient(workerFile).ask<{ result: InspectResult<T> }, Parameters<Progress>[0]>({ file: db.file, key: db.key, task }, progress);
  return reply.result;
}
