/** Who is logged in, for the screens: her name and role, and whether she may make a call (shared/api/permissions.ts). */
import { createContext, useContext } from 'react';
import type { AuthStatus, SessionUser } from '../../../../shared/api/auth';
import type { MethodNameListed } from '../../../../shared/api/methodNames';
import { mayCall } from '../../../../shared/api/permissions';

export interface SessionValue {
  user: SessionUser;
  status: AuthStatus;
  /** asks the services again who is logged in (after a login, a logout, a lock) */
  refresh(): Promise<void>;
  logout(): Promise<void>;
  lock(): Promise<void>;
}

export const SessionContext = createContext<SessionValue | null>(null);

export function useSession(): SessionValue | null {
  return useContext(SessionContext);
}

/** May the logged-in user make this call? The screens hide what she may not do; the services refuse it anyway. */
export function useCan(method: MethodNameListed): boolean {
  const s = useContext(SessionContext);
  // no session context: a screen rendered outside the gate (none in the app)
  return s ? mayCall(s.user.role, method) : true;
}
