/**
 * Nothing of the app shows before a login (issue 16 §1, decisions.md D35): the gate asks the services who
 * is logged in here (auth.status) and shows 首次使用, 登录 or the lock screen until someone is. A call
 * refused for want of a login anywhere in the app (the server restarted, another window logged out) brings
 * the gate back. After the idle minutes set in 用户管理 the window locks: the screen underneath stays as it
 * was (a half-filled form is not lost) but hidden, and only her password unlocks it.
 */
import { Button, Flex, Spin } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { AuthStatus } from '../../../../shared/api/auth';
import { call, onUnauthenticated, takeSettled } from '../../api/client';
import { queryClient } from '../../api/queryClient';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { LockScreen, LoginScreen, SetupScreen } from './AuthScreens';
import { SessionContext, type SessionValue } from './session';
import { S } from './strings';

/** What counts as someone at the keyboard. */
const ACTIVITY = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;

function useIdleLock(minutes: number, active: boolean, onIdle: () => void): void {
  const last = useRef(0);
  useEffect(() => {
    if (!active || minutes <= 0) return;
    last.current = Date.now();
    const seen = () => {
      last.current = Date.now();
    };
    for (const e of ACTIVITY) window.addEventListener(e, seen, { passive: true, capture: true });
    const timer = window.setInterval(() => {
      if (Date.now() - last.current >= minutes * 60_000) onIdle();
    }, 5_000);
    return () => {
      for (const e of ACTIVITY) window.removeEventListener(e, seen, { capture: true });
      window.clearInterval(timer);
    };
  }, [minutes, active, onIdle]);
}

export function AuthGate({ children }: { children: ReactNode }) {
  // the answer src/firstCalls.ts asked for, when it is in before the first render (mount.tsx waits for it):
  // the window then opens straight on its screen, without a spinner drawn first
  const [first] = useState(() => takeSettled('auth.status', undefined) ?? null);
  const [status, setStatus] = useState<AuthStatus | null>(first);
  const [error, setError] = useState<unknown>(null);

  const refresh = useCallback(async () => {
    try {
      const next = await call('auth.status');
      setStatus((before) => {
        // another user (or none): nothing the previous one saw stays in the cache. Not on the first
        // answer: what is cached then was asked with this same session (the first screen's prefetch),
        // and clearing it made the home screen ask for its dashboard twice.
        if (before && before.user?.id !== next.user?.id) queryClient.clear();
        return next;
      });
      setError(null);
    } catch (e) {
      setError(e);
    }
  }, []);

  useEffect(() => {
    if (!first) void refresh();
    return onUnauthenticated(() => void refresh());
  }, [first, refresh]);

  const logout = useCallback(async () => {
    await call('auth.logout');
    queryClient.clear();
    await refresh();
  }, [refresh]);
  const lock = useCallback(async () => {
    await call('auth.lock');
    await refresh();
  }, [refresh]);

  const user = status?.user ?? null;
  const locked = status?.locked ?? false;
  useIdleLock(status?.idleMinutes ?? 0, !!user && !locked, () => void lock());

  const value = useMemo<SessionValue | null>(() => (status && user ? { user, status, refresh, logout, lock } : null), [status, user, refresh, logout, lock]);

  if (error && !status) {
    return (
      <Flex vertical gap={12} style={{ padding: 48 }}>
        <ErrorAlert error={error} />
        <Button onClick={() => void refresh()} style={{ alignSelf: 'flex-start' }}>
          {S.retry}
        </Button>
      </Flex>
    );
  }
  if (!status) {
    return (
      <Flex justify="center" align="center" style={{ minHeight: '100vh' }}>
        <Spin tip={S.loading} />
      </Flex>
    );
  }
  if (status.needsSetup) return <SetupScreen onDone={() => void refresh()} />;
  if (!user || !value) return <LoginScreen onLoggedIn={() => void refresh()} />;
  return (
    <SessionContext.Provider value={value}>
      {locked && (
        <LockScreen
          user={user}
          // what the screen underneath asked while locked was refused: ask again
          onUnlocked={() => void refresh().then(() => queryClient.invalidateQueries())}
          onLogout={() => void logout()}
        />
      )}
      {/* kept as it was, out of sight and out of reach, while the window is locked */}
      <div hidden={locked} inert={locked}>
        {children}
      </div>
    </SessionContext.Provider>
  );
}
