/**
 * What the desktop app hands to the system (shell.openPath) is checked first (issue 16 §3): a file only
 * when the app wrote it, under a name it chose, in its own print-copy folder, with an extension a viewer
 * opens (.pdf, .xlsx, .json: never an .exe, .bat or .lnk); a folder only when it is a folder. The path is
 * resolved through links, so a link planted in the folder cannot point the system elsewhere.
 */
import { realpathSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, relative, isAbsolute } from 'node:path';

export const OPENABLE_EXTENSIONS: readonly string[] = ['.pdf', '.xlsx', '.json'];

/** Where the app writes the copies it opens (claims/printCopy.ts). */
export const PRINT_COPY_ROOT = join(tmpdir(), 'ltc-desk-print');

function real(path: string): string | null {
  try {
    return realpathSync(path);
  } catch {
    return null;
  }
}

function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

export function mayOpenFile(path: string, root = PRINT_COPY_ROOT): boolean {
  const file = real(path);
  const base = real(root);
  if (!file || !base || !inside(base, file)) return false;
  if (!OPENABLE_EXTENSIONS.includes(extname(file).toLowerCase())) return false;
  return statSync(file).isFile();
}

export function mayOpenFolder(path: string): boolean {
  const dir = real(path);
  return dir !== null && statSync(dir).isDirectory();
}
