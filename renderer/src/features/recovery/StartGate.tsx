/**
 * The first call of the window: normal, or safe mode (the database could not be opened). In safe mode the
 * recovery screen is all there is: the normal screens and their navigation are never rendered.
 */
import { Spin } from 'antd';
import type { ReactNode } from 'react';
import { useApiQuery } from '../../api/hooks';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { RecoveryScreen } from './RecoveryScreen';

export function StartGate({ children }: { children: ReactNode }) {
  const status = useApiQuery('recovery.status', undefined, { staleTime: Infinity });
  if (status.isLoading) return <Spin style={{ display: 'block', marginTop: 120 }} />;
  if (status.error) return <ErrorAlert error={status.error} />;
  if (status.data?.mode === 'safe') return <RecoveryScreen status={status.data} />;
  return <>{children}</>;
}
