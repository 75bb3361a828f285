/**
 * Starts a job call and polls its progress until it ends: the progress bar of long work (claim
 * packages, imports) that runs off the UI thread. One poll at a time (the next is scheduled when
 * the last answered), so a slow answer never stacks requests; a poll that fails is retried a few
 * times before the job is reported as failed, with a message that says what to do.
 *
 * `run(start)` is what a screen calls: it starts the job, keeps `running` true until it ends, and
 * keeps what went wrong (failing to start, or the job failing, with its problems) in `error` for the
 * screen's ErrorAlert. It resolves to the finished job, or null when it failed.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { JobStatus } from '../../../shared/api/jobs';
import { call } from './client';
import { S } from './strings';

const POLL_MS = 400;
/**
 * The first looks come sooner (100, 200 ms, then every 400 ms): most jobs (a month's claim, a small import)
 * end within a few hundred milliseconds, and the screen showed their result only at the first 400 ms poll.
 */
const pollDelay = (polls: number): number => Math.min(POLL_MS, 100 * 2 ** polls);
const MAX_FAILED_POLLS = 5;

export function useJob() {
  const client = useQueryClient();
  const [status, setStatus] = useState<JobStatus | null>(null);
  // Each track() gets a token; a newer one (or unmounting) stops the older loop.
  const current = useRef(0);
  useEffect(() => () => void (current.current += 1), []);

  const track = useCallback(
    (jobId: string): Promise<JobStatus> => {
      const token = ++current.current;
      return new Promise((resolve) => {
        let failures = 0;
        let polls = 0;
        const finish = (s: JobStatus) => {
          setStatus(s);
          void client.invalidateQueries();
          resolve(s);
        };
        const poll = () => {
          if (token !== current.current) return;
          call('jobs.status', { id: jobId }).then(
            (s) => {
              if (token !== current.current) return;
              failures = 0;
              setStatus(s);
              if (s.state === 'running') setTimeout(poll, pollDelay(++polls));
              else finish(s);
            },
            (e: unknown) => {
              if (token !== current.current) return;
              if (++failures < MAX_FAILED_POLLS) {
                setTimeout(poll, POLL_MS * failures);
                return;
              }
              const message = e instanceof Error ? e.message : String(e);
              finish({
                id: jobId,
                kind: 'unknown',
                state: 'failed',
                progress: { done: 0, total: 1, phase: '' },
                error: { code: 'INTERNAL', message: S.progressLost(message) },
              });
            },
          );
        };
        setTimeout(poll, pollDelay(0));
      });
    },
    [client],
  );
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = useCallback(
    async (start: () => Promise<{ jobId: string }>): Promise<JobStatus | null> => {
      setError(null);
      setStatus(null);
      // The bar shows from the click on, before the first progress report arrives.
      setRunning(true);
      try {
        const s = await track((await start()).jobId);
        if (s.state === 'done') return s;
        setError(Object.assign(new Error(s.error?.message ?? S.jobFailed), { problems: s.error?.problems ?? [] }));
        return null;
      } catch (e) {
        setError(e);
        return null;
      } finally {
        setRunning(false);
      }
    },
    [track],
  );
  return { status, running, error, run };
}
