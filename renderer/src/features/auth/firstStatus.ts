/**
 * The login gate's first question, asked as the page loads. The host answers one call at a time, and the
 * router starts the first screen's calls (the home screen's dashboard: ~0.3 s on a big institution) as
 * soon as it is made: asked only when the gate first renders, auth.status queued behind them and the
 * window showed nothing meanwhile. Asked first, it is answered first (app/App.tsx asks it before making
 * the router); the gate's first check takes this answer, every later check asks again.
 */
import type { AuthStatus } from '../../../../shared/api/auth';
import { call } from '../../api/client';

let early: Promise<AuthStatus> | null = null;

export function askAuthStatusEarly(): void {
  early = call('auth.status');
  // taken by the gate, which shows a refusal; in safe mode the gate never renders and nobody takes it
  early.catch(() => undefined);
}

export function authStatus(): Promise<AuthStatus> {
  const answer = early ?? call('auth.status');
  early = null;
  return answer;
}
