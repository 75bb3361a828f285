/**
 * An update server as an institution runs one, in a temp folder served on 127.0.0.1: `latest.yml` and the
 * installer, written as electron-builder writes them (sha512 of the file, base64), a fake of Electron's app
 * for electron-updater (its AppAdapter), and the real NsisUpdater around them with the Node HTTP executor.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppAdapter } from 'electron-updater/out/AppAdapter';
import { NsisUpdater } from 'electron-updater/out/NsisUpdater';
import { afterEach } from 'vitest';
import { NodeHttpExecutor } from '../../../electron/services/updates/nodeHttpExecutor';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

export function tempDir(prefix = 'ltc-updates-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** electron-builder's checksum in latest.yml: sha512 of the file, base64. */
export const sha512 = (bytes: Buffer | string): string => createHash('sha512').update(bytes).digest('base64');

export interface Feed {
  url: string;
  /** paths asked for, in order (without the query electron-updater adds against caches) */
  requests: string[];
  /** Publishes `version`: an installer of random bytes and latest.yml naming it. `corrupt`: latest.yml gives another file's sha512. */
  publish(version: string, opts?: { notes?: string; corrupt?: boolean; bytes?: number }): { file: string; sha512: string };
}

/** Serves a fresh folder; `slowMs` spreads each installer's bytes over that long (to see progress). */
export async function startFeed(opts: { slowMs?: number } = {}): Promise<Feed> {
  const dir = tempDir('ltc-feed-');
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/');
    requests.push(path);
    const file = join(dir, path);
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    const body = readFileSync(file);
    // Content-Length lets electron-updater report progress (no length, no progress).
    res.writeHead(200, { 'content-length': body.length });
    if (!opts.slowMs || !path.endsWith('.exe')) {
      res.end(body);
      return;
    }
    const parts = 10;
    const size = Math.ceil(body.length / parts);
    let i = 0;
    const timer = setInterval(() => {
      res.write(body.subarray(i * size, (i + 1) * size));
      if (++i >= parts) {
        clearInterval(timer);
        res.end();
      }
    }, opts.slowMs / parts);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  cleanups.push(() => new Promise<void>((done) => server.close(() => done())));
  server.unref();
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/ltc/`;
  mkdirSync(join(dir, 'ltc'));
  return {
    url,
    requests,
    publish(version, { notes = '', corrupt = false, bytes = 64 * 1024 } = {}) {
      const name = `ltc-desk-setup-${version}.exe`;
      const content = randomBytes(bytes);
      writeFileSync(join(dir, 'ltc', name), content);
      const published = corrupt ? sha512(randomBytes(bytes)) : sha512(content);
      // JSON strings are YAML double-quoted strings: the notes keep their line breaks and Chinese.
      writeFileSync(
        join(dir, 'ltc', 'latest.yml'),
        [
          `version: ${version}`,
          'files:',
          `  - url: ${name}`,
          `    sha512: ${published}`,
          `    size: ${content.length}`,
          `path: ${name}`,
          `sha512: ${published}`,
          `releaseDate: '2026-12-01T08:00:00.000Z'`,
          `releaseNotes: ${JSON.stringify(notes)}`,
          '',
        ].join('\n'),
      );
      return { file: name, sha512: sha512(content) };
    },
  };
}

export interface FakeApp extends AppAdapter {
  quits: number;
  quitHandlers: ((exitCode: number) => void)[];
  /** where electron-updater keeps downloads */
  cacheDir: string;
}

/**
 * Electron's app as electron-updater sees it, for an installed program of `version`. Its app-update.yml
 * is the one electron-builder writes from `publish` (generic provider): its address is a placeholder that
 * the address saved in 设置 replaces at run time.
 */
export function fakeApp(version: string): FakeApp {
  const dir = tempDir('ltc-app-');
  const configPath = join(dir, 'resources', 'app-update.yml');
  mkdirSync(join(dir, 'resources'));
  writeFileSync(configPath, 'provider: generic\nurl: http://update.invalid/\nupdaterCacheDirName: ltc-desk-updater\n');
  const app: FakeApp = {
    version,
    name: '长护助手',
    isPackaged: true,
    appUpdateConfigPath: configPath,
    userDataPath: join(dir, 'userData'),
    baseCachePath: join(dir, 'cache'),
    cacheDir: join(dir, 'cache', 'ltc-desk-updater'),
    whenReady: () => Promise.resolve(),
    relaunch: () => undefined,
    quit: () => void (app.quits += 1),
    onQuit: (handler) => void app.quitHandlers.push(handler),
    quits: 0,
    quitHandlers: [],
  };
  return app;
}

/** The real NsisUpdater of an installed `version`, on Node's HTTP; its quitAndInstall recorded, never run. */
export function nsisUpdater(app: FakeApp): { updater: NsisUpdater; installs: [boolean | undefined, boolean | undefined][] } {
  const updater = new NsisUpdater(null, app);
  // With an app adapter electron-updater leaves the executor to us (in Electron it uses Electron's net).
  (updater as unknown as { httpExecutor: NodeHttpExecutor }).httpExecutor = new NodeHttpExecutor();
  // As on the Windows PCs this is for: NSIS reads latest.yml (on Linux electron-updater would ask for
  // latest-linux.yml). Its test hook is the only way to say so; it must be set before the feed is.
  (updater as unknown as { _testOnlyOptions: { platform: string } })._testOnlyOptions = { platform: 'win32' };
  updater.logger = null;
  const installs: [boolean | undefined, boolean | undefined][] = [];
  // Running the installer would quit this process: record the call instead.
  updater.quitAndInstall = (isSilent, isForceRunAfter) => void installs.push([isSilent, isForceRunAfter]);
  return { updater, installs };
}

/** Every file under `dir` (relative paths), [] when it does not exist. */
export function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();
}
