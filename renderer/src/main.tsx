/**
 * The page's entry, kept small: it asks the window's first questions (firstCalls.ts), and only then runs
 * the app (~1.3 MB of scripts to fetch, compile and run), so the host answers while they load. index.html
 * names the app's scripts, so they are fetched beside this one; the app runs once they are in.
 */
import { appFetched } from './firstCalls';

void appFetched.then(() => import('./mount')).then(({ mount }) => mount());
