/** What the app needs to find in any of its layouts (tests/unit/shell/appPaths.test.ts, packaging.test.ts). */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import type { AppPaths } from '../../electron/services/app/appPaths';
import { findPdfFonts } from '../../electron/services/documents/fonts';

/** What every layout must give: the page, the preload, the workers, the fonts. */
export function expectComplete(paths: AppPaths): void {
  expect(existsSync(path.join(paths.rendererDir, 'index.html')), 'renderer').toBe(true);
  expect(existsSync(paths.preloadFile), 'preload').toBe(true);
  for (const w of ['claimWorker', 'pdfWorker', 'importWorker', 'backupWorker', 'solverWorker', 'inspectWorker'] as const) {
    const file = paths.worker(w);
    expect(file, w).not.toBeNull();
    expect(existsSync(file ?? ''), `${w}: ${file}`).toBe(true);
  }
  const fonts = findPdfFonts({ dirs: paths.fontDirs, systemFallback: false });
  expect(fonts.source).toBe('bundled');
}
