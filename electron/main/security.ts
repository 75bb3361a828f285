/**
 * The window's security settings, kept apart from the code that uses them so a unit test can read them
 * without Electron. Nothing here may import `electron` (not even its types: tests load this file in Node).
 * Background: https://www.electronjs.org/docs/latest/tutorial/security
 */

/** The subset of Electron's `WebPreferences` we set; structurally assignable to it. */
export interface SecureWebPreferences {
  readonly preload: string;
  readonly contextIsolation: true;
  readonly sandbox: true;
  readonly nodeIntegration: false;
  readonly nodeIntegrationInWorker: false;
  readonly nodeIntegrationInSubFrames: false;
  readonly webSecurity: true;
  readonly allowRunningInsecureContent: false;
  readonly experimentalFeatures: false;
  readonly webviewTag: false;
  readonly navigateOnDragDrop: false;
  readonly spellcheck: false;
}

/**
 * The renderer is an untrusted web page: isolated from the preload's world, sandboxed, no Node. Its only
 * way out is the narrow `window.api` the preload exposes.
 */
export function secureWebPreferences(preloadPath: string): SecureWebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    // Dropping a file on the window must not navigate to it; imports go through an explicit dialog.
    navigateOnDragDrop: false,
    // The spellchecker downloads dictionaries from Google's CDN; the app works offline.
    spellcheck: false,
  };
}

/**
 * Same policy as the `<meta http-equiv="Content-Security-Policy">` in renderer/index.html (keep the two
 * identical). 'unsafe-inline' is for styles only: React sets `style` attributes. No 'unsafe-eval'.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Whether `target` is a page of the app itself, so a navigation or an IPC sender can be trusted.
 * For the dev server (http) that is the same origin; for the built app (file:) it is the one
 * index.html, whatever its hash or query (a router may use either).
 */
export function isAppUrl(target: string, appUrl: string): boolean {
  let t: URL;
  let a: URL;
  try {
    t = new URL(target);
    a = new URL(appUrl);
  } catch {
    return false;
  }
  if (a.protocol === 'file:') return t.protocol === 'file:' && t.host === a.host && t.pathname === a.pathname;
  if (a.protocol === 'http:' || a.protocol === 'https:') return t.origin === a.origin;
  return false;
}
