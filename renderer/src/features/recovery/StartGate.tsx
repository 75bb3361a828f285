/**
 * The first call of the window: normal, or safe mode (the database could not be opened). In safe mode the
 * recovery screen is all there is: the normal screens and their navigation are never rendered.
 */
import { Spin } from 'antd';
import { lazy, Suspense, type ReactNode } from 'react';
import { useApiQuery } from '../../api/hooks';
import { ErrorAlert } from '../../ui/ErrorAlert';

// loaded only in safe mode: its tables and lists are not part of every start (bench: rendererReadyMs)
const RecoveryScreen = lazy(() => import('./RecoveryScreen').then((m) => ({ default: m.RecoveryScreen })));
const waiting = <Spin style={{ display: 'block', marginTop: 120 }} />;

export function StartGate({ children }: { children: ReactNode }) {
  const status = useApiQuery('recovery.status', undefined, { staleTime: Infinity });
  if (status.isLoading) return waiting;
  if (status.error) return <ErrorAlert error={status.error} />;
  if (status.data?.mode === 'safe')
    return (
      <Suspense fallback={waiting}>
        <RecoveryScreen status={status.data} />
      </Suspense>
    );
  return <>{children}</>;
}
