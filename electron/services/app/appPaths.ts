/**
 * Every file the running app reads from its own installation, resolved in one place for the three
 * layouts it runs in:
 * - `sources`: the TypeScript files under vitest. There is no build: the workers' code runs in the
 *   calling thread (claimOffThread.ts, renderPool.ts), the fonts are the repository's resources/fonts.
 * - `built`: the bundles in `<root>/out/main` (npm start, the browser-preview host, `ltc`, e2e). The
 *   workers are `out/main/<name>.js`, the page `out/renderer`, the fonts `<root>/resources/fonts`.
 * - `packaged`: an installed app (electron-builder): the same `out/` inside `<resources>/app.asar`, and
 *   the fonts beside it in `<resources>/fonts` (extraResources, outside the archive). Electron reads
 *   files inside app.asar transparently, worker threads included (since Electron 17), so the workers
 *   start from their path inside the archive. Native addons (better-sqlite3's .node) are unpacked to
 *   `app.asar.unpacked`, where the OS can load them; `bindings` finds them there by itself.
 * The policy packs, catalogues and schemas are not read at run time: they are JSON imported into the
 * bundles at build time (shared/policy/registry.ts), so they cannot go missing from an installation.
 * Nothing here imports `electron`: `process.resourcesPath` is set by Electron and absent in plain Node.
 */
import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export type AppLayout = 'sources' | 'built' | 'packaged';

/** The entries built beside out/main/index.js that run in worker threads. */
export type WorkerName = 'claimWorker' | 'pdfWorker' | 'importWorker' | 'backupWorker' | 'solverWorker' | 'inspectWorker' | 'datasetWorker';

export interface AppPaths {
  layout: AppLayout;
  /** the repository (sources, built) or `<resources>/app.asar` (packaged) */
  appRoot: string;
  /** `<appRoot>/out/main`, where the bundles and the workers are; null from the sources */
  mainDir: string | null;
  /** the built page: `<appRoot>/out/renderer` (index.html and assets) */
  rendererDir: string;
  /** the built preload */
  preloadFile: string;
  /** where the bundled PDF fonts are, in the order to try */
  fontDirs: string[];
  /** a worker entry's file, or null from the sources (the work then runs in the calling thread) */
  worker(name: WorkerName): string | null;
  /** where a file of the archive really is on disk when it was unpacked (`app.asar` → `app.asar.unpacked`) */
  unpacked(file: string): string;
}

export interface LayoutProbe {
  /** a file of the running code (default: this module, or the bundle it was built into) */
  moduleFile?: string;
  /** Electron's `process.resourcesPath` (default: the running process's) */
  resourcesPath?: string;
}

/** This module's file: `__filename` in the CommonJS bundles, `import.meta.url` under vitest. */
function thisModuleFile(): string {
  if (typeof __filename === 'string' && __filename) return __filename;
  return fileURLToPath(import.meta.url);
}

/**
 * The build folder above `dir` (out/main/index.js, out/main/chunks/x.js → out), if any: the folder
 * whose `main` holds the code and which has `preload` and `renderer` beside it. Usually `out`; the e2e
 * run may test another (LTC_OUT_DIR).
 */
function buildDir(dir: string): string | null {
  let d = dir;
  for (let i = 0; i < 4; i++) {
    const out = dirname(d);
    if (basename(d) === 'main' && existsSync(join(out, 'preload')) && existsSync(join(out, 'renderer'))) return out;
    const up = dirname(d);
    if (up === d) break;
    d = up;
  }
  return null;
}

/** The repository: the nearest folder above `dir` with a package.json. */
function sourceRoot(dir: string): string {
  let d = dir;
  for (;;) {
    if (existsSync(join(d, 'package.json'))) return d;
    const up = dirname(d);
    if (up === d) return dir;
    d = up;
  }
}

export function resolveAppPaths(probe: LayoutProbe = {}): AppPaths {
  const moduleFile = probe.moduleFile ?? thisModuleFile();
  const resourcesPath = probe.resourcesPath ?? (process as { resourcesPath?: string }).resourcesPath;
  const out = buildDir(dirname(moduleFile));
  const built = out === null ? null : dirname(out);
  const packaged = built !== null && basename(built) === 'app.asar';
  const layout: AppLayout = packaged ? 'packaged' : built ? 'built' : 'sources';
  const appRoot = built ?? sourceRoot(dirname(moduleFile));
  const outDir = out ?? join(appRoot, 'out');
  const mainDir = out ? join(out, 'main') : null;
  // Installed: extraResources sit beside the archive (resourcesPath, or the archive's own folder when the
  // caller did not say). Otherwise the repository's resources/ folder.
  const resourcesDir = packaged ? (resourcesPath ?? dirname(appRoot)) : join(appRoot, 'resources');
  return {
    layout,
    appRoot,
    mainDir,
    rendererDir: join(outDir, 'renderer'),
    preloadFile: join(outDir, 'preload', 'index.js'),
    fontDirs: [join(resourcesDir, 'fonts')],
    worker: (name) => (mainDir ? join(mainDir, `${name}.js`) : null),
    unpacked: (file) => file.replace(/app\.asar(?=[\\/]|$)/, 'app.asar.unpacked'),
  };
}

let cached: AppPaths | null = null;
let workersFrom: string | null = null;

/** The running app's paths (resolved once: the installation does not move while the app runs). */
export function appPaths(): AppPaths {
  cached ??= resolveAppPaths();
  if (!workersFrom) return cached;
  const dir = workersFrom;
  return { ...cached, worker: (name) => join(dir, `${name}.js`) };
}

/**
 * For tests and the benchmark, which run the TypeScript sources: use the built workers in `mainDir`
 * (out/main) as the built app does, instead of running their work in the calling thread; null undoes it.
 */
export function useBuiltWorkers(mainDir: string | null): void {
  workersFrom = mainDir;
}
