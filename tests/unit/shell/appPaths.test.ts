/**
 * Every file the running app reads from its installation resolves in each of its three layouts
 * (electron/services/app/appPaths.ts): the sources under test, the build in out/, and an installed app,
 * which these machines cannot make (no Electron binary), so a fake one is laid out the way
 * electron-builder lays it out (electron-builder.yml): `resources/app.asar` holding out/ and
 * package.json (a folder here: plain Node cannot read an archive), better-sqlite3's native addon moved
 * out to `resources/app.asar.unpacked`, and the fonts in `resources/fonts` (extraResources).
 * Needs `npm run build` first (npm test does it).
 */
import { cpSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveAppPaths, type AppPaths } from '../../../electron/services/app/appPaths';
import { BUNDLED_FONT_FILES, findPdfFonts } from '../../../electron/services/documents/fonts';
import { tempDir } from '../services/helpers';

const ROOT = path.resolve(__dirname, '../../..');
const OUT = path.join(ROOT, 'out');
const NATIVE = path.join('node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');

function requireBuild(): void {
  if (!existsSync(path.join(OUT, 'main', 'index.js'))) throw new Error('out/ is missing: run `npm run build` before these tests');
}

/** What every layout must give: the page, the preload, the workers, the fonts. */
function expectComplete(paths: AppPaths): void {
  expect(existsSync(path.join(paths.rendererDir, 'index.html')), 'renderer').toBe(true);
  expect(existsSync(paths.preloadFile), 'preload').toBe(true);
  for (const w of ['claimWorker', 'pdfWorker'] as const) {
    const file = paths.worker(w);
    expect(file, w).not.toBeNull();
    expect(existsSync(file ?? ''), `${w}: ${file}`).toBe(true);
  }
  const fonts = findPdfFonts({ dirs: paths.fontDirs, systemFallback: false });
  expect(fonts.source).toBe('bundled');
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

  it('from an installed app: inside app.asar, the fonts beside it, the native addon unpacked', () => {
    requireBuild();
    const resources = path.join(tempDir(), '长护助手', 'resources');
    const asar = path.join(resources, 'app.asar');
    mkdirSync(asar, { recursive: true });
    cpSync(OUT, path.join(asar, 'out'), { recursive: true });
    writeFileSync(path.join(asar, 'package.json'), '{"name":"ltc-desk","main":"out/main/index.js"}');
    // asarUnpack: the addon lives outside the archive, its place inside is only a header entry
    mkdirSync(path.dirname(path.join(resources, 'app.asar.unpacked', NATIVE)), { recursive: true });
    cpSync(path.join(ROOT, NATIVE), path.join(resources, 'app.asar.unpacked', NATIVE));
    // extraResources: the two fonts and their licence
    mkdirSync(path.join(resources, 'fonts'));
    for (const f of [...Object.values(BUNDLED_FONT_FILES), 'OFL.txt']) cpSync(path.join(ROOT, 'resources', 'fonts', f), path.join(resources, 'fonts', f));

    const chunk = readdirSync(path.join(asar, 'out', 'main', 'chunks'))[0] ?? 'x.js';
    const paths = resolveAppPaths({ moduleFile: path.join(asar, 'out', 'main', 'chunks', chunk), resourcesPath: resources });
    expect(paths.layout).toBe('packaged');
    expect(paths.appRoot).toBe(asar);
    expect(paths.worker('claimWorker')).toBe(path.join(asar, 'out', 'main', 'claimWorker.js'));
    expect(paths.rendererDir).toBe(path.join(asar, 'out', 'renderer'));
    expect(paths.fontDirs).toEqual([path.join(resources, 'fonts')]);
    expectComplete(paths);
    expect(existsSync(paths.unpacked(path.join(asar, NATIVE))), 'native addon unpacked').toBe(true);
  });
});
