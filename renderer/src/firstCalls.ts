/**
 * The window's first questions, asked before the app's code runs. main.tsx runs this small module before it
 * loads the app, so the host is already answering while the app's big bundle is fetched and compiled (~0.3–0.5
 * s on a modest PC) — the gates' recovery.status and auth.status, then,
 * when the window opens on 首页, the month's dashboard (~0.3 s on a big institution) — when the app asks.
 * The app's own calls take these answers (`call` in api/client.ts) instead of asking again. Asked in this
 * order because the host answers one call at a time: the gates must not wait behind the dashboard.
 *
 * In the browser preview the same thread also serves the app's scripts (index.html names them,
 * `modulepreload`): the dashboard is asked once they are in, so they never wait behind it; the page compiles
 * and draws the frame while the host computes it. In the desktop window the scripts come from disk: asked at once.
 */
import { askEarly } from './api/client';
import { currentMonth, todayLocal } from './ui/dates';

/**
 * The app's scripts named in index.html, all fetched (a second at most: a failed one is the app's to report).
 * main.tsx runs the app after this, so the dashboard is asked before the page is busy running the app.
 */
function appScriptsFetched(): Promise<void> {
  if (location.protocol !== 'http:' && location.protocol !== 'https:') return Promise.resolve();
  const fetched = new Set(performance.getEntriesByType('resource').map((e) => e.name));
  const pending = [...document.querySelectorAll<HTMLLinkElement>('link[rel="modulepreload"]')].filter((l) => !fetched.has(l.href));
  const loaded = pending.map(
    (link) =>
      new Promise<void>((done) => {
        link.addEventListener('load', () => done(), { once: true });
        link.addEventListener('error', () => done(), { once: true });
      }),
  );
  return Promise.race([Promise.all(loaded).then(() => undefined), new Promise<void>((done) => setTimeout(done, 1_000))]);
}

export const appFetched = appScriptsFetched();

askEarly('recovery.status', undefined);
askEarly('auth.status', undefined);
// the home route's loader asks the same (features/home/index.tsx)
if (location.hash === '' || location.hash === '#' || location.hash === '#/') {
  askEarly('dashboard.get', { month: currentMonth(), today: todayLocal() }, appFetched);
}
