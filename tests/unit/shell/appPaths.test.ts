/**
 * Every file the running app reads from its installation resolves in the layouts it runs in
 * (electron/services/app/appPaths.ts): the sources under test and the build in out/ here; an installed
 * app in packaging.test.ts, from what electron-builder really lays out.
 * Needs `npm run build` first (npm test does it).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveAppPaths } from '../../../electron/services/app/appPaths';
import { expectComplete } from '../../support/appLayout';

const ROOT = path.resolve(__dirname, '../../..');
const OUT = path.join(ROOT, 'out');

function requireBuild(): void {
  if (!existsSync(path.join(OUT, 'main', 'index.js'))) throw new Error('out/ is missing: run `npm run build` before these tests');
}

describe('the app finds its own files', () => {
  it('from the sources: no workers (the work runs in the calling thread), the repository fonts', () => {
    const paths = resolveAppPaths();
    expect(paths.layout).toBe('sources');
    expect(paths.appRoot).toBe(ROOT);
    expect(paths.mainDir).toBeNull();
    expect(paths.worker('claimWorker')).toBeNull();
    expect(paths.worker('pdfWorker')).toBeNull();
    expect(paths.fontDirs).toEqual([path.join(ROOT, 'resources', 'fonts')]);
  });

  it('from the build in out/ (npm start, the host, ltc), from the entry or from a shared chunk', () => {
    requireBuild();
    for (const moduleFile of [path.join(OUT, 'main', 'index.js'), path.join(OUT, 'main', 'chunks', 'any.js')]) {
      const paths = resolveAppPaths({ moduleFile, resourcesPath: undefined });
      expect(paths.layout).toBe('built');
      expect(paths.appRoot).toBe(ROOT);
      expect(paths.worker('claimWorker')).toBe(path.join(OUT, 'main', 'claimWorker.js'));
      // the claim worker starts the PDF workers from its own thread: the same bundles find them beside it
      expect(paths.worker('pdfWorker')).toBe(path.join(OUT, 'main', 'pdfWorker.js'));
      expectComplete(paths);
    }
  });
});
