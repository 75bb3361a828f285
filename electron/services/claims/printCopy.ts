/**
 * A copy of a stored package file for the system's viewer to open (and print from): written to the
 * temp folder, never beside the database, and rewritten each time so it is always the stored bytes.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { PRINT_COPY_ROOT } from '../app/openGuard';

export function writePrintCopy(claimId: number, file: { name: string; bytes: Uint8Array }, root = PRINT_COPY_ROOT): string {
  const dir = join(root, String(claimId));
  mkdirSync(dir, { recursive: true });
  // basename: a stored name is ours, but a path must never climb out of the folder.
  const path = join(dir, basename(file.name));
  writeFileSync(path, file.bytes);
  return path;
}
