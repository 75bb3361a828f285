/**
 * The page's entry, kept small: it asks the window's first questions (firstCalls.ts), and only then loads
 * the app (~1.3 MB of scripts to fetch, compile and run), so the host answers while they load.
 */
import './firstCalls';

void import('./mount').then(({ mount }) => mount());
