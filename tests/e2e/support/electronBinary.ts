/**
 * Where the Electron binary is, without triggering its lazy download (requiring the `electron` package
 * fetches it, which cannot work on machines without internet). Null when there is none.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './host';

export function electronBinary(): string | null {
  const pkg = join(ROOT, 'node_modules', 'electron');
  if (process.env['ELECTRON_OVERRIDE_DIST_PATH']) {
    const p = join(process.env['ELECTRON_OVERRIDE_DIST_PATH'], 'electron');
    return existsSync(p) ? p : null;
  }
  const pathFile = join(pkg, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const bin = join(pkg, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(bin) ? bin : null;
}
