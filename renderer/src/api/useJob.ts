/**
 * Starts a job call and polls its progress until it ends: the progress bar of long work (claim
 * packages, imports) that runs off the UI thread.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { JobStatus } from '../../../shared/api/jobs';
import { call } from './client';

export function useJob() {
  const client = useQueryClient();
  const [status, setStatus] = useState<JobStatus | null>(null);
  const timer = useRef<ReturnType<typeof setInterval> | null>(null);
  useEffect(() => () => void (timer.current && clearInterval(timer.current)), []);

  const track = useCallback(
    (jobId: string): Promise<JobStatus> =>
      new Promise((resolve) => {
        timer.current = setInterval(() => {
          void call('jobs.status', { id: jobId }).then((s) => {
            setStatus(s);
            if (s.state !== 'running') {
              if (timer.current) clearInterval(timer.current);
              void client.invalidateQueries();
              resolve(s);
            }
          });
        }, 400);
      }),
    [client],
  );
  return { status, track, reset: () => setStatus(null) };
}
