/**
 * The BUILT main process (out/main/index.js) wired to a stand-in `electron` module
 * (tests/support/electronStandIn.cjs), in a child process: no Electron binary runs on these machines,
 * and a main bundle that cannot load, or that wires the window insecurely, would otherwise only be found
 * on a user's PC. Needs `npm run build` first (npm test does it).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { API_CHANNEL } from '../../../shared/api/methodNames';
import { tempDir } from '../services/helpers';
import { requireBuiltMain, ROOT, runBuiltMain } from './builtMain';

interface Recorded {
  singleInstanceLock: number;
  appEvents: string[];
  ipcChannels: string[];
  windows: { options: { webPreferences: Record<string, unknown>; title: string }; loaded: string | null }[];
  permissionHandler: string | false;
  headers: Record<string, string[]> | null;
  menu: boolean;
  errors: string[];
  guards: Record<string, unknown>;
  beforeLogin: { value?: { ok: boolean; error?: { code: string } } };
  fromApp: { value?: { ok: boolean; value?: { shell: string; databaseFile: string } }; thrown?: string };
  fromApp404: { value?: { ok: boolean; error?: { code: string } } };
  fromElsewhere: { thrown?: string };
  fromOtherFile: { thrown?: string };
}

let rec: Recorded;
let userData = '';
beforeAll(() => {
  requireBuiltMain();
  userData = tempDir();
  rec = runBuiltMain<Recorded>(userData);
});

/** The policy in renderer/index.html's meta tag: the header must say the same. */
function metaCsp(): string {
  const html = readFileSync(path.join(ROOT, 'renderer', 'index.html'), 'utf8');
  const m = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html);
  if (!m?.[1]) throw new Error('renderer/index.html has no CSP meta tag');
  return m[1];
}

describe('the main process, as built', () => {
  it('takes the single-instance lock and opens one window on the built page, with no startup error', () => {
    expect(rec.singleInstanceLock).toBe(1);
    expect(rec.appEvents).toContain('second-instance');
    expect(rec.errors).toEqual([]);
    expect(rec.windows).toHaveLength(1);
    const loaded = rec.windows[0]?.loaded ?? '';
    expect(existsSync(fileURLToPath(loaded)), loaded).toBe(true);
    expect(rec.windows[0]?.options.title).toBe('长护助手');
    expect(rec.menu).toBe(true);
  });

  it('gives the window the secure web preferences and the built preload', () => {
    const prefs = rec.windows[0]?.options.webPreferences ?? {};
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false });
    expect(prefs['preload']).toBe(path.join(ROOT, 'out', 'preload', 'index.js'));
    expect(existsSync(String(prefs['preload']))).toBe(true);
  });

  it('registers exactly one IPC channel, which answers the page and refuses any other sender', () => {
    expect(rec.ipcChannels).toEqual([API_CHANNEL]);
    // nothing answers before the window's user has logged in (here: created the first 管理员)
    expect(rec.beforeLogin.value?.error?.code).toBe('UNAUTHENTICATED');
    expect(rec.fromApp.value?.ok).toBe(true);
    expect(rec.fromApp.value?.value?.shell).toBe('desktop');
    expect(rec.fromApp.value?.value?.databaseFile).toBe(path.join(userData, 'ltc-desk.db'));
    expect(rec.fromApp404.value?.error?.code).toBe('UNKNOWN_METHOD');
    expect(rec.fromElsewhere.thrown).toMatch(/untrusted frame refused/);
    expect(rec.fromOtherFile.thrown).toMatch(/untrusted frame refused/);
  });

  it('denies every permission and sends the renderer its CSP as a header', () => {
    expect(rec.permissionHandler).toBe('denies');
    expect(rec.headers?.['Content-Security-Policy']).toEqual([metaCsp()]);
  });

  it('denies new windows, navigation away from the app and webviews', () => {
    expect(rec.guards).toEqual({
      newWindow: { action: 'deny' },
      navigateAway: true,
      navigateInApp: false,
      redirectAway: true,
      webviewRefused: true,
    });
  });
});
