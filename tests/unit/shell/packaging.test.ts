/**
 * The installed app, as electron-builder lays it out from electron-builder.yml (`npm run dist -- --check`:
 * the real packaging step around a stand-in Electron binary, since none can be downloaded here), and as
 * the app finds its way in it (electron/services/app/appPaths.ts):
 * - the archive holds the bundles and exactly the production dependencies they need: the built `ltc`
 *   makes a whole claim package from inside it (claim, workbook, PDFs in their workers, the fonts from
 *   resources/fonts), and the main bundle starts its window from inside it;
 * - better-sqlite3's addon is unpacked, the fonts are extraResources, app-update.yml names the generic feed.
 * Plain Node cannot read an asar archive, so the archive is extracted into a folder of the same name.
 * The native addon stays built for Node here (the release rebuilds it for Electron: docs/RELEASE.md).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveAppPaths } from '../../../electron/services/app/appPaths';
import { expectComplete } from '../../support/appLayout';
import { tempDir } from '../services/helpers';

const ROOT = path.resolve(__dirname, '../../..');
const NATIVE = path.join('node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');

let installed = ''; // linux-unpacked: what the installer puts on disk
let resources = ''; // <installed>/resources with app.asar extracted into a folder

// made once for the file (tempDir() folders go after each test)
const work = mkdtempSync(path.join(tmpdir(), 'ltc-packaging-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

beforeAll(() => {
  const out = path.join(work, 'dist');
  const run = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'dist.mjs'), '--check', '--out', out, '--no-build'], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 180_000,
    env: { ...process.env, LTC_UPDATE_URL: 'http://192.168.1.10/ltc/' },
  });
  if (run.status !== 0) throw new Error(`npm run dist -- --check failed (${run.status}):\n${run.stdout.slice(-2000)}\n${run.stderr.slice(-2000)}`);
  installed = path.join(out, 'linux-unpacked');
  resources = path.join(work, 'extracted', 'resources');
  mkdirSync(resources, { recursive: true });
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- @electron/asar is CommonJS, electron-builder's own
  const asar = require('@electron/asar') as { extractAll(archive: string, dest: string): void };
  asar.extractAll(path.join(installed, 'resources', 'app.asar'), path.join(resources, 'app.asar'));
  cpSync(path.join(installed, 'resources', 'fonts'), path.join(resources, 'fonts'), { recursive: true });
}, 200_000);

describe('the installed app', () => {
  it('has the bundles in the archive, the addon unpacked, the fonts beside it, and the update feed', () => {
    const inArchive = path.join(resources, 'app.asar');
    for (const f of ['out/main/index.js', 'out/main/claimWorker.js', 'out/preload/index.js', 'out/renderer/index.html', 'package.json']) {
      expect(existsSync(path.join(inArchive, f)), f).toBe(true);
    }
    expect(readdirSync(path.join(inArchive, 'out', 'main')).some((f) => f.endsWith('.map'))).toBe(false);
    expect(existsSync(path.join(installed, 'resources', 'app.asar.unpacked', NATIVE)), 'native addon unpacked').toBe(true);
    expect(readdirSync(path.join(installed, 'resources', 'fonts')).sort()).toEqual([
      'BabelStoneHan-Plane3',
      'HanaMin-LICENSE.txt',
      'HanaMinB',
      'NotoSansSC-Bold.ttf',
      'NotoSansSC-Regular.ttf',
      'OFL.txt',
    ]);
    // the fallback for rare characters of names: its pieces and the index fonts.ts reads
    const rare = readdirSync(path.join(installed, 'resources', 'fonts', 'HanaMinB'));
    expect(rare).toContain('index.json');
    expect(rare.filter((f) => f.endsWith('.ttf'))).toHaveLength(62);
    // and for what HanaMinB lacks (Extensions G and H), with its licence
    const plane3 = readdirSync(path.join(installed, 'resources', 'fonts', 'BabelStoneHan-Plane3'));
    expect(plane3).toEqual(expect.arrayContaining(['index.json', 'LICENSE.txt']));
    expect(plane3.filter((f) => f.endsWith('.ttf'))).toHaveLength(9);
    const feed = readFileSync(path.join(installed, 'resources', 'app-update.yml'), 'utf8');
    expect(feed).toMatch(/^provider: generic$/m);
    expect(feed).toMatch(/^url: http:\/\/192\.168\.1\.10\/ltc\/$/m);
  });

  it('resolves every file it reads inside the archive and beside it', () => {
    const inArchive = path.join(resources, 'app.asar');
    const paths = resolveAppPaths({ moduleFile: path.join(inArchive, 'out', 'main', 'index.js'), resourcesPath: resources });
    expect(paths.layout).toBe('packaged');
    expect(paths.rendererDir).toBe(path.join(inArchive, 'out', 'renderer'));
    expect(paths.worker('claimWorker')).toBe(path.join(inArchive, 'out', 'main', 'claimWorker.js'));
    expect(paths.fontDirs).toEqual([path.join(resources, 'fonts')]);
    expectComplete(paths);
    // the addon's place inside the real archive maps to the unpacked file
    expect(existsSync(paths.unpacked(path.join(installed, 'resources', 'app.asar', NATIVE)))).toBe(true);
  });

  it('makes a whole claim package with its own dependencies, workers and fonts (the built ltc inside the archive)', () => {
    const dest = tempDir();
    const cli = path.join(resources, 'app.asar', 'out', 'main', 'cli.js');
    const dataset = path.join(ROOT, 'tests', 'fixtures', 'sample-ningbo.json');
    // run from a folder outside the repository, so nothing resolves from the repository's node_modules
    const run = spawnSync(process.execPath, [cli, 'claim', '--dataset', dataset, '--month', '2026-10', '--out', dest, '--package'], {
      cwd: dest,
      encoding: 'utf8',
      timeout: 120_000,
      env: { ...process.env, NODE_PATH: '' },
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain('2026-10 结算'); // its one-line summary
    const files = readdirSync(dest);
    expect(files).toContain('claim.json');
    expect(files).toContain('claim.xlsx');
    const pdfs = files.filter((f) => f.endsWith('.pdf'));
    expect(pdfs.length).toBeGreaterThanOrEqual(3);
    // the product's own font from resources/fonts, not a development machine's system font
    const fonts = spawnSync('pdffonts', [path.join(dest, pdfs[0] ?? '')], { encoding: 'utf8' }).stdout;
    expect(fonts).toMatch(/\+NotoSansSC-Regular/);
    expect(fonts).not.toMatch(/CJK/);
  });

  it('prints rare characters of names from the fallback fonts beside it (resources/fonts/HanaMinB, BabelStoneHan-Plane3)', () => {
    const dest = tempDir();
    const sample = JSON.parse(readFileSync(path.join(ROOT, 'tests', 'fixtures', 'sample-ningbo.json'), 'utf8')) as { residents: { name: string }[] };
    const [first, second] = sample.residents;
    if (first) first.name = '𠮷㐱';
    // 𰀀 U+30000, Extension G: BabelStone Han's
    if (second) second.name = '王𰀀';
    const dataset = path.join(dest, 'rare.json');
    writeFileSync(dataset, JSON.stringify(sample));
    const cli = path.join(resources, 'app.asar', 'out', 'main', 'cli.js');
    const run = spawnSync(process.execPath, [cli, 'claim', '--dataset', dataset, '--month', '2026-10', '--out', dest, '--package'], {
      cwd: dest,
      encoding: 'utf8',
      timeout: 120_000,
      env: { ...process.env, NODE_PATH: '' },
    });
    expect(run.status, run.stderr).toBe(0);
    const personal = path.join(dest, '个人结算明细.pdf');
    const fonts = spawnSync('pdffonts', [personal], { encoding: 'utf8' }).stdout;
    expect(fonts).toMatch(/\+HanaMinB/);
    expect(fonts).toMatch(/\+BabelStoneHan/);
    const text = spawnSync('pdftotext', [personal, '-'], { encoding: 'utf8' }).stdout;
    expect(text).toContain('𠮷㐱');
    expect(text).toContain('王𰀀');
  });

  it('starts its window from inside the archive, with the page and preload of the archive', () => {
    const userData = tempDir();
    const bundle = path.join(resources, 'app.asar', 'out', 'main', 'index.js');
    const run = spawnSync(process.execPath, [path.join(ROOT, 'tests', 'support', 'electronStandIn.cjs'), bundle, userData, resources], {
      cwd: userData,
      encoding: 'utf8',
      timeout: 60_000,
    });
    const rec = JSON.parse(run.stdout.trim().split('\n').pop() ?? '{}') as {
      crashed?: string;
      errors: string[];
      windows: { loaded: string; options: { webPreferences: { preload: string } } }[];
      fromApp: { value?: { ok: boolean } };
    };
    expect(rec.crashed, run.stderr).toBeUndefined();
    expect(rec.errors).toEqual([]);
    expect(rec.windows[0]?.loaded).toBe(`file://${path.join(resources, 'app.asar', 'out', 'renderer', 'index.html')}`);
    expect(rec.windows[0]?.options.webPreferences.preload).toBe(path.join(resources, 'app.asar', 'out', 'preload', 'index.js'));
    expect(rec.fromApp.value?.ok).toBe(true);
  });
});
