/**
 * Starts the built HTTP host (out/main/host.js) on a free loopback port with a fresh database file,
 * exactly as `npm run web` does, and stops it after the test.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../../..');
/** The build to test: `out` (npm run build); LTC_OUT_DIR lets parallel work use its own build folder. */
export const OUT_DIR = resolve(ROOT, process.env['LTC_OUT_DIR'] ?? 'out');

export interface Host {
  url: string;
  /** the address the host printed, to open the page at: in safe mode it carries the key its recovery calls need */
  openUrl: string;
  dbFile: string;
  stop(): Promise<void>;
}

/**
 * `extraArgs`: more options of the host (e.g. `--update-stub FILE`); `env`: more environment (e.g.
 * `LTC_TODAY`, the services' today, for a test of what depends on the date).
 */
export async function startHost(
  dbFile = join(mkdtempSync(join(tmpdir(), 'ltc-e2e-')), 'ltc.db'),
  extraArgs: string[] = [],
  env: Record<string, string> = {},
): Promise<Host> {
  const child: ChildProcess = spawn(process.execPath, [join(OUT_DIR, 'main/host.js'), '--db', dbFile, '--port', '0', ...extraArgs], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
  const [url, openUrl] = await new Promise<[string, string]>((done, fail) => {
    let out = '';
    const timer = setTimeout(() => fail(new Error(`host did not start: ${stderr}`)), 15_000);
    child.stdout?.on('data', (c: Buffer) => {
      out += c.toString();
      // the whole address (up to the spaces after it): in safe mode it ends in ?key=…
      const m = /(http:\/\/127\.0\.0\.1:\d+\/)(\?key=[\w-]+)?\s/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        done([m[1], m[1] + (m[2] ?? '')]);
      }
    });
    child.once('exit', (code) => fail(new Error(`host exited (${code}): ${stderr}`)));
  });
  return {
    url,
    openUrl,
    dbFile,
    stop: () =>
      new Promise((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}
