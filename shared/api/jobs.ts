/** Long work (a claim package, an import) runs off the UI thread as a job; the screen polls its progress. */
import { z } from 'zod';
import { method } from './define';

export interface JobStatus<T = unknown> {
  id: string;
  kind: string;
  state: 'running' | 'done' | 'failed';
  progress: { done: number; total: number; phase: string };
  result?: T;
  error?: { code: string; message: string; problems?: { path: string; message: string }[] };
}

export const jobsApi = {
  'jobs.status': method(z.object({ id: z.string().min(1).max(64) })).returns<JobStatus>(),
};
