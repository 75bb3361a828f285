/**
 * Who is logged in, kept in the serving process's memory only (the host, or Electron's main process for
 * its window): a restart logs everyone out. A session is found by a random token: the host's cookie
 * (HttpOnly, SameSite=Strict) or the desktop window's slot in the main process.
 */
import { randomBytes } from 'node:crypto';
import type { Role, SessionUser } from '../../../shared/api/auth';

export interface Session {
  token: string;
  user: SessionUser;
  /** the window idled: only her password (auth.unlock) brings it back */
  locked: boolean;
}

/** Where one caller's token is kept between calls: a cookie (host) or a variable (the desktop window). */
export interface SessionSlot {
  readonly token: string | null;
  set(token: string | null): void;
}

export class SessionStore {
  private readonly byToken = new Map<string, Session>();

  create(user: SessionUser): Session {
    const s: Session = { token: randomBytes(32).toString('base64url'), user: { ...user }, locked: false };
    this.byToken.set(s.token, s);
    return s;
  }

  get(token: string | null | undefined): Session | null {
    return token ? (this.byToken.get(token) ?? null) : null;
  }

  drop(token: string | null | undefined): void {
    if (token) this.byToken.delete(token);
  }

  /** A user disabled or given a new password by a 管理员: her open sessions end. */
  dropUser(userId: number, except?: string): void {
    for (const [t, s] of this.byToken) if (s.user.id === userId && t !== except) this.byToken.delete(t);
  }

  /** A role changed: the sessions follow. */
  setRole(userId: number, role: Role): void {
    for (const s of this.byToken.values()) if (s.user.id === userId) s.user.role = role;
  }
}

/** A slot in memory: the desktop window's, and the tests'. */
export function memorySlot(): SessionSlot {
  let token: string | null = null;
  return {
    get token() {
      return token;
    },
    set(t) {
      token = t;
    },
  };
}
