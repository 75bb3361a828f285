/**
 * The window's first questions, asked before the app's code runs. main.tsx runs this small module before it
 * loads the app, so the host is already answering while the app's big bundle is fetched and compiled (~0.3–0.5
 * s on a modest PC) — the gates' recovery.status and auth.status, then,
 * when the window opens on 首页, the month's dashboard (~0.3 s on a big institution) — when the app asks.
 * The app's own calls take these answers (`call` in api/client.ts) instead of asking again. Asked in this
 * order because the host answers one call at a time: the gates must not wait behind the dashboard.
 */
import { askEarly } from './api/client';
import { currentMonth, todayLocal } from './ui/dates';

askEarly('recovery.status', undefined);
askEarly('auth.status', undefined);
// the home route's loader asks the same (features/home/index.tsx)
if (location.hash === '' || location.hash === '#' || location.hash === '#/') askEarly('dashboard.get', { month: currentMonth(), today: todayLocal() });
